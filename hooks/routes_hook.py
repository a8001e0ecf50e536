"""MkDocs glue for what is made from docs/data/routes.yml: the route tables (``{{ routes.* }}``
markers, routes/markers.py) and "Which route fits?" (its pages and diagram, finder/).

The route data and the finder's flow (``docs/data/finder.yml``) are checked by the site model
(content_hook.py) before any page is built. The finder's pages are generated files under
``route-finder/`` (the start page in the nav, the rest not_in_nav), plus ``flow.dot`` and
``flow.svg`` for the service's staff.
"""

from __future__ import annotations

import logging
import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from content import site as content
from finder import diagram as finder_diagram
from finder import pages as finder_pages
from helpers import markers
from local import details as local_details
from routes import data as routes_data
from routes import markers as routes_markers
from routes import render as routes_render

log = logging.getLogger("mkdocs.plugins.routes")


routes: list[routes_data.Route] = []
timescales: list[routes_data.Timescale] = []
local_values: dict[str, str] = {}
comparison_page: str | None = None


def on_files(files, config):
    """Take the checked route data (content_hook reports its problems); find the comparison page;
    add the finder's pages and diagram."""
    global routes, timescales, local_values, comparison_page
    site = content.current()
    routes, timescales = site.value("routes.yml"), site.value("timescales")
    local_values = local_details.plain_markers(site.value("local.yml"))
    comparison_page = None
    for file in files.documentation_pages():
        for marker in markers.find(file.content_string, "routes"):
            if marker.key == "comparison" and marker.argument is None:
                comparison_page = file.src_uri
    _add_finder(files, config, site)
    return files


def _add_finder(files, config, site: content.Site) -> None:
    """The finder's pages and its diagram, as generated files."""
    flow = site.value("finder.yml")
    if flow is None:
        return
    info = finder_pages.route_info(site.value("routes.yml"))
    limits = finder_pages.all_limits(site.value("routes.yml"), site.value("timescales"))
    for uri, markdown in finder_pages.pages(flow, info, limits).items():
        level = InclusionLevel.INCLUDED if uri == finder_pages.START else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=level))

    def link(page_id: str) -> str:
        """The page's file beside the diagram (index.html named, so it works offline too)."""
        dest = File.generated(config, finder_pages.page_uri(page_id), content="").dest_uri
        return posixpath.relpath(dest, finder_pages.FOLDER)

    dot_text = finder_diagram.dot(flow, info, link)
    try:
        svg = finder_diagram.svg(dot_text)
    except finder_diagram.DiagramError as error:
        raise PluginError(str(error)) from error
    files.append(File.generated(config, finder_pages.DOT, content=dot_text))
    files.append(File.generated(config, finder_pages.SVG, content=svg))


def on_page_markdown(markdown, page, config, files):
    """Replace each ``{{ routes.* }}`` marker by its table; report bad markers with their line."""
    if not markers.find(markdown, "routes"):
        return markdown
    source = page.file.src_uri
    lines = markdown.splitlines()

    def link_to(route: routes_data.Route) -> str:
        url = files.get_file_from_path(route.page).url_relative_to(page.file)
        return f"{url}#{route.anchor}" if route.anchor else url

    def page_link(target: str) -> str:
        path, _, anchor = target.partition("#")
        url = files.get_file_from_path(path).url_relative_to(page.file)
        return f"{url}#{anchor}" if anchor else url

    renderer = routes_render.Renderer(routes, local_values, link_to, source, (timescales, page_link))

    def render(marker: markers.Marker) -> str:
        return routes_markers.render(marker, lines[marker.line - 1], renderer, source, comparison_page)

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
                    routes_markers.DATA.as_posix(),
                    route.page_line,
                    route.id,
                    route.page,
                    route.anchor,
                )
    return env
