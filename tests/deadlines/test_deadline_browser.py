"""The calculator in Chromium: the hand-worked cases, every error, the keyboard, 320 px, axe,
and the offline copy opened from file://."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cases import BROWSER_NOW, CASES, Case, long_date  # noqa: E402

TESTS = Path(__file__).resolve().parents[1]
AXE = TESTS.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"td-has-header": {"enabled": True}, "table-fake-caption": {"enabled": True}},
    "resultTypes": ["violations"],
}
PAGE = "when-is-my-deadline/"
FROM = {"letter": "2 months from the day the council sent your letter",
        "certificate": "1 month from the day your mediation certificate was issued"}

pytestmark = pytest.mark.browser


def open_calculator(browser, url: str, now: datetime.datetime = BROWSER_NOW, width: int = 1280,
                    scheme: str = "light"):
    tab = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.clock.set_fixed_time(now)
    tab.goto(url)
    tab.errors = errors
    return tab


def enter(tab, prefix: str, day: datetime.date | None, text: tuple[str, str, str] | None = None) -> None:
    values = text or (("", "", "") if day is None else (str(day.day), str(day.month), str(day.year)))
    for part, value in zip(("day", "month", "year"), values):
        tab.fill(f"#{prefix}-{part}", value)


def result(tab) -> dict[str, str]:
    return tab.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#deadline-result p')]
        .map(p => [p.className.replace('deadline-result__', ''), p.textContent]))""")


def summary(tab) -> list[str]:
    return tab.evaluate("""() => document.getElementById('deadline-errors').hidden ? [] :
        [...document.querySelectorAll('#deadline-errors li')].map(li => li.textContent)""")


@pytest.fixture(scope="module")
def calculator(browser, deadline_url: str):
    tab = open_calculator(browser, deadline_url + PAGE)
    yield tab
    assert not tab.errors
    tab.close()


EXPECTED_WHY = {
    "none": "{from} ends on {ends}.",
    "weekend": "{from} ends on {ends}, so the Tribunal accepts your appeal on the next working day.",
    "holiday": "{from} ends on {ends}, a bank holiday, so the Tribunal accepts your appeal on the next working day.",
    "good-friday": "{from} ends on {ends}, Good Friday, so the Tribunal accepts your appeal on the next working day.",
    "christmas": "{from} ends in the Christmas break, so the Tribunal accepts your appeal on the first working day after 1 January.",
    "august": "{from} ends in August, so the Tribunal accepts your appeal on the first working day after 31 August.",
}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_page_gives_the_hand_worked_answer_as_the_dates_are_typed(calculator, case: Case) -> None:
    enter(calculator, "letter", case.letter)
    enter(calculator, "certificate", case.certificate)
    found = result(calculator)
    assert found["answer"] == f"{long_date(case.last_day)}, by 5pm", case.note
    why = EXPECTED_WHY[case.reason].replace("{from}", FROM[case.start]).replace("{ends}", long_date(case.ends))
    if case.certificate:
        other = FROM["certificate" if case.start == "letter" else "letter"]
        why += f" This is later than {other}, so it is your deadline."
        assert "mediation" not in found
    else:
        assert found["mediation"] == (f"Last day to contact a mediation adviser: {long_date(case.ends)}. "
                                      "Do not leave it to the last day.")
    assert found["why"] == why[0].upper() + why[1:]
    assert summary(calculator) == []
    assert calculator.get_attribute("#deadline-result", "aria-live") == "polite"


ERRORS = [
    ("empty", None, None, None, "Enter the date the council sent its decision letter"),
    ("impossible", ("31", "2", "2026"), None, None, "Enter a real date: 31 February 2026 does not exist"),
    ("part missing", ("", "3", "2026"), None, None, "The date must include a day"),
    ("not numbers", ("3rd", "3", "2026"), None, None, "Enter the date in numbers, like 27 3 2026"),
    ("future", ("5", "1", "2027"), None, datetime.datetime(2026, 12, 2, 9),
     "The date the council sent its letter must be today or in the past"),
    ("certificate before letter", ("10", "3", "2026"), ("9", "3", "2026"), None,
     "The date your mediation certificate was issued must be the same as or after the date the council sent its letter"),
    ("before the range", ("31", "12", "2024"), None, None,
     "Enter a letter date from Wednesday 1 January 2025 to Friday 31 December 2027: this page cannot work out other dates"),
    ("certificate impossible", ("10", "3", "2026"), ("30", "2", "2026"), None,
     "Enter a real date: 30 February 2026 does not exist"),
]


