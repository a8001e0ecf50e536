"""Make wide tables fit a printed page by stacking them: one small table per row.

A comparison table with seven columns cannot be read on A4 (and less so in large print). Each
body row becomes a two-column table captioned by the row's header cell, pairing every column
header with that row's cell, so every word of the table stays, in the same reading order.
Tables whose columns are the subjects (the routes' comparison and differences, one column
per route) are always stacked, by column: one card per route, pairing each row's label with
that route's cell (a cell of narrow columns can be taller than a page). Tables with merged
cells are left alone. The input is HTML as Python-Markdown and the hooks write it (no nested
tables). This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TABLE = re.compile(r"<table\b[^>]*>(?P<body>.*?)</table>", re.DOTALL)
CAPTION = re.compile(r"<caption\b[^>]*>(?P<html>.*?)</caption>", re.DOTALL)
THEAD = re.compile(r"<thead\b[^>]*>(?P<html>.*?)</thead>", re.DOTALL)
ROW = re.compile(r"<tr\b[^>]*>(?P<html>.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<(?P<tag>th|td)\b(?P<attrs>[^>]*)>(?P<html>.*?)</(?P=tag)>", re.DOTALL)
LINK_TAGS = re.compile(r"</?a\b[^>]*>")
ID = re.compile(r'\sid="[^"]*"')
CLASSES = re.compile(r'\bclass="(?P<names>[^"]*)"')
# Tables with one column per subject: stacked into one card per column.
BY_COLUMN = frozenset({"routes-table--compare", "routes-table--differences"})


@dataclass(frozen=True)
class Cell:
    """One table cell: header or data, and its inner HTML."""

    header: bool
    html: str
    merged: bool
    id: str


def _cells(row_html: str) -> list[Cell]:
    return [
        Cell(m["tag"] == "th", m["html"], "colspan" in m["attrs"] or "rowspan" in m["attrs"],
             ID.search(m["attrs"])[0] if ID.search(m["attrs"]) else "")
        for m in CELL.finditer(row_html)
    ]


def _plain(cell_html: str) -> str:
    """A header repeated in later rows: no links or ids, so each appears once."""
    return ID.sub("", LINK_TAGS.sub("", cell_html))


def _by_column(table_html: str) -> bool:
    """Whether the table has one column per subject (see BY_COLUMN)."""
    names = CLASSES.search(table_html[: table_html.find(">")])
    return bool(names) and not BY_COLUMN.isdisjoint(names["names"].split())


def _stack(match: re.Match[str], max_columns: int) -> str:
    body = match["body"]
    head = THEAD.search(body)
    rows = [_cells(m["html"]) for m in ROW.finditer(THEAD.sub("", body))]
    if not rows or any(cell.merged for row in rows for cell in row):
        return match[0]
    if head:
        headers = _cells(head["html"])
    elif all(cell.header for cell in rows[0]):
        headers, rows = rows[0], rows[1:]
    else:
        return match[0]
    by_column = _by_column(match[0])
    too_narrow = len(headers) <= (2 if by_column else max_columns)
    if too_narrow or any(c.merged for c in headers) or any(len(r) != len(headers) for r in rows):
        return match[0]
    if by_column:
        headers, *rows = (list(column) for column in zip(headers, *rows))
    caption = CAPTION.search(body)
    parts = ['<div class="stacked-table">']
    if caption:
        parts.append(f'<p class="stacked-table-caption">{caption["html"]}</p>')
    for number, row in enumerate(rows):
        key = next((i for i, cell in enumerate(row) if cell.header), 0)
        parts.append(f'<table class="stacked"><caption{row[key].id}>{row[key].html}</caption><tbody>')
        for index, cell in enumerate(row):
            if index == key:
                continue
            header = headers[index]
            label, id_attr = (header.html, header.id) if number == 0 else (_plain(header.html), "")
            parts.append(f'<tr><th scope="row"{id_attr}>{label}</th><td>{cell.html}</td></tr>')
        parts.append("</tbody></table>")
    parts.append("</div>")
    return "\n".join(parts)


def stack_wide_tables(content: str, max_columns: int) -> str:
    """Every table with more than ``max_columns`` columns, stacked (see the module docstring)."""
    return TABLE.sub(lambda m: _stack(m, max_columns), content)
