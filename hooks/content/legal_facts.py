"""The product's own registry of legal facts (``docs/data/legal_facts.yml``), and the check that
every time limit the site states agrees with the fact it names.

Each fact has a name, its value (what the law says, in words), its legal source, how sure we are
(``confidence``) and the pages that confirm it. A time limit in ``routes.yml`` or a rule in
``deadlines.yml`` names its fact with ``fact:``; the build fails when the fact is unknown or not
verified, when a period in the time limit ("2 months", "15 school days") is not in the fact's
value, or when the fact's regulation or rule number is not in the time limit's law. This module
knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content.site import Site
from helpers import yaml_source
from helpers.yaml_source import Reader

FILE = "docs/data/legal_facts.yml"
CONFIDENCE = ("verified", "likely", "unverified", "conflict")
KEYS = {"name", "value", "legal_source", "confidence", "sources", "note"}
PERIOD = re.compile(r"\b(\d+)\s+(working day|school day|day|week|month|year)s?\b", re.IGNORECASE)
NUMBERED = re.compile(r"\b(?:regulations?|regs?|rules?)\s+(\d{1,3})(?!\d)", re.IGNORECASE)  # not a year
# deadlines.yml gives its periods as numbers: the key says the unit.
PERIOD_KEYS = {"months_after_letter": "month", "months_after_certificate": "month"}


@dataclass(frozen=True)
class LegalFact:
    """One fact: what the law says, where it says it, how sure we are, and its line in the file."""

    name: str
    value: str
    legal_source: str
    confidence: str
    line: int


def periods(text: str) -> list[tuple[int, str]]:
    """The periods a text names, in order, as (number, unit): "within 2 months" -> [(2, "month")]."""
    return [(int(number), unit.lower()) for number, unit in PERIOD.findall(text)]


def _named_period(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"


class LegalFacts:
    """The registry: facts by name, and the check of data that names them."""

    def __init__(self, facts: dict[str, LegalFact]) -> None:
        self.facts = facts

    def problem(self, name: Any, says: list[tuple[int, str]], law: str, every: bool = False,
                said: str = "") -> tuple[str, str] | None:
        """What is wrong with stating the periods ``says`` under ``law`` as the fact ``name``: the
        field to fix ("fact", "period" or "law") and the message; None if nothing is.

        Each period said must be in the fact; with ``every`` (a rule that gives each of its periods
        as a number) the periods must be the fact's, as many times each. ``said`` words them.
        """
        fact = self.facts.get(name) if isinstance(name, str) else None
        if fact is None:
            return "fact", (f"'fact: {name}' is not in {FILE}; use one of its names, or add the fact there "
                            "with its legal source and sources")
        where = f"{FILE}:{fact.line}"
        if fact.confidence != "verified":
            return "fact", (f"the fact '{name}' ({where}) is '{fact.confidence}'; confirm it and record its "
                            "sources there before the site states it")
        stated = periods(fact.value)
        wrong = sorted(set(says) - set(stated))
        if wrong or (every and sorted(says) != sorted(stated)):
            said = said or ", ".join(_named_period(*period) for period in wrong)
            return "period", (f"says {said}, but the fact '{name}' ({where}) says: {fact.value}; make them agree "
                              "(correct the time limit, or the fact with its source)")
        numbered = NUMBERED.search(fact.legal_source)
        if numbered and law and not re.search(rf"\b{numbered[1]}\b", law):
            return "law", (f"does not name {numbered[0]}, the legal source of the fact '{name}' ({where}); "
                           "make them agree")
        return None

    def check(self, source: yaml_source.Source, shown: str) -> list[str]:
        """Every problem with the facts named in a data file (``fact:`` anywhere in it), as ``file:line: …``."""
        problems = []
        for path, item in _named(source.data, ()):
            says = periods(str(item.get("limit", "")))
            given = [key for key in PERIOD_KEYS if isinstance(item.get(key), int)]
            says += [(item[key], PERIOD_KEYS[key]) for key in given]
            said = " and ".join(f"{key}: {item[key]}" for key in given)
            found = self.problem(item["fact"], says, str(item.get("law", "")), bool(given), said)
            if found:
                field, message = found
                if field == "period":
                    field = "limit" if "limit" in item else _first_wrong(given, item, self.facts[item["fact"]])
                problems.append(f"{shown}:{source.line_of(*path, field)}: {message}")
        return problems


def _first_wrong(keys: list[str], item: dict, fact: LegalFact) -> str:
    """The first of a rule's period keys that is not the fact's period in the same place."""
    stated = periods(fact.value)
    for index, key in enumerate(keys):
        if index >= len(stated) or stated[index] != (item[key], PERIOD_KEYS[key]):
            return key
    return keys[0]


def _named(data: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    """Every mapping in the data that has a ``fact:``, with its key path."""
    if isinstance(data, dict):
        if "fact" in data:
            yield path, data
        for key, value in data.items():
            yield from _named(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _named(value, (*path, index))


def load(path: Path, read: Reader = yaml_source.read) -> tuple[LegalFacts, list[str]]:
    """Read and check the registry; every problem as ``file:line: what is wrong; what to do``."""
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        return LegalFacts({}), [yaml_source.unreadable(Path(FILE), error)]
    raw = source.data.get("facts") if isinstance(source.data, dict) else None
    if not isinstance(raw, list):
        return LegalFacts({}), [f"{FILE}:1: must have 'facts:', a list of facts"]
    facts: dict[str, LegalFact] = {}
    problems: list[str] = []
    for index, item in enumerate(raw):
        line = source.line_of("facts", index)
        fact, wrong = _fact(item, line)
        problems += [f"{FILE}:{line}: {message}" for message in wrong]
        if fact and fact.name in facts:
            problems.append(f"{FILE}:{line}: the fact '{fact.name}' is also on line {facts[fact.name].line}; "
                            "give each fact its own name")
        elif fact:
            facts[fact.name] = fact
    return LegalFacts(facts), problems


def _fact(item: Any, line: int) -> tuple[LegalFact | None, list[str]]:
    """One entry of the registry, and what is wrong with it."""
    if not isinstance(item, dict):
        return None, ["each fact must be a mapping with name, value, confidence and sources"]
    wrong = [f"unknown key '{key}'; use {', '.join(sorted(KEYS))}" for key in sorted(set(item) - KEYS)]
    for key in ("name", "value"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            wrong.append(f"'{key}' is missing or empty; write it as text")
    if item.get("confidence") not in CONFIDENCE:
        wrong.append(f"'confidence' must be one of {', '.join(CONFIDENCE)}")
    sources = item.get("sources")
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.startswith("http") for s in sources):
        wrong.append("'sources' must be a list of web addresses")
    elif item.get("confidence") == "verified" and not sources:
        wrong.append("a verified fact needs at least one source: add the page that confirms it")
    if wrong:
        return None, wrong
    return LegalFact(item["name"], item["value"], str(item.get("legal_source") or ""), item["confidence"], line), []


def load_checked(site: Site, stating: tuple[str, ...]) -> tuple[LegalFacts, list[str]]:
    """The registry (read through the site model), checked against every fact named in the data
    files ``stating`` (a file that cannot be read is left to its own loader to report)."""
    facts, problems = load(site.path("legal_facts.yml"), site.read)
    for name in stating:
        try:
            source = site.read(site.path(name))
        except yaml_source.Unreadable:
            continue
        problems += facts.check(source, f"docs/data/{name}")
    return facts, problems
