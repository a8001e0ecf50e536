"""MkDocs glue for "When is my deadline?" (hooks/deadlines/ does the work).

Markers: ``{{ deadlines.calculator }}`` (the form and its two scripts, only on the page that
has it), ``{{ deadlines.years }}`` (links to the tables of dates) and ``{{ deadlines.example }}``
(the worked example with a certificate). The build adds one page of tables per year and the
script with the day-by-day results, and gives the PDF of each page under ``on_paper:`` in
docs/data/deadlines.yml a "Work out your deadline" box.
"""

from __future__ import annotations

import logging
import posixpath
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from content import site as content
from deadlines import lookup, pages, paper
from helpers import markers

log = logging.getLogger("mkdocs.plugins.deadlines")

DATA = "docs/data/deadlines.yml"
serving = False
state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_files(files, config):
    """Read the rules; add the pages of tables (one per year) and the script with the results."""
    found = content.current().value("deadlines.yml")  # read and checked by content_hook.py
    state.clear()
    if found is None:
        return files
    state.update(settings=found.settings, today=found.today, dates=found.dates, rules=found.rules)
    for year in state["dates"].years():
        markdown = pages.year_page(state["rules"], state["settings"], year)
        files.append(File.generated(config, pages.year_uri(year), content=markdown,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    calculator = files.get_file_from_path(pages.PAGE)
    if calculator is None:
        raise PluginError(f"docs/{pages.PAGE} is missing: the deadline tables and the paper box link to it; restore it")
    state["calculator_url"] = calculator.url
    script = lookup.script(state["rules"], state["dates"], state["today"])
    files.append(File.generated(config, pages.DATA_SCRIPT, content=script))
    return files


def _relative(target: str, page) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.url) or ".")


def on_page_markdown(markdown, page, config, files):
    """Expand the ``{{ deadlines.* }}`` markers."""
    if not markers.find(markdown, "deadlines"):
        return markdown
    folder = posixpath.relpath(pages.FOLDER, posixpath.dirname(page.file.src_uri) or ".") + "/"

    def render(marker: markers.Marker) -> str:
        if marker.argument is not None:
            raise markers.MarkerError(f"write {{{{ deadlines.{marker.key} }}}} with no argument")
        if marker.key == "calculator":
            html = pages.calculator(*(_relative(path, page) for path in (pages.DATA_SCRIPT, pages.SCRIPT, pages.STYLES)))
        elif marker.key == "years":
            html = pages.year_links(state["dates"], folder)
        elif marker.key == "example":
            html = pages.example(state["rules"], state["today"])
        else:
            raise markers.MarkerError("unknown deadlines marker; use calculator, years or example")
        return f"\n\n{html}\n\n"

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", page.file.src_uri, offset + marker.line, marker.text, message)

    return markers.expand(markdown, "deadlines", render, report)


def on_post_page(output, page, config):
    """Give the printed copy (what the PDF hook, later in the list, collects) the paper box.
    The website's HTML is already written, so it is unchanged."""
    if page.file.src_uri not in state["settings"].on_paper:
        return output
    site_url = None if serving else config.site_url
    if site_url:
        address = urljoin(site_url.rstrip("/") + "/", state["calculator_url"])
    else:
        address = config.extra["local"]["service_website"]
    box = paper.box(address, "When is my deadline?", bool(site_url))
    heading = state["settings"].on_paper[page.file.src_uri]
    content = paper.insert(page.content or "", heading, box)
    if content is None:
        log.warning("%s: 'on_paper' names the heading '#%s', which %s does not have; "
                    "change it to one of the page's heading ids", DATA, heading, page.file.src_uri)
        return output
    page.content = content
    return output
