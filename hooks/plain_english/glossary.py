"""The glossary: load and check docs/data/glossary.yml, check abbreviations on pages, render the page.

Every abbreviation a page uses must be in the glossary (or in outdated_terms.yml) and, unless
the glossary says it needs no spelling out, must be spelled out the first time the page uses
it: its full form is in the same sentence or earlier. Headings, tables, raw HTML and verbatim
Code of Practice quotations are exempt from the first-use rule (not from being in the glossary).
This module knows nothing about MkDocs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers import prose
from helpers import yaml_source
from helpers.safe_text import markdown_text
from helpers.yaml_source import Reader

# Two or more capitals, maybe joined by "." or "/" (GOV.UK, PDF/UA), maybe a lower-case tail (SENCo, ICBs).
ABBREVIATION = re.compile(r"(?<![\w./-])([A-Z]{2,}(?:[./][A-Z]{2,})*)([a-z]?)(?![\w/-]|\.[A-Za-z])")
# Headings, tables and raw HTML (generated tables) need not spell out: <abbr> titles explain them.
FIRST_USE_EXEMPT = frozenset({prose.HEADING, prose.TABLE, prose.HTML})
SENTENCE_END = re.compile(r"[.!?:](?=\s|$)")
ENTRY_KEYS = {"term", "stands_for", "also", "meaning", "spell_out", "source"}


@dataclass(frozen=True)
class Entry:
    """One glossary term."""

    term: str
    meaning: str
    source: str
    stands_for: str | None = None
    also: tuple[str, ...] = ()
    spell_out: bool = True

    @property
    def is_abbreviation(self) -> bool:
        return self.stands_for is not None

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation the build knows: what it stands for and whether pages must spell it out."""

    short: str
    stands_for: str
    spell_out: bool
    spellings: tuple[str, ...]  # full forms that count as spelling it out


@dataclass
class Glossary:
    """Every glossary entry, the review data of the glossary page, and known abbreviations."""

    entries: list[Entry]
    last_reviewed: object
    review_interval_months: object
    abbreviations: dict[str, Abbreviation] = field(default_factory=dict)

    def add_abbreviation(self, short: str, stands_for: str, spell_out: bool, spellings: tuple[str, ...]) -> None:
        self.abbreviations[short] = Abbreviation(short, stands_for, spell_out, spellings)

    def add_old_abbreviations(self, pairs: list[tuple[str, str]]) -> None:
        """Old abbreviations (CCG …) from outdated_terms.yml: known, so quotations get <abbr> titles."""
        for short, stands_for in pairs:
            self.add_abbreviation(short, stands_for, True, (stands_for,))

    def abbr_titles(self) -> dict[str, str]:
        """Every written form (with plural) -> the ``<abbr title>`` text."""
        titles: dict[str, str] = {}
        for short, abbreviation in self.abbreviations.items():
            titles[short] = abbreviation.stands_for
            titles.setdefault(short + "s", abbreviation.stands_for)
        return titles

    def abbr_definitions(self, markdown: str) -> str:
        """Markdown ``*[SEN]: …`` definitions for the written forms ``markdown`` contains.

        The others could not match anywhere on the page, and every definition makes the
        abbreviation extension slower on every page.
        """
        return "\n".join(f"*[{short}]: {title}" for short, title in self.abbr_titles().items()
                         if short in markdown)

    def terms(self) -> list[str]:
        """Every glossary word or phrase, full forms included (for readability counts)."""
        found = []
        for entry in self.entries:
            found.extend([entry.term, *entry.also])
            if entry.stands_for:
                found.append(entry.stands_for)
        return found


class GlossaryError(ValueError):
    """The glossary file is wrong; the message lists every problem with its line."""


