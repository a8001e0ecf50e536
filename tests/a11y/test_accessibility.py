"""WCAG 2.2 AA on every page of both outputs, checked in headless Chromium.

The pages are found in the real build (every ``*.html`` file), so pages added later are
checked too. The website is served on 127.0.0.1 (``site_url``); the offline copy is unzipped
from ``site/downloads/`` and opened from ``file://`` (its pages in the zip's site folder; the
zip's "Start here" file only redirects to the home page). The page checks themselves are in
accessibility_checks.js. Each page is loaded once per output, colour scheme and width (see
``survey``) and every check runs on that load; each test then reports every problem of its
kind, page by page, in one failure message.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
CHECKS = (Path(__file__).parent / "accessibility_checks.js").read_text(encoding="utf-8")

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # Experimental table rules, off in axe by default.
    "rules": {"td-has-header": {"enabled": True}, "table-fake-caption": {"enabled": True}},
    "resultTypes": ["violations"],
}
EXTRA_RULES = ("td-has-header", "table-fake-caption")

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
WIDTHS = (1280, 320)
HEIGHT = 800
OUTPUTS = ("site", "offline")

# The size of the page's body text, compared at normal and doubled browser font size.
TEXT_SIZE = "parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize)"

# WCAG 1.4.12's test values: line height 1.5, paragraph spacing 2, letter 0.12, word 0.16.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6 { margin-bottom: 2em !important; }
"""

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Page:
    """One page of one output: a short name for reports and the address the browser opens."""

    name: str
    url: str


def html_files(root: Path) -> list[Path]:
    """Every HTML page in a built output, in a stable order."""
    return sorted(p for p in root.rglob("*.html") if "assets" not in p.relative_to(root).parts)


@pytest.fixture(scope="session")
def offline_root(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy from site/downloads/, unzipped; the folder holding its home page."""
    zips = sorted((site / "downloads").glob("*.zip"))
    if not zips:
        pytest.fail(f"no offline copy: expected a .zip in {site / 'downloads'} (see hooks/build_all.py)")
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(zips[0]) as archive:
        archive.extractall(dest)
    homes = sorted(dest.rglob("index.html"), key=lambda p: len(p.parts))
    assert homes, f"{zips[0].name} has no index.html"
    return homes[0].parent


@pytest.fixture(scope="session")
def site_pages(site: Path, site_url: str) -> list[Page]:
    """Every page of the website, at the address a visitor would use."""
    pages = []
    for path in html_files(site):
        relative = path.relative_to(site).as_posix()
        address = relative[: -len("index.html")] if path.name == "index.html" else relative
        pages.append(Page(relative, site_url + address))
    return pages


@pytest.fixture(scope="session")
def offline_pages(offline_root: Path) -> list[Page]:
    """Every page of the offline copy, opened straight from the file system."""
    return [Page(p.relative_to(offline_root).as_posix(), p.as_uri()) for p in html_files(offline_root)]


@pytest.fixture(params=OUTPUTS)
def output(request: pytest.FixtureRequest) -> tuple[str, list[Page]]:
    """Parametrize a test over both outputs: (name, pages)."""
    name = request.param
    return name, request.getfixturevalue(f"{name}_pages")


def fresh_context(browser):
    """A browser context in which every page load starts like a first visit, with the checks.

    Material remembers the colour scheme it last used in localStorage and prefers that over
    the emulated system setting, so storage is emptied before each page's own scripts run.
    """
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
    context.add_init_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
    context.add_init_script(f"window.__a11y = {CHECKS};")
    return context


@pytest.fixture(scope="module")
def tab(browser) -> Iterator:
    """One browser tab reused by the tests in this module (each test sets size and scheme)."""
    context = fresh_context(browser)
    page = context.new_page()
    yield page
    context.close()


def visit(tab, page: Page, width: int = 1280, scheme: str = "light") -> None:
    """Open a page at a width and colour scheme, and wait until Material's scripts have run."""
    tab.set_viewport_size({"width": width, "height": HEIGHT})
    tab.emulate_media(color_scheme=scheme)
    tab.goto(page.url, wait_until="load")
    tab.wait_for_function("document.documentElement.classList.contains('js')")
    actual = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert actual == SCHEMES[scheme], f"{page.name}: {scheme} scheme shows as {actual!r}"


def check(tab, name: str, *args: object) -> object:
    """Run one of the page checks in accessibility_checks.js."""
    return tab.evaluate("([name, args]) => window.__a11y[name](...args)", [name, list(args)])


def expect_none(problems: dict[str, list[str]], heading: str) -> None:
    """Fail with every problem, grouped by page, if there are any."""
    found = {page: items for page, items in problems.items() if items}
    if found:
        lines = [f"{page}:\n  " + "\n  ".join(items) for page, items in found.items()]
        pytest.fail(f"{heading}: {len(found)} page(s) with problems\n" + "\n".join(lines), pytrace=False)


def run_axe(tab) -> dict:
    """Run axe-core on the open page; return its results."""
    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.add_script_tag(path=str(AXE))
    check(tab, "settle")  # finish transitions (search results fade in) before measuring colours
    return tab.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)


