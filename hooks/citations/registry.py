"""Load and check the Code of Practice registry (``docs/data/code_of_practice.yml``).

The registry says, per edition of the Code, which chapters and paragraphs exist, what each
section is about, which paragraphs' wording is known, and how sure each entry is. This
module knows nothing about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpers import yaml_source
from helpers.yaml_source import Reader
from citations.parse import Para, Range

CONFIDENCE = {"verified", "leaflet-only", "inferred", "unverified", "conflict"}
VERBATIM = {True, False, "leaflet"}


@dataclass(frozen=True)
class Section:
    """A run of paragraphs about one subject."""

    first: Para
    last: Para
    title: str
    subject_known: bool
    confidence: str
    sources: tuple[str, ...]

    def __contains__(self, para: Para) -> bool:
        return self.first <= para <= self.last

    @property
    def range_text(self) -> str:
        return f"{self.first} to {self.last}"


@dataclass(frozen=True)
class TextPart:
    """Known wording of (part of) a paragraph: a sentence run or one list item."""

    text: str
    verbatim: bool | str  # True, False (a paraphrase) or "leaflet" (only the leaflet quotes it)
    confidence: str
    sources: tuple[str, ...]


@dataclass
class Chapter:
    """One chapter: its known paragraphs, sections, paragraph subjects and wording."""

    number: int
    title: str
    first: Para
    last: Para
    sections: list[Section] = field(default_factory=list)
    topics: dict[Para, str] = field(default_factory=dict)
    texts: dict[Para, list[TextPart]] = field(default_factory=dict)

    def section(self, para: Para) -> Section | None:
        return next((s for s in self.sections if para in s), None)


@dataclass
class Edition:
    """One edition of the Code, with its publication addresses and chapters."""

    id: str
    name: str
    title: str
    short_title: str
    page: str
    pdf: str
    chapters: dict[int, Chapter] = field(default_factory=dict)

    def known(self, para: Para) -> bool:
        chapter = self.chapters.get(para.chapter)
        return chapter is not None and chapter.first <= para <= chapter.last

    def section(self, para: Para) -> Section | None:
        chapter = self.chapters.get(para.chapter)
        return chapter.section(para) if chapter else None

    def sections_in(self, first: Para, last: Para) -> list[Section]:
        """Sections that share at least one paragraph with the range."""
        chapter = self.chapters.get(first.chapter)
        if chapter is None:
            return []
        return [s for s in chapter.sections if s.first <= last and first <= s.last]

    def topic(self, para: Para) -> str | None:
        chapter = self.chapters.get(para.chapter)
        return chapter.topics.get(para) if chapter else None

    def texts(self, para: Para) -> list[TextPart]:
        chapter = self.chapters.get(para.chapter)
        return chapter.texts.get(para, []) if chapter else []

    def nearest(self, para: Para) -> Para | None:
        """The known paragraph closest to ``para`` (same chapter), or None."""
        chapter = self.chapters.get(para.chapter)
        if chapter is None:
            return None
        return min(max(para, chapter.first), chapter.last)

    def describe(self, first: Para, last: Para) -> str:
        """What a paragraph or range is about, from the registry (never more than it knows)."""
        if first == last and (topic := self.topic(first)):
            return topic
        titles = []
        for section in self.sections_in(first, last):
            if not section.subject_known:
                titles.append(f"{section.range_text}: subject not verified")
            elif section.confidence == "inferred":
                titles.append(f"{section.title} (our summary)")
            else:
                titles.append(section.title)
        return "; ".join(dict.fromkeys(titles)) or "not in the registry"


@dataclass
class Registry:
    """Every edition the build knows, and the one pages cite unless they say otherwise."""

    editions: dict[str, Edition]
    current: str
    last_reviewed: str
    review_interval_months: int

    def edition(self, edition_id: str | None = None) -> Edition:
        return self.editions[edition_id or self.current]


class _Reader:
    """Reads the YAML into a Registry, collecting every problem on the way."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path}: {where}: {message}")

    def mappings(self, value: object, where: str, key: str) -> list[dict]:
        """The items of the list ``key``; none, and a problem, if it is not a list of mappings."""
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(where, f"'{key}' must be a list, each item a set of 'key: value' lines")
            return []
        return value

    def para(self, entry: dict, key: str, where: str) -> Para | None:
        value = entry.get(key)
        if not isinstance(value, str):
            self.problem(where, f"'{key}' must be a quoted paragraph number such as '11.10', "
                                f"not {value!r} (YAML reads 11.10 as 11.1)")
            return None
        try:
            return Para.parse(value)
        except ValueError as error:
            self.problem(where, f"'{key}': {error}")
            return None

    def text(self, entry: dict, key: str, where: str) -> str:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"'{key}' is missing or empty: write it as text")
            return ""
        return " ".join(value.split())

    def confidence(self, entry: dict, where: str, key: str = "confidence") -> str:
        value = entry.get(key)
        if not isinstance(value, str) or value not in CONFIDENCE:
            self.problem(where, f"'{key}' is {value!r}: use one of {', '.join(sorted(CONFIDENCE))}")
        return str(value)

    def sources(self, entry: dict, where: str, required: bool) -> tuple[str, ...]:
        value = entry.get("sources", [])
        if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
            self.problem(where, "'sources' must be a list of addresses or file names")
            return ()
        if required and not value:
            self.problem(where, "has no sources: add where this comes from, or mark it unverified")
        return tuple(value)

    def chapter(self, entry: dict, where: str) -> Chapter | None:
        number = entry.get("number")
        if not isinstance(number, int):
            self.problem(where, f"chapter 'number' must be a whole number, not {number!r}")
            return None
        where = f"{where} chapter {number}"
        first, last = self.para(entry, "first", where), self.para(entry, "last", where)
        self.confidence(entry, where, "first_confidence")
        self.confidence(entry, where, "last_confidence")
        title = self.text(entry, "title", where)
        if not first or not last:
            return None
        chapter = Chapter(number, title, first, last)
        for item in self.mappings(entry.get("sections"), where, "sections"):
            self.section(chapter, item, where)
        self.check_coverage(chapter, where)
        for item in self.mappings(entry.get("topics"), where, "topics"):
            at = f"{where} topic {item.get('para')}"
            para = self.para(item, "para", at)
            title = self.text(item, "title", at)
            self.sources(item, at, self.confidence(item, at) != "unverified")
            if para:
                chapter.topics[para] = title
        for item in self.mappings(entry.get("texts"), where, "texts"):
            self.paragraph_text(chapter, item, where)
        return chapter

    def section(self, chapter: Chapter, item: dict, where: str) -> None:
        at = f"{where} section {item.get('first')} to {item.get('last')}"
        first, last = self.para(item, "first", at), self.para(item, "last", at)
        title = self.text(item, "title", at)
        confidence = self.confidence(item, at)
        known = item.get("subject_known")
        if not isinstance(known, bool):
            self.problem(at, "'subject_known' must be true or false")
        elif known and confidence == "unverified":
            self.problem(at, "an unverified section cannot have subject_known: true")
        sources = self.sources(item, at, confidence != "unverified")
        if first and last:
            if not (chapter.first <= first <= last <= chapter.last):
                self.problem(at, f"must run forwards inside {chapter.first} to {chapter.last}")
            chapter.sections.append(Section(first, last, title, known is True, confidence, sources))

    def check_coverage(self, chapter: Chapter, where: str) -> None:
        """Sections must cover every known paragraph exactly once, in order."""
        expected = chapter.first
        for section in chapter.sections:
            if section.first != expected:
                self.problem(where, f"section {section.range_text} should start at {expected} "
                                    "(every paragraph belongs to exactly one section)")
            expected = Para(section.last.chapter, section.last.number + 1)
        if chapter.sections and chapter.sections[-1].last != chapter.last:
            self.problem(where, f"the last section must end at the chapter's last paragraph "
                                f"{chapter.last}")

    def paragraph_text(self, chapter: Chapter, item: dict, where: str) -> None:
        at = f"{where} text of {item.get('para')}"
        para = self.para(item, "para", at)
        parts: list[TextPart] = []
        for part in self.mappings(item.get("parts"), at, "parts"):
            text = self.text(part, "text", at)
            verbatim = part.get("verbatim")
            if not isinstance(verbatim, (bool, str)) or verbatim not in VERBATIM:
                self.problem(at, f"'verbatim' is {verbatim!r}: use true, false or leaflet")
            confidence = self.confidence(part, at)
            sources = self.sources(part, at, required=True)
            parts.append(TextPart(text, verbatim, confidence, sources))
        if not parts:
            self.problem(at, "has no 'parts': add the known wording, each part with its source")
        if para:
            if not (chapter.first <= para <= chapter.last):
                self.problem(at, f"{para} is outside {chapter.first} to {chapter.last}")
            chapter.texts[para] = parts

    def edition(self, entry: dict) -> Edition | None:
        edition_id = entry.get("id")
        where = f"edition {edition_id}"
        if not isinstance(edition_id, str):
            self.problem(where, "'id' must be quoted text such as '2015-01'")
            return None
        texts = {k: self.text(entry, k, where) for k in ("name", "title", "short_title", "page")}
        pdf = self.text(entry, "pdf", where)
        for key in ("page", "pdf"):
            if not str(entry.get(key, "")).startswith("https://"):
                self.problem(where, f"'{key}' must be an https:// address")
        self.confidence(entry, where)
        self.sources(entry, where, required=True)
        edition = Edition(edition_id, texts["name"], texts["title"], texts["short_title"],
                          texts["page"], pdf)
        for item in self.mappings(entry.get("chapters"), where, "chapters"):
            chapter = self.chapter(item, where)
            if chapter:
                edition.chapters[chapter.number] = chapter
        if not edition.chapters:
            self.problem(where, "has no chapters")
        return edition


def load(path: Path, read: Reader = yaml_source.read) -> tuple[Registry | None, list[str]]:
    """Read (with ``read``) and check the registry; return it (None if unusable) and every problem."""
    try:
        data = read(path).data or {}
    except yaml_source.Unreadable as error:
        return None, [yaml_source.unreadable(path, error)]
    reader = _Reader(path)
    if not isinstance(data, dict):
        reader.problem("the file", "must be current_edition, editions, last_reviewed and "
                       "review_interval_months, each on a line of its own")
        return None, reader.problems
    editions: dict[str, Edition] = {}
    for entry in reader.mappings(data.get("editions"), "the file", "editions"):
        edition = reader.edition(entry)
        if edition:
            editions[edition.id] = edition
    current = data.get("current_edition")
    if not isinstance(current, str) or current not in editions:
        reader.problem("current_edition", f"{current!r} is not the id of an edition in the file")
    review = (data.get("last_reviewed"), data.get("review_interval_months"))
    if not isinstance(review[1], int):
        reader.problem("review_interval_months", "must be a whole number of months, such as 12")
    if reader.problems:
        return None, reader.problems
    return Registry(editions, str(current), str(review[0]), review[1]), []
