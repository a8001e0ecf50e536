"""MkDocs glue for Code of Practice citations: check them, link them, list them.

Runs after the routes hook, so citations in generated tables are checked and linked too.
Problems are warnings on ``mkdocs.plugins.citations`` ("file:line: ...; what to do"), so
``mkdocs build --strict`` fails with the full list. See citations_parse (forms recognised),
citations_check (rules) and citations_render (output).
"""

from __future__ import annotations

import difflib
import functools
import logging
from collections import defaultdict
from pathlib import Path

from mkdocs.structure.files import File

from citations import check as citations_check
from citations import parse as citations_parse
from citations import quotes as citations_quotes
from citations import registry as citations_registry
from citations import render as citations_render
from helpers import markers
from helpers import yaml_source
from citations.parse import Citation, Range
from content import site as content
from routes import data as routes_data

log = logging.getLogger("mkdocs.plugins.citations")

REGISTRY = Path("data") / "code_of_practice.yml"
EDITION_KEY = "code_of_practice_edition"
REFERENCES_PAGE = "code-of-practice-references.md"
TABLE_PLACEHOLDER = '<div class="cop-references-table"></div>'
REFERENCES_MARKDOWN = """---
title: Code of Practice references
description: Every paragraph of the SEND Code of Practice that this site refers to, and the pages that refer to it.
last_reviewed: {last_reviewed}
review_interval_months: {review_interval_months}
---

# Code of Practice references

SEND stands for special educational needs and disability. This page lists each part of the SEND
Code of Practice that this site uses. It also shows which pages use each part. If the Code
changes, we check those pages.

{placeholder}
"""

registry: citations_registry.Registry | None = None
# page (src_uri) -> the ranges its route covers, from docs/data/routes.yml
route_pages: dict[str, list[Range]] = {}
# edition id -> range -> pages (src_uri) that cite it
cited: dict[str, dict[Range, set[str]]] = {}


def _route_pages(routes: list[routes_data.Route]) -> dict[str, list[Range]]:
    """Which paragraphs each route page covers (``page`` and ``code_paragraphs`` of each route)."""
    covered: dict[str, list[Range]] = defaultdict(list)
    for route in routes:
        paragraphs = route.entries.get("code_paragraphs")
        if route.anchor is None and paragraphs and paragraphs.kind == "text":
            for citation in citations_parse.find_in_text(paragraphs.text):
                covered[route.page].extend(citation.ranges)
    return dict(covered)


def _check_data_files(site: content.Site, edition: citations_registry.Edition) -> None:
    """Citations in the text values of docs/data/*.yml, checked like those on pages."""
    for path in site.files():
        if path.name == REGISTRY.name:
            continue
        try:
            found = citations_parse.find_in_source(site.read(path), edition.id)
        except (OSError, yaml_source.YamlSyntaxError):
            continue  # the file's syntax error is reported with its line by the site model
        for citation in found:
            for problem in citations_check.check_citation(citation, edition):
                log.warning(problem.message(f"docs/data/{path.name}"))


def on_files(files, config):
    """Check citations in the data files; add the generated "Code of Practice references" page
    (filled in once every page is read)."""
    global registry, route_pages
    site = content.current()
    registry = site.value("code_of_practice.yml")
    cited.clear()
    if registry is None:
        return files
    route_pages = _route_pages(site.value("routes.yml"))
    _check_data_files(site, registry.edition())
    content_text = REFERENCES_MARKDOWN.format(
        last_reviewed=registry.last_reviewed,
        review_interval_months=registry.review_interval_months,
        placeholder=TABLE_PLACEHOLDER,
    )
    files.append(File.generated(config, REFERENCES_PAGE, content=content_text))
    return files


def _line_map(source: str, markdown: str) -> tuple[dict[int, int], set[int]]:
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