def axe_problems(results: dict) -> list[str]:
    """Each violation, with the elements it was found on."""
    problems = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:5]
        problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    ran = {rule["id"] for kind in ("violations", "passes", "incomplete", "inapplicable") for rule in results[kind]}
    problems += [f"axe did not run the rule {rule}" for rule in EXTRA_RULES if rule not in ran]
    return problems


def tab_through(tab, limit: int) -> tuple[list[dict], list[str]]:
    """Press Tab until focus leaves the page or comes round again; return each stop and problems."""
    stops, seen, problems = [], set(), []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        state = check(tab, "focusState")
        if "name" not in state or (state["id"] is not None and state["id"] in seen):
            break  # focus left the page, or the Tab order came round to the start again
        stops.append(state)
        seen.add(state["id"])
        problems += [f"{state['name']}: {problem}" for problem in state["problems"]]
    return stops, problems


SKIP_TARGET_IN_MAIN = """() => {
    const el = document.activeElement;
    const target = document.querySelector('a.md-skip').hash;
    return !!el && el.matches(target) && el.closest('main') !== null;
}"""


def keyboard_problems(tab) -> list[str]:
    """Tab through the open page from the top, then use the skip link; every problem found."""
    wanted = check(tab, "prepareKeyboard")
    stops, problems = tab_through(tab, len(wanted) + 30)
    if not stops or not stops[0]["name"].startswith("<a.md-skip"):
        problems.append(f"first Tab reaches {stops[0]['name'] if stops else 'nothing'}, not the skip link")
    reached = {stop["id"] for stop in stops}
    problems += [f"not reachable by Tab: {item}" for i, item in enumerate(wanted) if str(i) not in reached]
    if tab.locator("a.md-skip").count():
        tab.locator("a.md-skip").focus()
        tab.keyboard.press("Enter")
        if not tab.evaluate(SKIP_TARGET_IN_MAIN):
            problems.append(f"the skip link leaves focus on {check(tab, 'focusState').get('name', 'the page')}")
    return problems


def spacing_problems(tab) -> list[str]:
    """Apply WCAG's text spacing to the open page (scrolled to the start); text cut off or overlapping."""
    check(tab, "scrollToStart")
    before = check(tab, "clippedOrOverlapping")
    if before:
        return [f"before any change: {problem}" for problem in before]
    tab.add_style_tag(content=TEXT_SPACING_CSS)
    return check(tab, "clippedOrOverlapping")


Surveys = dict[tuple[str, str, int], dict[str, dict]]


@pytest.fixture(scope="module")
def surveys() -> Surveys:
    """Survey results for this module, by (output, scheme, width)."""
    return {}


