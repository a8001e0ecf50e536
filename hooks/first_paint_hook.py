"""MkDocs glue for hooks/first_paint/inline.py: every page paints without waiting for the network."""

from __future__ import annotations

import posixpath
from pathlib import Path

from first_paint import inline as first_paint


def on_post_page(output, page, config):
    """Inline the CSS the page uses; load the stylesheets without blocking; defer scripts."""
    folder = posixpath.dirname(page.file.dest_uri)
    site = Path(config.site_dir)

    def read(href: str) -> str | None:
        if "://" in href or href.startswith(("/", "data:")):
            return None
        path = site / posixpath.normpath(posixpath.join(folder, href.split("?")[0]))
        return _text(path) if path.is_file() else None

    return first_paint.fast_first_paint(output, read)


def _text(path: Path) -> str:
    """A stylesheet's text, read once per build."""
    key = (path, path.stat().st_mtime_ns)
    if key not in _READ:
        _READ[key] = path.read_text(encoding="utf-8")
    return _READ[key]


_READ: dict[tuple[Path, int], str] = {}
