"""The language of parts of a page (WCAG 3.1.2): every ``lang`` and ``dir`` written is valid.

Editors mark text in another language with attr_list, ``{ lang="cy" }`` on the line after a
paragraph (or at the end of a heading), or ``<span lang="cy">…</span>`` for a few words; text
written right to left also needs ``dir="rtl"``. A ``lang`` must be a BCP 47 language tag
(``cy``, ``ar``, ``en-GB``, ``zh-Hant-HK``); ``dir`` only ``ltr``, ``rtl`` or ``auto``. A tag
for a language written right to left without ``dir`` is reported too, so screen readers and
browsers get both. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from a11y.content import Problem

# RFC 5646 language tag: a 2 or 3 letter language (with up to 3 extended subtags), then
# optional script, region, variants, extensions and private use. A private-use tag alone
# (x-…) or a grandfathered tag (i-klingon) names no language a screen reader knows.
LANGUAGE_TAG = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3})"
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*"
    r"(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*"
    r"(?:-x(?:-[a-z\d]{1,8})+)?",
    re.IGNORECASE,
)
DIRECTIONS = {"ltr", "rtl", "auto"}
# Languages written right to left (the primary subtag), as Unicode's CLDR lists them.
RIGHT_TO_LEFT = {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}


class _Attributes(HTMLParser):
    """Every element's ``lang`` and ``dir``, in the order they appear."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str | None, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "lang" in values or "dir" in values:
            self.found.append((values.get("lang"), values.get("dir")))


def _line(source: str, name: str, value: str, seen: dict[str, int]) -> int:
    """The source line of the next ``name="value"`` not reported yet (1 if a hook made it)."""
    written = re.compile(rf"""\b{name}\s*=\s*["']?{re.escape(value)}(?=["'\s}}>]|$)""")
    lines = [n for n, line in enumerate(source.splitlines(), start=1) if written.search(line)]
    index = seen[f"{name}={value}"] = seen.get(f"{name}={value}", -1) + 1
    return lines[index] if index < len(lines) else (lines[-1] if lines else 1)


def check(html: str, source: str) -> list[Problem]:
    """Every bad ``lang`` or ``dir`` in a page's content (``source``: its Markdown, for lines)."""
    if "lang=" not in html and "dir=" not in html:
        return []
    attributes = _Attributes()
    attributes.feed(html)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for lang, direction in attributes.found:
        if lang is not None and not LANGUAGE_TAG.fullmatch(lang):
            problems.append(Problem(_line(source, "lang", lang, seen),
                                    f'lang="{lang}" is not a language tag (BCP 47)',
                                    'write the language\'s code, such as lang="cy" (Welsh), '
                                    'lang="ar" (Arabic), lang="pl" (Polish) or lang="en-GB"'))
        elif lang and lang.split("-")[0].lower() in RIGHT_TO_LEFT and direction is None:
            problems.append(Problem(_line(source, "lang", lang, seen),
                                    f'lang="{lang}" is a language written right to left, with no dir',
                                    f'add dir="rtl" beside it: {{ lang="{lang}" dir="rtl" }}'))
        if direction is not None and direction not in DIRECTIONS:
            problems.append(Problem(_line(source, "dir", direction, seen),
                                    f'dir="{direction}" is not a text direction',
                                    'write dir="rtl" (right to left), dir="ltr" or dir="auto"'))
    return sorted(problems, key=lambda problem: problem.line)