def survey(tab, surveys: Surveys, output: tuple[str, list[Page]], scheme: str, width: int) -> dict[str, dict]:
    """Visit every page of an output once at a scheme and width and run every check there.

    Results are kept for the session, so each test below reads its own part without loading
    every page again. Checks that only read the page run first; then, in the light scheme, the
    keyboard test (which moves focus and scrolls) and the text spacing test (which adds styles).
    """
    name, pages = output
    key = (name, scheme, width)
    if key not in surveys:
        results = {}
        for page in pages:
            visit(tab, page, width, scheme)
            result = results[page.name] = {
                "axe": axe_problems(run_axe(tab)),
                "reflow": check(tab, "reflow") if width == 320 else [],
                "targets": check(tab, "targetSize"),
                "structure": check(tab, "structure"),
                "help": check(tab, "helpPlacement"),
                "font_size": tab.evaluate(TEXT_SIZE),
            }
            if scheme == "light":
                result["keyboard"] = keyboard_problems(tab)
                result["spacing"] = spacing_problems(tab)
        surveys[key] = results
    return surveys[key]


def part(results: dict[str, dict], name: str) -> dict[str, list[str]]:
    """One check's problems, page by page."""
    return {page: result[name] for page, result in results.items()}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations(tab, surveys, output, scheme: str, width: int) -> None:
    """axe-core (WCAG 2.0-2.2 A/AA, best practice, table rules): zero violations on every page."""
    results = survey(tab, surveys, output, scheme, width)
    expect_none(part(results, "axe"), f"axe, {output[0]}, {scheme} scheme, {width}px")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_reflow_at_320_pixels(tab, surveys, output, scheme: str) -> None:
    """1.4.10: at 320 CSS px nothing scrolls sideways except labelled, focusable regions."""
    results = survey(tab, surveys, output, scheme, 320)
    expect_none(part(results, "reflow"), f"reflow, {output[0]}, {scheme} scheme")


@pytest.mark.parametrize("width", WIDTHS)
def test_text_spacing_clips_nothing(tab, surveys, output, width: int) -> None:
    """1.4.12: with WCAG's text spacing applied, no text is cut off or overlaps other text."""
    results = survey(tab, surveys, output, "light", width)
    expect_none(part(results, "spacing"), f"text spacing, {output[0]}, {width}px")


@pytest.fixture
def big_text_tab(browser) -> Iterator:
    """A tab whose browser font size setting is doubled (16px to 32px), as a reader might set it."""
    context = fresh_context(browser)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    yield page
    context.close()


def test_text_at_200_percent_clips_nothing(tab, big_text_tab, surveys, output) -> None:
    """1.4.4: with text at 200% (browser font size doubled) no text is cut off or overlaps."""
    normal = survey(tab, surveys, output, "light", 1280)
    problems = {}
    for page in output[1]:
        visit(big_text_tab, page)
        problems[page.name] = check(big_text_tab, "clippedOrOverlapping")
        before, after = normal[page.name]["font_size"], big_text_tab.evaluate(TEXT_SIZE)
        if after < 2 * before - 0.5:
            problems[page.name].append(f"text grew only from {before}px to {after}px, not to 200%")
    expect_none(problems, f"200% text, {output[0]}")


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard(tab, surveys, output, width: int) -> None:
    """2.1.1, 2.4.1, 2.4.3, 2.4.7, 2.4.11: skip link first, everything reachable, focus shown."""
    results = survey(tab, surveys, output, "light", width)
    expect_none(part(results, "keyboard"), f"keyboard, {output[0]}, {width}px")


@pytest.mark.parametrize("width", WIDTHS)
def test_target_size(tab, surveys, output, width: int) -> None:
    """2.5.8: targets are 24 by 24 CSS px or spaced out; links within sentences are exempt."""
    results = survey(tab, surveys, output, "light", width)
    expect_none(part(results, "targets"), f"target size, {output[0]}, {width}px")


def test_structure(tab, surveys, output) -> None:
    """Language, one h1, no skipped heading levels, named landmarks, link text that stands alone."""
    results = survey(tab, surveys, output, "light", 1280)
    expect_none(part(results, "structure"), f"structure, {output[0]}")


def test_help_is_in_the_same_place_on_every_page(tab, surveys, output) -> None:
    """3.2.6: the contact block is in the same landmark, position and order on every page."""
    name, pages = output
    placements = part(survey(tab, surveys, output, "light", 1280), "help")
    missing = [page for page, where in placements.items() if where is None]
    assert not missing, f"{name}: no contact block (.site-help) on {missing}"
    home = placements[home_page(pages).name]
    assert home["landmark"] == "footer", f"the contact block is in {home['landmark']}, not the footer"
    differ = {page: [json.dumps(where)] for page, where in placements.items() if where != home}
    expect_none(differ, f"consistent help, {name}: the home page has {json.dumps(home)}; differs on")


