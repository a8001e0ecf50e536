""""Which route fits?": the flow's checks, and every path through the built finder."""

from __future__ import annotations

import posixpath
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from citations import parse as citations_parse
from citations import registry as citations_registry
from finder import check as finder_check
from finder import diagram as finder_diagram
from finder import flow as finder_flow
from finder import pages as finder_pages
from local import details as local_details
from routes import data as routes_data

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data"
FLOW_PATH = Path("docs/data/finder.yml")

GOOD = """\
title: Which route fits?
description: Find the routes that fit.
last_reviewed: 2026-11-28
review_interval_months: 12
start: first
intro: Answer a few questions.
questions:
  first:
    title: First question
    question: Is it about the school?
    answers:
      - answer: Yes
        next: second
      - answer: No
        next: done
  second:
    title: Second question
    question: Have you talked to the school?
    answers:
      - answer: Not yet
        next: done
      - answer: Yes, and I am still not happy
        next: other
results:
  done:
    title: Talk to the school
    summary: Talk to the school first.
    routes:
      - route: complaint
        why: Schools have a complaints procedure.
        first: Ask for it.
    help: We can help.
    not_covered: Exclusions.
  other:
    title: Make a complaint
    summary: Complain.
    routes:
      - route: complaint
        why: Schools have a complaints procedure (11.2).
        first: Ask for it.
        time_limits: [Complaint to LGSCO]
    help: We can help.
    not_covered: Exclusions.
"""

ROUTES = {"complaint": {"Complaint to LGSCO"}, "appeal": set()}


def citations() -> finder_check.CitationCheck:
    registry, _ = citations_registry.load(DATA / "code_of_practice.yml")
    return finder_check.citation_check(registry.edition())


