"""Check each page's content for the accessibility rules the README states, at build time.

- one main heading (h1): the page's title;
- every ``<img>`` has an ``alt`` attribute, and a Markdown image says what it shows (``![](x.png)``
  would silently make it decoration);
- every table has header cells (``<th>``);
- a page has content beyond its title.

The page's HTML (what Markdown and the other hooks made) says whether a rule is broken; the
Markdown source says on which line, where the construct can be found there (a table made by a
marker is reported on the page's first line). This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

FENCE = re.compile(r"^\s*(```+|~~~+)")
ATX_H1 = re.compile(r"^\s{0,3}#(?!#)\s|<h1\b", re.IGNORECASE)
SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")
RAW_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"\salt\s*=", re.IGNORECASE)
EMPTY_ALT = re.compile(r"!\[\s*\]\s*[\[(]")
TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
HEADER_CELL = re.compile(r"<th\b", re.IGNORECASE)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """One broken rule: the source line, what is wrong and what to do."""

    line: int
    what: str
    fix: str

    def message(self, where: str) -> str:
        return f"{where}:{self.line}: {self.what}; {self.fix}"


class _Content(HTMLParser):
    """What the page's HTML holds: h1s, images without alt, tables with or without header cells,
    and its text outside headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1s = 0
        self.images_without_alt = 0
        self.has_image = False
        self.tables: list[bool] = []  # per table: has a header cell
        self.open_tables: list[int] = []
        self.in_heading = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self.h1s += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.in_heading += 1
        elif tag == "img":
            self.has_image = True
            self.images_without_alt += not any(name == "alt" for name, _ in attrs)
        elif tag == "table":
            self.open_tables.append(len(self.tables))
            self.tables.append(False)
        elif tag == "th" and self.open_tables:
            self.tables[self.open_tables[-1]] = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.in_heading:
            self.in_heading -= 1
        elif tag == "table" and self.open_tables:
            self.open_tables.pop()

    def handle_data(self, data: str) -> None:
        if not self.in_heading:
            self.text.append(data)


def _source_lines(source: str) -> list[tuple[int, str]]:
    """(line number, line) of the page file outside fenced code blocks."""
    lines, fence = [], None
    for number, line in enumerate(source.splitlines(), start=1):
        opening = FENCE.match(line)
        if opening and fence is None:
            fence = opening[1][0] * 3
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            lines.append((number, line))
    return lines


def _h1_lines(lines: list[tuple[int, str]]) -> list[int]:
    found = [n for n, line in lines if ATX_H1.search(line)]
    found += [n - 1 for (n, line), (_, before) in zip(lines[1:], lines)
              if SETEXT_H1.match(line) and before.strip()]
    return sorted(found)


def _tables_without_header_cells(lines: list[tuple[int, str]]) -> list[int]:
    """The first line of each raw HTML table in the source that has no ``<th>``."""
    found, start, header = [], None, False
    for number, line in lines:
        if start is None and TABLE_OPEN.search(line):
            start, header = number, False
        if start is not None:
            header = header or bool(HEADER_CELL.search(line))
            if TABLE_CLOSE.search(line):
                if not header:
                    found.append(start)
                start = None
    return found


def _at(lines: list[int], count: int) -> list[int]:
    """``count`` source lines: those found, then line 1 for any a marker or the build made."""
    return (lines + [1] * count)[:count]


def check(html: str, source: str) -> list[Problem]:
    """Every broken rule on one page: ``html`` is its content, ``source`` its Markdown file."""
    content = _Content()
    content.feed(html)
    lines = _source_lines(source)
    problems: list[Problem] = []
    for line in _at(_h1_lines(lines), content.h1s)[1:]:
        problems.append(Problem(line, "a second main heading (h1): a page has one h1, its title",
                                "make this a section heading (## )"))
    raw_images = [n for n, line in lines for tag in RAW_IMG.findall(line) if not ALT.search(tag)]
    for line in _at(raw_images, content.images_without_alt):
        problems.append(Problem(line, "an image has no alt attribute, so screen readers read its "
                                "file name", 'add alt="what the picture shows", or alt="" if it '
                                "is only decoration"))
    for line in (n for n, text in lines if EMPTY_ALT.search(text)):
        problems.append(Problem(line, "a Markdown image with nothing in ![ ], so it silently "
                                "becomes decoration", "write what the picture shows inside the "
                                'brackets; if it is only decoration, write <img src="…" alt="">'))
    for line in _at(_tables_without_header_cells(lines), content.tables.count(False)):
        problems.append(Problem(line, "a table has no header cells (<th>), so screen readers cannot "
                                "say which column a cell is in", 'make its first row header cells '
                                '(<th scope="col">), or write it as a Markdown table'))
    if not "".join(content.text).strip() and not content.has_image and not content.tables:
        body = FRONT_MATTER.match(source)
        title = _h1_lines(lines)[:1] or [source[:body.end()].count("\n") + 1 if body else 1]
        problems.append(Problem(title[0], "the page has no content beyond its title",
                                "write what the page is for, or take it out of the navigation"))
    return sorted(problems, key=lambda problem: problem.line)
