"""Route tables: the route data's schema, escaping, and the tables on the real built site."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import urlsplit

import pytest
import yaml

from citations import registry as citations_registry
from local import details as local_details
from offline import copy as offline
from routes import citations as routes_citations
from routes import data as routes_data
from routes import render as routes_render

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data" / "routes.yml"
FACTS = PROJECT.parent / "shared" / "reference" / "facts.yml"
PAGES = {p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs").glob("*.md")}
ROUTE_PAGES = {
    "first-steps": "first-steps",
    "complaint": "complaints",
    "disagreement-resolution": "disagreement-resolution",
    "mediation": "mediation",
    "appeal": "appeals",
}


def local_values() -> dict[str, str]:
    values, _ = local_details.load(PROJECT / "localities" / "wokingham" / "local.yml")
    return {k: v for k, v in local_details.LocalDetails(values).markers().items() if "](" not in v}


def citation_check() -> routes_citations.CitationCheck:
    registry, problems = citations_registry.load(PROJECT / "docs" / "data" / "code_of_practice.yml")
    assert registry is not None, problems
    return routes_citations.citation_check(registry.edition().known)


def load(path: Path = DATA) -> tuple[list[routes_data.Route], list[routes_data.Problem]]:
    return routes_data.load(path, PAGES, local_values(), citation_check())


def route_data(data: dict, route_id: str) -> dict:
    return next(r for r in data["routes"] if r["id"] == route_id)


# --- The real data ------------------------------------------------------------------------


def test_real_data_is_valid_and_has_every_route() -> None:
    routes, problems = load()
    assert [str(p) for p in problems] == []
    assert [r.id for r in routes] == [
        "first-steps", "complaint", "disagreement-resolution", "mediation", "appeal", "exclusion-appeal",
        "disability-discrimination",
    ]
    assert [r.id for r in routes if r.run_by_others] == ["exclusion-appeal"]


@pytest.mark.skipif(not FACTS.exists(), reason="the shared reference facts are not on this machine")
def test_every_time_limit_matches_a_verified_reference_fact() -> None:
    """Each time limit names its facts.yml entry; that entry is verified and says the same."""
    facts = {f["name"]: f for f in yaml.safe_load(FACTS.read_text())["time_limits"]}
    routes, _ = load()
    limits = [limit for route in routes for limit in route.time_limits]
    assert limits
    for limit in limits:
        fact = facts[limit.fact]
        assert fact["confidence"] == "verified", limit.fact
        numbers = re.findall(r"\d+ (?:working days|school days|days|weeks|months|month)", limit.limit.lower())
        assert numbers, limit.limit
        for number in numbers:
            assert number in fact["value"].lower() or number.rstrip("s") in fact["value"].lower(), (number, fact)
        regulation = re.search(r"(?:regulation|rule|reg) (\d+)", fact["legal_source"])
        if regulation:
            assert regulation[1] in limit.law, (limit.law, fact["legal_source"])


# --- Schema: each bad-data case fails with file, line, route and field named ----------------

Edit = Callable[[dict], None]


def _delete(route_id: str, field: str) -> Edit:
    return lambda data: route_data(data, route_id).pop(field)


def _set(route_id: str, field: str, value: object) -> Edit:
    return lambda data: route_data(data, route_id).__setitem__(field, value)


def _time_limit(route_id: str, index: int, key: str, value: object = None) -> Edit:
    def edit(data: dict) -> None:
        limit = route_data(data, route_id)["time_limits"][index]
        if value is None:
            limit.pop(key)
        else:
            limit[key] = value

    return edit


def _one_way_alongside(data: dict) -> None:
    route_data(data, "appeal")["alongside"].remove("disagreement-resolution")


BAD_DATA: list[tuple[str, Edit, str, str, str]] = [
    ("missing field", _delete("mediation", "cost"), "mediation", "cost", "is missing"),
    ("unknown route id in alongside", _set("mediation", "alongside", ["complaint", "mediaton"]),
     "mediation", "alongside", "unknown route id 'mediaton'"),
    ("unknown route id in confused_with", _set("complaint", "confused_with", ["tribunal"]),
     "complaint", "confused_with", "unknown route id 'tribunal'"),
    ("alongside one way only", _one_way_alongside, "disagreement-resolution", "alongside",
     "route 'appeal' does not name 'disagreement-resolution'"),
    ("page that does not exist", _set("appeal", "page", "tribunal.md"), "appeal", "page",
     "'tribunal.md' does not exist in docs/"),
    ("time limit without source", _time_limit("mediation", 1, "law"), "mediation", "time_limits[1]",
     "time limit has no source"),
    ("time limit without its reference fact", _time_limit("appeal", 0, "fact"), "appeal",
     "time_limits[0].fact", "is missing or empty"),
    ("unverified time limit", _time_limit("appeal", 1, "confidence", "conflict"), "appeal",
     "time_limits[1].confidence", "nothing unverified, inferred or in conflict is stated as fact"),
    ("malformed citation", _set("mediation", "code_paragraphs", "sections 11..13 to 11.38"),
     "mediation", "code_paragraphs", "two dots in a row"),
    ("paragraph not in the registry", _set("appeal", "code_paragraphs", "sections 11.39 to 11.155"),
     "appeal", "code_paragraphs", "paragraph 11.155 is not in the Code of Practice registry"),
    ("not a citation", _set("complaint", "code_paragraphs", "the Code of Practice"), "complaint", "code_paragraphs",
     "is not one Code of Practice citation"),
    ("claim with no source", _set("mediation", "cost", {"text": "Free."}), "mediation", "cost",
     "makes a claim with no source"),
    ("claim as bare text", _set("mediation", "voluntary", "Yes."), "mediation", "voluntary",
     "makes a claim with no source"),
    ("unverified claim", _set("mediation", "cost", {"text": "Free.", "leaflet": True, "confidence": "inferred"}),
     "mediation", "cost.confidence", "is 'inferred'"),
    ("local detail typed in", _set("mediation", "help", "Global Mediation can help."), "mediation", "help",
     "types the local detail 'Global Mediation'; write {{ local.mediation_provider }}"),
    ("link-only local marker", _set("mediation", "help", "Phone {{ local.phone }}."), "mediation", "help",
     "{{ local.phone }} is not a plain-text local detail"),
    ("unknown field", _set("mediation", "costs", "Free."), "mediation", "costs", "is not a route field"),
    ("duplicate id", _set("complaint", "id", "mediation"), "mediation", "id", "is used by another route"),
    ("empty not_applicable", _set("appeal", "needed_before_tribunal", {"not_applicable": ""}), "appeal",
     "needed_before_tribunal.not_applicable", "is missing or empty"),
    ("link that is not https", _set("exclusion-appeal", "help", {"text": "IPSEA.", "links": [
        {"text": "IPSEA", "url": "http://www.ipsea.org.uk"}]}), "exclusion-appeal", "help.links",
     "is not an https:// address"),
    ("a list inside alongside", _set("mediation", "alongside", [["complaint"]]),
     "mediation", "alongside", "must be a list of route ids"),
]


def _line_of(text: str, route_id: str, field: str) -> int:
    """Line of ``field`` inside the route's block in the written YAML (for the expected line)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() in (f"- id: {route_id}", f"id: {route_id}"))
    key = field.split(".")[0].split("[")[0]
    return next(i for i, line in enumerate(lines[start:], start) if line.strip().startswith(f"{key}:")) + 1


