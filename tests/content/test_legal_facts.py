"""The registry of legal facts (docs/data/legal_facts.yml): every time limit the site states
names a verified fact and agrees with it (issue 19, item 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content import legal_facts
from helpers import yaml_source

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data"


def registry() -> legal_facts.LegalFacts:
    facts, problems = legal_facts.load(DATA / "legal_facts.yml")
    assert problems == []
    return facts


def check(name: str, old: str = "", new: str = "") -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text
    return registry().check(yaml_source.parse(text.replace(old, new, 1)), name)


def line_of(name: str, text: str) -> int:
    whole = (DATA / name).read_text(encoding="utf-8")
    return whole[: whole.index(text)].count("\n") + 1


def test_every_time_limit_and_deadline_rule_names_a_verified_fact_that_agrees() -> None:
    assert check("routes.yml") == [] and check("deadlines.yml") == []
    facts = registry().facts
    assert all(fact.confidence == "verified" for fact in facts.values())
    named = set(re.findall(r"^\s*fact: (.+)$", (DATA / "routes.yml").read_text(encoding="utf-8"), re.M))
    assert named <= set(facts)


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        # The issue's own inputs: a changed number, and a fact nobody recorded.
        ("routes.yml", "limit: Within 2 months", "limit: Within 6 months",
         "says 6 months, but the fact 'Contact mediation adviser before appeal'"),
        ("routes.yml", "fact: Judicial review", "fact: A fact I made up",
         "'fact: A fact I made up' is not in docs/data/legal_facts.yml"),
        # A unit changed, and the deadline calculator's own numbers.
        ("routes.yml", "limit: >-\n          Within 15 school days", "limit: >-\n          Within 15 days",
         "says 15 days, but the fact"),
        ("deadlines.yml", "months_after_certificate: 1", "months_after_certificate: 2",
         "says months_after_letter: 2 and months_after_certificate: 2, but the fact 'Register appeal with "
         "First-tier Tribunal (SEND)'"),
        # The law named beside the time limit is not the fact's.
        ("deadlines.yml", "Regulations 2014, regulation 33", "Regulations 2014, regulation 34",
         "does not name reg 33, the legal source of the fact"),
    ],
)
def test_a_time_limit_that_disagrees_with_its_fact_is_refused_at_its_line(name, old, new, message) -> None:
    (problem,) = check(name, old, new)
    assert problem.startswith(f"{name}:{line_of(name, old)}: "), problem  # the line that was changed
    assert message in problem, problem


def test_a_fact_that_is_not_verified_may_not_be_stated(tmp_path: Path) -> None:
    text = (DATA / "legal_facts.yml").read_text(encoding="utf-8")
    start = text.index("- name: Judicial review")
    changed = text[:start] + text[start:].replace("confidence: verified", "confidence: likely", 1)
    path = tmp_path / "legal_facts.yml"
    path.write_text(changed, encoding="utf-8")
    facts, problems = legal_facts.load(path)
    assert problems == []
    found = facts.check(yaml_source.read(DATA / "routes.yml"), "routes.yml")
    assert found == [f"routes.yml:{line_of('routes.yml', 'fact: Judicial review')}: the fact 'Judicial review' "
                     f"(docs/data/legal_facts.yml:{text[:start].count(chr(10)) + 1}) is 'likely'; confirm it and "
                     "record its sources there before the site states it"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("- name: X\n  value: within 2 months\n  confidence: verified\n  sources: []\n",
         "a verified fact needs at least one source"),
        ("- name: X\n  value: within 2 months\n  confidence: sure\n  sources: [https://a.example]\n",
         "'confidence' must be one of verified, likely, unverified, conflict"),
        ("- name: X\n  confidence: verified\n  sources: [https://a.example]\n", "'value' is missing or empty"),
        ("- name: Judicial review\n  value: within 3 months\n  confidence: verified\n  sources: [https://a.example]\n",
         "the fact 'Judicial review' is also on line"),
    ],
)
def test_registry_entries_are_checked_with_their_line(tmp_path: Path, entry: str, message: str) -> None:
    text = (DATA / "legal_facts.yml").read_text(encoding="utf-8") + entry
    path = tmp_path / "legal_facts.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = legal_facts.load(path)
    line = text.count("\n") - entry.count("\n") + 1
    assert [p for p in problems if message in p] == [p for p in problems if p.startswith(f"docs/data/legal_facts.yml:{line}:")]
    assert any(message in p for p in problems), problems


def test_the_build_refuses_a_wrong_time_limit(build_variant) -> None:
    """Issue 19, item 7: "Within 6 months" in routes.yml published the wrong deadline on four pages."""
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "routes.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("limit: Within 2 months", "limit: Within 6 months", 1),
                        encoding="utf-8")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    line = line_of("routes.yml", "limit: Within 2 months")
    assert f"docs/data/routes.yml:{line}: says 6 months, but the fact" in log, log
