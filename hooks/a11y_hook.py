"""MkDocs glue for hooks/a11y/fixes.py: fix Material's markup on every page, 404 included."""

from __future__ import annotations

import logging

from a11y import fixes as a11y_fixes

log = logging.getLogger("mkdocs.plugins.a11y")


def fixed(html: str, where: str) -> str:
    """The page with the fixes applied; each problem is logged so --strict fails the build."""
    html, problems = a11y_fixes.apply_fixes(html)
    for problem in problems:
        log.warning(f"{where}: {problem}")
    return html


def on_post_page(output, page, config):
    """Every Markdown page and generated page."""
    return fixed(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """Theme pages rendered from templates: Material's 404.html is a page people land on."""
    if template_name.endswith(".html") and "<html" in output_content:
        return fixed(output_content, f"template {template_name}")
    return output_content
