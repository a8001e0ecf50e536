"""Readability of a page's own prose, measured offline, against budgets set in one file.

Counts cover paragraphs, list items and definitions in our own words. Verbatim Code of
Practice quotations, headings, tables, contact lists, HTML blocks and code are left out.
Syllables come from textstat 0.7.8 (CMU Pronouncing Dictionary, then pyphen hyphenation):
both ship their data, so nothing is downloaded. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from helpers import yaml_source
from helpers.yaml_source import Reader
from textstat.backend.selections import list_words
from textstat.backend.utils import get_lang_easy_words, get_pyphen

from helpers import prose
from plain_english import syllables as cmu_syllables

# The Dale–Chall list of about 3,000 words most children know by age 10, shipped with textstat.
FAMILIAR = frozenset(get_lang_easy_words("en_US"))

WORD = re.compile(r"[A-Za-z0-9]+(?:['’.][A-Za-z0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")

# key in the budgets file -> (type, what it means)
BUDGET_KEYS: dict[str, tuple[type, str]] = {
    "max_sentence_words": (int, "words a sentence may have"),
    "max_long_sentences": (int, "sentences over max_sentence_words a page may have"),
    "max_average_sentence_words": (float, "average words per sentence"),
    "long_word_syllables": (int, "syllables that make a word long (unless it is a familiar word)"),
    "max_long_word_percent": (float, "percentage of words that may be long"),
    "min_reading_ease": (float, "lowest Flesch reading ease score"),
    "worst_sentences_shown": (int, "hardest sentences named in a warning"),
}


@dataclass(frozen=True)
class Budgets:
    """Limits every page must keep to (docs/data/plain_english.yml)."""

    max_sentence_words: int
    max_long_sentences: int
    max_average_sentence_words: float
    long_word_syllables: int
    max_long_word_percent: float
    min_reading_ease: float
    worst_sentences_shown: int


class BudgetsError(ValueError):
    """The budgets file is missing, not YAML, or has a bad value; the message lists every problem."""


def load_budgets(path: Path, read: Reader = yaml_source.read) -> Budgets:
    """Read and check the budgets; raise :class:`BudgetsError` naming every bad key."""
    try:
        data = read(path).data or {}
    except yaml_source.Unreadable as error:
        raise BudgetsError(yaml_source.unreadable(path, error)) from error
    section = data.get("readability") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise BudgetsError(f"{path}: needs a 'readability:' section with the keys {', '.join(BUDGET_KEYS)}")
    values: dict[str, float | int] = {}
    problems = []
    for key, (kind, meaning) in BUDGET_KEYS.items():
        value = section.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            problems.append(f"{path}: readability.{key} ({meaning}) must be a number of 0 or more, not {value!r}")
        elif kind is int and not isinstance(value, int):
            problems.append(f"{path}: readability.{key} ({meaning}) must be a whole number, not {value!r}")
        else:
            values[key] = kind(value)
    for key in sorted(set(section) - set(BUDGET_KEYS)):
        problems.append(f"{path}: readability.{key} is not a known budget; use one of {', '.join(BUDGET_KEYS)}")
    if problems:
        raise BudgetsError("\n".join(problems))
    return Budgets(**values)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a page, where it starts, and its counts.

    ``words`` counts every word. ``plain_words``, ``syllables`` and ``long_words`` leave out
    words inside glossary terms: the glossary explains them, so they are not counted as hard.
    """

    line: int
    text: str
    words: int
    plain_words: int
    syllables: int
    long_words: int


