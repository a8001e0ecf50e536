"""MkDocs glue for "Which route fits?": check the flow, then add its pages and diagram.

The flow is ``docs/data/finder.yml``. It is checked in ``on_files``, before any page is
built, against the route data and the Code of Practice registry; a bad flow stops the build
naming every problem. Pages are generated files under ``route-finder/`` (the start page in
the nav, the rest not_in_nav), plus ``flow.dot`` and ``flow.svg`` for the service's staff.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from citations import parse as citations_parse
from citations import registry as citations_registry
from finder import check as finder_check
from finder import diagram as finder_diagram
from finder import flow as finder_flow
from finder import pages as finder_pages
from local import details as local_details
from routes import data as routes_data


def _citations_found(text: str) -> tuple[list[str], list[str]]:
    """The citations in a route data field; routes_hook reports any that are wrong."""
    return [citation.text for citation in citations_parse.find_in_text(text)], []


def _routes(docs: Path, pages: set[str]) -> dict[str, finder_pages.RouteInfo]:
    """The route data as routes_data reads it (routes_hook, earlier in the list, reports its problems)."""
    values, _ = local_details.load(docs / "data" / "local.yml")
    plain = local_details.LocalDetails(values).plain()
    routes, _ = routes_data.load(docs / "data" / "routes.yml", pages, plain, _citations_found)
    return finder_pages.route_info(routes)


def _edition(docs: Path) -> citations_registry.Edition:
    registry, problems = citations_registry.load(docs / "data" / "code_of_practice.yml")
    if registry is None:
        raise PluginError("The Code of Practice registry is wrong:\n" + "\n".join(f"  {p}" for p in problems))
    return registry.edition()


def on_files(files, config):
    """Check the flow; add the finder's pages and its diagram as generated files."""
    docs = Path(config.docs_dir)
    path = docs / "data" / "finder.yml"
    flow, problems = finder_flow.load(path, Path(os.path.relpath(path, Path(config.config_file_path).parent)))
    routes = _routes(docs, {file.src_uri for file in files.documentation_pages()})
    if flow is not None and not problems:
        known = {rid: set(route.time_limits) for rid, route in routes.items()}
        problems = finder_check.check(flow, known, finder_check.citation_check(_edition(docs)))
    if problems:
        raise PluginError(
            "The route finder (docs/data/finder.yml) is wrong; fix each problem and build again:\n"
            + "\n".join(f"  {p}" for p in problems)
        )

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
