"""MkDocs glue for "Which route fits?": add the flow's pages and diagram.

The flow is ``docs/data/finder.yml``, checked by the site model (content_hook.py) against the
route data and the Code of Practice registry before any page is built. Pages are generated
files under ``route-finder/`` (the start page in the nav, the rest not_in_nav), plus
``flow.dot`` and ``flow.svg`` for the service's staff.
"""

from __future__ import annotations

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from content import site as content
from finder import diagram as finder_diagram
from finder import pages as finder_pages


def on_files(files, config):
    """Add the finder's pages and its diagram as generated files (content_hook checked the flow)."""
    site = content.current()
    flow = site.value("finder.yml")
    if flow is None:
        return files
    routes = finder_pages.route_info(site.value("routes.yml"))
    for uri, markdown in finder_pages.pages(flow, routes).items():
        level = InclusionLevel.INCLUDED if uri == finder_pages.START else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=level))

    def link(page_id: str) -> str:
        """The page's file beside the diagram (index.html named, so it works offline too)."""
        dest = File.generated(config, finder_pages.page_uri(page_id), content="").dest_uri
        return posixpath.relpath(dest, finder_pages.FOLDER)

    dot_text = finder_diagram.dot(flow, routes, link)
    try:
        svg = finder_diagram.svg(dot_text)
    except finder_diagram.DiagramError as error:
        raise PluginError(str(error)) from error
    files.append(File.generated(config, finder_pages.DOT, content=dot_text))
    files.append(File.generated(config, finder_pages.SVG, content=svg))
    return files
