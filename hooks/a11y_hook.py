"""MkDocs glue for hooks/a11y/: check each page's content (a11y/content.py: one h1, alt text,
table header cells, not empty; a11y/language.py: lang and dir) and fix Material's markup on
every page, 404 included (a11y/fixes.py)."""

from __future__ import annotations

import logging

from a11y import content as a11y_content
from a11y import fixes as a11y_fixes
from a11y import language as a11y_language

log = logging.getLogger("mkdocs.plugins.a11y")


def fixed(html: str, where: str) -> str:
    """The page with the fixes applied; each problem is logged so --strict fails the build."""
    html, problems = a11y_fixes.apply_fixes(html)
    for problem in problems:
        log.warning(f"{where}: {problem}")
    return html


def on_page_content(html, page, config, files):
    """Each page's content, with the line of its Markdown file where each problem is."""
    source = page.file.content_string
    for problem in a11y_content.check(html, source) + a11y_language.check(html, source):
        log.warning(problem.message(page.file.src_uri))
    return html


def on_post_page(output, page, config):
    """Every Markdown page and generated page."""
    return fixed(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """Theme pages rendered from templates: Material's 404.html is a page people land on."""
    if template_name.endswith(".html") and "<html" in output_content:
        return fixed(output_content, f"template {template_name}")
    return output_content