def real_routes() -> dict[str, finder_pages.RouteInfo]:
    pages = {p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs").glob("**/*.md")}
    values, _ = local_details.load(PROJECT / "localities" / "wokingham" / "local.yml")
    plain = {k: v for k, v in local_details.LocalDetails(values).markers().items() if "](" not in v}
    routes, found = routes_data.load(
        DATA / "routes.yml", pages, plain, lambda text: ([c.text for c in citations_parse.find_in_text(text)], [])
    )
    assert found == []
    return finder_pages.route_info(routes)


def problems(text: str) -> list[str]:
    flow, found = finder_flow.parse(text, FLOW_PATH)
    if flow is not None and not found:
        found = finder_check.check(flow, ROUTES, citations())
    return [str(p) for p in found]


def test_good_flow_has_no_problems() -> None:
    assert problems(GOOD) == []


# (what is wrong, change to the good flow, words every message must contain)
BAD = [
    (
        "dangling answer",
        ("        next: other\n", "        next: nowhere\n"),
        ["question 'second', answer 'Yes, and I am still not happy'", "leads to 'nowhere'",
         "not a question or a result"],
    ),
    (
        "unreachable result",
        ("        next: other\n", "        next: done\n"),
        ["result 'other'", "cannot be reached from the start question 'first'"],
    ),
    (
        "loop",
        ("      - answer: Not yet\n        next: done\n", "      - answer: Not yet\n        next: first\n"),
        ["question 'second', answer 'Not yet'", "loop (first -> second -> first)"],
    ),
    (
        "dead end",
        (
            "      - answer: Not yet\n        next: done\n      - answer: Yes, and I am still not happy\n        next: other\n",
            "      []\n",
        ),
        ["question 'second'", "dead end"],
    ),
    (
        "unknown route",
        ("      - route: complaint\n        why: Schools have a complaints procedure (11.2).",
         "      - route: complaints\n        why: Schools have a complaints procedure (11.2)."),
        ["result 'other', route 'complaints'", "not in the route data", "use one of: appeal, complaint"],
    ),
    (
        "citation of an unknown paragraph in an answer",
        ("      - answer: Not yet\n", "      - answer: Not yet (11.200)\n"),
        ["question 'second', answer 'Not yet (11.200)'", "11.200"],
    ),
    (
        "malformed citation in a result",
        ("procedure (11.2).", "procedure (11..2)."),
        ["result 'other', route 'complaint'", "11..2"],
    ),
    (
        "time limit not in the route data",
        ("[Complaint to LGSCO]", "[Complaint to the ombudsman]"),
        ["result 'other', route 'complaint'", "time limit 'Complaint to the ombudsman'"],
    ),
    (
        "marker in an answer (answers are also link text in the diagram)",
        ("      - answer: Not yet\n", "      - answer: Not yet, ask {{ local.service }}\n"),
        ["question 'second', answer 'Not yet, ask {{ local.service }}'", "answer: has a {{ … }} marker"],
    ),
    (
        "start is not a question",
        ("start: first\n", "start: done\n"),
        ["start", "'done' is not a question"],
    ),
    (
        "misspelt key",
        ("        next: done\n  second:", "        nxt: done\n  second:"),
        ["question 'first', answer 'No'", "unknown key 'nxt'", "'next' is missing"],
    ),
    (
        "question id used twice",
        ("  second:\n", "  first:\n"),
        ["the key 'first' is here and on line"],
    ),
    (
        "same title twice (back links would be ambiguous)",
        ("title: Second question", "title: First question"),
        ["question 'second'", "title 'First question'"],
    ),
]


@pytest.mark.parametrize("what, change, expected", BAD, ids=[case[0] for case in BAD])
def test_bad_flow_is_reported_with_place(what: str, change: tuple[str, str], expected: list[str]) -> None:
    old, new = change
    assert old in GOOD, what
    found = problems(GOOD.replace(old, new, 1))
    assert found, what
    text = "\n".join(found)
    for words in expected:
        assert words in text, f"{what}: {words!r} not in:\n{text}"
    assert all(re.match(r"docs/data/finder\.yml:\d+: ", p) for p in found)


def test_every_problem_is_reported_in_one_run() -> None:
    bad = GOOD.replace("        next: other\n", "        next: nowhere\n").replace(
        "      - route: complaint\n        why: Schools have a complaints procedure.",
        "      - route: complain\n        why: Schools have a complaints procedure.",
    )
    found = problems(bad)
    assert any("leads to 'nowhere'" in p for p in found)
    assert any("route 'complain'" in p for p in found)
    assert any("result 'other'" in p and "cannot be reached" in p for p in found)


def test_problem_line_points_at_the_answer() -> None:
    bad = GOOD.replace("        next: other\n", "        next: nowhere\n")
    (problem,) = [p for p in problems(bad) if "nowhere" in p]
    line = int(problem.split(":")[1])
    assert bad.splitlines()[line - 1].strip() == "- answer: Yes, and I am still not happy"


def test_real_flow_is_valid_and_every_result_names_a_route() -> None:
    flow, found = finder_flow.load(DATA / "finder.yml")
    assert found == []
    routes = real_routes()
    known = {rid: set(route.time_limits) for rid, route in routes.items()}
    assert finder_check.check(flow, known, citations()) == []
    assert all(result.steps for result in flow.results.values())


def test_diagram_has_every_question_result_and_answer() -> None:
    flow, _ = finder_flow.parse(GOOD, FLOW_PATH)
    routes = {"complaint": finder_pages.RouteInfo("Make a complaint", "complaints.md", {})}
    text = finder_diagram.dot(flow, routes, lambda page: f"{page}/")
    for node in ("first", "second", "done", "other"):
        assert f'"{node}" [' in text
    assert '"second" -> "other" [label="Yes, and I am still not\\nhappy"]' in text
    assert finder_diagram.svg(text).lstrip().startswith(b"<?xml")


# --- the built site ---------------------------------------------------------------------------


class Page(HTMLParser):
    """The parts of a built page the finder tests read: headings, links by block, tables."""

    BLOCKS = ("finder-answers", "finder-routes", "finder-back")

    def __init__(self, html: str) -> None:
        super().__init__()
        self.h1 = 0
        self.tables: list[list[list[tuple[str, str]]]] = []  # table -> rows -> (tag, text) cells
        self._cell: list[str] | None = None
        self.links: dict[str, list[tuple[str, str]]] = {block: [] for block in self.BLOCKS}
        self._divs: list[str | None] = []
        self._href: str | None = None
        self._text: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "div":
            classes = (attributes.get("class") or "").split()
            self._divs.append(next((c for c in classes if c in self.BLOCKS), None))
        elif tag == "h1":
            self.h1 += 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("th", "td") and self.tables:
            self._cell = []
        elif tag == "a" and self.block:
            self._href, self._text = attributes.get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.tables[-1][-1].append((tag, " ".join("".join(self._cell).split())))
            self._cell = None
        elif tag == "div" and self._divs:
            self._divs.pop()
        elif tag == "a" and self._href is not None:
            self.links[self.block].append((self._href, " ".join("".join(self._text).split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._href is not None:
            self._text.append(data)

    @property
    def block(self) -> str | None:
        return next((d for d in reversed(self._divs) if d), None)


def resolve(site: Path, page: Path, href: str) -> Path:
    """The built file a relative link on ``page`` leads to."""
    assert not re.match(r"^[a-z]+:|^/", href), f"{page}: link {href} is not relative"
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), href.split("#")[0]))
    path = site / target
    return path / "index.html" if path.is_dir() or href.split("#")[0].endswith("/") else path


def route_pages() -> dict[str, set[str]]:
    """Route page (docs-relative, without anchor) -> names of the routes on it, from the route data."""
    data = yaml.safe_load((DATA / "routes.yml").read_text(encoding="utf-8"))
    pages: dict[str, set[str]] = {}
    for route in data["routes"]:
        pages.setdefault(route["page"].split("#")[0], set()).add(route["name"])
    return pages


def built(root: Path, docs_page: str, directory_urls: bool) -> Path:
    """The HTML file MkDocs writes for a docs-relative page."""
    if not directory_urls:
        return root / (docs_page.removesuffix(".md") + ".html")
    return root / docs_page.removesuffix(".md").removesuffix("index") / "index.html"


@pytest.fixture(scope="module")
def outputs(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, bool]]:
    """Each output's root folder and whether it uses directory URLs: the website and the offline copy."""
    (archive,) = sorted((site / "downloads").glob("*.zip"))
    dest = tmp_path_factory.mktemp("finder-offline")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(dest)
    homes = sorted(dest.rglob("index.html"), key=lambda p: len(p.parts))
    return {"site": (site, True), "offline": (homes[0].parent, False)}


@pytest.mark.parametrize("output", ["site", "offline"])
def test_every_path_from_the_start_ends_on_a_result_with_routes(
    outputs: dict[str, tuple[Path, bool]], output: str
) -> None:
    root, directory_urls = outputs[output]
    flow, _ = finder_flow.load(DATA / "finder.yml")
    route_files = {built(root, page, directory_urls).resolve(): names for page, names in route_pages().items()}
    start = built(root, "route-finder/index.md", directory_urls)
    first = Page(start.read_text(encoding="utf-8")).links["finder-answers"]
    assert [text for _, text in first] == ["Start now"]
    reached: set[Path] = set()
    paths = 0
    todo = [(resolve(root, start, first[0][0]), [start])]
    while todo:
        page, path = todo.pop()
        assert page.exists(), f"{' -> '.join(map(str, path))} -> {page}: link leads nowhere"
        assert page not in path, f"loop: {path + [page]}"
        parsed = Page(page.read_text(encoding="utf-8"))
        answers, routes = parsed.links["finder-answers"], parsed.links["finder-routes"]
        if answers:
            assert not routes
            todo.extend((resolve(root, page, href), path + [page]) for href, _ in answers)
            continue
        paths += 1
        reached.add(page)
        assert routes, f"{page}: a finder page with no answers names no route"
        for href, text in routes:
            target = resolve(root, page, href).resolve()
            assert target in route_files, f"{page}: '{text}' does not link to a route's page"
            assert text in route_files[target], f"{page}: link text '{text}' is not the route's name"
    assert reached == {built(root, f"route-finder/{rid}.md", directory_urls) for rid in flow.results}
    assert paths >= len(flow.results)


def test_finder_pages_have_one_heading_back_links_and_no_layout_tables(site: Path) -> None:
    pages = sorted((site / "route-finder").glob("**/index.html"))
    flow, _ = finder_flow.load(DATA / "finder.yml")
    assert len(pages) == 2 + len(flow.questions) + len(flow.results)
    for page in pages:
        parsed = Page(page.read_text(encoding="utf-8"))
        assert parsed.h1 == 1, page
        for table in parsed.tables:  # only the time limits, as data tables with a header row
            assert table[0] == [("th", "What"), ("th", "Time limit"), ("th", "Source")], page
        html = page.read_text(encoding="utf-8")
        assert html.count("<table") == html.count("<caption>Time limits"), page
        assert "<strong>Time limits:</strong>" not in html, page
        back = parsed.links["finder-back"]
        assert back, f"{page}: no back link"
        for href, text in back:
            assert text.startswith(("Back", "Start again")), (page, text)
            assert resolve(site, page, href).exists(), (page, href)


def test_question_with_one_parent_links_back_to_it(site: Path) -> None:
    flow, _ = finder_flow.load(DATA / "finder.yml")
    came_from = finder_check.parents(flow)
    single = [q for q in flow.questions if len(came_from.get(q, [])) == 1]
    assert single
    for qid in single:
        page = site / "route-finder" / qid / "index.html"
        (parent,) = came_from[qid]
        back = Page(page.read_text(encoding="utf-8")).links["finder-back"]
        assert (f"../{parent}/", f"Back to the previous question: {flow.questions[parent].title}") in back


def test_result_pages_give_time_limits_with_sources_and_help(site: Path) -> None:
    results = 0
    for page in (site / "route-finder").glob("*/index.html"):
        parsed = Page(page.read_text(encoding="utf-8"))
        if not parsed.links["finder-routes"]:
            continue
        results += 1
        text = " ".join(" ".join(parsed.text).split())
        steps = len(parsed.links["finder-routes"])
        assert text.count("Why it fits:") == steps and text.count("What to do first:") == steps - 1, page
        # Each route's time limits: a captioned table, or a sentence when there is none to list
        # (pages to read carry their own "Time limits explained: …" tables).
        assert text.count("Time limits: ") + text.count("Time limits for ") == steps, page
        # A clock already running comes first; then what to do first and its time limits, before
        # the list of routes.
        html = page.read_text(encoding="utf-8")
        content = " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<article"):]).split())
        first = content.index("What to do first")
        limits = min(i for i in (content.find("Time limits: ", first), content.find("Time limits for ", first))
                     if i >= 0)
        assert first < limits < content.index("The routes that fit"), page
        if "Time limits running now" in content:
            assert content.index("Time limits running now") < first, page
        assert "What this does not cover" in text, page
        assert "How SENDIASS can help" in text and "0118 908 8233" in text, page
        assert "{{" not in text, page
        for table in parsed.tables:
            for row in table[1:]:
                assert len(row) == 3 and all(text for _, text in row), (page, row)
    assert results
    limits = (site / "route-finder" / "register-appeal" / "index.html").read_text(encoding="utf-8")
    assert "rule 20(1)(c)" in limits


