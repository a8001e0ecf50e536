"""The time limits, applied to dates.

Appeal (Tribunal Procedure Rules 2008, rule 20(1)(c)): 2 months after the council sent its
decision, or 1 month after the date of the mediation certificate if that is later, counted in
calendar months. Then rule 12: by 5pm; a time that ends on a non-working day moves to the next
working day; in SEN cases a time that ends from 25 December to 1 January, or in August, moves to
the first working day after 1 January or 31 August. Mediation adviser (SEND Regulations 2014,
regulation 33): 2 calendar months after the letter, with no moves (none is known to apply).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum

from .workdays import WorkingDays, add_months


class Move(Enum):
    """Why the last day is later than the plain calendar date."""

    NONE = "none"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    CHRISTMAS = "christmas"
    AUGUST = "august"


class Start(Enum):
    """What the time limit is counted from."""

    LETTER = "letter"
    CERTIFICATE = "certificate"


@dataclass(frozen=True)
class Period:
    """One time limit counted from one date: its plain end and the day the Tribunal accepts."""

    start: Start
    months: int
    ends: datetime.date
    last_day: datetime.date
    move: Move
    holiday: str | None = None


@dataclass(frozen=True)
class Rules:
    """The rules with their numbers from docs/data/deadlines.yml."""

    days: WorkingDays
    months_after_letter: int = 2
    months_after_certificate: int = 1
    mediation_months: int = 2

    def tribunal_day(self, ends: datetime.date) -> tuple[datetime.date, Move, str | None]:
        """The last day the Tribunal accepts an appeal whose time ends on ``ends``, and why."""
        if (ends.month, ends.day) >= (12, 25) or (ends.month, ends.day) == (1, 1):
            new_year = datetime.date(ends.year + (ends.month == 12), 1, 1)
            return self.days.next_working_day(new_year, after=True), Move.CHRISTMAS, None
        if ends.month == 8:
            return self.days.next_working_day(datetime.date(ends.year, 8, 31), after=True), Move.AUGUST, None
        if ends.weekday() >= 5:
            return self.days.next_working_day(ends), Move.WEEKEND, None
        holiday = self.days.holiday(ends)
        if holiday is not None:
            return self.days.next_working_day(ends), Move.HOLIDAY, holiday
        return ends, Move.NONE, None

    def period(self, start: Start, on: datetime.date) -> Period:
        """The appeal time limit counted from the letter or from the certificate."""
        months = self.months_after_letter if start is Start.LETTER else self.months_after_certificate
        ends = add_months(on, months)
        last_day, move, holiday = self.tribunal_day(ends)
        return Period(start, months, ends, last_day, move, holiday)

    def appeal(self, letter: datetime.date, certificate: datetime.date | None = None) -> Period:
        """The period that gives the later last day (on a tie, the later plain end; then the letter)."""
        from_letter = self.period(Start.LETTER, letter)
        if certificate is None:
            return from_letter
        from_certificate = self.period(Start.CERTIFICATE, certificate)
        key = lambda p: (p.last_day, p.ends)  # noqa: E731
        return from_certificate if key(from_certificate) > key(from_letter) else from_letter

    def mediation_adviser(self, letter: datetime.date) -> datetime.date:
        """The plain calendar date 2 months after the letter (no moves are known to apply)."""
        return add_months(letter, self.mediation_months)
