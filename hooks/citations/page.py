"""The citations work on one page: check every citation and quotation, link the good ones, list them.

Also the same check for the text values of the data files, and which paragraphs each route
page covers. Messages are returned ("file:line: ...; what to do"), never logged here: the glue
(``citations_hook.py``) logs them as warnings, so ``mkdocs build --strict`` fails with the full
list. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from citations import check as citations_check
from citations import parse as citations_parse
from citations import quotes as citations_quotes
from citations import render as citations_render
from citations.parse import Citation, Range
from citations.registry import Edition, Registry
from helpers import markers
from helpers.yaml_source import Source

EDITION_KEY = "code_of_practice_edition"
REGISTRY_FILE = "data/code_of_practice.yml"


@dataclass
class CheckedPage:
    """A page's Markdown with its citations linked and listed, what is wrong, and what it cites."""

    markdown: str
    warnings: list[str]
    ranges: list[Range]


def check_data_file(source: Source, shown: str, edition: Edition) -> list[str]:
    """Citations in the text values of a data file, checked like those on pages."""
    return [
        problem.message(shown)
        for citation in citations_parse.find_in_source(source, edition.id, loose=True)
        for problem in citations_check.check_citation(citation, edition)
    ]


def edition_for(registry: Registry, wanted: object, source: str, where: str) -> tuple[Edition, list[str]]:
    """The edition a page cites: its front matter's choice (``wanted``), or the registry's current one."""
    if wanted is not None and str(wanted) not in registry.editions:
        lines = source.splitlines()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(EDITION_KEY)), 1)
        return registry.edition(), [
            f"{where}:{line}: '{EDITION_KEY}: {wanted}' is not an edition in docs/{REGISTRY_FILE}; "
            f"use one of: {', '.join(registry.editions)}"
        ]
    return registry.edition(str(wanted) if wanted is not None else None), []


def line_map(source: str, markdown: str) -> tuple[dict[int, int], set[int]]:
    """Line of the page file for each Markdown line, and the Markdown lines other hooks generated.

    A marker expanded inside its line keeps the line; lines a hook put in place of a
    marker (a table) are mapped to the marker's line and counted as generated.
    """
    old, new = source.splitlines(), markdown.splitlines()
    mapping: dict[int, int] = {}
    generated: set[int] = set()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        same_shape = tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0)
        for j in range(b0, b1):
            mapping[j + 1] = (a0 + j - b0 if same_shape else a0) + 1
            if not same_shape:
                generated.add(j + 1)
    return mapping, generated


def check_page(markdown: str, source: str, where: str, edition: Edition,
               routes: dict[str, list[Range]]) -> CheckedPage:
    """Check every citation and quotation of one page; link the good citations; list them at the end.

    ``source`` is the page file as written (for line numbers); ``routes`` is ``routes.citations.route_pages``.
    """
    warnings: list[str] = []
    found = citations_parse.find(markdown, edition.id, loose=True)
    marker_lines = {m.line for m in markers.find(markdown, "citations") if m.key == "cross_reference"}
    # The file line of each Markdown line, and the lines other hooks generated: worked out
    # (a diff) only when a citation or a problem needs them.
    lines_of = functools.cache(lambda: line_map(source, markdown))

    def line_of(line: int) -> int:
        return lines_of()[0].get(line, line)

    def generated(line: int) -> bool:
        return line in lines_of()[1]

    used_markers: set[int] = set()
    good: list[Citation] = []
    for citation in found:
        problems = citations_check.check_citation(citation, edition)
        covered = routes.get(where)
        if not problems and covered is not None and not generated(citation.line):
            outside = citations_check.check_scope(citation, where, covered, routes)
            if outside and citation.line in marker_lines:
                used_markers.add(citation.line)
            elif outside:
                problems.append(outside)
        for problem in problems:
            if generated(citation.line):
                problem = citations_check.Problem(
                    problem.line, problem.written, problem.what,
                    problem.fix + " (a marker on this line generated the text: fix the data it "
                                  "comes from)")
            warnings.append(_at(problem, line_of(citation.line)).message(where))
        if citation.linkable and not citation.malformed and not citation.in_link and _all_known(citation, edition):
            good.append(citation)
    for quote in citations_quotes.find(markdown):
        for problem in citations_check.check_quotation(quote, edition):
            warnings.append(_at(problem, line_of(problem.line)).message(where))
    for line in sorted(marker_lines - used_markers):
        warnings.append(f"{where}:{line_of(line)}: {citations_check.CROSS_REFERENCE} is not needed here: "
                        "no citation on this line is outside the paragraphs this page covers; remove it")
    markdown = _linked(markdown, good, edition)
    markdown = markers.expand(markdown, "citations", _cross_reference, _reporter(warnings, where, line_of))
    ranges = citations_render.cited_ranges(good)
    if ranges:
        markdown = markdown.rstrip("\n") + citations_render.page_list(ranges, edition)
    return CheckedPage(markdown, warnings, ranges)


def _linked(markdown: str, good: list[Citation], edition: Edition) -> str:
    """The Markdown with each good citation made a link to the Code on GOV.UK."""
    lines = markdown.split("\n")
    by_line: dict[int, list[Citation]] = defaultdict(list)
    for citation in good:
        by_line[citation.line].append(citation)
    for number, citations in by_line.items():
        lines[number - 1] = citations_render.link_line(lines[number - 1], citations, edition)
    return "\n".join(lines)


def _cross_reference(marker: markers.Marker) -> str:
    """``{{ citations.cross_reference }}`` renders as nothing; any other citations marker is wrong."""
    if marker.key != "cross_reference" or marker.argument is not None:
        raise markers.MarkerError(f"unknown marker; the only citations marker is "
                                  f"{citations_check.CROSS_REFERENCE}")
    return ""


def _reporter(warnings: list[str], where: str, line_of: Callable[[int], int]):
    def report(marker: markers.Marker, message: str) -> None:
        warnings.append(f"{where}:{line_of(marker.line)}: {marker.text}: {message}")
    return report


def _at(problem: citations_check.Problem, line: int) -> citations_check.Problem:
    return citations_check.Problem(line, problem.written, problem.what, problem.fix)


def _all_known(citation: Citation, edition: Edition) -> bool:
    return all(edition.known(a) and edition.known(b) and a <= b for a, b in citation.ranges)
