"""Outdated terms: load docs/data/outdated_terms.yml and find old names in our own words.

An old name in our own text is a problem, with the current name suggested. Inside a verbatim
Code of Practice quotation it is allowed when a ``!!! note "Name change"`` after the quotation,
in the same section, names the current term. Text inside that note may use the old name.
This module knows nothing about MkDocs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from helpers import prose
from helpers import yaml_source
from helpers.yaml_source import Reader

KEYS = {"old", "match", "abbreviations", "current", "current_match", "since", "confidence", "suggestion", "sources"}
REQUIRED = ("old", "match", "current", "current_match", "confidence", "suggestion", "sources")
CONFIDENCE = {"verified", "unverified"}


@dataclass(frozen=True)
class Term:
    """One replaced name."""

    old: str
    match: tuple[str, ...]
    current: str
    current_match: tuple[str, ...]
    confidence: str
    suggestion: str
    sources: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...] = ()
    since: str | None = None

    def found_in(self, text: str, lowered: str | None = None) -> str | None:
        """The first way this old name is written in ``text``, or None. ``lowered`` is
        ``text.lower()``, if the caller has it already."""
        lowered = text.lower() if lowered is None else lowered
        for phrase in self.match:
            if _first_word(phrase) not in lowered:
                continue  # cheap test first: the pattern cannot match without this word
            found = _pattern(phrase).search(text)
            if found:
                return found.group(0)
        return None

    def named_current(self, text: str) -> bool:
        return any(_pattern(p).search(text) for p in self.current_match)


@functools.cache
def _first_word(phrase: str) -> str:
    """The phrase's first word in lower case: every match of its pattern contains it."""
    return phrase.split()[0].lower()


@functools.cache
def _pattern(phrase: str) -> re.Pattern[str]:
    """Capitals-only words match in capitals as whole words; anything else in any case."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    flags = 0 if phrase.isupper() else re.IGNORECASE
    if "/" in phrase or "." in phrase:  # a web address: match it inside a longer one too
        return re.compile(body, flags)
    return re.compile(rf"(?<![\w/.-]){body}s?(?![\w-])", flags)


class OutdatedTermsError(ValueError):
    """The outdated terms file is wrong; the message lists every problem."""


def load(path: Path, read: Reader = yaml_source.read) -> list[Term]:
    """Read and check the file; raise :class:`OutdatedTermsError` listing every problem."""
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        raise OutdatedTermsError(yaml_source.unreadable(path, error)) from error
    data = source.data or {}
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise OutdatedTermsError(f"{path}:1: needs a 'terms:' list (see the comment at the top of the file)")
    problems: list[str] = []
    terms: list[Term] = []
    for index, item in enumerate(data["terms"]):
        where = f"{path}:{source.line_of('terms', index)}"
        if not isinstance(item, dict):
            problems.append(f"{where}: each entry needs {', '.join(REQUIRED)}")
            continue
        wrong = [f"{where}: unknown key '{k}'; use only {', '.join(sorted(KEYS))}" for k in sorted(set(item) - KEYS)]
        wrong += [f"{where}: '{k}' is missing or empty" for k in REQUIRED if not item.get(k)]
        for key in ("match", "current_match", "sources"):
            value = item.get(key)
            if value and not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
                wrong.append(f"{where}: '{key}' must be a list of text")
        abbreviations = item.get("abbreviations") or {}
        if not isinstance(abbreviations, dict) or not all(
            isinstance(k, str) and k.isupper() and isinstance(v, str) and v.strip() for k, v in abbreviations.items()
        ):
            wrong.append(f"{where}: 'abbreviations' must map each old abbreviation (in capitals) to what it stood for")
            abbreviations = {}
        confidence = item.get("confidence")
        if confidence and (not isinstance(confidence, str) or confidence not in CONFIDENCE):
            wrong.append(f"{where}: confidence must be one of {', '.join(sorted(CONFIDENCE))} (from facts.yml)")
        problems += wrong
        if not wrong:
            terms.append(
                Term(
                    str(item["old"]),
                    tuple(item["match"]),
                    str(item["current"]),
                    tuple(item["current_match"]),
                    item["confidence"],
                    " ".join(str(item["suggestion"]).split()),
                    tuple(item["sources"]),
                    tuple(abbreviations.items()),
                    str(item["since"]) if item.get("since") else None,
                )
            )
    if problems:
        raise OutdatedTermsError("\n".join(problems))
    return terms


@dataclass(frozen=True)
class Problem:
    """One old name on a page."""

    line: int
    message: str


def _note_after(blocks: list[prose.Block], index: int) -> list[prose.Block]:
    """Blocks of "Name change" notes after the quotation at ``index``, up to the next heading."""
    notes = []
    for block in blocks[index + 1 :]:
        if block.kind == prose.HEADING and not block.name_change:
            break
        if block.name_change:
            notes.append(block)
    return notes


def check(blocks: list[prose.Block], terms: list[Term]) -> list[Problem]:
    """Every old name in our own words, and every quoted one without a "Name change" note."""
    problems: list[Problem] = []
    for index, block in enumerate(blocks):
        if block.name_change:
            continue
        lowered = block.raw.lower()
        for term in terms:
            written = term.found_in(block.raw, lowered)
            if written is None:
                continue
            if not block.verbatim:
                problems.append(
                    Problem(block.line, f"outdated term '{written}' in our own words; {term.suggestion}")
                )
                continue
            notes = _note_after(blocks, index)
            if not any(term.named_current(note.raw) for note in notes):
                problems.append(
                    Problem(
                        block.line,
                        f"the Code of Practice quotation uses the old name '{written}'; keep the quotation "
                        f'as it is and add a note after it: !!! note "Name change" saying that the current '
                        f"name is {term.current}",
                    )
                )
    return problems
