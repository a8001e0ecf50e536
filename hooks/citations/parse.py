"""Find SEND Code of Practice citations in page Markdown and turn them into a canonical form.

Recognised forms (case-insensitive), as the leaflet writes them and the usual variants:
``(11.45)``, ``paragraph 11.45``, ``para 11.45``, ``pars 11.45``, ``§11.45``,
``paras. 11.6 to 11.10``, ``paragraphs 11.6 to 11.10``, ``sections 11.13 to 11.38``,
``sections 11.2 and 11.67 to 11.111``, ``11.6–11.10``, ``11.6-11.10`` and ``11.6 to 11.10``
(a bare range), ``SEND Code of Practice (2015) 11.45``, ``11.45 of the Code`` and
``chapter 11`` (a whole chapter, unless "of" names another document). Citations inside code
(fenced or inline, ``<code>``/``<pre>``), HTML comments, HTML tags and their attribute values,
link addresses, web addresses and ``{{ … }}`` markers are left alone; text in raw HTML (such
as generated table cells) is read like any other text.

A citation becomes (edition, list of paragraph ranges); a citation that looks like one but
cannot be read (``11.``, ``11..45``, ``11.045``, ``(11.4 5)``) carries a :class:`Malformed`
with a suggested fix instead. With ``loose=True`` every other number shaped like a paragraph
(``see 11.45``) is returned too, as form ``"number"``: the checker decides whether it is the
Code's. :func:`find_in_yaml` finds them in the text values of a YAML data file, with the file
line of each. This module knows nothing about MkDocs or the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from citations.mask import masked_page, masked_value
from helpers import yaml_source


@dataclass(frozen=True, order=True)
class Para:
    """One paragraph number: chapter 11, paragraph 45 is 11.45."""

    chapter: int
    number: int

    def __str__(self) -> str:
        return f"{self.chapter}.{self.number}"

    @classmethod
    def parse(cls, text: str) -> Para:
        """``'11.45'`` -> Para(11, 45); raises ValueError for anything else."""
        match = STRICT_NUMBER.fullmatch(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a paragraph number such as 11.45")
        return cls(int(match[1]), int(match[2]))


Range = tuple[Para, Para]


@dataclass(frozen=True)
class Malformed:
    """Why a citation cannot be read, and the number the author probably meant (if any)."""

    message: str
    guess: str | None = None


@dataclass(frozen=True)
class Citation:
    """One citation as written on a page.

    ``line`` is 1-based; ``start``/``end`` are offsets in that line of the whole citation as
    written, ``link_start``/``link_end`` of the part that becomes a link (for ``(11.45)``
    only the number inside the brackets).
    """

    line: int
    start: int
    end: int
    link_start: int
    link_end: int
    text: str
    form: str  # "keyword", "brackets", "bare", "named", "chapter" or "number"
    noun: str  # "paragraph", "section" or "chapter" ("paragraph" when there is no keyword)
    ranges: tuple[Range, ...] = ()
    malformed: Malformed | None = None
    in_link: bool = False
    edition: str | None = None
    chapter: int | None = None  # for form "chapter": the chapter cited

    @property
    def linkable(self) -> bool:
        """Paragraphs cited in a recognised form (a chapter or a loose number is only checked)."""
        return self.form not in ("chapter", "number")

    @property
    def paragraphs_text(self) -> str:
        """The ranges in words: ``11.2 and 11.67 to 11.111``."""
        return words(self.ranges)


def range_text(first: Para, last: Para) -> str:
    """``11.6 to 11.10``, or ``11.45`` for a single paragraph."""
    return str(first) if first == last else f"{first} to {last}"


def words(ranges: tuple[Range, ...] | list[Range]) -> str:
    """Ranges in words: ``11.2 and 11.67 to 11.111``; ``11.1, 11.3 and 11.6``."""
    items = [range_text(first, last) for first, last in ranges]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def canonical(citation: Citation) -> str:
    """A stable text form: ``2015-01 11.2,11.67-11.111``."""
    body = ",".join(str(a) if a == b else f"{a}-{b}" for a, b in citation.ranges)
    return f"{citation.edition or '-'} {body}"


# --- reading one number or a list of ranges -------------------------------------------------

STRICT_NUMBER = re.compile(r"([1-9]\d*)\.(0|[1-9]\d*)")
DASHES = "–—‒-"
ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", re.IGNORECASE)
RANGE_SPLIT = re.compile(rf"\s*(?:\bto\b|[{DASHES}])\s*", re.IGNORECASE)


def _guess(text: str) -> str | None:
    """The number an author probably meant: '11..45', '11.045', '11.4 5' -> '11.45'."""
    squeezed = re.sub(r"\s+", "", text)
    squeezed = re.sub(r"\.+", ".", squeezed)
    match = re.fullmatch(r"0*(\d+)\.0*(\d+)", squeezed)
    if not match:
        return None
    guess = f"{int(match[1])}.{int(match[2])}"
    return guess if guess != text else None


def parse_number(text: str) -> Para | Malformed:
    """One paragraph number, or why it cannot be read."""
    text = text.strip()
    if STRICT_NUMBER.fullmatch(text):
        return Para.parse(text)
    guess = _guess(text)
    if re.search(r"\d\s+\d", text):
        why = f"'{text}' has a space inside the number"
    elif ".." in text:
        why = f"'{text}' has two dots in a row"
    elif text.endswith("."):
        why = f"'{text}' has no paragraph number after the dot"
    elif "." not in text:
        why = f"'{text}' is a chapter without a paragraph number"
    elif re.fullmatch(r"\d+\.0\d+", text):
        why = f"'{text}' has a 0 in front of the paragraph number"
    elif text.count(".") > 1:
        why = f"'{text}' has more than one dot"
    else:
        why = f"'{text}' is not a paragraph number"
    return Malformed(why, guess)


def parse_ranges(body: str) -> tuple[tuple[Range, ...], Malformed | None]:
    """``'11.2 and 11.67 to 11.111'`` -> ranges; or no ranges and why it cannot be read."""
    ranges: list[Range] = []
    for item in ITEM_SPLIT.split(body.strip()):
        ends = RANGE_SPLIT.split(item)
        if len(ends) > 2 or not all(ends):
            return (), Malformed(f"'{item}' is not a paragraph or a range such as 11.6 to 11.10")
        numbers = [parse_number(end) for end in ends]
        for number in numbers:
            if isinstance(number, Malformed):
                return (), number
        first, last = numbers[0], numbers[-1]
        ranges.append((first, last))  # type: ignore[arg-type]
    return tuple(ranges), None


# --- finding citations in Markdown -----------------------------------------------------------

NUM = r"\d+(?:\.+\d*)*"
DOTTED = r"\d+\.[\d.]*"
PARAGRAPH = r"\d+\.\d[\d.]*"  # a number with a digit after its dot, such as 11.45
SEP = rf"(?:\s*,\s*(?:and\s+)?|\s+(?:to|and|&)\s+|\s*[{DASHES}]\s*)"
CODE_NAME = r"(?:SEND\s+)?Code(?:\s+of\s+Practice)?\b"
NOT_AFTER = rf"(?<![\w.£$€/@#:=+{DASHES}])"
KEYWORD = re.compile(
    rf"(?<![\w-])(?P<kw>paragraphs?|paras?\.?|pars?\.?|sections?|§§?)\s*"
    rf"(?P<body>{NUM}(?:{SEP}{DOTTED})*)",
    re.IGNORECASE,
)
# "SEND Code of Practice (2015) 11.45", "the Code, 11.45": the number right after the Code's name
NAMED = re.compile(
    rf"(?<![\w-]){CODE_NAME}(?:\s*\(\d{{4}}\)|\s+\d{{4}})?\s*,?\s*(?P<body>{PARAGRAPH}(?:{SEP}{DOTTED})*)",
    re.IGNORECASE,
)
# "11.45 of the Code", "11.6 to 11.10 of the SEND Code of Practice"
OF_THE_CODE = re.compile(
    rf"{NOT_AFTER}(?P<body>{PARAGRAPH}(?:{SEP}{DOTTED})*)\s+of\s+the\s+{CODE_NAME}",
    re.IGNORECASE,
)
# "chapter 11", unless "of" names another document ("chapter 3 of the Act")
CHAPTER = re.compile(
    rf"(?<![\w-])chapter\s+(?P<number>\d+)(?![\w.]*\d)(?!\s+of\s+(?!the\s+{CODE_NAME}))",
    re.IGNORECASE,
)
BRACKETS = re.compile(r"\((?P<body>\s*\d[^()\n]*?)\)")
BRACKET_BODY = re.compile(rf"[\d.\s,{DASHES}]*(?:(?:to|and|&)[\d.\s,{DASHES}]*)*", re.IGNORECASE)
NOT_A_TIME = r"(?![\w/]|\.\d|\s*(?:am|pm)\b)"
BARE = re.compile(
    rf"{NOT_AFTER}(?P<body>\d+\.\d+(?:\s*[{DASHES}]\s*|\s+to\s+)\d+\.\d+){NOT_A_TIME}",
    re.IGNORECASE,
)
# Any other number shaped like a paragraph: not money, a time, a version or part of a longer number
LOOSE = re.compile(r"(?<![\d.,£$€/\\])(?<!version )(?<!\bv)(?P<body>\d+\.\d+)(?![\w%°/]|\.\d|\s*(?:am|pm)\b)",
                   re.IGNORECASE)

LINK_TEXT = re.compile(r"\[([^\]]*)\]\(|<a\b[^>]*>(.*?)</a\s*>", re.IGNORECASE)
# Every citation form has a digit: a line without one holds no citation.
DIGIT = re.compile(r"\d")


def _link_text_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    for match in LINK_TEXT.finditer(line):
        group = 1 if match.group(1) is not None else 2
        spans.append(match.span(group))
    return spans


def _trim(body: str, after: str) -> str:
    """Drop a full stop that ends the sentence rather than the number."""
    if body.endswith(".") and "." in body[:-1] and (not after or after[0].isspace() or after[0] in "<*_\"'”’"):
        return body[:-1]
    return body


def _noun(keyword: str | None) -> str:
    if keyword and (keyword.lower().startswith("section") or keyword.startswith("§")):
        return "section"
    return "paragraph"


def find_in_line(line: str, masked: str, number: int, edition: str | None = None,
                 loose: bool = False) -> list[Citation]:
    """Every citation in one line (``masked`` is the line with non-text parts masked).

    ``loose``: also every other number shaped like a paragraph, as form ``"number"``.
    """
    if not DIGIT.search(masked):
        return []
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    links = _link_text_spans(line)

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(start: int, end: int, link: tuple[int, int], form: str, kw: str | None, body: str):
        ranges, malformed = parse_ranges(body)
        inside = any(a <= start and end <= b for a, b in links)
        found.append(
            Citation(number, start, end, link[0], link[1], line[start:end], form, _noun(kw),
                     ranges, malformed, inside, edition)
        )
        taken.append((start, end))

    for match in KEYWORD.finditer(masked):
        body = _trim(match["body"], masked[match.end():])
        if "." not in body and match["kw"].lower().startswith(("section", "§")):
            continue  # "section 19" of an Act, not the Code of Practice
        end = match.start("body") + len(body)
        add(match.start(), end, (match.start(), end), "keyword", match["kw"], body)
    for pattern in (NAMED, OF_THE_CODE):
        for match in pattern.finditer(masked):
            body = _trim(match["body"], masked[match.end("body"):])
            end = match.start("body") + len(body) if pattern is NAMED else match.end()
            if free(match.start(), end):
                add(match.start(), end, (match.start("body"), match.start("body") + len(body)),
                    "named", None, body)
    for match in BRACKETS.finditer(masked):
        body = match["body"]
        if "." not in body or not BRACKET_BODY.fullmatch(body) or not free(*match.span()):
            continue
        add(match.start(), match.end(), match.span("body"), "brackets", None, body)
    for match in BARE.finditer(masked):
        if free(*match.span()):
            add(match.start(), match.end(), match.span(), "bare", None, match["body"])
    for match in CHAPTER.finditer(masked):
        if free(*match.span()):
            found.append(Citation(number, match.start(), match.end(), *match.span(), match[0],
                                  "chapter", "chapter", edition=edition, chapter=int(match["number"])))
    for match in LOOSE.finditer(masked) if loose else ():
        if free(*match.span()):
            add(match.start(), match.end(), match.span(), "number", None, match["body"])
    return sorted(found, key=lambda c: c.start)


def find(markdown: str, edition: str | None = None, loose: bool = False) -> list[Citation]:
    """Every citation in the Markdown (outside code, tags, addresses and markers)."""
    found: list[Citation] = []
    for number, line, masked in masked_page(markdown):
        found.extend(find_in_line(line, masked, number, edition, loose))
    return found


def find_in_text(text: str, edition: str | None = None, loose: bool = False) -> list[Citation]:
    """Citations in one piece of plain text (such as a data file value), line by line."""
    found: list[Citation] = []
    for number, line in enumerate(text.splitlines() or [""], start=1):
        if not DIGIT.search(line):
            continue  # masking only hides text: no digit, no citation
        found.extend(find_in_line(line, masked_value(line), number, edition, loose))
    return found


def find_in_yaml(text: str, edition: str | None = None) -> list[Citation]:
    """Citations in the text values of a YAML data file, each with the file line it is on."""
    return find_in_source(yaml_source.Source(None, yaml_source.compose(text), text), edition)


def find_in_source(source: yaml_source.Source, edition: str | None = None,
                   loose: bool = False) -> list[Citation]:
    """:func:`find_in_yaml` for a file already parsed (the site model's)."""
    return [replace(citation, line=source.line_holding(citation.text, span))
            for text, span in source.strings() for citation in find_in_text(text, edition, loose)]