@pytest.mark.parametrize("name,letter,certificate,now,message", ERRORS, ids=[e[0] for e in ERRORS])
def test_errors_use_the_error_summary(browser, deadline_url, name, letter, certificate, now, message) -> None:
    tab = open_calculator(browser, deadline_url + PAGE, now or BROWSER_NOW)
    enter(tab, "letter", None, letter)
    enter(tab, "certificate", None, certificate)
    tab.keyboard.press("Enter")  # from the last field typed in: submits the form
    assert summary(tab) == [message]
    assert tab.evaluate("document.activeElement.id") == "deadline-errors"
    assert tab.get_attribute("#deadline-errors", "role") == "alert"
    prefix = "certificate" if "certificate" in name else "letter"
    assert tab.text_content(f"#{prefix}-error") == "Error: " + message
    assert tab.get_attribute(f"#{prefix}-day", "aria-describedby") == f"{prefix}-error"
    assert result(tab) == {}
    tab.click("#deadline-errors a")
    assert tab.evaluate("document.activeElement.id").startswith(prefix + "-")
    assert not tab.errors
    tab.close()


def test_the_keyboard_alone_reaches_every_field_and_gets_the_answer(browser, deadline_url) -> None:
    tab = open_calculator(browser, deadline_url + PAGE)
    tab.focus("#letter-day")
    for value in ("31", "10", "2026"):
        tab.keyboard.type(value)
        tab.keyboard.press("Tab")
    order = []
    for _ in range(4):
        order.append(tab.evaluate("document.activeElement.id || document.activeElement.textContent"))
        tab.keyboard.press("Tab")
    assert order == ["certificate-day", "certificate-month", "certificate-year", "Work out my deadline"]
    assert result(tab)["answer"] == "Monday 4 January 2027, by 5pm"
    tab.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 320])
def test_axe_and_320_pixels_empty_answered_and_with_errors(browser, deadline_url, scheme, width) -> None:
    tab = open_calculator(browser, deadline_url + PAGE, width=width, scheme=scheme)
    tab.add_script_tag(path=str(AXE))
    states = {"empty": lambda: None,
              "answered": lambda: (enter(tab, "letter", datetime.date(2027, 10, 27)),
                                   enter(tab, "certificate", datetime.date(2027, 11, 1))),
              "errors": lambda: (enter(tab, "letter", None, ("31", "2", "2026")),
                                 enter(tab, "certificate", None, ("1", "1", "2020")), tab.click("button[type=submit]"))}
    problems = []
    for state, action in states.items():
        action()
        # Let transitions end first (the header's title fades when the page scrolls): axe must
        # measure the colours a reader sees, not a frame halfway through a fade.
        tab.evaluate("Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
        results = tab.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
        problems += [f"{state}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
                     for v in results["violations"]]
        if tab.evaluate("document.documentElement.scrollWidth") > width:
            problems.append(f"{state}: the page scrolls sideways at {width}px")
    assert problems == []
    tab.close()


def test_the_calculator_works_in_the_offline_copy_from_file(browser, deadline_offline: Path) -> None:
    page = deadline_offline / "when-is-my-deadline.html"
    tab = open_calculator(browser, page.as_uri())
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    enter(tab, "letter", datetime.date(2027, 10, 27))
    assert result(tab)["answer"] == "Tuesday 4 January 2028, by 5pm"
    assert all(url.startswith(("file:", "data:")) for url in requests)
    assert not tab.errors
    tab.close()


def test_without_javascript_the_tables_are_offered_and_the_form_stays_hidden(browser, deadline_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(deadline_url + PAGE)
    assert not tab.is_visible("#deadline-form")
    tab.click("text=Letters sent in 2026")
    assert tab.text_content("h1") == "Appeal deadlines for letters sent in 2026"
    context.close()