def test_start_page_is_in_the_nav_and_others_are_not(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    nav_link = re.search(r'<a href="route-finder/" class="md-nav__link">(.*?)</a>', home, re.S)
    assert nav_link and " ".join(re.sub(r"<[^>]+>", " ", nav_link[1]).split()) == "Which route fits?"
    assert 'href="route-finder/about/"' not in home


def test_staff_diagram_is_built_from_the_flow(site: Path) -> None:
    flow, _ = finder_flow.load(DATA / "finder.yml")
    dot = (site / "route-finder" / "flow.dot").read_text(encoding="utf-8")
    svg = (site / "route-finder" / "flow.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "http://" not in svg.replace("http://www.w3.org", "")
    for page_id in [*flow.questions, *flow.results]:
        assert f'"{page_id}" [' in dot
        assert f'href="{page_id}/index.html"' in svg


def test_bad_flow_fails_the_build_naming_question_and_answer(build_variant) -> None:
    def break_flow(project: Path) -> None:
        path = project / "docs" / "data" / "finder.yml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("        next: talk-to-school\n", "        next: talk-to-the-school\n", 1)
        text = text.replace("      - route: exclusion-appeal\n", "      - route: exclusions\n", 1)
        path.write_text(text, encoding="utf-8")

    done = build_variant(break_flow)
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert re.search(r"docs/data/finder\.yml:\d+: question 'spoken-to-school', answer 'No, not yet'", out)
    assert "leads to 'talk-to-the-school'" in out
    assert "result 'exclusion', route 'exclusions'" in out
    assert "result 'talk-to-school'" in out and "cannot be reached" in out
