"""The built PDFs' text: no word broken by automatic hyphenation, and the routes' comparison
printed as one card per route."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pypdf import PdfReader

from print import tables as print_tables

PROJECT = Path(__file__).resolve().parents[2]

# WeasyPrint ends a line broken by automatic hyphenation with U+2010 (HYPHEN).
AUTOMATIC_BREAK = re.compile(r"(\w+)\u2010\s*\n\s*(\w+)")
ROUTES = [route["name"] for route in yaml.safe_load(
    (PROJECT / "docs" / "data" / "routes.yml").read_text(encoding="utf-8"))["routes"]]
LABELS = ["In short", "What it is for", "Who runs it", "Time limits", "Who can help"]


def test_no_word_is_hyphenated_at_a_line_end(site: Path):
    for path in sorted((site / "downloads").glob("*.pdf")):
        text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
        broken = ["-".join(m.groups()) for m in AUTOMATIC_BREAK.finditer(text)]
        assert broken == [], f"{path.name}: words broken at line ends: {broken[:10]}"
        assert not re.search(r"\bap[-\u2010]\s*\n\s*peals?\b", text), path.name


def test_comparison_is_one_card_per_route(site: Path):
    text = " ".join(p.extract_text() for p in PdfReader(site / "downloads" / "booklet.pdf").pages)
    text = " ".join(text.split())
    start = text.index("How the routes compare")
    # A card opens with the route's name, its chapter's page, perhaps "(run by others)", then
    # its first row.
    cards = [re.compile(re.escape(r) + r"[^.]{0,40}? In short").search(text, start) for r in ROUTES]
    assert all(cards), "every route has a card"
    positions = [card.start() for card in cards]
    assert positions == sorted(positions)
    ends = positions[1:] + [text.index("Key time limits", start)]
    for route, begin, end in zip(ROUTES, positions, ends):
        card = text[begin:end]
        assert all(label in card for label in LABELS), f"{route}: its card lacks a row"


SUBJECTS_IN_COLUMNS = (
    '<table class="routes-table routes-table--differences"><thead><tr><th>Question</th>'
    '<th id="route-a">A</th><th>B</th></tr></thead><tbody>'
    '<tr><th scope="row">Cost</th><td>Free</td><td>Fee</td></tr>'
    '<tr><th scope="row">Time</th><td>2 months</td><td>None</td></tr></tbody></table>'
)


def test_table_with_one_column_per_route_becomes_one_card_per_route():
    out = print_tables.stack_wide_tables(SUBJECTS_IN_COLUMNS, 4)
    assert out.count('<table class="stacked">') == 2
    assert '<caption id="route-a">A</caption>' in out
    first, second = out.split('<table class="stacked">')[1:]
    assert "Cost</th><td>Free" in first and "Time</th><td>2 months" in first
    assert "Cost</th><td>Fee" in second and "Time</th><td>None" in second