@dataclass(frozen=True)
class Stats:
    """Readability figures for one page."""

    sentences: list[Sentence]

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def plain_words(self) -> int:
        return sum(s.plain_words for s in self.sentences)

    @property
    def average_sentence_words(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def long_word_percent(self) -> float:
        return 100 * sum(s.long_words for s in self.sentences) / self.plain_words if self.plain_words else 0.0

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease: 206.835 - 1.015 × words per sentence - 84.6 × syllables per word."""
        if not self.plain_words:
            return 100.0
        syllables = sum(s.syllables for s in self.sentences)
        return 206.835 - 1.015 * self.average_sentence_words - 84.6 * syllables / self.plain_words


@functools.cache
def syllables(word: str) -> int:
    """Syllables in one word, exactly as textstat's syllable_count: the CMU dictionary, then
    hyphenation patterns (pyphen) for words it does not know. Cached: words repeat."""
    if word.isdigit():
        return 1
    known, hyphenation = cmu_syllables.counts(), get_pyphen("en_US")
    return max(1, sum(known[w] if w in known else len(hyphenation.positions(w)) + 1
                      for w in list_words(word, lowercase=True)))


def sentences(text: str) -> list[str]:
    """Split a block's text into sentences (a list item with no full stop is one sentence)."""
    return [part.strip() for part in SENTENCE_END.split(text) if WORD.search(part)]


@functools.cache
def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every glossary term, longest first, whole words (plural too), any case.
    Cached: every page of a build has the same terms."""
    if not terms:
        return None
    phrases = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    # Grouped by first letter, each group in the same (longest first) order: at any place at
    # most one group can match, so the pattern matches as the plain list of phrases would, but
    # the regex engine tries one group's phrases at each word instead of every phrase.
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0].casefold(), []).append(phrase)
    body = "|".join(
        re.escape(group[0][0]) + "(?:" + "|".join(_phrase_pattern(p)[len(re.escape(p[0])):] for p in group) + ")"
        for group in groups.values()
    )
    return re.compile(rf"(?<!\w)(?:{body})s?(?!\w)", re.IGNORECASE)


def _phrase_pattern(phrase: str) -> str:
    """A phrase's words, any spaces between them."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def is_long(word: str, syllable_count: int, long_word_syllables: int) -> bool:
    """A long word: enough syllables, and not a familiar word, number or abbreviation."""
    return (
        syllable_count >= long_word_syllables
        and word.lower() not in FAMILIAR
        and not word.isupper()
        and not any(c.isdigit() for c in word)
    )


def measure_sentence(
    line: int, text: str, long_word_syllables: int, terms: re.Pattern[str] | None = None
) -> Sentence:
    """Counts for one sentence. Glossary terms count for length only (see :class:`Sentence`)."""
    words = WORD.findall(text)
    plain = WORD.findall(terms.sub(" ", text) if terms else text)
    counts = [syllables(w) for w in plain]
    long_words = sum(1 for w, n in zip(plain, counts) if is_long(w, n, long_word_syllables))
    return Sentence(line, text, len(words), len(plain), sum(counts), long_words)


def measure(blocks: list[prose.Block], long_word_syllables: int, terms: tuple[str, ...] = ()) -> Stats:
    """Readability figures for a page's own prose; ``terms`` are the glossary's words and phrases."""
    pattern = terms_pattern(tuple(terms))
    found = []
    for block in blocks:
        if block.kind in prose.PROSE_KINDS and block.own_text and not block.language:  # English only
            found.extend(
                measure_sentence(block.line, s, long_word_syllables, pattern) for s in sentences(block.text)
            )
    return Stats(found)


@dataclass(frozen=True)
class Problem:
    """One budget a page is over, and the sentences that most need rewriting."""

    message: str
    worst: list[Sentence]


def _hardest(stats: Stats, count: int) -> list[Sentence]:
    """Sentences ranked by how much they pull the page over: length, then long words."""
    ranked = sorted(stats.sentences, key=lambda s: (s.words + 3 * s.long_words, s.syllables), reverse=True)
    return ranked[:count]


def check(stats: Stats, budgets: Budgets) -> list[Problem]:
    """Every budget the page is over, each with its worst sentences."""
    problems = []
    too_long = [s for s in stats.sentences if s.words > budgets.max_sentence_words]
    if len(too_long) > budgets.max_long_sentences:
        worst = sorted(too_long, key=lambda s: s.words, reverse=True)
        problems.append(
            Problem(
                f"{len(too_long)} sentence(s) over {budgets.max_sentence_words} words "
                f"(budget: {budgets.max_long_sentences}); split them",
                worst,
            )
        )
    shown = budgets.worst_sentences_shown
    if stats.average_sentence_words > budgets.max_average_sentence_words:
        worst = sorted(stats.sentences, key=lambda s: s.words, reverse=True)[:shown]
        problems.append(
            Problem(
                f"average sentence length is {stats.average_sentence_words:.1f} words "
                f"(budget: {budgets.max_average_sentence_words:g}); shorten the longest sentences",
                worst,
            )
        )
    if stats.long_word_percent > budgets.max_long_word_percent:
        worst = sorted(stats.sentences, key=lambda s: (s.long_words, s.syllables), reverse=True)[:shown]
        problems.append(
            Problem(
                f"{stats.long_word_percent:.1f}% of words have {budgets.long_word_syllables} or more syllables "
                f"(budget: {budgets.max_long_word_percent:g}%); use shorter, everyday words",
                worst,
            )
        )
    if stats.reading_ease < budgets.min_reading_ease:
        problems.append(
            Problem(
                f"Flesch reading ease is {stats.reading_ease:.1f} (budget: at least {budgets.min_reading_ease:g}); "
                "use shorter sentences and shorter words",
                _hardest(stats, shown),
            )
        )
    return problems


def describe(sentence: Sentence, line: int) -> str:
    """A sentence as a warning shows it: where it is, its counts, and its start."""
    text = sentence.text if len(sentence.text) <= 90 else sentence.text[:87] + "…"
    return f'line {line}: "{text}" ({sentence.words} words, {sentence.long_words} long)'
