"""Headings in the full-strength text colour: at least 7:1 against what is behind them, in the
light and the dark colour scheme, measured in Chromium."""

from __future__ import annotations

import pytest
from phone_pages import SCHEMES

PAGES = ("", "compare-routes/", "mediation/", "route-finder/about/", "route-finder/get-mediation-advice/", "glossary/")

CONTRAST = """() => {
  const rgba = text => {
    const m = text.match(/^rgba?\\(([^)]+)\\)$/);
    if (!m) throw new Error('unexpected colour ' + text);
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const luminance = c => c.slice(0, 3).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  return [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, .md-content h4')]
    .filter(h => h.getClientRects().length)
    .map(h => {
      const bg = background(h);
      const fg = over(rgba(getComputedStyle(h).color), bg);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      return [h.tagName + ' ' + h.textContent.trim().slice(0, 40), (a + 0.05) / (b + 0.05)];
    });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_headings_have_at_least_7_to_1_contrast(open_page, outputs, scheme: str) -> None:
    low = []
    for path in PAGES:
        for width in (390, 1280):
            found = open_page(outputs["site"](path), width, 844, scheme).evaluate(CONTRAST)
            assert found, f"{path}: no headings measured"
            low += [f"{path} at {width} px: {name} {ratio:.2f}:1" for name, ratio in found if ratio < 7]
    assert not low, f"headings under 7:1 in the {scheme} scheme:\n" + "\n".join(low)
