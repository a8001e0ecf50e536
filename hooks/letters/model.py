"""Read and check the model letters (``docs/data/letters.yml``).

Each letter is data (title, who it is to, when to use it, what it relies on, its sources)
plus its words; the shared layout (``letters/layout.py``) makes the whole letter from them.
The words may hold the parent's blanks in square brackets (``[your child's name]``) and the
service's plain-text local details as ``{{ local.KEY }}`` markers, filled in here.
Code of Practice citations in the file are checked with every other data file by the
citations capability; this module checks that each letter names one. It knows nothing
about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from citations import parse as citations_parse
from helpers import yaml_source
from helpers.yaml_source import Reader

LETTER_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
LOCAL_MARKER = re.compile(r"\{\{\s*local\.(?P<key>[a-z_]+)\s*\}\}")
ANY_MARKER = re.compile(r"\{\{.*?\}\}")
BLANK = re.compile(r"\[[^\]\n]+\]")
LEAFLET = "leaflet.md"  # the service's leaflet (../shared/reference/leaflet.md)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TEXT_FIELDS = ("title", "to", "when", "subject", "greeting")
FIELDS = {"id", *TEXT_FIELDS, "recipient", "relies_on", "sources", "body"}
RELIES_ON_KEYS = {"code", "law", "law_source"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in letters.yml: where, which letter and field, what to do."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Letter:
    """One model letter, its local details filled in; blanks stay as written."""

    id: str
    title: str
    to: str
    when: str
    subject: str
    greeting: str
    recipient: tuple[str, ...]
    code: str
    law: str
    law_source: str
    sources: tuple[str, ...]
    body: tuple[str, ...]

    @property
    def relies_on(self) -> str:
        """What the letter relies on, as one line of text: the Code and/or the law."""
        parts = [f"SEND Code of Practice, {self.code}" if self.code else "", self.law]
        return "; ".join(part for part in parts if part)

    def blanks(self) -> list[str]:
        """Every blank the parent fills in, in order, each once."""
        text = "\n".join([*self.recipient, self.subject, self.greeting, *self.body])
        return list(dict.fromkeys(BLANK.findall(text)))


@dataclass(frozen=True)
class Letters:
    """Every letter, and when the file was last checked against its sources."""

    letters: tuple[Letter, ...]
    last_reviewed: str
    review_interval_months: int


def _url(text: object) -> bool:
    parts = urlsplit(str(text))
    return parts.scheme == "https" and bool(parts.netloc)


class _Checker:
    """Collects problems for one letter; fills in its local details."""

    def __init__(self, path: Path, source: yaml_source.Source, local: dict[str, str]) -> None:
        self.path, self.source, self.local = path, source, local
        self.problems: list[Problem] = []

    def add(self, keys: tuple, message: str) -> None:
        self.problems.append(Problem(self.path, self.source.line_of("letters", *keys), message))

    def text(self, keys: tuple, value: object, what: str) -> str:
        """A non-empty plain-text value with its ``{{ local.* }}`` markers filled in."""
        if not isinstance(value, str) or not value.strip():
            self.add(keys, f"{what} is missing or empty; write it as plain text")
            return ""

        def fill(match: re.Match[str]) -> str:
            if match["key"] in self.local:
                return self.local[match["key"]]
            self.add(keys, f"{what}: {match[0]} is not a plain-text local detail; use one of: "
                     + ", ".join(f"{{{{ local.{key} }}}}" for key in sorted(self.local)))
            return match[0]

        filled = LOCAL_MARKER.sub(fill, " ".join(value.split()))
        for left in ANY_MARKER.findall(filled):
            if not LOCAL_MARKER.fullmatch(left):
                self.add(keys, f"{what}: {left} is not a marker letters understand; "
                         "use {{ local.KEY }} for the service's details")
        return filled

    def lines(self, keys: tuple, value: object, what: str) -> tuple[str, ...]:
        """A list of plain-text lines (or paragraphs)."""
        if not isinstance(value, list) or not value:
            self.add(keys, f"{what} must be a list with at least one line")
            return ()
        return tuple(self.text((*keys, n), item, what) for n, item in enumerate(value))


def _letter(check: _Checker, index: int, item: object, seen: set[str]) -> Letter | None:
    if not isinstance(item, dict):
        check.add((index,), "each letter must be a mapping with id, title, to, when, "
                  "subject, greeting, recipient, relies_on, sources and body")
        return None
    letter_id = str(item.get("id", ""))
    name = f"letter '{letter_id}'"
    if not LETTER_ID.match(letter_id):
        check.add((index, "id"), f"{name}: the id must be lower-case words joined by hyphens, "
                  "such as ask-for-mediation (it names the page and the files)")
    elif letter_id in seen:
        check.add((index, "id"), f"{name}: another letter has this id; give each letter its own")
    seen.add(letter_id)
    for key in sorted(set(item) - FIELDS):
        check.add((index, key), f"{name}: unknown field '{key}'; use: {', '.join(sorted(FIELDS))}")
    texts = {key: check.text((index, key), item.get(key), f"{name}: '{key}'") for key in TEXT_FIELDS}
    relies = item.get("relies_on")
    code = law = law_source = ""
    if not isinstance(relies, dict) or not relies.keys() & {"code", "law"}:
        check.add((index, "relies_on"), f"{name}: 'relies_on' must name the Code of Practice "
                  "paragraph (code: paragraph 11.6) or the law (law: ... with law_source: https://...)")
    else:
        for key in sorted(set(relies) - RELIES_ON_KEYS):
            check.add((index, "relies_on", key), f"{name}: unknown key '{key}' in relies_on; "
                      "use code, law and law_source")
        if "code" in relies:
            code = check.text((index, "relies_on", "code"), relies["code"], f"{name}: relies_on code")
            if code and not citations_parse.find_in_text(code):
                check.add((index, "relies_on", "code"), f"{name}: relies_on code '{code}' holds "
                          "no Code of Practice citation; write it as 'paragraph 11.6'")
        if "law" in relies:
            law = check.text((index, "relies_on", "law"), relies["law"], f"{name}: relies_on law")
            law_source = str(relies.get("law_source", ""))
            if not _url(law_source):
                check.add((index, "relies_on"), f"{name}: relies_on law needs law_source: the "
                          "https:// address where the law was read (legislation.gov.uk)")
    sources = item.get("sources")
    if not isinstance(sources, list) or not sources or not all(_url(s) or s == LEAFLET for s in sources):
        check.add((index, "sources"), f"{name}: 'sources' must list the https:// addresses "
                  "that support the letter's facts (or leaflet.md)")
        sources = []
    recipient = check.lines((index, "recipient"), item.get("recipient"), f"{name}: 'recipient'")
    body = check.lines((index, "body"), item.get("body"), f"{name}: 'body'")
    return Letter(letter_id, texts["title"], texts["to"], texts["when"], texts["subject"],
                  texts["greeting"], recipient, code, law, law_source, tuple(sources), body)


def load(path: Path, local: dict[str, str], read: Reader = yaml_source.read) -> tuple[Letters | None, list[Problem]]:
    """Read letters.yml (with ``read``), fill in ``local`` (plain-text marker values) and check it."""
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        return None, [Problem(path, error.line, error.message)]
    data = source.data
    check = _Checker(path, source, local)
    if not isinstance(data, dict) or not isinstance(data.get("letters"), list):
        return None, [Problem(path, 1, "must be a mapping with last_reviewed, "
                              "review_interval_months and a list of letters")]
    reviewed = str(data.get("last_reviewed", ""))
    if not DATE.match(reviewed):
        check.problems.append(Problem(path, source.line_of("last_reviewed"),
                                      "last_reviewed must be a date such as 2026-12-02"))
    interval = data.get("review_interval_months")
    if not isinstance(interval, int) or interval < 1:
        check.problems.append(Problem(path, source.line_of("review_interval_months"),
                                      "review_interval_months must be a whole number of months, such as 12"))
        interval = 12
    seen: set[str] = set()
    letters = [_letter(check, n, item, seen) for n, item in enumerate(data["letters"])]
    return Letters(tuple(l for l in letters if l), reviewed, interval), check.problems
