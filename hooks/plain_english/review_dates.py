"""Review dates: check each page's review front matter, work out when it is due, write the report.

Every page has ``last_reviewed: YYYY-MM-DD`` and ``review_interval_months: N`` in its front
matter. The next review is due N months after the last one. "Today" is the build date, or
the date in the environment variable named by ``TODAY_VARIABLE`` (so tests can build "in the
future"). This module knows nothing about MkDocs.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

TODAY_VARIABLE = "SITE_REVIEW_TODAY"
KEYS = ("last_reviewed", "review_interval_months")
HOW = (
    "put 'last_reviewed: YYYY-MM-DD' (the date someone last checked the page) and "
    "'review_interval_months: N' (a whole number, for example 12) in the page's front matter"
)


@dataclass(frozen=True)
class Review:
    """One page's review dates."""

    page: str
    title: str
    url: str
    last_reviewed: datetime.date
    interval_months: int
    due: datetime.date
    overdue: bool

    def record(self) -> dict[str, object]:
        """One row of the review report."""
        return {
            "page": self.page,
            "title": self.title,
            "url": self.url,
            "last_reviewed": self.last_reviewed.isoformat(),
            "review_interval_months": self.interval_months,
            "next_review_due": self.due.isoformat(),
            "overdue": self.overdue,
        }

    def template_values(self) -> dict[str, object]:
        """What the page template shows ("Last reviewed … Next review due …")."""
        return {
            "last_reviewed": self.last_reviewed.isoformat(),
            "last_reviewed_text": long_date(self.last_reviewed),
            "next_review_due": self.due.isoformat(),
            "next_review_due_text": long_date(self.due),
            "overdue": self.overdue,
        }

    def overdue_message(self, where: str) -> str:
        """The warning for a page past its review date."""
        return (
            f"{where}: review overdue: last reviewed {self.last_reviewed.isoformat()}, next review was due "
            f"{self.due.isoformat()}; check the page is still right, then set last_reviewed to the date "
            "you checked it"
        )


def today() -> datetime.date:
    """The build date, or the date in ``$SITE_REVIEW_TODAY`` (YYYY-MM-DD)."""
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError as error:
        raise ValueError(f"{TODAY_VARIABLE}={value!r} is not a date; write it as YYYY-MM-DD") from error


def add_months(start: datetime.date, months: int) -> datetime.date:
    """``start`` plus whole months; the 31st becomes the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def check(meta: dict, on: datetime.date) -> tuple[datetime.date, int, datetime.date] | list[str]:
    """(last reviewed, interval, due date), or what is wrong with the page's review data."""
    problems = []
    for key in KEYS:
        if key not in meta or meta[key] in (None, ""):
            problems.append(f"front matter key '{key}' is missing; {HOW}")
    last = _date(meta.get("last_reviewed"))
    if "last_reviewed" in meta and meta["last_reviewed"] not in (None, "") and last is None:
        problems.append(f"front matter key 'last_reviewed' is {meta['last_reviewed']!r}, not a date; write YYYY-MM-DD")
    elif last is not None and last > on:
        problems.append(
            f"front matter key 'last_reviewed' is {last.isoformat()}, after today ({on.isoformat()}); "
            "write the date the page was actually reviewed"
        )
    interval = meta.get("review_interval_months")
    good_interval = isinstance(interval, int) and not isinstance(interval, bool) and 1 <= interval <= 60
    if "review_interval_months" in meta and interval not in (None, "") and not good_interval:
        problems.append(
            f"front matter key 'review_interval_months' is {interval!r}; write a whole number of months from 1 to 60"
        )
    if problems:
        return problems
    return last, interval, add_months(last, interval)


def long_date(day: datetime.date) -> str:
    """GOV.UK style: 28 November 2026."""
    return f"{day.day} {day:%B %Y}"


def report_json(reviews: list[Review], on: datetime.date, reviewed_by: str | None = None) -> str:
    """The review report as JSON: the date it was made, who reviews the pages (when the service's
    local.yml says), and one record per page."""
    who = {"reviewed_by": reviewed_by} if reviewed_by else {}
    data = {"generated": on.isoformat(), **who, "pages": [r.record() for r in reviews]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_csv(reviews: list[Review]) -> str:
    """The review report as CSV, one row per page, for a spreadsheet."""
    out = io.StringIO()
    fields = ["page", "title", "url", "last_reviewed", "review_interval_months", "next_review_due", "overdue"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for review in reviews:
        row = review.record()
        row["overdue"] = "yes" if review.overdue else "no"
        writer.writerow(row)
    return out.getvalue()


def reports_folder(chosen: str | None, site_dir: Path) -> Path:
    """Where the review report goes: never into the site (it is for staff, not the public).

    ``chosen`` (from ``SITE_REPORTS_DIR``) if set, else ``reports/`` beside the site folder.
    """
    return Path(chosen) if chosen else site_dir.resolve().parent / "reports"
