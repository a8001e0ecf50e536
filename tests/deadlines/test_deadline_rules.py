"""The deadline rules in Python (hooks/deadlines) against the hand-worked cases, and the data
file's checks."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cases import CASES, Case, long_date  # noqa: E402

from deadlines import data, wording  # noqa: E402
from deadlines.rules import Rules, Start  # noqa: E402
from deadlines.workdays import WorkingDays, add_months  # noqa: E402

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data" / "deadlines.yml"


@pytest.fixture(scope="module")
def rules() -> Rules:
    settings, problems = data.load(DATA, "docs/data/deadlines.yml")
    assert not problems
    return Rules(WorkingDays(settings.first_year, settings.last_year), settings.months_after_letter,
                 settings.months_after_certificate, settings.mediation_months)


def test_there_are_at_least_40_cases_of_every_kind() -> None:
    assert len(CASES) >= 40
    assert {c.reason for c in CASES} == {"none", "weekend", "holiday", "good-friday", "christmas", "august"}
    assert {c.letter.month for c in CASES if c.letter == add_months(c.letter.replace(day=1), 1) - datetime.timedelta(days=1)} \
        == set(range(1, 13)), "a letter on every month's last day"
    with_certificate = [c for c in CASES if c.certificate]
    assert any(c.certificate < c.letter + datetime.timedelta(days=31) and c.start == "letter" for c in with_certificate)
    assert any(c.certificate == c.letter for c in with_certificate)
    assert any(c.start == "certificate" for c in with_certificate)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_python_rules_give_the_hand_worked_answer(rules: Rules, case: Case) -> None:
    period = rules.appeal(case.letter, case.certificate)
    assert (period.start.value, period.ends, period.last_day, wording.reason_key(period)) == \
        (case.start, case.ends, case.last_day, case.reason), case.note
    assert wording.answer(period) == f"{long_date(case.last_day)}, by 5pm"
    if case.certificate is None:
        assert rules.mediation_adviser(case.letter) == case.ends


def test_the_reason_is_one_plain_sentence(rules: Rules) -> None:
    period = rules.appeal(datetime.date(2027, 10, 27))
    assert wording.reason(period) == ("2 months from the day the council sent your letter ends in the Christmas break, "
                                      "so the Tribunal "
                                      "accepts your appeal on the first working day after 1 January.")
    assert wording.answer(period) == "Tuesday 4 January 2028, by 5pm"
    sentence = wording.reason(rules.appeal(datetime.date(2025, 3, 5)))
    assert sentence == ("2 months from the day the council sent your letter ends on Monday 5 May 2025, "
                        "a bank holiday, "
                        "so the Tribunal accepts your appeal on the next working day.")


def test_bank_holidays_come_from_the_package_and_stop_outside_the_covered_years() -> None:
    days = WorkingDays(2025, 2026)
    assert days.holiday(datetime.date(2026, 12, 28)) == "Boxing Day (observed)"
    with pytest.raises(ValueError, match="outside the years 2025 to 2026"):
        days.holiday(datetime.date(2027, 1, 4))
    assert Start.LETTER.value == "letter"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deadlines.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_build_date_outside_the_covered_years_names_file_key_line_and_what_to_do(tmp_path: Path) -> None:
    original = DATA.read_text(encoding="utf-8")
    path = _write(tmp_path, original.replace("last_year: 2029", "last_year: 2027"))
    settings, problems = data.load(path, "docs/data/deadlines.yml")
    assert not problems
    today = datetime.date(2026, 12, 2)
    message = data.coverage_problem(settings, data.Range.around(today), path, "docs/data/deadlines.yml", today)
    line = next(n for n, text in enumerate(original.splitlines(), 1) if "last_year:" in text)
    assert message.startswith(f"docs/data/deadlines.yml:{line}: 'bank_holidays.last_year' is 2027")
    assert "needs bank holidays up to 2028" in message and "set last_year to 2028" in message
    assert data.coverage_problem(*data.load(DATA, "x")[:1], data.Range.around(today), DATA, "x", today) is None


def test_a_rule_without_its_source_or_not_verified_is_refused(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8").replace("confidence: verified", "confidence: likely", 1)
    text = text.replace("    law: the corresponding date rule", "    lawyer: the corresponding date rule")
    settings, problems = data.load(_write(tmp_path, text), "docs/data/deadlines.yml")
    assert settings is None
    assert any("'rules.appeal.confidence' must be 'verified'" in p for p in problems)
    assert any("'rules.calendar_months.law' is missing" in p for p in problems)
    assert all(p.startswith("docs/data/deadlines.yml:") for p in problems)


def test_bad_yaml_and_a_bad_build_date_are_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, problems = data.load(_write(tmp_path, "rules: [\n"), "docs/data/deadlines.yml")
    assert problems[0].startswith("docs/data/deadlines.yml:") and "not valid YAML" in problems[0]
    monkeypatch.setenv(data.TODAY_VARIABLE, "2026-13-01")
    with pytest.raises(ValueError, match="write it as YYYY-MM-DD"):
        data.build_date()


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  country: GB\n", "  country: Great Britain\n", "'bank_holidays' names a country or subdivision"),
    ("  subdivision: ENG\n", "  subdivision: England\n", "'bank_holidays' names a country or subdivision"),
    ("bank_holidays:\n  package: holidays\n", "bank_holidays: England\nother:\n  package: holidays\n",
     "'bank_holidays' must hold its settings on lines of their own"),
    ("rules:\n  appeal:\n", "rules: see the Tribunal's rules\nother:\n  appeal:\n",
     "'rules' must hold its settings on lines of their own"),
], ids=["country", "subdivision", "bank_holidays as text", "rules as text"])
def test_a_section_or_region_written_wrongly_is_named_not_a_traceback(tmp_path: Path, old, new, expected) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    settings, problems = data.load(_write(tmp_path, text.replace(old, new, 1)), "docs/data/deadlines.yml")
    assert settings is None
    assert any(p.startswith("docs/data/deadlines.yml:") and expected in p for p in problems), problems
