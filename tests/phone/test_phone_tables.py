"""A table that scrolls sideways is a labelled region a keyboard can reach, even when it starts to
scroll after the page has loaded (the full stylesheet arrives after the first paint, so the
window does not change size when a table grows)."""

from __future__ import annotations

import pytest

REGIONS = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(wrap => ({
  role: wrap.getAttribute('role'),
  label: wrap.getAttribute('aria-label'),
  tabindex: wrap.getAttribute('tabindex'),
  scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
}))"""


@pytest.mark.browser
@pytest.mark.parametrize("output", ["site", "offline"])
def test_a_table_that_starts_to_scroll_after_load_becomes_a_focusable_region(open_page, outputs, output):
    page = open_page(outputs[output]("route-finder/appeal-placement/"), 1280, 800)
    before = page.evaluate(REGIONS)
    assert before and not any(r["scrolls"] or r["tabindex"] for r in before), before
    # The table grows while the window stays the same size.
    page.evaluate("document.querySelector('.md-typeset__scrollwrap table').style.minWidth = '3000px'")
    page.wait_for_function("document.querySelector('.md-typeset__scrollwrap').getAttribute('tabindex') === '0'",
                           timeout=5000)
    first = page.evaluate(REGIONS)[0]
    assert first == {"role": "region", "label": "Time limits running now", "tabindex": "0", "scrolls": True}
    page.focus(".md-typeset__scrollwrap[tabindex]")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "the focused region shows the site's focus indicator"
