"""What on a page is text: code, comments, tags, addresses and markers masked out.

Each line is returned with every non-text part replaced by ``MASK`` characters of the same
length, so offsets in the masked line are offsets in the line. Used to find citations and
quotations. This module knows nothing about MkDocs or the registry.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(?:>\s*)*(```+|~~~+)")
INLINE_CODE = re.compile(r"(`+).+?\1")
MASKED_ELEMENT = re.compile(r"<(code|kbd|samp|pre|script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
BLOCK_OPEN = re.compile(r"<(pre|script|style)\b", re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->")
TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
LINK_ADDRESS = re.compile(r"\]\([^)]*\)|^\s*\[[^\]]+\]:\s*\S+.*$")
WEB_ADDRESS = re.compile(r"(?:https?://|mailto:|tel:|www\.)[^\s<>()]+|[\w.+-]+@[\w-]+\.[\w.]+")
MARKER = re.compile(r"\{\{.*?\}\}")
ABBREVIATION = re.compile(r"^\s*\*\[[^\]]*\]:.*$")
MASK = "\x00"
# Every pattern above needs one of these in the line: a line without them has nothing to mask.
MAY_NEED_MASK = re.compile(r"[<`\]@{:]|www\.")
# Each masking pattern, and what a line must hold for it to match (a cheap test first).
MASKS = (
    (MASKED_ELEMENT, re.compile("<")),
    (INLINE_CODE, re.compile("`")),
    (TAG, re.compile("<")),
    (LINK_ADDRESS, re.compile(r"\]")),
    (WEB_ADDRESS, re.compile(r"https?://|mailto:|tel:|www\.|@")),
    (MARKER, re.compile(r"\{\{")),
)


def hide(line: str, spans: list[tuple[int, int]]) -> str:
    """The line with each span replaced by MASK characters."""
    if not spans:
        return line
    chars = list(line)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            chars[i] = MASK
    return "".join(chars)


def spans_of(pattern: re.Pattern[str], line: str, group: int = 0) -> list[tuple[int, int]]:
    """Where the pattern matches in the line."""
    return [m.span(group) for m in pattern.finditer(line)]


def masked_lines(markdown: str) -> Iterator[tuple[int, str, str]]:
    """(line number, line, line with every non-text part masked) for each line.

    Masked: fenced code blocks, inline code, code-like HTML elements, HTML comments, tags
    (with their attributes), link addresses, web and email addresses, markers.
    """
    fence: str | None = None
    closing: str | None = None  # what ends an open multi-line comment or <pre>/<script>/<style>
    for number, line in enumerate(markdown.splitlines(), start=1):
        opening = FENCE.match(line)
        if fence is None and closing is None and opening:
            fence = opening.group(1)[0] * 3
            yield number, line, MASK * len(line)
            continue
        if fence is None and closing is None and not MAY_NEED_MASK.search(line):
            yield number, line, line
            continue
        if fence is not None:
            if line.strip().lstrip("> ").startswith(fence):
                fence = None
            yield number, line, MASK * len(line)
            continue
        spans: list[tuple[int, int]] = []
        text_from = 0
        if closing is not None:
            end = line.lower().find(closing)
            if end < 0:
                yield number, line, MASK * len(line)
                continue
            text_from = end + len(closing)
            spans.append((0, text_from))
            closing = None
        rest = line[text_from:]
        for pattern, needs in MASKS:
            if needs.search(rest):
                spans.extend((a + text_from, b + text_from) for a, b in spans_of(pattern, rest))
        if ABBREVIATION.match(line):
            spans.append((0, len(line)))
        # A comment or code-like element opened on this line and not closed on it.
        closed = hide(rest, spans_of(MASKED_ELEMENT, rest) + spans_of(COMMENT, rest)) if "<" in rest else rest
        comment = closed.find("<!--")
        block = BLOCK_OPEN.search(closed)
        if comment >= 0 and (not block or comment < block.start()):
            spans.append((comment + text_from, len(line)))
            closing = "-->"
        elif block:
            spans.append((block.start() + text_from, len(line)))
            closing = f"</{block[1].lower()}"
        yield number, line, hide(line, spans)


@functools.lru_cache(maxsize=4)
def masked_page(markdown: str) -> tuple[tuple[int, str, str], ...]:
    """:func:`masked_lines` of a whole page, kept for the next caller (citations and
    quotations are both found in the same page)."""
    return tuple(masked_lines(markdown))


def masked_value(line: str) -> str:
    """One line of a plain text value (a data file's): only addresses and markers masked."""
    return hide(line, spans_of(WEB_ADDRESS, line) + spans_of(MARKER, line))
