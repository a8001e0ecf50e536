"""Which PDFs the build prints, and which pages go in each.

``docs/data/print.yml`` names the pages that get their own leaflet and the pages the booklet
leaves out. This module reads and checks that file and plans the documents from the site's
pages in reading (navigation) order. It knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers import yaml_source
from helpers.yaml_source import Reader

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class PrintPage:
    """One page of the site as the printer sees it: rendered HTML and what the footer needs."""

    src_uri: str
    url: str
    title: str
    content: str
    last_reviewed: str | None
    description: str = ""

    @property
    def slug(self) -> str:
        """A name for the page that is safe in ids and file names: finder/start.md -> finder-start."""
        return re.sub(r"[^a-z0-9]+", "-", self.src_uri.removesuffix(".md").lower()).strip("-")


@dataclass(frozen=True)
class PrintDocument:
    """One PDF to make: its file name, kind (leaflet, booklet, large-print), title (in the PDF),
    label and description (on the downloads page) and pages."""

    file: str
    kind: str
    title: str
    label: str
    description: str
    pages: tuple[PrintPage, ...]


@dataclass(frozen=True)
class PrintConfig:
    """The checked contents of print.yml."""

    leaflets: tuple[str, ...]
    leave_out: tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in print.yml: where, what, and what to do."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def load(
    path: Path, nav_pages: list[str] | None, read: Reader = yaml_source.read
) -> tuple[PrintConfig, list[Problem]]:
    """Read print.yml (with ``read``) and check every entry against the pages in the navigation.

    With ``nav_pages`` None (the navigation is not known) the entries' pages are not checked.
    """
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        return PrintConfig((), ()), [Problem(path, error.line, error.message)]
    data = source.data or {}
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return PrintConfig((), ()), [
            Problem(path, 1, "must be a mapping with 'leaflets' and 'booklet_leaves_out'")
        ]
    for key in sorted(set(data) - {"leaflets", "booklet_leaves_out"}):
        problems.append(
            Problem(path, source.line_of(key), f"unknown key '{key}'; "
                    "use 'leaflets' and 'booklet_leaves_out'")
        )
    lists: dict[str, list[str]] = {}
    for key in ("leaflets", "booklet_leaves_out"):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            problems.append(Problem(path, source.line_of(key),
                                    f"'{key}' must be a list of page files such as complaints.md"))
            items = []
        lists[key] = items
    if not lists["leaflets"] and not any(p.message.startswith("'leaflets'") for p in problems):
        problems.append(Problem(path, source.line_of("leaflets"),
                                "'leaflets' is empty or missing; list the pages that get a leaflet"))
    seen: set[str] = set()
    for index, page in enumerate(lists["leaflets"]):
        line = source.line_of("leaflets", index)
        if page in seen:
            problems.append(Problem(path, line, f"leaflet page '{page}' is listed twice; "
                                    "remove one"))
        seen.add(page)
        if nav_pages is not None and page not in nav_pages:
            problems.append(Problem(path, line, f"leaflet page '{page}' is not a page in the "
                                    "navigation (mkdocs.yml nav); fix the name or add the page"))
    for index, entry in enumerate(lists["booklet_leaves_out"]):
        if nav_pages is not None and not any(_matches(entry, page) for page in nav_pages):
            problems.append(Problem(path, source.line_of("booklet_leaves_out", index),
                                    f"'{entry}' matches no page in the navigation; fix the name "
                                    "(a page such as downloads.md or a folder such as finder/)"))
    return PrintConfig(tuple(lists["leaflets"]), tuple(lists["booklet_leaves_out"])), problems


def _matches(entry: str, src_uri: str) -> bool:
    """A leave-out entry names one page (x.md) or every page in a folder (x/)."""
    return src_uri.startswith(entry) if entry.endswith("/") else src_uri == entry


def plan(
    config: PrintConfig, pages: list[PrintPage], site_name: str, service: str
) -> list[PrintDocument]:
    """The PDFs to make: the booklet, its large-print edition, then a leaflet per listed page.

    ``pages`` are in reading order; the booklet keeps that order.
    """
    by_uri = {page.src_uri: page for page in pages}
    booklet = tuple(
        page for page in pages if not any(_matches(entry, page.src_uri) for entry in config.leave_out)
    )
    documents = [
        PrintDocument("booklet.pdf", "booklet", site_name, "Booklet with every page",
                      "Every page of this website in reading order, with a contents list.",
                      booklet),
        PrintDocument("booklet-large-print.pdf", "large-print", f"{site_name} (large print)",
                      "Large-print booklet with every page",
                      "The same booklet with text of at least 16 point and more space "
                      "between lines.", booklet),
    ]
    for src_uri in config.leaflets:
        page = by_uri[src_uri]
        documents.append(PrintDocument(
            f"{page.slug}.pdf", "leaflet", f"{page.title}: a leaflet from {service}",
            f"{page.title} leaflet", page.description or f"The {page.title} page.", (page,)))
    return documents


def missing_dates(documents: list[PrintDocument]) -> list[PrintPage]:
    """Leaflet pages whose front matter lacks a valid last_reviewed date (the footer needs it)."""
    return [
        doc.pages[0] for doc in documents
        if doc.kind == "leaflet" and not DATE.match(doc.pages[0].last_reviewed or "")
    ]
