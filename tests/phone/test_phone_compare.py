"""Comparing routes on a phone: below 600 px one card per route, no sideways scrolling at 320
and 375 px; the wide table from 600 px up. Both say the same, from routes.yml."""

from __future__ import annotations

import pytest
from phone_pages import SCHEMES

LAYOUT = """() => {
  const shown = el => !!el && el.getClientRects().length > 0;
  const cards = [...document.querySelectorAll('.routes-cards .routes-card')];
  const table = document.querySelector('.routes-table--compare');
  return {
    pageWidth: document.documentElement.scrollWidth,
    tableShown: shown(table),
    cardsShown: cards.filter(shown).length,
    cards: cards.map(card => ({
      id: card.id,
      name: card.querySelector('h3').textContent.trim(),
      labels: [...card.querySelectorAll('dt')].map(dt => dt.textContent.trim()),
      overflow: [card, ...card.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > innerWidth + 0.5).length,
    })),
    columns: [...table.querySelectorAll('thead th')].slice(1).map(th => [th.id, th.textContent.trim()]),
    rows: [...table.querySelectorAll('tbody th')].map(th => th.textContent.trim()),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("output", ["site", "offline"])
def test_one_card_per_route_and_no_sideways_scrolling(open_page, outputs, output: str, width: int, scheme: str) -> None:
    page = open_page(outputs[output]("compare-routes/"), width, 800, scheme)
    found = page.evaluate(LAYOUT)
    assert found["pageWidth"] <= width, f"the page is {found['pageWidth']} px wide at {width} px"
    assert not found["tableShown"], "the wide table shows on a phone"
    assert found["cardsShown"] == len(found["columns"]) == len(found["cards"])
    for card, (column_id, column_name) in zip(found["cards"], found["columns"]):
        assert card["id"] == f"{column_id}-card" and card["name"] == column_name
        assert card["labels"] == found["rows"], card["name"]  # every row of the table, in order
        assert card["overflow"] == 0, f"{card['name']}: something in the card runs off the screen"


@pytest.mark.browser
def test_the_wide_table_stays_for_wide_screens(open_page, outputs) -> None:
    for width in (600, 1280):
        found = open_page(outputs["site"]("compare-routes/"), width, 800).evaluate(LAYOUT)
        assert found["tableShown"] and found["cardsShown"] == 0, width


@pytest.mark.browser
def test_a_link_to_a_route_shows_its_card_on_a_phone(open_page, outputs) -> None:
    """Route pages link to #route-<id> (the table's column); on a phone that goes to the card."""
    page = open_page(outputs["site"]("compare-routes/#route-mediation"), 320, 640)
    page.wait_for_function("document.getElementById('route-mediation-card').getBoundingClientRect().top < innerHeight")
    top = page.evaluate("document.getElementById('route-mediation-card').getBoundingClientRect().top")
    assert 0 <= top < 640


@pytest.mark.browser
@pytest.mark.parametrize("late", ["**/site.css", "**/*.css"])
def test_a_link_to_a_route_finds_its_card_when_the_stylesheets_arrive_late(browser, site_url, late: str) -> None:
    """On a slow phone the full stylesheets land after the page's script has run (first paint
    does not wait for them), the site's own often after Material's; the link must still end at
    the route's card."""
    tab = browser.new_page(viewport={"width": 320, "height": 640})
    held = []
    tab.route(late, lambda route: held.append(route))
    tab.goto(site_url + "compare-routes/#route-mediation", wait_until="domcontentloaded")
    tab.wait_for_function("document.readyState !== 'loading'")
    assert held, "no stylesheet was held back"
    for route in held:
        route.continue_()
    tab.wait_for_load_state("load")
    tab.wait_for_function("[...document.querySelectorAll('link[rel=stylesheet]')]"
                          ".every(l => l.media === 'all' || l.closest('noscript'))")
    top = tab.evaluate("document.getElementById('route-mediation-card').getBoundingClientRect().top")
    assert 0 <= top < 640, top
    tab.close()
