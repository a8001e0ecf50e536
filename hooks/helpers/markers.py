"""Find and expand ``{{ namespace.key }}`` markers in page Markdown.

A marker is ``{{ name.key }}`` or ``{{ name.key(argument) }}``. Markers inside fenced code
blocks and inline code are left alone, so the README-style syntax can be shown on a page.
This module knows nothing about MkDocs; each feature hook expands its own namespace.
:func:`leftovers` finds what is left in published text, whole markers or broken ones
(``{{ local.council }``, ``{ local.council }``), and :func:`advice` says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

MARKER = re.compile(
    r"\{\{\s*(?P<namespace>[a-z_]+)\.(?P<key>[a-z_]+)\s*(?:\((?P<argument>[^)]*)\))?\s*\}\}"
)
# What a marker left in text looks like: braces around a name.key, one or two on each side (or
# none on one side), else any other "{{" or "}}". Attribute lists ({ .class }, {#id}) are not.
LEFTOVER = re.compile(
    r"\{+\s*[a-z_]+\.[a-z_]+\s*(?:\([^)\n]*\))?\s*\}*|\{\{[^\n]*?(?:\}\}|$)|\}\}", re.MULTILINE
)
NAME = re.compile(r"[a-z_]+\.[a-z_]+(?:\([^)\n]*\))?")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class Marker:
    """One marker as written on a page."""

    namespace: str
    key: str
    argument: str | None
    line: int
    text: str


class MarkerError(ValueError):
    """A marker that its namespace cannot expand; the message says what to do."""


FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def body_offset(source: str) -> int:
    """Lines of the page file that come before the Markdown MkDocs hands to hooks.

    MkDocs strips YAML front matter (and the blank lines after it) before
    ``on_page_markdown``; add this to a line number in that Markdown to get the
    line in the file an editor opens.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        return 0
    rest = source[match.end():]
    return source[: match.end()].count("\n") + len(rest) - len(rest.lstrip("\n"))


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in INLINE_CODE.finditer(line)]


def _outside(spans: list[tuple[int, int]], start: int) -> bool:
    return not any(first <= start < last for first, last in spans)


def _marker_lines(markdown: str) -> Iterator[tuple[int, str, list[tuple[int, int]]]]:
    """Yield (line number, line, inline code spans) for lines outside fenced code blocks that
    may hold a marker (they contain ``{{``)."""
    if "{{" not in markdown:
        return
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if "{{" in line:
            yield number, line, _code_spans(line)


def find(markdown: str, namespace: str | None = None) -> list[Marker]:
    """Every marker outside code, optionally only those of one namespace."""
    found = []
    for number, line, spans in _marker_lines(markdown):
        for match in MARKER.finditer(line):
            if not _outside(spans, match.start()):
                continue
            if namespace and match["namespace"] != namespace:
                continue
            argument = match["argument"].strip() if match["argument"] is not None else None
            found.append(Marker(match["namespace"], match["key"], argument, number, match[0]))
    return found


def expand(
    markdown: str,
    namespace: str,
    render: Callable[[Marker], str],
    report: Callable[[Marker, str], None],
) -> str:
    """Replace each marker of ``namespace`` by ``render(marker)``.

    When ``render`` raises :class:`MarkerError` the marker is kept as written and
    ``report(marker, message)`` is called, so one run reports every bad marker.
    """
    by_line: dict[int, list[Marker]] = {}
    for marker in find(markdown, namespace):
        by_line.setdefault(marker.line, []).append(marker)
    if not by_line:
        return markdown
    lines = markdown.splitlines(keepends=True)
    for number, markers in by_line.items():
        line = lines[number - 1]
        for marker in markers:
            try:
                line = line.replace(marker.text, render(marker), 1)
            except MarkerError as error:
                report(marker, str(error))
        lines[number - 1] = line
    return "".join(lines)


def leftovers(text: str) -> list[tuple[int, str]]:
    """(line, text) of every marker in ``text``, whole or broken: in published text, each is a
    mistake (the caller removes code, where markers may be shown)."""
    return [(text.count("\n", 0, found.start()) + 1, found[0].strip()) for found in LEFTOVER.finditer(text)]


def advice(text: str) -> str:
    """What is wrong with a marker left in published text, and what to do."""
    if MARKER.fullmatch(text):
        return "was not filled in; check its spelling against the README's list of markers"
    name = NAME.search(text)
    if name:
        return f"is not a whole marker; write {{{{ {name[0]} }}}}, two braces on each side"
    return "is part of a marker; complete it as {{ name.key }} or remove the braces"