def load(path: Path, read: Reader = yaml_source.read) -> Glossary:
    """Read and check the glossary; raise :class:`GlossaryError` listing every problem."""
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        raise GlossaryError(yaml_source.unreadable(path, error)) from error
    data = source.data or {}
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise GlossaryError(f"{path}:1: needs a 'terms:' list (see the comment at the top of the file)")
    problems: list[str] = []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data["terms"]):
        line = source.line_of("terms", index)
        where = f"{path}:{line}"
        if not isinstance(item, dict):
            problems.append(f"{where}: each entry must have term, meaning and source")
            continue
        for key in sorted(set(item) - ENTRY_KEYS):
            problems.append(f"{where}: unknown key '{key}'; use only {', '.join(sorted(ENTRY_KEYS))}")
        for key in ("term", "meaning", "source"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                problems.append(f"{where}: '{key}' is missing or empty; write it as text")
        also = item.get("also", [])
        if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
            problems.append(f"{where}: 'also' must be a list of words or phrases")
            also = []
        stands_for = item.get("stands_for")
        if stands_for is not None and (not isinstance(stands_for, str) or not stands_for.strip()):
            problems.append(f"{where}: 'stands_for' must be text: what the letters stand for")
            stands_for = None
        spell_out = item.get("spell_out", True)
        if not isinstance(spell_out, bool):
            problems.append(f"{where}: 'spell_out' must be true or false")
            spell_out = True
        term = str(item.get("term") or "").strip()
        if term.lower() in seen:
            problems.append(f"{where}: '{term}' is already in the glossary at line {seen[term.lower()]}; keep one entry")
        seen[term.lower()] = line
        if term and stands_for and not ABBREVIATION.fullmatch(term):
            problems.append(f"{where}: '{term}' has 'stands_for' but is not written in capitals like an abbreviation")
        if term and not stands_for and ABBREVIATION.fullmatch(term):
            problems.append(f"{where}: abbreviation '{term}' needs 'stands_for': what the letters stand for")
        if not any(p.startswith(where) for p in problems):
            entries.append(
                Entry(term, " ".join(item["meaning"].split()), item["source"].strip(), stands_for, tuple(also), spell_out)
            )
    for key in ("last_reviewed", "review_interval_months"):
        if key not in data:
            problems.append(f"{path}:1: '{key}' is missing; the Glossary page needs review data like every page")
    if problems:
        raise GlossaryError("\n".join(problems))
    glossary = Glossary(entries, data["last_reviewed"], data["review_interval_months"])
    for entry in entries:
        if entry.stands_for:
            spellings = tuple(a for a in entry.also if not ABBREVIATION.fullmatch(a))
            glossary.add_abbreviation(entry.term, entry.stands_for, entry.spell_out, (entry.stands_for, *spellings))
            for other in entry.also:
                if ABBREVIATION.fullmatch(other) and not other.endswith("s"):
                    glossary.add_abbreviation(other, entry.stands_for, entry.spell_out, (entry.stands_for, *spellings))
    return glossary


@dataclass(frozen=True)
class Problem:
    """One abbreviation problem on a page."""

    line: int
    message: str


def _known(word: str, suffix: str, glossary: Glossary) -> Abbreviation | None:
    known = glossary.abbreviations
    if word + suffix in known:
        return known[word + suffix]
    if suffix == "s" and word in known:
        return known[word]
    return known.get(word) if not suffix else None


@functools.cache
def _phrase(phrase: str, plural: bool) -> re.Pattern[str]:
    """``phrase`` as whole words, in any case and spacing (and its plural if ``plural``)."""
    words = r"\s+".join(re.escape(p) for p in phrase.split())
    return re.compile(rf"(?<!\w){words}{'s?' if plural else ''}(?!\w)", re.IGNORECASE)


def _contains(text: str, phrase: str) -> bool:
    return _phrase(phrase, True).search(text) is not None


@functools.cache
def _name_with_abbreviation(spelling: str) -> tuple[str, re.Pattern[str]] | None:
    """For a full form that contains an abbreviation: its first word in lower case (every
    match contains it) and its pattern; None for any other full form."""
    if not ABBREVIATION.search(spelling):
        return None
    return spelling.split()[0].lower(), _phrase(spelling, False)


def _names(text: str, glossary: Glossary) -> list[tuple[int, int]]:
    """Spans of full forms that contain another abbreviation (SEND in SEND Information, …)."""
    spans = []
    lowered = text.lower()
    for abbreviation in glossary.abbreviations.values():
        for spelling in abbreviation.spellings:
            name = _name_with_abbreviation(spelling)
            if name and name[0] in lowered:
                spans.extend(m.span() for m in name[1].finditer(text))
    return spans


def check(blocks: list[prose.Block], glossary: Glossary) -> list[Problem]:
    """Abbreviations missing from the glossary, or not spelled out on first use.

    An abbreviation inside another one's full name (SEND in "SEND Information, Advice and
    Support Service") is part of that name, not a use of its own.
    """
    problems: list[Problem] = []
    spelled: set[str] = set()
    reported: set[str] = set()
    before = ""
    for block in blocks:
        matches = list(ABBREVIATION.finditer(block.text))
        names = _names(block.text, glossary) if matches else []
        for match in matches:
            if any(start <= match.start() < end for start, end in names):
                continue
            word, suffix = match.group(1), match.group(2)
            abbreviation = _known(word, suffix, glossary)
            written = word + suffix
            if abbreviation is None:
                if written not in reported:
                    reported.add(written)
                    problems.append(
                        Problem(
                            block.line,
                            f"abbreviation '{written}' is not in the glossary; add it to docs/data/glossary.yml "
                            "with what it stands for and a plain meaning",
                        )
                    )
                continue
            short = abbreviation.short
            if short in spelled or not abbreviation.spell_out:
                continue
            if block.kind in FIRST_USE_EXEMPT or block.verbatim:
                continue
            spelled.add(short)
            end = SENTENCE_END.search(block.text, match.end())
            seen_text = before + " " + block.text[: end.end() if end else len(block.text)]
            if not any(_contains(seen_text, s) for s in abbreviation.spellings):
                problems.append(
                    Problem(
                        block.line,
                        f"abbreviation '{written}' is not spelled out on first use; write "
                        f"\"{abbreviation.stands_for} ({short})\" the first time, or spell it out earlier on the page",
                    )
                )
        before += " " + block.text
    return problems


def render_page(glossary: Glossary, old_names: list[tuple[str, str, str]]) -> str:
    """Markdown of the Glossary page, front matter included.

    ``old_names`` is (old name, current name, since) for the "Old names" note.
    """
    lines = [
        "---",
        "title: Glossary",
        "description: What the words and abbreviations on this website mean.",
        f"last_reviewed: {glossary.last_reviewed}",
        f"review_interval_months: {glossary.review_interval_months}",
        "---",
        "",
        "# Glossary",
        "",
        "What the words and abbreviations on this website mean.",
        "",
    ]
    for entry in sorted(glossary.entries, key=lambda e: e.term.lower()):
        name = f"{entry.term} ({entry.stands_for})" if entry.stands_for else entry.term
        lines += [markdown_text(name), f":   {markdown_text(entry.meaning)}", ""]
    if old_names:
        lines += [
            "## Old names you may see",
            "",
            "Some older documents use names that have changed.",
            "",
            '!!! note "Name change"',
        ]
        for old, current, since in old_names:
            when = f" (since {since})" if since else ""
            lines.append(markdown_text(f"    - Old name: {old}. New name: {current}{when}."))
        lines.append("")
    return "\n".join(lines)
