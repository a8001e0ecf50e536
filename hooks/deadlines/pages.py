"""Markdown and HTML for the calculator page, its tables of dates and the worked example."""

from __future__ import annotations

import datetime
from html import escape

import yaml

from . import wording
from .data import Range, Settings
from .rules import Rules, Start

PAGE = "when-is-my-deadline.md"
FOLDER = "deadline-tables"
DATA_SCRIPT = "assets/javascripts/deadlines-data.js"
SCRIPT = "assets/javascripts/deadlines.js"
STYLES = "assets/stylesheets/deadlines.css"


def year_uri(year: int) -> str:
    """docs-relative file of the table page for letters sent in ``year``."""
    return f"{FOLDER}/letters-{year}.md"


def _date_fields(prefix: str, legend: str, hint: str) -> str:
    """A GOV.UK date input: a group of day, month and year fields with a hint and an error."""
    fields = "".join(
        f'<div class="deadline-date__item"><label for="{prefix}-{part}">{label}</label>'
        f'<input class="deadline-date__input deadline-date__input--{part}" id="{prefix}-{part}" '
        f'name="{prefix}-{part}" type="text" inputmode="numeric" autocomplete="off" '
        f'size="{size}" maxlength="{size}" data-part="{part}"></div>'
        for part, label, size in (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))
    )
    return (
        f'<div class="deadline-field" id="{prefix}-field">'
        f'<fieldset class="deadline-fieldset" role="group" aria-describedby="{prefix}-hint">'
        f'<legend class="deadline-legend">{legend}</legend>'
        f'<p class="deadline-hint" id="{prefix}-hint">{hint}</p>'
        f'<p class="deadline-error" id="{prefix}-error" hidden></p>'
        f'<div class="deadline-date" id="{prefix}">{fields}</div>'
        "</fieldset></div>"
    )


def calculator(data_src: str, script_src: str, styles_href: str) -> str:
    """The calculator's HTML (hidden until its script runs), its styles and its two scripts."""
    letter = _date_fields(
        "letter", "When did the council send its decision letter?",
        "This is usually the date printed on the letter. For example, 27 3 2026.",
    )
    certificate = _date_fields(
        "certificate", "What date was your mediation certificate issued? (if you have one)",
        "Leave this empty if you do not have a certificate, "
        "or if your appeal is only about the school or college named in the plan.",
    )
    return (
        f'<link rel="stylesheet" href="{escape(styles_href)}">\n'
        '<div class="deadline-calculator" id="deadline-calculator" hidden>\n'
        '<div class="deadline-error-summary" id="deadline-errors" tabindex="-1" hidden '
        'role="alert" aria-labelledby="deadline-errors-title">'
        '<h3 class="deadline-error-summary__title" id="deadline-errors-title">There is a problem</h3>'
        '<ul class="deadline-error-summary__list"></ul></div>\n'
        f'<form class="deadline-form" id="deadline-form" novalidate>{letter}{certificate}'
        '<button class="md-button md-button--primary deadline-button" type="submit">'
        "Work out my deadline</button></form>\n"
        '<div class="deadline-result" id="deadline-result" aria-live="polite"></div>\n'
        "</div>\n"
        f'<script src="{escape(data_src)}"></script>\n<script src="{escape(script_src)}"></script>'
    )


def year_links(dates: Range, link: str = "") -> str:
    """A list of links to the table pages, one per year (``link`` is the path to the folder)."""
    return "\n".join(
        f"- [Letters sent in {year}]({link}{year_uri(year).removeprefix(FOLDER + '/')})"
        for year in dates.years()
    )


def _anchor(month: datetime.date) -> str:
    return f"{month:%B-%Y}".lower()


def _month_table(rules: Rules, first: datetime.date) -> str:
    rows = []
    day = first
    while day.month == first.month:
        period = rules.period(Start.LETTER, day)
        rows.append(f'<tr><th scope="row">{wording.day_month(day)}</th>'
                    f"<td>{wording.long_date(period.last_day)}</td></tr>")
        day += datetime.timedelta(days=1)
    return (
        '<table>\n'
        f"<caption>Letters sent in {first:%B %Y}</caption>\n"
        '<thead><tr><th scope="col">Date the letter was sent</th>'
        '<th scope="col">Last day to appeal, by 5pm</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def year_page(rules: Rules, settings: Settings, year: int) -> str:
    """Markdown of the page of tables for letters sent in ``year`` (no certificate)."""
    meta = {
        "title": f"Appeal deadlines for letters sent in {year}",
        "description": f"The last day to appeal to the Tribunal for each date in {year}, without a mediation certificate.",
        "last_reviewed": settings.last_reviewed,
        "review_interval_months": settings.review_interval_months,
        "search": {"exclude": True},  # a year of dates is noise in search results; the page links here
    }
    months = [datetime.date(year, month, 1) for month in range(1, 13)]
    jump = ", ".join(f'<a href="#{_anchor(m)}">{m:%B}</a>' for m in months)
    parts = [
        "---\n" + yaml.safe_dump(meta, sort_keys=False, width=1000) + "---\n",
        f"# Appeal deadlines for letters sent in {year}\n",
        "Find the day the council sent its letter. "
        "Next to it is the last day to register your appeal with the Tribunal.\n",
        "The Tribunal must get your appeal by 5pm on that day. "
        "The dates allow for weekends, bank holidays, Christmas and August.\n",
        "These dates are for an appeal without a mediation certificate. "
        "Use them too if your appeal is only about the school or college named in the plan. "
        f"If your appeal needs a certificate, [work out your deadline](../{PAGE}#if-you-have-a-mediation-certificate).\n",
        f"Do not wait for the last day. Read [what the dates cannot know](../{PAGE}#what-this-page-cannot-know).\n",
        f'<nav class="deadline-months" aria-label="Months of {year}"><p>Go to a month: {jump}.</p></nav>\n',
    ]
    for month in months:
        parts.append(f"## {month:%B %Y} {{ #{_anchor(month)} }}\n")
        parts.append(_month_table(rules, month) + "\n")
    return "\n".join(parts)


def example(rules: Rules, today: datetime.date) -> str:
    """The worked example of the certificate case, with dates of the build's year."""
    letter, certificate = datetime.date(today.year, 3, 10), datetime.date(today.year, 4, 28)
    from_letter = rules.period(Start.LETTER, letter)
    from_certificate = rules.period(Start.CERTIFICATE, certificate)
    chosen = rules.appeal(letter, certificate)
    other = from_letter if chosen == from_certificate else from_certificate
    return "\n".join([
        f"Say the council sent its decision letter on {wording.long_date(letter)}. "
        f"After mediation advice, you got a mediation certificate issued on {wording.long_date(certificate)}.\n",
        f"- {wording.capitalised(wording.from_text(Start.LETTER, from_letter.months))}: "
        f"{wording.long_date(from_letter.last_day)}",
        f"- {wording.capitalised(wording.from_text(Start.CERTIFICATE, from_certificate.months))}: "
        f"{wording.long_date(from_certificate.last_day)}\n",
        f"Your deadline is the later of the two: **{wording.answer(chosen)}**. "
        f"{wording.later_than(chosen, other)}\n",
    ])
