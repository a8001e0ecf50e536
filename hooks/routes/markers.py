"""The ``{{ routes.* }}`` markers: the HTML each one becomes, or what to write instead.

Markers (each on a line of its own): ``{{ routes.comparison }}``, ``{{ routes.comparison(short) }}``,
``{{ routes.alongside }}``, ``{{ routes.time_limits }}`` and ``{{ routes.differences(<route id>) }}``.
No MkDocs here.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from helpers import markers
from routes import render as routes_render

DATA = Path("data") / "routes.yml"
KEYS = {"comparison", "alongside", "time_limits", "differences"}


def render(marker: markers.Marker, line: str, renderer: routes_render.Renderer, page: str,
           comparison_page: str | None) -> str:
    """HTML for one marker, or :class:`markers.MarkerError` saying what to write instead."""
    if marker.key not in KEYS:
        raise markers.MarkerError(f"unknown routes table '{marker.key}'; use one of: {', '.join(sorted(KEYS))}")
    if line.strip() != marker.text:
        raise markers.MarkerError("put the marker on a line of its own, with a blank line before and after")
    ids = list(renderer.by_id)
    if marker.key == "comparison":
        if marker.argument not in (None, "short"):
            raise markers.MarkerError("write {{ routes.comparison }} or {{ routes.comparison(short) }}")
        if marker.argument is None and page != comparison_page:
            raise markers.MarkerError(f"the full comparison is already on {comparison_page}; place it once")
        html = renderer.comparison(short=marker.argument == "short")
    elif marker.key == "differences":
        if marker.argument not in ids:
            raise markers.MarkerError(f"'{marker.argument}' is not a route id; use one of: {', '.join(ids)}")
        try:
            html = renderer.differences(marker.argument)
        except ValueError as error:
            raise markers.MarkerError(f"{error}; change 'confused_with' in {DATA.as_posix()}") from error
        if comparison_page:
            target = posixpath.relpath(comparison_page, posixpath.dirname(page) or ".")
            html += (
                "\n\n[See how this route compares with all the others]"
                f"({target}#{routes_render.anchor(renderer.by_id[marker.argument])})"
            )
    elif marker.argument is not None:
        raise markers.MarkerError(f"write {{{{ routes.{marker.key} }}}} with no argument")
    elif marker.key == "alongside":
        html = renderer.alongside_table()
    else:
        html = renderer.time_limits_table()
    return f"\n\n{html}\n\n"