@pytest.mark.parametrize("case, edit, route, field, message", BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_data_is_reported_with_file_route_field_and_line(
    tmp_path: Path, case: str, edit: Edit, route: str, field: str, message: str
) -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "routes.yml"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(text, encoding="utf-8")
    _, problems = load(path)
    matching = [p for p in problems if p.route == route and p.field == field and message in p.message]
    assert matching, "\n".join(map(str, problems))
    problem = matching[0]
    assert str(problem).startswith(f"{path}:{problem.line}: route '{route}', field '{field}': ")
    if case in ("missing field", "duplicate id"):
        return
    lines = text.splitlines()
    if "[" in field:  # a list item: the line of that item, below its field
        assert problem.line > _line_of(text, route, field)
        assert lines[problem.line - 1].lstrip().startswith("- ")
    else:
        assert problem.line == _line_of(text, route, field)


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for _, edit, *_ in BAD_DATA[:6]:
        edit(data)
    path = tmp_path / "routes.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _, problems = load(path)
    fields = {(p.route, p.field) for p in problems}
    assert {("mediation", "cost"), ("mediation", "alongside"), ("complaint", "confused_with"),
            ("appeal", "page"), ("mediation", "time_limits[1]")} <= fields


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "routes.yml"
    path.write_text("routes:\n  - id: mediation\n    name: [unclosed\n", encoding="utf-8")
    _, problems = load(path)
    assert len(problems) == 1 and "is not valid YAML" in problems[0].message and problems[0].line >= 3


# --- Rendering: accessible tables, escaped text ----------------------------------------------


class Tables(HTMLParser):
    """The route tables in a piece of HTML: regions, captions, header and data cells, links."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[dict[str, str | None]] = []
        self.tables: list[dict] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "div" and "routes-region" in (attributes.get("class") or ""):
            self.regions.append(attributes)
        if tag == "table" and "routes-table" in (attributes.get("class") or ""):
            self.tables.append({"class": attributes["class"], "caption": "", "th": [], "td": [], "links": []})
        if not self.tables or not self.stack_in_table(tag):
            return
        table = self.tables[-1]
        if tag in ("th", "td", "caption"):
            self.stack.append(tag)
            self.text = []
            if tag == "th":
                table["th"].append(attributes)
        if tag == "a":
            table["links"].append(attributes)

    def stack_in_table(self, tag: str) -> bool:
        return tag in ("th", "td", "caption", "a") and bool(self.tables) and not self.tables[-1].get("done")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            self.tables[-1]["done"] = True
        if self.stack and tag == self.stack[-1]:
            self.stack.pop()
            text = " ".join("".join(self.text).split())
            if tag == "td":
                self.tables[-1]["td"].append(text)
            elif tag == "caption":
                self.tables[-1]["caption"] = text

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.text.append(data)


def tables_in(html: str) -> Tables:
    parser = Tables()
    parser.feed(html)
    return parser


def renderer(routes: list[routes_data.Route], page: str = "compare-routes.md") -> routes_render.Renderer:
    return routes_render.Renderer(routes, local_values(), lambda r: r.page.replace(".md", "/"), page)


def every_table(render: routes_render.Renderer) -> list[str]:
    return [
        render.comparison(),
        render.comparison(short=True),
        render.alongside_table(),
        render.time_limits_table(),
        *(render.differences(r.id) for r in render.routes if r.confused_with),
    ]


def assert_accessible(html: str) -> None:
    found = tables_in(html)
    assert found.tables, html[:200]
    assert len(found.regions) == len(found.tables)
    for region, table in zip(found.regions, found.tables, strict=True):
        assert region.get("role") == "region" and region.get("tabindex") == "0"
        assert region.get("aria-label") == table["caption"] != ""
        assert all(th.get("scope") in ("col", "row") for th in table["th"]), table["caption"]
        assert table["td"] and all(table["td"]), f"empty cell in {table['caption']}"


def test_every_table_is_accessible() -> None:
    routes, _ = load()
    for html in every_table(renderer(routes)):
        assert_accessible(html)


def test_not_applicable_says_why() -> None:
    routes, _ = load()
    html = renderer(routes).comparison()
    assert "Not applicable: this is the Tribunal appeal itself." in html


def test_markup_in_data_is_escaped(tmp_path: Path) -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>bold</b>'
    route_data(data, "mediation")["summary"] = attack
    route_data(data, "mediation")["name"] = "Mediation <i>now</i>"
    route_data(data, "mediation")["time_limits"][0]["limit"] = "Within <em>2</em> months"
    path = tmp_path / "routes.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    routes, problems = load(path)
    assert not problems
    for html in every_table(renderer(routes)):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "<i>" not in html and "<em>" not in html
    html = renderer(routes).comparison()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; " in html
    assert "Mediation &lt;i&gt;now&lt;/i&gt;" in html


def test_local_markers_in_data_are_filled_in() -> None:
    routes, _ = load()
    html = renderer(routes).comparison()
    assert "{{" not in html
    assert f"Locally this is {local_values()['mediation_provider']}." in html


def test_differences_show_only_what_differs() -> None:
    routes, _ = load()
    html = renderer(routes, "mediation.md").differences("mediation")
    table = tables_in(html).tables[0]
    assert table["caption"] == "How “Mediation” differs from “Disagreement resolution” and “Appeal to the Tribunal”"
    rows = {th.get("scope") for th in table["th"]}
    assert rows == {"col", "row"}
    assert "What does it cost?" not in html  # free for both of the compared routes: no difference to show


def test_the_current_page_is_marked() -> None:
    routes, _ = load()
    html = renderer(routes, "mediation.md").differences("mediation")
    assert '<a href="mediation/" aria-current="page">Mediation</a>' in html


# --- The real built site ---------------------------------------------------------------------


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def resolve(page: str, href: str) -> tuple[str, str]:
    """(file in the site, anchor) that a relative link on ``page`` points at."""
    parts = urlsplit(href)
    target = normpath(join(dirname(page), parts.path)) if parts.path else page
    if parts.path.endswith("/") or parts.path == "" and page.endswith("index.html") and not parts.fragment:
        target = join(target, "index.html")
    if target.endswith("/") or not target.endswith(".html"):
        target = join(target, "index.html")
    return target, parts.fragment


def test_tables_on_the_site(site: Path) -> None:
    """Every table: caption, scoped headers, no empty cells; route names link to real pages."""
    pages = html_pages(site)
    seen = {}
    for name, html in pages.items():
        found = tables_in(html)
        if not found.tables:
            continue
        assert_accessible(html)
        seen[name] = [t["class"].split("--")[-1] for t in found.tables]
        for table in found.tables:
            for link in table["links"]:
                href = link["href"]
                if href.startswith(("http://", "https://")):
                    continue
                target, anchor = resolve(name, href)
                assert target in pages, (name, href)
                if anchor:
                    assert f'id="{anchor}"' in pages[target], (name, href)
    assert seen["compare-routes/index.html"] == ["compare", "time-limits"]
    assert seen["index.html"] == ["short"]
    assert seen["more-than-one-route/index.html"] == ["alongside"]
    for page in ROUTE_PAGES.values():
        assert seen[f"{page}/index.html"] == ["differences"], page


def test_route_pages_link_to_their_column_in_the_comparison(site: Path) -> None:
    compare = (site / "compare-routes" / "index.html").read_text(encoding="utf-8")
    for route_id, page in ROUTE_PAGES.items():
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert f'href="../compare-routes/#route-{route_id}"' in html, page
        # The anchor is the route's column; on a phone site.js moves to its card ("-card").
        assert f'<th scope="col" id="route-{route_id}">' in compare
        assert f'<div class="routes-card" id="route-{route_id}-card">' in compare
    appeals = (site / "appeals" / "index.html").read_text(encoding="utf-8")
    assert 'href="../compare-routes/#route-exclusion-appeal"' in appeals
    assert '<th scope="col" id="route-exclusion-appeal">' in compare


def test_citations_in_tables_are_linked(site: Path) -> None:
    compare = (site / "compare-routes" / "index.html").read_text(encoding="utf-8")
    table = compare[compare.index('class="routes-table routes-table--compare"'):]
    assert re.search(r'<a class="cop-citation"[^>]*>11\.6</a>', table)


def test_offline_copy_and_leaflets_show_the_same_route_data(site: Path) -> None:
    """The offline copy (links to .html files) and the PDFs carry the tables made from the data."""
    routes, _ = load()
    limits = [" ".join(limit.limit.split()) for route in routes for limit in route.time_limits]
    with zipfile.ZipFile(site / offline.ZIP_URL) as archive:
        name = next(n for n in archive.namelist() if n.endswith("/compare-routes.html"))
        copy = archive.read(name).decode("utf-8")
    assert_accessible(copy)
    assert 'href="mediation.html"' in copy
    text = " ".join(re.sub(r"<[^>]+>", " ", copy).split())
    for limit in limits:
        assert limit in text
    booklet = pdf_words(site / "downloads" / "booklet.pdf")
    for limit in limits:
        assert shown_in_order(limit, booklet), limit
    assert shown_in_order("How the routes compare", booklet)
    for route_id, page in ROUTE_PAGES.items():
        name = next(r.name for r in routes if r.id == route_id)
        assert shown_in_order(f"How {name} differs from", pdf_words(site / "downloads" / f"{page}.pdf")), page


def pdf_words(path: Path) -> list[str]:
    """A PDF's words (lower case, no punctuation), without the hyphens WeasyPrint adds in broken words."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return words_of(re.sub(r"[\u2010-]\s+", "", text))


def words_of(text: str) -> list[str]:
    return [w for w in re.sub(r"[^\w\s]", " ", text.lower()).split() if w]


def shown_in_order(phrase: str, words: list[str], gap: int = 30) -> bool:
    """Whether the phrase's words appear in order, allowing a repeated table header between them
    (a cell that runs onto the next page)."""
    wanted = words_of(phrase)
    for start, word in enumerate(words):
        if word != wanted[0]:
            continue
        position, found = start, 1
        for target in wanted[1:]:
            window = words[position + 1 : position + 1 + gap]
            if target not in window:
                break
            position += 1 + window.index(target)
            found += 1
        if found == len(wanted):
            return True
    return False


# --- End-to-end: changed and broken data in real builds -------------------------------------


def _tables_text(html: str) -> str:
    start = [m.start() for m in re.finditer(r'<div class="routes-region"', html)]
    parts = [html[s:html.index("</table>", s)] for s in start]
    return " ".join(re.sub(r"<[^>]+>", " ", " ".join(parts)).split())


def test_one_changed_fact_changes_every_table_that_shows_it(site: Path, build_variant) -> None:
    old = "Within 30 days of the council being told you want mediation"
    new = "Within 45 days of the council being told you want mediation"
    showing = {
        name for name, html in html_pages(site).items()
        if "routes-region" in html and old.lower() in _tables_text(html).lower()
    }
    assert {"compare-routes/index.html", "mediation/index.html"} <= showing

    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "routes.yml"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        # The legal fact it names changes with it (the build refuses a time limit that disagrees).
        facts = project / "docs" / "data" / "legal_facts.yml"
        text = facts.read_text(encoding="utf-8")
        assert text.count("within 30 days of LA being told") == 1
        facts.write_text(text.replace("within 30 days of LA being told", "within 45 days of LA being told"),
                         encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    out = Path(result.args[result.args.index("--site-dir") + 1])
    for name in showing:
        text = _tables_text((out / name).read_text(encoding="utf-8")).lower()
        assert new.lower() in text and old.lower() not in text, name


def test_bad_data_fails_the_build_naming_file_route_and_field(build_variant) -> None:
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "routes.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        route_data(data, "mediation").pop("cost")
        route_data(data, "appeal")["time_limits"][0].pop("law")
        route_data(data, "complaint")["alongside"].append("ombudsman")
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode != 0
    assert "The route data (data/routes.yml in docs/) is wrong" in result.stderr
    assert re.search(r"routes\.yml:\d+: route 'mediation', field 'cost': is missing", result.stderr)
    assert re.search(r"routes\.yml:\d+: route 'appeal', field 'time_limits\[0\]': time limit has no source", result.stderr)
    assert re.search(r"routes\.yml:\d+: route 'complaint', field 'alongside': names unknown route id 'ombudsman'", result.stderr)


def test_bad_markers_and_missing_anchor_fail_the_build(build_variant) -> None:
    def edit(project: Path) -> None:
        page = project / "docs" / "mediation.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace("{{ routes.differences(mediation) }}", "{{ routes.differences(mediator) }}")
            + "\nSee {{ routes.time_limits }} inline.\n\n{{ routes.comparison(long) }}\n",
            encoding="utf-8",
        )
        data = project / "docs" / "data" / "routes.yml"
        data.write_text(
            data.read_text(encoding="utf-8").replace("appeals.md#school-exclusion-appeals", "appeals.md#exclusions"),
            encoding="utf-8",
        )

    result = build_variant(edit)
    assert result.returncode != 0
    lines = (PROJECT / "docs" / "mediation.md").read_text(encoding="utf-8").splitlines()
    marker_line = lines.index("{{ routes.differences(mediation) }}") + 1
    assert f"mediation.md:{marker_line}: {{{{ routes.differences(mediator) }}}}: 'mediator' is not a route id" in result.stderr
    assert "put the marker on a line of its own" in result.stderr
    assert "write {{ routes.comparison }} or {{ routes.comparison(short) }}" in result.stderr
    assert re.search(
        r"docs/data/routes\.yml:\d+: route 'exclusion-appeal', field 'page': appeals\.md has no heading "
        r"with the anchor '#exclusions'",
        result.stderr,
    )


@pytest.mark.browser
def test_tables_scroll_in_their_region_at_320_px(site_url: str, browser) -> None:
    """At 320 CSS px the page never scrolls sideways; the table's region does, and takes focus."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        for path in ("compare-routes/", "", "mediation/", "more-than-one-route/"):
            page.goto(site_url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        page.goto(site_url + "mediation/")
        region = page.locator(".routes-region").first
        assert region.evaluate("el => el.scrollWidth > el.clientWidth")
        region.focus()
        assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("How “Mediation” differs")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.querySelector('.routes-region').scrollLeft > 0")
    finally:
        page.close()


@pytest.mark.browser
def test_printed_tables_fit_an_a4_page(site_url: str, browser) -> None:
    """Printed from the browser on A4 (about 605 CSS px inside the margins), no table is cut off."""
    page = browser.new_page(viewport={"width": 605, "height": 900})
    try:
        page.emulate_media(media="print")
        for path in ("compare-routes/", "", "mediation/", "more-than-one-route/"):
            page.goto(site_url + path)
            sizes = page.evaluate(
                "[...document.querySelectorAll('.routes-region')]"
                ".map(r => [r.scrollWidth, r.clientWidth, r.getBoundingClientRect().right])"
            )
            assert sizes, path
            for scroll, client, right in sizes:
                assert scroll <= client and right <= 605, (path, scroll, client, right)
    finally:
        page.close()
