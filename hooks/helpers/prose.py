"""Split page Markdown into blocks of reader-facing text, each with its line and kind.

The plain-English checks (readability, abbreviations, outdated terms) all need the same view
of a page: which text is our own prose, which is a verbatim Code of Practice quotation, which
is inside a "Name change" note, and which is a table, contact list or code that readability
counts must leave out. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Kinds of block. PROSE_KINDS are the ones whose sentences readability counts.
HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"
DEFINITION = "definition"
TERM = "term"
TABLE = "table"
CONTACT = "contact"
HTML = "html"
PROSE_KINDS = frozenset({PARAGRAPH, ITEM, DEFINITION})

NAME_CHANGE_TITLE = "name change"
QUOTE_SOURCE = re.compile(r"^\s*[—–-]+\s*SEND Code of Practice,\s*paragraph\s+11\.\d+\s*$")
CONTACT_LABEL = re.compile(r"^(phone|telephone|tel|email|e-mail|website|web|text|textphone|address)\s*:", re.I)

FENCE = re.compile(r"^\s*(```+|~~~+)")
HEADING_LINE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"([^"]*)")?\s*$')
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
DEFINITION_LINE = re.compile(r"^(\s*):\s{1,4}(.*)$")
ABBR_DEFINITION = re.compile(r"^\s*\*\[[^\]]+\]:")
TABLE_LINE = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^[\s|:-]+$")
HTML_LINE = re.compile(r"^\s*</?[a-zA-Z][^>]*>")

# A line that starts a new block: any of the line patterns above, or a quotation.
STARTS_BLOCK = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (HEADING_LINE, ADMONITION, LIST_ITEM, DEFINITION_LINE, TABLE_LINE))
    + r"|\s*>"
)

INLINE_CODE = re.compile(r"(`+).+?\1")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]+>")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ATTR_LIST = re.compile(r"\{:?\s*(?:[#.]|[\w-]+\s*=)[^}]*\}")
# An attribute list that marks a block as written in another language: { lang="cy" }
OTHER_LANGUAGE = re.compile(r"""\{:?[^}]*\blang\s*=\s*["']?(?!en\b)(?P<lang>[\w-]+)""", re.IGNORECASE)
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
MARKER = re.compile(r"\{\{.*?\}\}")
URL = re.compile(
    r"\b(?:https?://|mailto:|www\.)\S+"  # web addresses
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|uk)\b(?:/[^\s)]*)?"  # bare domains: contact.org.uk
)
# What any match of URL holds: a scheme or www., an @, or a dot before com, org, net or uk.
URL_NEEDS = re.compile(r"https?://|mailto:|www\.|@|\.(?:com|org|net|uk)")
EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_|_(?!\w))")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """One piece of a page: its kind, first line, plain text and raw Markdown (code removed)."""

    kind: str
    line: int
    text: str
    raw: str
    verbatim: bool = False  # inside a verbatim Code of Practice quotation
    name_change: bool = False  # inside a `!!! note "Name change"` admonition
    quote_group: int = 0  # which blockquote (1, 2, …) it belongs to; 0 if none
    language: str = ""  # the lang of a block in another language ({ lang="cy" }); "" for English

    @property
    def own_text(self) -> bool:
        """Our own words (not a quotation of the Code)."""
        return not self.verbatim


def plain_text(markdown: str, keep_urls: bool = False) -> str:
    """Inline Markdown to the words a reader sees (links to their text, code and tags removed)."""
    # Each pattern is tried only when the text holds what every match of it needs.
    text = INLINE_CODE.sub(" ", markdown) if "`" in markdown else markdown
    if "<" in text:
        text = COMMENT.sub(" ", text)
    if "[" in text:
        text = LINK.sub(r"\1", IMAGE.sub(r"\1", text))
    if "<" in text:
        text = TAG.sub(" ", text if keep_urls else AUTOLINK.sub(" ", text))
    if "{" in text:
        text = ATTR_LIST.sub(" ", text)
    if "[" in text:
        text = FOOTNOTE_REF.sub("", text)
    if "{{" in text:
        text = MARKER.sub(" ", text)
    if not keep_urls and URL_NEEDS.search(text):
        text = URL.sub(" ", text)
    if "*" in text or "_" in text:
        text = EMPHASIS.sub("", text)
    return SPACES.sub(" ", text).strip()


def _raw(markdown: str) -> str:
    """Raw Markdown with inline code removed (link targets kept, for old web addresses)."""
    return SPACES.sub(" ", INLINE_CODE.sub(" ", markdown)).strip()


@dataclass
class _Line:
    number: int
    text: str


def _without_code(markdown: str) -> list[_Line]:
    """Lines outside fenced code blocks, numbered from 1; code lines become blank."""
    out: list[_Line] = []
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[:3]
            out.append(_Line(number, ""))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(_Line(number, ""))
            continue
        out.append(_Line(number, line))
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Parser:
    """Line-based reader for the Markdown this site uses (not a general Markdown parser)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.quotes = 0

    def add(self, kind: str, lines: list[_Line], **flags: bool | int) -> None:
        if kind == TABLE:
            lines = [_Line(t.number, t.text.replace("|", " ; ")) for t in lines if not TABLE_RULE.match(t.text)]
        joined = " ".join(line.text.strip() for line in lines)
        text = plain_text(joined)
        if not text:
            return
        if kind == ITEM and CONTACT_LABEL.match(text):
            kind = CONTACT
        other = OTHER_LANGUAGE.search(joined) if "lang" in joined else None
        self.blocks.append(Block(kind, lines[0].number, text, _raw(joined),
                                 language=other["lang"] if other else "", **flags))

    def parse(self, lines: list[_Line], name_change: bool = False) -> None:
        i = 0
        while i < len(lines):
            line = lines[i]
            stripped = line.text.strip()
            if not stripped or ABBR_DEFINITION.match(line.text):
                i += 1
                continue
            admonition = ADMONITION.match(line.text)
            if admonition:
                body, i = self._indented(lines, i + 1, _indent(line.text) + 1)
                title = (admonition.group(2) or "").strip().lower()
                dedented = [_Line(b.number, b.text[4:] if b.text.startswith("    ") else b.text.lstrip()) for b in body]
                self.parse(dedented, name_change or title == NAME_CHANGE_TITLE)
                continue
            if stripped.startswith(">"):
                i = self._quote(lines, i, name_change)
                continue
            heading = HEADING_LINE.match(line.text)
            if heading:
                self.add(HEADING, [_Line(line.number, heading.group(2))], name_change=name_change)
                i += 1
                continue
            if TABLE_LINE.match(line.text):
                start = i
                while i < len(lines) and TABLE_LINE.match(lines[i].text):
                    i += 1
                self.add(TABLE, lines[start:i], name_change=name_change)
                continue
            item = LIST_ITEM.match(line.text)
            definition = DEFINITION_LINE.match(line.text)
            if item or definition:
                own = [_Line(line.number, (item or definition).group(2))]
                i += 1
                while i < len(lines) and lines[i].text.strip() and not self._starts_block(lines[i].text.strip()):
                    own.append(lines[i])
                    i += 1
                self.add(ITEM if item else DEFINITION, own, name_change=name_change)
                continue
            start = i
            while i < len(lines) and lines[i].text.strip() and not self._starts_block(lines[i].text):
                i += 1
            i = max(i, start + 1)
            paragraph = lines[start:i]
            is_term = i < len(lines) and DEFINITION_LINE.match(lines[i].text) is not None
            if not is_term and i + 1 < len(lines) and not lines[i].text.strip():
                is_term = DEFINITION_LINE.match(lines[i + 1].text) is not None
            kind = TERM if is_term else HTML if HTML_LINE.match(paragraph[0].text) else PARAGRAPH
            self.add(kind, paragraph, name_change=name_change)

    @staticmethod
    def _starts_block(text: str) -> bool:
        return STARTS_BLOCK.match(text) is not None

    @staticmethod
    def _indented(lines: list[_Line], i: int, min_indent: int) -> tuple[list[_Line], int]:
        """Lines indented at least ``min_indent`` (blank lines included), and the next index."""
        body: list[_Line] = []
        while i < len(lines):
            text = lines[i].text
            if text.strip() and _indent(text) < min_indent:
                break
            body.append(lines[i])
            i += 1
        while body and not body[-1].text.strip():
            body.pop()
        return body, i

    def _quote(self, lines: list[_Line], i: int, name_change: bool) -> int:
        """A blockquote: verbatim when its last paragraph is the Code of Practice source line."""
        quoted: list[_Line] = []
        while i < len(lines) and lines[i].text.strip().startswith(">"):
            inner = re.sub(r"^\s*>\s?", "", lines[i].text)
            quoted.append(_Line(lines[i].number, inner))
            i += 1
        paragraphs: list[list[_Line]] = [[]]
        for q in quoted:
            if q.text.strip():
                paragraphs[-1].append(q)
            elif paragraphs[-1]:
                paragraphs.append([])
        paragraphs = [p for p in paragraphs if p]
        last = " ".join(q.text.strip() for q in paragraphs[-1]) if paragraphs else ""
        verbatim = bool(QUOTE_SOURCE.match(plain_text(last)))
        self.quotes += 1
        inner_lines = quoted[:-len(paragraphs[-1])] if verbatim else quoted
        sub = _Parser()
        sub.parse(inner_lines, name_change)
        for block in sub.blocks:
            self.blocks.append(
                Block(block.kind, block.line, block.text, block.raw, verbatim, block.name_change, self.quotes)
            )
        if verbatim:
            source = paragraphs[-1]
            self.blocks.append(
                Block(PARAGRAPH, source[0].number, plain_text(last), _raw(last), True, name_change, self.quotes)
            )
        return i


def blocks(markdown: str) -> list[Block]:
    """Every block of reader-facing text in page Markdown, in order."""
    parser = _Parser()
    parser.parse(_without_code(markdown))
    return parser.blocks


def line_map(original: str, expanded: str) -> dict[int, int]:
    """Map line numbers of ``expanded`` Markdown back to ``original`` (before markers were expanded).

    Lines that a hook inserted are mapped to the original line they replaced.
    """
    old, new = original.splitlines(), expanded.splitlines()
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for j in range(b0, b1):
            if tag == "equal":
                mapping[j + 1] = a0 + (j - b0) + 1
            else:
                mapping[j + 1] = min(a0 + (j - b0), max(a1 - 1, a0)) + 1
    return mapping
