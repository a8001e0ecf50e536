"""Calendar months and working days in England and Wales (for the Tribunal's rules)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

import holidays


def add_months(start: datetime.date, months: int) -> datetime.date:
    """The corresponding date ``months`` later, or the last day of that month if it has no such
    date: 31 October + 2 = 31 December; 31 December + 2 = 28 (or 29) February."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def known_region(country: object, subdivision: object) -> bool:
    """Whether the holidays package knows this country and subdivision (GB, ENG)."""
    regions = holidays.list_supported_countries().get(country, ()) if isinstance(country, str) else ()
    return isinstance(subdivision, str) and subdivision in regions


@dataclass
class WorkingDays:
    """Working days as the Tribunal's rules define them: not a Saturday, Sunday, Christmas Day,
    Good Friday or bank holiday in England and Wales, for the years ``first_year..last_year``."""

    first_year: int
    last_year: int
    country: str = "GB"
    subdivision: str = "ENG"
    _days_off: dict[datetime.date, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        found = holidays.country_holidays(
            self.country, subdiv=self.subdivision, years=range(self.first_year, self.last_year + 1)
        )
        self._days_off = {day: str(name) for day, name in found.items()}
        for year in range(self.first_year, self.last_year + 1):  # named in rule 1 whatever the year
            self._days_off.setdefault(datetime.date(year, 12, 25), "Christmas Day")

    def covers(self, day: datetime.date) -> bool:
        """Whether ``day`` is in the years whose bank holidays are known here."""
        return self.first_year <= day.year <= self.last_year

    def holiday(self, day: datetime.date) -> str | None:
        """The name of the bank holiday (or Christmas Day, Good Friday) on ``day``, if any."""
        if not self.covers(day):
            raise ValueError(f"{day.isoformat()} is outside the years {self.first_year} to {self.last_year}")
        return self._days_off.get(day)

    def is_working_day(self, day: datetime.date) -> bool:
        """Monday to Friday and not a holiday."""
        return day.weekday() < 5 and self.holiday(day) is None

    def next_working_day(self, day: datetime.date, after: bool = False) -> datetime.date:
        """``day`` itself if it is a working day (or the first one after it when ``after``)."""
        day = day + datetime.timedelta(days=1) if after else day
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day
