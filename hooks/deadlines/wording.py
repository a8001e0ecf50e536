"""Dates and reasons in words (GOV.UK style). The same templates fill the pages here and the
answer in the browser (``lookup`` ships them), so both say exactly the same thing."""

from __future__ import annotations

import datetime

from .rules import Move, Period, Start

BY_TIME = "by 5pm"
FROM = {
    Start.LETTER: "{months} from the day the council sent your letter",
    Start.CERTIFICATE: "{months} from the day your mediation certificate was issued",
}
NEXT_DAY = "so the Tribunal accepts your appeal on the next working day."
REASONS = {
    "none": "{from} ends on {ends}.",
    "weekend": "{from} ends on {ends}, so the Tribunal accepts your appeal on the next working day.",
    "holiday": "{from} ends on {ends}, a bank holiday, " + NEXT_DAY,
    "good-friday": "{from} ends on {ends}, Good Friday, " + NEXT_DAY,
    "christmas": "{from} ends in the Christmas break, so the Tribunal accepts your appeal "
                 "on the first working day after 1 January.",
    "august": "{from} ends in August, so the Tribunal accepts your appeal "
              "on the first working day after 31 August.",
}
LATER = "This is later than {other}, so it is your deadline."


def long_date(day: datetime.date) -> str:
    """Tuesday 4 January 2028."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def day_month(day: datetime.date) -> str:
    """4 January."""
    return f"{day.day} {day:%B}"


def months_text(months: int) -> str:
    return f"{months} month" + ("" if months == 1 else "s")


def from_text(start: Start, months: int) -> str:
    """'2 months from the day the council sent your letter'."""
    return FROM[start].format(months=months_text(months))


def reason_key(period: Period) -> str:
    """Which of :data:`REASONS` explains the period's last day."""
    if period.move is Move.HOLIDAY and period.holiday == "Good Friday":
        return "good-friday"
    return period.move.value


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def reason(period: Period) -> str:
    """One plain sentence saying why the last day is that day."""
    text = REASONS[reason_key(period)].replace("{from}", from_text(period.start, period.months))
    return capitalised(text.replace("{ends}", long_date(period.ends)))


def answer(period: Period) -> str:
    """'Tuesday 4 January 2028, by 5pm'."""
    return f"{long_date(period.last_day)}, {BY_TIME}"


def later_than(chosen: Period, other: Period) -> str:
    """The sentence that says why the certificate (or the letter) gives the deadline."""
    return LATER.format(other=from_text(other.start, other.months))
