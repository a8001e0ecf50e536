"""MkDocs glue for the route tables: expand ``{{ routes.* }}`` from docs/data/routes.yml.

Markers (each on a line of its own):
``{{ routes.comparison }}``, ``{{ routes.comparison(short) }}``, ``{{ routes.alongside }}``,
``{{ routes.time_limits }}`` and ``{{ routes.differences(<route id>) }}``.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from content import site as content
from local import details as local_details
from helpers import markers
from routes import data as routes_data
from routes import render as routes_render

log = logging.getLogger("mkdocs.plugins.routes")

DATA = Path("data") / "routes.yml"
KEYS = {"comparison", "alongside", "time_limits", "differences"}

routes: list[routes_data.Route] = []
local_values: dict[str, str] = {}
comparison_page: str | None = None


def on_files(files, config):
    """Take the checked route data (content_hook reports its problems); find the comparison page."""
    global routes, local_values, comparison_page
    site = content.current()
    routes = site.value("routes.yml")
    local_values = local_details.plain_markers(site.value("local.yml"))
    comparison_page = None
    for file in files.documentation_pages():
        for marker in markers.find(file.content_string, "routes"):
            if marker.key == "comparison" and marker.argument is None:
                comparison_page = file.src_uri
    return files


def _render(marker: markers.Marker, line: str, renderer: routes_render.Renderer, page: str) -> str:
    """HTML for one marker, or :class:`markers.MarkerError` saying what to write instead."""
    if marker.key not in KEYS:
        raise markers.MarkerError(f"unknown routes table '{marker.key}'; use one of: {', '.join(sorted(KEYS))}")
    if line.strip() != marker.text:
        raise markers.MarkerError("put the marker on a line of its own, with a blank line before and after")
    ids = [route.id for route in routes]
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


def on_page_markdown(markdown, page, config, files):
    """Replace each ``{{ routes.* }}`` marker by its table; report bad markers with their line."""
    if not markers.find(markdown, "routes"):
        return markdown
    source = page.file.src_uri
    lines = markdown.splitlines()

    def link_to(route: routes_data.Route) -> str:
        url = files.get_file_from_path(route.page).url_relative_to(page.file)
        return f"{url}#{route.anchor}" if route.anchor else url

    renderer = routes_render.Renderer(routes, local_values, link_to, source)

    def render(marker: markers.Marker) -> str:
        return _render(marker, lines[marker.line - 1], renderer, source)

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", source, offset + marker.line, marker.text, message)

    return markers.expand(markdown, "routes", render, report)


def on_env(env, config, files):
    """A route's ``page`` with an anchor (appeals.md#heading) must name a heading on that page."""
    for route in routes:
        target = files.get_file_from_path(route.page).page
        if route.anchor and target and target.present_anchor_ids is not None:
            if route.anchor not in target.present_anchor_ids:
                log.warning(
                    "docs/%s:%d: route '%s', field 'page': %s has no heading with the anchor '#%s'; "
                    "change 'page' to one of its headings, or the heading",
                    DATA.as_posix(),
                    route.page_line,
                    route.id,
                    route.page,
                    route.anchor,
                )
    return env
