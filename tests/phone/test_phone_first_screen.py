"""The home page is a start page: on a phone's first screen, who the site is for, the time-limit
warning, the start button and the service's phone number (with its opening hours when local.yml
gives them), in both outputs and both colour schemes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from phone_pages import PHONES, PROJECT, SCHEMES

LOCAL = yaml.safe_load((PROJECT / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8"))

# Each part of the first screen: how to find it, and what it must say.
FIRST_SCREEN = """() => {
  const box = el => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, text: el.textContent.replace(/\\s+/g, ' ').trim(),
            shown: r.width > 0 && r.height > 0 && style.visibility !== 'hidden'};
  };
  const start = document.querySelector('.start-page');
  const tel = start && start.querySelector('a[href^="tel:"]');
  const button = start && start.querySelector('a.site-start-button');
  return {
    sentence: box(start && start.querySelector(':scope > p')),
    warning: box(start && start.querySelector('.site-warning')),
    button: box(button),
    buttonHref: button && button.getAttribute('href'),
    call: box(tel && tel.closest('p')),
    tel: tel && tel.getAttribute('href'),
    height: innerHeight,
    width: document.documentElement.scrollWidth,
  };
}"""


def check_first_screen(found: dict, width: int, height: int, output: str) -> list[str]:
    """What is missing from, or falls below, the first screen."""
    problems = []
    for part in ("sentence", "warning", "button", "call"):
        where = found[part]
        if where is None or not where["shown"]:
            problems.append(f"{part}: not on the page")
        elif where["top"] < 0 or where["bottom"] > height:
            problems.append(f"{part}: at {where['top']:.0f}-{where['bottom']:.0f} px, outside the first {height} px")
    if found["sentence"]:
        assert "parents and carers" in found["sentence"]["text"]
    if found["warning"]:
        text = found["warning"]["text"]
        assert "Warning" in text and "council decision" in text and "after the council sent it" in text, text
        assert "2 months" in text and "1 month" in text and "mediation adviser" in text, text
    assert found["buttonHref"] in ("route-finder/", "route-finder/index.html"), found["buttonHref"]
    phone = LOCAL["service"]["phone"]
    assert found["tel"] == "tel:+44" + phone.replace(" ", "")[1:]
    if found["call"]:
        assert phone in found["call"]["text"]
        hours = LOCAL["service"].get("opening_hours")
        if hours:
            assert hours in found["call"]["text"]
    if found["width"] > width:
        problems.append(f"the page is {found['width']} px wide: it scrolls sideways")
    return [f"{output} {width}x{height}: {problem}" for problem in problems]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("output", ["site", "offline"])
def test_the_first_screen_says_what_to_do_and_who_to_call(open_page, outputs, output: str, scheme: str) -> None:
    problems = []
    for width, height in PHONES:
        page = open_page(outputs[output](""), width, height, scheme)
        problems += check_first_screen(page.evaluate(FIRST_SCREEN), width, height, output)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_opening_hours_show_beside_the_phone_number(build_variant, browser, tmp_path: Path) -> None:
    """A service that gives its opening hours in local.yml gets them beside the phone number,
    on the first screen, and in the footer of every page."""
    hours = "Monday to Friday, 9:30am to 4pm"  # test data, not this service's hours

    def add_hours(project: Path) -> None:
        path = project / "localities" / "wokingham" / "local.yml"
        text = path.read_text(encoding="utf-8")
        phone = f"  phone: {LOCAL['service']['phone']}\n"
        path.write_text(text.replace(phone, phone + f"  opening_hours: {hours}\n", 1), encoding="utf-8")

    done = build_variant(add_hours)
    assert done.returncode == 0, done.stderr
    home = tmp_path / "out" / "index.html"
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        page.goto(home.as_uri())
        found = page.evaluate(FIRST_SCREEN)
        assert hours in found["call"]["text"]
        assert found["call"]["bottom"] <= 640, found["call"]
        footer = page.locator(".site-help").text_content()
        assert hours in " ".join(footer.split())
    finally:
        context.close()
