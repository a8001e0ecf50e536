"""The colour scheme switch (overrides/partials/palette.html): one named group of two radios,
each named by the scheme it picks; the visible switch has a name; the site's focus style."""

from __future__ import annotations

import pytest

SWITCH = """() => {
  const group = document.querySelector('[data-md-component="palette"]');
  const label = [...group.querySelectorAll('label')].find(l => !l.hidden);
  return {
    role: group.getAttribute('role'),
    name: group.getAttribute('aria-label'),
    radios: [...group.querySelectorAll('input[type=radio]')].map(r => r.getAttribute('aria-label')),
    labelText: label ? label.textContent.replace(/\\s+/g, ' ').trim() : null,
    labelTitle: label ? label.getAttribute('title') : null,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_switch_is_a_named_group_with_the_site_focus_style(open_page, outputs, scheme: str) -> None:
    page = open_page(outputs["site"]("mediation/"), 390, 844, scheme)
    found = page.evaluate(SWITCH)
    assert found["role"] == "radiogroup" and found["name"] == "Colour scheme"
    assert found["radios"] == ["Light mode", "Dark mode"]
    assert found["labelText"] == found["labelTitle"] and found["labelText"].startswith("Switch to")
    # The accessibility tree: the group and the checked radio, each with its name.
    # The radio of the scheme in use is checked (site.js), so Tab lands on it and on its switch.
    tree = page.locator('[data-md-component="palette"]').aria_snapshot()
    assert tree.startswith('- radiogroup "Colour scheme"'), tree
    assert ('radio "Light mode" [checked]' if scheme == "light" else 'radio "Dark mode" [checked]') in tree, tree
    # Tab into the group from the control before it: focus lands on the checked radio.
    page.evaluate("document.querySelector('[data-md-component=\"palette\"] input:checked').focus()")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.md-option:checked')")
    background = page.evaluate(
        "getComputedStyle(document.activeElement.nextElementSibling).backgroundColor"
    )
    assert background == "rgb(255, 221, 0)", background  # the site's yellow focus background
