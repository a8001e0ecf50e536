"""A parent can select a letter on its web page with the mouse and copy it (real Chromium)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LETTER = "letters/ask-the-council-for-mediation/"


def test_parent_can_select_and_copy_the_letter_text(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 2400})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(site_url + LETTER, wait_until="load")
        paragraphs = page.locator(".letter p")
        paragraphs.first.scroll_into_view_if_needed()
        first, last = paragraphs.first.bounding_box(), paragraphs.last.bounding_box()
        page.mouse.move(first["x"] + 1, first["y"] + 3)
        page.mouse.down()
        page.mouse.move(last["x"] + last["width"] - 1, last["y"] + last["height"] - 3, steps=20)
        page.mouse.up()
        selected = page.evaluate("getSelection().toString()")
        for expected in ("[your name]", "Wokingham Borough Council", "[your child's name]",
                         "Global Mediation", "Yours sincerely,"):
            assert expected in selected, f"{expected!r} not in the selection: {selected!r}"
        page.keyboard.press("Control+C")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "Wokingham Borough Council" in copied and "[your child's name]" in copied
    finally:
        context.close()