def _edition(page, where: str) -> citations_registry.Edition:
    """The edition the page cites: its front matter's choice, or the registry's current one."""
    wanted = page.meta.get(EDITION_KEY)
    if wanted is not None and str(wanted) not in registry.editions:
        lines = page.file.content_string.splitlines()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(EDITION_KEY)), 1)
        log.warning("%s:%d: '%s: %s' is not an edition in docs/%s; use one of: %s", where, line,
                    EDITION_KEY, wanted, REGISTRY.as_posix(), ", ".join(registry.editions))
        return registry.edition()
    return registry.edition(str(wanted) if wanted is not None else None)


def on_page_markdown(markdown, page, config, files):
    """Check every citation and quotation; link the good citations; list them at the end."""
    if page.file.src_uri == REFERENCES_PAGE:
        return markdown
    where = page.file.src_uri
    edition = _edition(page, where)
    found = citations_parse.find(markdown, edition.id)
    marker_lines = {m.line for m in markers.find(markdown, "citations") if m.key == "cross_reference"}
    # The file line of each Markdown line, and the lines other hooks generated: worked out
    # (a diff) only when a citation or a problem needs them.
    line_map = functools.cache(lambda: _line_map(page.file.content_string, markdown))

    def line_of(line: int) -> int:
        return line_map()[0].get(line, line)

    def generated(line: int) -> bool:
        return line in line_map()[1]

    used_markers: set[int] = set()
    good: list[Citation] = []
    for citation in found:
        problems = citations_check.check_citation(citation, edition)
        covered = route_pages.get(where)
        if not problems and covered is not None and not generated(citation.line):
            outside = citations_check.check_scope(citation, where, covered, route_pages)
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
            log.warning(_at(problem, line_of(citation.line)).message(where))
        if not citation.malformed and not citation.in_link and _all_known(citation, edition):
            good.append(citation)
    for quote in citations_quotes.find(markdown):
        for problem in citations_check.check_quotation(quote, edition):
            log.warning(_at(problem, line_of(problem.line)).message(where))
    for line in sorted(marker_lines - used_markers):
        log.warning("%s:%d: %s is not needed here: no citation on this line is outside the "
                    "paragraphs this page covers; remove it", where, line_of(line),
                    citations_check.CROSS_REFERENCE)

    lines = markdown.split("\n")
    by_line: dict[int, list[Citation]] = defaultdict(list)
    for citation in good:
        by_line[citation.line].append(citation)
    for number, citations in by_line.items():
        lines[number - 1] = citations_render.link_line(lines[number - 1], citations, edition)
    markdown = "\n".join(lines)

    def render(marker: markers.Marker) -> str:
        if marker.key != "cross_reference" or marker.argument is not None:
            raise markers.MarkerError(f"unknown marker; the only citations marker is "
                                      f"{citations_check.CROSS_REFERENCE}")
        return ""

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", where, line_of(marker.line), marker.text, message)

    markdown = markers.expand(markdown, "citations", render, report)
    ranges = citations_render.cited_ranges(good)
    for cited_range in ranges:
        cited.setdefault(edition.id, {}).setdefault(cited_range, set()).add(where)
    if ranges:
        markdown = markdown.rstrip("\n") + citations_render.page_list(ranges, edition)
    return markdown


def _at(problem: citations_check.Problem, line: int) -> citations_check.Problem:
    return citations_check.Problem(line, problem.written, problem.what, problem.fix)


def _all_known(citation: Citation, edition: citations_registry.Edition) -> bool:
    return all(edition.known(a) and edition.known(b) and a <= b for a, b in citation.ranges)


def on_env(env, config, files):
    """Fill in the references page now that every page has been read."""
    page = files.get_file_from_path(REFERENCES_PAGE).page
    tables = []
    for edition_id in sorted(cited) or [registry.current]:
        rows: dict[Range, list[citations_render.CitingPage]] = {}
        for cited_range, sources in cited.get(edition_id, {}).items():
            rows[cited_range] = [
                citations_render.CitingPage(
                    files.get_file_from_path(src).page.title or src,
                    files.get_file_from_path(src).url_relative_to(page.file),
                )
                for src in sources
            ]
        tables.append(citations_render.references_table(rows, registry.edition(edition_id)))
    page.content = page.content.replace(TABLE_PLACEHOLDER, "\n".join(tables))
    return env
