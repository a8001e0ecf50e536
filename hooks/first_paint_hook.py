"""MkDocs glue for hooks/first_paint/inline.py: every page paints without waiting for the network;
then, last of all, hooks/safety/csp.py gives the finished page its Content-Security-Policy."""

from __future__ import annotations

import posixpath
from pathlib import Path

from first_paint import inline as first_paint
from safety import csp


def on_post_page(output, page, config):
    """Inline the CSS the page uses; load the stylesheets without blocking; defer scripts."""
    folder = posixpath.dirname(page.file.dest_uri)
    site = Path(config.site_dir)

    def read(href: str) -> str | None:
        if "://" in href or href.startswith(("/", "data:")):
            return None
        path = site / posixpath.normpath(posixpath.join(folder, href.split("?")[0]))
        return _text(path) if path.is_file() else None

    return csp.with_policy(first_paint.fast_first_paint(output, read), _offline(config))


def on_post_template(output_content, template_name, config):
    """Theme pages rendered from templates (Material's 404.html) get the policy too."""
    if template_name.endswith(".html") and "<html" in output_content:
        return csp.with_policy(output_content, _offline(config))
    return output_content


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
