"""MkDocs glue for the finished page, last in mkdocs.yml: its accessibility, its first paint and
its security policy.

- Content: each page is checked as it is built, naming the line of its Markdown file
  (a11y/content.py: one h1, alt text, table header cells, not empty; a11y/language.py: lang
  and dir).
- Markup: Material's markup is fixed on every page, 404 included (a11y/fixes.py).
- First paint: the CSS a page uses goes inline; stylesheets load without blocking; scripts are
  deferred (first_paint/inline.py); Material's script loads when the page needs it, its tables
  wrapped at build time instead (first_paint/material_script.py).
- Last of all, the finished page gets its Content-Security-Policy (safety/csp.py), whose hashes
  must be of the page as published.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from a11y import content as a11y_content
from a11y import fixes as a11y_fixes
from a11y import language as a11y_language
from first_paint import inline as first_paint
from first_paint import material_script
from safety import csp

log = logging.getLogger("mkdocs.plugins.a11y")


def on_page_content(html, page, config, files):
    """Each page's content, with the line of its Markdown file where each problem is."""
    source = page.file.content_string
    for problem in a11y_content.check(html, source) + a11y_language.check(html, source):
        log.warning(problem.message(page.file.src_uri))
    return html


def on_post_page(output, page, config):
    """Every Markdown page and generated page: fixed, painted fast, then given its policy."""
    folder = posixpath.dirname(page.file.dest_uri)
    site = Path(config.site_dir)

    def read(href: str) -> str | None:
        if "://" in href or href.startswith(("/", "data:")):
            return None
        path = site / posixpath.normpath(posixpath.join(folder, href.split("?")[0]))
        return _text(path) if path.is_file() else None

    where = page.file.src_uri
    painted = first_paint.fast_first_paint(material_script.wrap_tables(_fixed(output, where)), read)
    try:
        painted = material_script.on_demand(painted)
    except material_script.ScriptNotFound as problem:
        log.warning(f"{where}: {problem}")
    return csp.with_policy(painted, _offline(config))


def on_post_template(output_content, template_name, config):
    """Theme pages rendered from templates: Material's 404.html is a page people land on."""
    if template_name.endswith(".html") and "<html" in output_content:
        return csp.with_policy(_fixed(output_content, f"template {template_name}"), _offline(config))
    return output_content


def _fixed(html: str, where: str) -> str:
    """The page with Material's markup fixed; each problem is logged so --strict fails the build."""
    html, problems = a11y_fixes.apply_fixes(html)
    for problem in problems:
        log.warning(f"{where}: {problem}")
    return html


def _offline(config) -> bool:
    """Whether this is the offline copy's build (hooks/offline_hook.py set it up)."""
    return bool(config.extra.get("offline_copy", {}).get("active"))


def _text(path: Path) -> str:
    """A stylesheet's text, read once per build."""
    key = (path, path.stat().st_mtime_ns)
    if key not in _READ:
        _READ[key] = path.read_text(encoding="utf-8")
    return _READ[key]


_READ: dict[tuple[Path, int], str] = {}
