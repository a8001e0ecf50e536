"""Material's script loads when a page needs it (hooks/first_paint/material_script.py, site.js
part 8): a first visit on a phone fetches neither it nor its search worker, and the page still
works; searching, a shortcut key or a wide screen brings it, and it then wraps no table twice.
Both outputs, in Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

MATERIAL = ("/assets/javascripts/bundle.", "/assets/javascripts/workers/search.")
FINDER_RESULT = "route-finder/try-mediation/"
# Each table the page's content holds outside Material's scrolling box, and each box twice over.
TABLES = """() => ({
  wrapped: document.querySelectorAll('.md-content .md-typeset__scrollwrap > .md-typeset__table > table:not([class])').length,
  bare: [...document.querySelectorAll('.md-content table:not([class])')]
        .filter(t => !t.parentElement.matches('.md-typeset__table')).length,
  twice: document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length,
  emptyClass: document.querySelectorAll('.md-content table[class=""]').length,
})"""
SWITCH_SHOWN = "[...document.querySelectorAll('[data-md-component=palette] label')].map(l => !l.hidden)"


@pytest.fixture
def context(browser) -> Iterator:
    """A first visit: nothing stored, the requests it makes kept in ``context.requested``."""
    made = browser.new_context(viewport={"width": 390, "height": 844})
    made.requested = []
    made.on("request", lambda request: made.requested.append(request.url))
    yield made
    made.close()


def material_requests(context) -> list[str]:
    return [url for url in context.requested if any(part in url for part in MATERIAL)]


def opened(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("output", ["site", "offline"])
def test_a_first_visit_on_a_phone_does_without_material(context, outputs, output: str) -> None:
    page = opened(context, outputs[output](FINDER_RESULT))
    page.wait_for_timeout(500)
    assert material_requests(context) == []
    tables = page.evaluate(TABLES)
    assert tables["wrapped"] == 3 and tables["bare"] == 0, tables  # its time-limit tables
    # The colour scheme switch works, and saves the choice as Material does.
    assert page.evaluate(SWITCH_SHOWN) == [True, False]
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate(SWITCH_SHOWN) == [False, True]
    # Enter on the focused switch goes back, as with Material.
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    assert material_requests(context) == []
    if output == "site":  # the offline copy may not keep storage between file: pages
        page.reload(wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert page.evaluate(SWITCH_SHOWN) == [False, True]


@pytest.mark.browser
@pytest.mark.parametrize("output", ["site", "offline"])
def test_searching_brings_material_and_no_table_is_wrapped_twice(context, outputs, output: str) -> None:
    page = opened(context, outputs[output](FINDER_RESULT))
    page.locator('[data-site-toggle="__search"]').click()
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("mediation")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert material_requests(context)
    tables = page.evaluate(TABLES)
    assert tables == {"wrapped": 3, "bare": 0, "twice": 0, "emptyClass": 0}, tables
    # Material's own switch has taken over from site.js's: Enter on the switch changes the
    # scheme once (with both at work it would change twice, back to where it was).
    page.keyboard.press("Escape")
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    assert page.evaluate(SWITCH_SHOWN) == [True, False]
    assert page.evaluate("document.querySelector('meta[name=theme-color]') !== null")  # Material's


@pytest.mark.browser
def test_if_material_fails_to_load_the_next_search_asks_again(context, outputs) -> None:
    failed = []

    def first_fails(route):
        if not failed:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/assets/javascripts/bundle.*", first_fails)
    page = opened(context, outputs["site"]("mediation/"))
    page.locator('[data-site-toggle="__search"]').click()
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    page.wait_for_function("document.querySelectorAll('script[src*=\"bundle.\"]').length === 0")
    assert failed and page.evaluate("typeof window.component$") == "undefined"
    # The reader taps the search box again.
    page.evaluate("document.activeElement.blur()")
    page.locator(".md-search__input").click()
    page.keyboard.type("mediation")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)


@pytest.mark.browser
def test_a_shortcut_key_is_passed_on_to_material(context, outputs) -> None:
    page = opened(context, outputs["site"]("mediation/"))
    following = page.evaluate("document.querySelector('link[rel=next]').href")
    page.keyboard.press("n")  # Material: the next page
    page.wait_for_url(following)
    assert material_requests(context)


@pytest.mark.browser
def test_the_menu_works_without_material(context, outputs) -> None:
    page = opened(context, outputs["site"]("letters/"))
    page.locator('[data-site-toggle="__drawer"]').click()
    section = page.locator('.md-sidebar--primary label.md-nav__link[tabindex="0"]').first
    section.focus()
    state = f"document.getElementById('{section.get_attribute('for')}').checked"
    was = page.evaluate(state)
    page.keyboard.press("Enter")  # opens or closes the section, as Material does
    assert page.evaluate(state) is not was
    # A link within the page closes the menu.
    page.goto(outputs["site"]("mediation/"), wait_until="load")
    page.locator('[data-site-toggle="__drawer"]').click()
    page.locator(".md-sidebar--primary .md-nav--secondary a[href^='#']").first.click()
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert material_requests(context) == []


@pytest.mark.browser
def test_a_wide_screen_loads_material_at_once(context, outputs) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(outputs["site"](FINDER_RESULT), wait_until="load")
    page.wait_for_function("typeof window.component$ === 'object'")
    # Material has set the side columns' heights, and the tables are wrapped once.
    page.wait_for_function("document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').style.height !== ''")
    tables = page.evaluate(TABLES)
    assert tables == {"wrapped": 3, "bare": 0, "twice": 0, "emptyClass": 0}, tables


@pytest.mark.browser
def test_the_header_buttons_keep_the_site_focus_outline_without_material(context, outputs) -> None:
    page = opened(context, outputs["site"]("mediation/"))
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-site-toggle=\"__drawer\"]')"):
            break
    outline = page.evaluate("(s => [s.outlineStyle, s.outlineWidth, s.outlineColor])"
                            "(getComputedStyle(document.activeElement))")
    assert outline == ["solid", "3px", "rgb(255, 221, 0)"], outline
    assert material_requests(context) == []
