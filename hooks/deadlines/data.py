"""Read and check docs/data/deadlines.yml; the build date and the range of dates it covers."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from collections.abc import Callable

from helpers import yaml_source

from .workdays import known_region

TODAY_VARIABLE = "SITE_DEADLINES_TODAY"
RULE_KEYS = ("appeal", "counting", "calendar_months", "mediation_adviser")
RULE_FIELDS = ("what", "law", "fact", "confidence", "sources")


@dataclass(frozen=True)
class Range:
    """Letter (and certificate) dates the site answers for: 1 January of last year to
    31 December of next year, counted from the build date."""

    first: datetime.date
    last: datetime.date

    @classmethod
    def around(cls, today: datetime.date) -> Range:
        return cls(datetime.date(today.year - 1, 1, 1), datetime.date(today.year + 1, 12, 31))

    def days(self) -> list[datetime.date]:
        count = (self.last - self.first).days + 1
        return [self.first + datetime.timedelta(days=n) for n in range(count)]

    def years(self) -> list[int]:
        return list(range(self.first.year, self.last.year + 1))

    def needed_years(self) -> tuple[int, int]:
        """Years whose bank holidays the answers need (the last day can reach 2 months and a
        Christmas break past the last letter date)."""
        return self.first.year, self.last.year + 1


@dataclass(frozen=True)
class Settings:
    """What the rest of the package needs from the data file."""

    first_year: int
    last_year: int
    country: str
    subdivision: str
    months_after_letter: int
    months_after_certificate: int
    mediation_months: int
    on_paper: dict[str, str]
    last_reviewed: datetime.date
    review_interval_months: int
    laws: dict[str, str]


def build_date() -> datetime.date:
    """Today, or the date in ``$SITE_DEADLINES_TODAY`` (YYYY-MM-DD), for tests and previews."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"${TODAY_VARIABLE} is '{value}', not a date; write it as YYYY-MM-DD") from None


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


Reader = Callable[[Path], yaml_source.Source]


def load(path: Path, shown: str, read: Reader = yaml_source.read) -> tuple[Settings | None, list[str]]:
    """The settings in ``path`` (named ``shown`` in messages), or the problems found; ``read``
    parses the file (the site model's, so it is parsed once per build)."""
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        return None, [f"{shown}:{error.line}: {error.message}"]
    data = source.data if isinstance(source.data, dict) else {}
    problems: list[str] = []

    def problem(keys: tuple, text: str) -> None:
        problems.append(f"{shown}:{source.line_of(*keys)}: '{'.'.join(map(str, keys))}' {text}")

    def section(key: str) -> dict:
        found = data.get(key) or {}
        if not isinstance(found, dict):
            problem((key,), "must hold its settings on lines of their own, each indented under it")
            return {}
        return found

    holidays = section("bank_holidays")
    for key in ("first_year", "last_year"):
        if not _positive_int(holidays.get(key)):
            problem(("bank_holidays", key), "must be a year such as 2028")
    if not known_region(holidays.get("country", "GB"), holidays.get("subdivision", "ENG")):
        problem(("bank_holidays",), "names a country or subdivision the holidays package does not know; "
                "for England and Wales write country: GB and subdivision: ENG")
    rules = section("rules")
    for rule in RULE_KEYS:
        entry = rules.get(rule)
        if not isinstance(entry, dict):
            problem(("rules", rule), "is missing; restore the rule with its law and sources")
            continue
        for name in RULE_FIELDS:
            if not entry.get(name):
                problem(("rules", rule, name), "is missing; every rule names its law, fact, confidence and sources")
        if entry.get("confidence") not in (None, "verified"):
            problem(("rules", rule, "confidence"), "must be 'verified': confirm the fact and record its source first")
    for rule, key in (("appeal", "months_after_letter"), ("appeal", "months_after_certificate"),
                      ("mediation_adviser", "months_after_letter")):
        entry = rules.get(rule)
        if not _positive_int(entry.get(key) if isinstance(entry, dict) else None):
            problem(("rules", rule, key), "must be a whole number of months")
    reviewed = data.get("last_reviewed")
    if not isinstance(reviewed, datetime.date):
        problem(("last_reviewed",), "must be a date written YYYY-MM-DD")
    if not _positive_int(data.get("review_interval_months")):
        problem(("review_interval_months",), "must be a whole number of months")
    on_paper = data.get("on_paper") or {}
    if not isinstance(on_paper, dict) or not all(isinstance(v, str) for v in on_paper.values()):
        problem(("on_paper",), "must map page files to a heading id, such as appeals.md: time-limit-for-registering-an-appeal")
    if problems:
        return None, problems
    return Settings(
        first_year=holidays["first_year"], last_year=holidays["last_year"],
        country=str(holidays.get("country", "GB")), subdivision=str(holidays.get("subdivision", "ENG")),
        months_after_letter=rules["appeal"]["months_after_letter"],
        months_after_certificate=rules["appeal"]["months_after_certificate"],
        mediation_months=rules["mediation_adviser"]["months_after_letter"],
        on_paper=dict(on_paper), last_reviewed=reviewed,
        review_interval_months=data["review_interval_months"],
        laws={rule: str(rules[rule]["law"]) for rule in RULE_KEYS},
    ), []


def coverage_problem(settings: Settings, dates: Range, path: Path, shown: str, today: datetime.date,
                     read: Reader = yaml_source.read) -> str | None:
    """A message if the build date needs bank holidays outside the years the data covers."""
    first, last = dates.needed_years()
    source = read(path)
    if first < settings.first_year:
        return (f"{shown}:{source.line_of('bank_holidays', 'first_year')}: 'bank_holidays.first_year' is "
                f"{settings.first_year}, but a build on {today.isoformat()} answers for letters from "
                f"{dates.first.isoformat()}: set first_year to {first} or earlier")
    if last > settings.last_year:
        return (f"{shown}:{source.line_of('bank_holidays', 'last_year')}: 'bank_holidays.last_year' is "
                f"{settings.last_year}, but a build on {today.isoformat()} needs bank holidays up to {last}: "
                f"upgrade the pinned 'holidays' package, check its England list for {settings.last_year + 1} "
                f"to {last} against https://www.gov.uk/bank-holidays, then set last_year to {last} or later")
    return None
