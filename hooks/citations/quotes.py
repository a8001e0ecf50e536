"""Find quotations of the Code of Practice in Markdown and compare them with known wording.

A quotation is a Markdown blockquote whose last paragraph is the attribution
``— SEND Code of Practice, paragraph 11.N`` (or, as in the leaflet, whose last line ends with
``(11.N)``). It matches the known wording when, after
normalising whitespace, quote marks, dashes and case, it is a run of whole sentences (or
list items) of that wording; a gap inside may be marked with an ellipsis (``…`` or ``...``),
and an ellipsis at the start or end allows a part-sentence there. This module knows nothing
about MkDocs or the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citations.mask import masked_page

QUOTE_LINE = re.compile(r"^\s*>\s?(?P<text>.*)$")
ATTRIBUTION = re.compile(
    r"^[—–-]{1,2}\s*(?:the\s+)?SEND Code of Practice,?\s+(?:paragraph|para\.?)\s+(?P<para>[\d.]+?)\.?\s*$",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"\s*\((?P<para>\d+\.\d+)\)\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
MARKER = re.compile(r"\{\{.*?\}\}")
EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|\(…\)|…|(?:\.\s*){3})\s*")
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
QUOTE_MARKS = str.maketrans({c: None for c in "'‘’‚‛′`“”„‟″\""})
DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
GAP = "\x01"


@dataclass(frozen=True)
class Quotation:
    """One attributed quotation: the lines of its text and of its attribution."""

    first_line: int
    attribution_line: int
    para: str
    blocks: tuple[str, ...]  # paragraphs and list items, Markdown removed

    @property
    def text(self) -> str:
        return " ".join(self.blocks)


def _plain(text: str) -> str:
    text = LINK.sub(r"\1", text)
    text = TAG.sub("", MARKER.sub("", text))
    return EMPHASIS.sub("", text).strip()


def _blocks(lines: list[str]) -> list[str]:
    """Paragraphs and list items of a blockquote's text lines."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        item = LIST_ITEM.match(line)
        if not line.strip() or item:
            if current:
                blocks.append(_plain(" ".join(current)))
            current = [line[item.end():]] if item else []
        else:
            current.append(line.strip())
    return [b for b in blocks if b]


def find(markdown: str) -> list[Quotation]:
    """Every blockquote attributed to one paragraph of the Code."""
    quotes: list[Quotation] = []
    run: list[tuple[int, str]] = []
    for number, line, masked in masked_page(markdown) + ((0, "", ""),):
        if QUOTE_LINE.match(masked):
            run.append((number, QUOTE_LINE.match(line)["text"]))
            continue
        if run:
            quote = _quotation(run)
            if quote:
                quotes.append(quote)
            run = []
    return quotes


def _quotation(run: list[tuple[int, str]]) -> Quotation | None:
    texts = [text for _, text in run]
    while texts and not texts[-1].strip():
        texts.pop()
    if not texts:
        return None
    last = run[len(texts) - 1][0]
    attribution = ATTRIBUTION.match(_plain(texts[-1]))
    if attribution:
        return Quotation(run[0][0], last, attribution["para"], tuple(_blocks(texts[:-1])))
    bracketed = BRACKETED.search(_plain(texts[-1]))
    if bracketed:  # the leaflet's way: the quoted words, then "(11.3)"
        texts[-1] = BRACKETED.sub("", _plain(texts[-1]))
        return Quotation(run[0][0], last, bracketed["para"], tuple(_blocks(texts)))
    return None


def normalise(text: str) -> str:
    """Lower case, no quote marks (straight or curly), one kind of dash, single spaces."""
    text = text.translate(QUOTE_MARKS).translate(DASHES).lower()
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split())


def _units(blocks: list[str]) -> list[str]:
    """Sentences (and list items) with their closing punctuation removed, normalised."""
    units = []
    for block in blocks:
        for sentence in SENTENCE_END.split(block):
            unit = normalise(sentence).rstrip(".;:,!? ")
            if unit:
                units.append(unit)
    return units


def _joined(units: list[str]) -> tuple[str, set[int], set[int]]:
    """The units joined by spaces, with the offsets where each unit starts and ends."""
    text, starts, ends = "", set(), set()
    for unit in units:
        if text:
            text += " "
        starts.add(len(text))
        text += unit
        ends.add(len(text))
    return text, starts, ends


def _occurrences(text: str, part: str, start: int) -> list[int]:
    found, at = [], text.find(part, start)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _fits(parts: list[str], known: str, at: int, starts: set[int], ends: set[int],
          free_start: bool, free_end: bool) -> bool:
    """Can ``parts`` be found in order in ``known`` from ``at``, obeying the boundaries?"""
    if not parts:
        return True
    part, rest = parts[0], parts[1:]
    for position in _occurrences(known, part, at):
        if not free_start and position not in starts:
            continue
        end = position + len(part)
        if not rest and not free_end and end not in ends:
            continue
        if _fits(rest, known, end, starts, ends, True, free_end):
            return True
    return False


def mismatch(quotation_blocks: list[str], known_blocks: list[str]) -> str | None:
    """None if the quotation matches the known wording; else where they first differ."""
    known, starts, ends = _joined(_units(known_blocks))
    quoted = _joined(_units([ELLIPSIS.sub(f" {GAP} ", b) for b in quotation_blocks]))[0]
    parts = [p.strip(" .;:,!?") for p in quoted.split(GAP)]
    free_start, free_end = not parts[0], not parts[-1]
    parts = [p for p in parts if p]
    if not parts:
        return "the quotation is empty"
    if _fits(parts, known, 0, starts, ends, free_start, free_end):
        return None
    return _difference(" ".join(parts), known)


def _difference(quoted: str, known: str) -> str:
    """Where the quotation first leaves the known wording, in words."""
    q_words, k_words = re.split(r"[\s-]+", quoted), re.split(r"[\s-]+", known)
    best, at = 0, 0
    for start in range(len(k_words)):
        length = 0
        while (length < len(q_words) and start + length < len(k_words)
               and q_words[length] == k_words[start + length]):
            length += 1
        if length > best:
            best, at = length, start
    if best == 0:
        return f"it does not begin with any words of the known wording ('{' '.join(q_words[:8])}')"
    if best == len(q_words):
        return (f"it stops or starts part-way through a sentence ('{' '.join(q_words[-6:])}'); "
                "quote whole sentences or mark the cut with an ellipsis (…)")
    said = " ".join(q_words[best:best + 6])
    expected = " ".join(k_words[at + best:at + best + 6]) or "(end of the known wording)"
    before = " ".join(q_words[max(0, best - 4):best])
    return f"after '{before}' the quotation says '{said}' but the Code says '{expected}'"
