"""The hand-worked cases (cases.yml) and the build date the deadline tests pin."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml

BUILD_DATE = "2026-12-02"  # SITE_DEADLINES_TODAY for every deadline test: dates 2025 to 2027
# The browser's clock in the tests: after every case, so none is "in the future".
BROWSER_NOW = datetime.datetime(2028, 3, 15, 12, 0)


@dataclass(frozen=True)
class Case:
    letter: datetime.date
    certificate: datetime.date | None
    start: str
    ends: datetime.date
    last_day: datetime.date
    reason: str
    note: str

    @property
    def id(self) -> str:
        return f"{self.letter}" + (f"+cert{self.certificate}" if self.certificate else "")


def load() -> list[Case]:
    raw = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text(encoding="utf-8"))["cases"]
    return [Case(c["letter"], c.get("certificate"), c.get("start", "letter"), c["ends"],
                 c["last_day"], c["reason"], str(c.get("note", ""))) for c in raw]


CASES = load()


def long_date(day: datetime.date) -> str:
    """Tuesday 4 January 2028 (how the pages write a date)."""
    return f"{day:%A} {day.day} {day:%B %Y}"
