"""Nothing blocks a page's first paint: no stylesheet or script in the <head> holds it up, the
CSS the page uses is inline, and the page looks the same before and after the stylesheets
arrive, in light and dark mode (a real Chromium). Speed itself is measured by `make bench`."""

from __future__ import annotations

import pytest

from first_paint import inline as first_paint

PAGES = ["", "mediation/", "compare-routes/", "route-finder/try-mediation/"]

# Stylesheets that apply to the screen now, and scripts that run before the page is parsed.
BLOCKING = """() => [
  ...[...document.head.querySelectorAll('link[rel="stylesheet"]')]
     .filter(l => !l.media || matchMedia(l.media).matches)
     .map(l => 'stylesheet ' + l.getAttribute('href')),
  ...[...document.querySelectorAll('script[src]')]
     .filter(s => !s.defer && !s.async && s.type !== 'module')
     .map(s => 'script ' + s.getAttribute('src')),
]"""

LOOK = """() => {
  const box = e => e ? [Math.round(e.getBoundingClientRect().height),
                        getComputedStyle(e).color, getComputedStyle(e).backgroundColor,
                        getComputedStyle(e).fontSize] : null;
  return {body: box(document.body), h1: box(document.querySelector('.md-content h1')),
          main: box(document.querySelector('.md-content')),
          link: box(document.querySelector('.md-content a'))};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_nothing_blocks_the_first_paint(browser, site_url, path, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        early = context.new_page()
        # Before the stylesheets and scripts arrive: only what the page itself holds.
        early.route("**/*.css", lambda route: route.abort())
        early.route("**/*.js", lambda route: route.abort())
        early.goto(site_url + path, wait_until="domcontentloaded")
        assert early.evaluate(BLOCKING) == []
        assert early.evaluate("document.querySelectorAll('head > style').length") == 1
        before = early.evaluate(LOOK)
        late = context.new_page()
        late.goto(site_url + path, wait_until="load")
        late.wait_for_function("[...document.querySelectorAll('link[rel=stylesheet]')]"
                               ".every(l => l.media === 'all' || l.closest('noscript'))")
        # A link's colour eases over 125 ms when a stylesheet lands: compare where it ends.
        late.evaluate("Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
        after = late.evaluate(LOOK)
        # Same text colours, background and sizes once Material's stylesheets have loaded.
        for part in ("body", "h1", "link"):
            assert before[part][1:] == after[part][1:], (part, before[part], after[part])
        assert before["main"][1:] == after["main"][1:]
    finally:
        context.close()


def test_stylesheets_are_inline_in_their_order_and_load_later():
    page = ('<html><head><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="b.css">'
            '<script src="x.js"></script></head><body><p class="used">Hi</p></body></html>')
    sheets = {"a.css": "p{color:red}.unused{color:blue}", "b.css": ".used{color:green}"}
    out = first_paint.fast_first_paint(page, sheets.get)
    assert "<style>p{color:red}.used{color:green}</style>" in out
    assert out.index("<style>") < out.index('href="a.css" media="print"') < out.index('href="b.css"')
    assert '<script src="x.js" defer>' in out


def test_hover_focus_and_dark_mode_rules_stay_inline():
    page = '<html><head><link rel="stylesheet" href="a.css"></head><body><a href="#">x</a></body></html>'
    css = ("a:hover{color:red}a:focus-visible{outline:3px solid}[data-md-color-scheme=slate] a{color:#fff}"
           ":root{--used:1px;--unused:2px}a{margin:var(--used)}")
    out = first_paint.fast_first_paint(page, {"a.css": css}.get)
    for rule in ("a:hover{color:red}", "a:focus-visible", "[data-md-color-scheme=slate] a", "--used:1px"):
        assert rule in out
    assert "--unused" not in out
