"""Everything a build needs for the deadlines, from docs/data/deadlines.yml and the build date:
the settings, the dates answered for and the rules, or the problems found (file, line, key)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from . import data
from .rules import Rules
from .workdays import WorkingDays


@dataclass(frozen=True)
class Deadlines:
    """The deadline data of one build."""

    settings: data.Settings
    today: datetime.date
    dates: data.Range
    rules: Rules


def load(path: Path, shown: str, read: data.Reader) -> tuple[Deadlines | None, list[str]]:
    """The build's deadlines, or every problem: a bad data file, a bad SITE_DEADLINES_TODAY, or
    a build date whose dates need bank holidays outside the years the file covers."""
    settings, problems = data.load(path, shown, read)
    try:
        today = data.build_date()
    except ValueError as error:
        return None, [*problems, str(error)]
    if settings is None:
        return None, problems
    dates = data.Range.around(today)
    coverage = data.coverage_problem(settings, dates, path, shown, today, read)
    if coverage:
        return None, [f"{coverage} (this build's dates are not covered)"]
    days = WorkingDays(settings.first_year, settings.last_year, settings.country, settings.subdivision)
    rules = Rules(days, settings.months_after_letter, settings.months_after_certificate,
                  settings.mediation_months)
    return Deadlines(settings, today, dates, rules), []