def test_no_third_party_requests_and_no_cookies(browser, output) -> None:
    """Privacy: every request stays on the site's own host (or file:// offline); no cookies."""
    name, pages = output
    context = fresh_context(browser)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page_cookies = {}
    try:
        tab = context.new_page()
        for page in pages:
            visit(tab, page)
            page_cookies[page.name] = tab.evaluate("document.cookie")
        # Searching loads the search index and worker: do it once so those requests count too.
        visit(tab, home_page(pages))
        open_search(tab, "mediation")
        jar = context.cookies()
    finally:
        context.close()
    own = urlsplit(pages[0].url)
    foreign = sorted(
        {
            url
            for url in requests
            if not url.startswith(("data:", "blob:", "about:"))
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (own.scheme, own.netloc)
        }
    )
    assert not foreign, f"{name}: requests to other hosts: {foreign}"
    assert jar == [], f"{name}: cookies set: {jar}"
    assert not any(page_cookies.values()), f"{name}: document.cookie not empty: {page_cookies}"


def home_page(pages: list[Page]) -> Page:
    """The output's home page."""
    return next(page for page in pages if page.name == "index.html")


def open_search(tab, query: str) -> None:
    """Open search from the keyboard (the header's Search button on small screens, else the
    search box) and type a query; wait for results."""
    button = tab.locator("header button[data-site-toggle='__search']")
    if button.is_visible():
        button.focus()
        tab.keyboard.press("Enter")
    else:
        tab.locator(".md-search__input").focus()
    tab.wait_for_function("document.activeElement.matches('.md-search__input')")
    tab.keyboard.type(query)
    tab.wait_for_selector(".md-search-result__item", timeout=10_000)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_dialog(tab, output, scheme: str, width: int) -> None:
    """The search dialog, opened from the keyboard and showing results, passes axe too."""
    name, pages = output
    home = home_page(pages)
    visit(tab, home, width, scheme)
    open_search(tab, "mediation")
    expect_none({home.name: axe_problems(run_axe(tab))}, f"axe with search open, {name}, {scheme}, {width}px")


@pytest.mark.parametrize("width", WIDTHS)
def test_search_index_loads_only_when_someone_searches(browser, site_pages, width: int) -> None:
    """The website's pages do not download the search index (about 130 kB) until the search
    box gets focus; searching from the keyboard then finds results (search-on-demand.js)."""
    context = fresh_context(browser)
    asked: list[str] = []
    context.on("request", lambda request: asked.append(urlsplit(request.url).path))
    try:
        tab = context.new_page()
        home = home_page(site_pages)
        visit(tab, home, width)
        tab.wait_for_load_state("networkidle")
        tab.wait_for_timeout(500)
        assert "/search/search_index.json" not in asked, "the index loaded before anyone searched"
        assert any(path.endswith("search-on-demand.js") for path in asked)
        open_search(tab, "mediation")
        assert asked.count("/search/search_index.json") == 1
        assert tab.locator(".md-search-result__item").count() > 0
    finally:
        context.close()


def test_menu_drawer_on_a_small_screen(tab, output) -> None:
    """At 320px the menu opens from the keyboard, takes focus, passes axe, cuts off no text,
    and Escape closes it and returns focus to the Menu button."""
    name, pages = output
    home = home_page(pages)
    visit(tab, home, 320)
    tab.locator("header button[data-site-toggle='__drawer']").focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    problems = axe_problems(run_axe(tab)) + check(tab, "clippedOrOverlapping", ".md-sidebar--primary")
    tab.keyboard.press("Escape")
    if not tab.evaluate("document.activeElement.matches('[data-site-toggle=\"__drawer\"]')"):
        problems.append("Escape does not return focus to the Menu button")
    if tab.evaluate("document.getElementById('__drawer').checked"):
        problems.append("Escape does not close the menu")
    expect_none({home.name: problems}, f"menu drawer, {name}, 320px")
