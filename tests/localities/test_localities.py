"""One source, many services (issue 18): each service's site is built from its own folder, and no
output of one service holds another's details.

The fictional service (``tests/localities/fictional/``, reserved 01632 960xxx numbers and
``.example`` addresses) is built for real, PDFs included, by ``make sites``' code
(``hooks/build_all.py --sites``); Wokingham's output is the session's ``site`` fixture.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from local import details as local_details
from local import extras as local_extras
from local import typed as local_typed
from localities import folders, sites
from weight import served

PROJECT = Path(__file__).resolve().parents[2]
FICTIONAL = Path(__file__).resolve().parent / "fictional"
WOKINGHAM_VALUES, _ = local_details.load(PROJECT / "localities" / "wokingham" / "local.yml")
FICTIONAL_VALUES, _ = local_details.load(FICTIONAL / "local.yml")
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
TEXT = {".html", ".xml", ".json", ".js", ".txt", ".csv", ".svg", ".css"}


@pytest.fixture(scope="module")
def fictional(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fictional service's site and its review reports, built as ``make sites`` builds one."""
    root = tmp_path_factory.mktemp("sites")
    env = {key: value for key, value in os.environ.items()
           if key not in (folders.ENV, "SITE_REPORTS_DIR", "SITE_SKIP_PDF")}
    done = subprocess.run(
        [sys.executable, str(PROJECT / "hooks" / "build_all.py"), "--sites", str(root / "sites"),
         "--locality", str(FICTIONAL.relative_to(PROJECT))],
        env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fictional" in done.stdout and "1 services in" in done.stdout, done.stdout
    return root / "sites" / "fictional", root / "reports" / "fictional"


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _squashed(text: str) -> str:
    """Text without spaces or hyphens: a printed address may be broken at the end of a line."""
    return re.sub(r"[\s-]", "", text)


def _text(name: str, data: bytes) -> str | None:
    """The words in one output file: text files, PDFs and Word documents; None for the rest."""
    suffix = Path(name).suffix
    if suffix == ".pdf":
        return _pdf_text(data)
    if suffix == ".docx":
        return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    return data.decode("utf-8") if suffix in TEXT else None


def outputs(site: Path, reports: Path) -> Iterator[tuple[str, str]]:
    """(where, words) for every file a build published, the offline zip's files and the reports."""
    for folder in (site, reports):
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as copy:
                    for name in copy.namelist():
                        if (words := _text(name, copy.read(name))) is not None:
                            yield f"{path.name}:{name}", words
            elif path.is_file() and (words := _text(path.name, path.read_bytes())) is not None:
                yield str(path.relative_to(folder.parent)), words


def assert_holds_none_of(site: Path, reports: Path, other: dict[str, str], own: dict[str, str]) -> None:
    """No output names the other service; and the check can see: the service's own phone is there."""
    kinds = {Path(where.split(":")[-1]).suffix for where, _ in outputs(site, reports)}
    assert {".html", ".json", ".pdf", ".docx", ".txt", ".csv"} <= kinds, kinds
    mixed = {where: [typed.written for typed in found]
             for where, words in outputs(site, reports) if (found := local_typed.find(words, other))}
    assert not mixed, mixed
    assert own["service.phone"] in (site / "index.html").read_text(encoding="utf-8")


def test_the_fictional_service_holds_no_detail_of_wokingham(fictional):
    site, reports = fictional
    assert (site / "search" / "search_index.json").is_file() and (site / "sitemap.xml").is_file()
    assert list((site / "downloads" / "letters").glob("*.docx")), "the letters were not built"
    assert_holds_none_of(site, reports, WOKINGHAM_VALUES, FICTIONAL_VALUES)


def test_wokingham_holds_no_detail_of_the_fictional_service(site):
    assert_holds_none_of(site, site.parent / "reports", FICTIONAL_VALUES, WOKINGHAM_VALUES)


def test_the_service_s_own_address_drives_canonical_links_sitemap_and_qr_codes(fictional, site):
    built, _ = fictional
    home = "https://help.exampleshire.example/"
    assert f'<link rel="canonical" href="{home}mediation/">' in (built / "mediation" / "index.html").read_text()
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{home}</loc>" in sitemap and "<loc>None" not in sitemap
    leaflet = _squashed(_pdf_text((built / "downloads" / "mediation.pdf").read_bytes()))
    assert _squashed("Scan this code to read this leaflet online: help.exampleshire.example/mediation") in leaflet
    # Wokingham gives no site.url: as before, no canonical link, and QR codes open its website.
    assert 'rel="canonical"' not in (site / "mediation" / "index.html").read_text(encoding="utf-8")
    wokingham = _squashed(_pdf_text((site / "downloads" / "mediation.pdf").read_bytes()))
    assert _squashed(f"Scan this code to go to the {WOKINGHAM_VALUES['service.name']} website") in wokingham


def test_who_reviews_the_pages_is_in_the_service_s_review_report(fictional, site):
    _, reports = fictional
    assert FICTIONAL_VALUES["review.by"] in (reports / "review-report.json").read_text(encoding="utf-8")
    assert "reviewed_by" not in (site.parent / "reports" / "review-report.json").read_text(encoding="utf-8")


def test_a_missing_required_value_fails_naming_file_key_and_line(build_variant, monkeypatch):
    lines = (FICTIONAL / "local.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    council = lines.index("council:\n") + 1

    def edit(project: Path) -> None:
        folder = project / "localities" / "broken"
        folder.mkdir()
        (folder / "local.yml").write_text(
            "".join(line for line in lines if "Exampleshire County Council" not in line), encoding="utf-8")

    monkeypatch.setenv(folders.ENV, "broken")
    result = build_variant(edit)
    assert result.returncode != 0
    assert (f"localities/broken/local.yml:{council}: local detail 'council.name' is missing or empty"
            in result.stderr), result.stderr


def test_an_unknown_service_is_refused_naming_the_services_there_are(build_variant, monkeypatch):
    monkeypatch.setenv(folders.ENV, "nowhere")
    result = build_variant(lambda project: None)
    assert result.returncode != 0
    assert "there is no service 'nowhere'" in result.stderr and "(wokingham)" in result.stderr, result.stderr


def test_the_default_service_is_named_in_one_small_file():
    assert folders.default_id(PROJECT) == "wokingham"
    assert folders.details_file(PROJECT, {}) == PROJECT / "localities" / "wokingham" / "local.yml"
    assert folders.details_file(PROJECT, {folders.ENV: "tests/localities/fictional"}) == FICTIONAL / "local.yml"
    assert "wokingham" in folders.ids(PROJECT)


def test_the_summary_names_each_service_its_pages_pdfs_and_time():
    text = sites.summary([sites.Built("one", 60, 8, 12.0), sites.Built("two", 0, 0, 1.0, "it broke")], 12.5)
    assert "one" in text and " 60 " in text and "12.0s" in text
    assert "two" in text and "FAILED: it broke" in text
    assert text.endswith("2 services in 12.5s")  # the time all took: two build at once


def _nav_titles(page: Path) -> list[str]:
    return re.findall(r'md-ellipsis">\s*([^<]*?)\s*<', page.read_text(encoding="utf-8"))


def test_the_service_s_logo_colour_and_own_page_are_in_its_site_only(fictional, site):
    built, _ = fictional
    assert (built / "assets" / "local" / "logo.svg").read_bytes() == (FICTIONAL / "logo.svg").read_bytes()
    home = (built / "index.html").read_text(encoding="utf-8")
    assert '<img src="assets/local/logo.svg"' in home
    assert "--md-primary-fg-color:#5a2d82;" in home
    titles = _nav_titles(built / "contacts" / "index.html")
    assert titles[titles.index("Drop-in sessions") - 1] == "About this information", titles  # Contacts' last heading
    assert titles.index("Drop-in sessions") < titles.index("Glossary")
    page = (built / "drop-in-sessions" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Drop-in sessions" in page and FICTIONAL_VALUES["service.phone"] in page
    assert "drop-in-sessions/" in (built / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Drop-in sessions" in _pdf_text((built / "downloads" / "booklet.pdf").read_bytes())
    (archive,) = (built / "downloads").glob("*.zip")
    with zipfile.ZipFile(archive) as copy:
        assert any(name.endswith("drop-in-sessions.html") for name in copy.namelist())  # no folders offline
        assert any(name.endswith("assets/local/logo.svg") for name in copy.namelist())
    # Wokingham gives none of these: Material's icon, the site's own colour, no extra page.
    assert not (site / "assets" / "local").exists() and not (site / "drop-in-sessions").exists()
    assert "[data-md-color-scheme][data-md-color-scheme]{" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_service_s_colour_and_logo_show_and_its_page_passes_axe(fictional, browser):
    built, _ = fictional
    with served(built) as url:
        for scheme in ("light", "dark"):
            tab = browser.new_page(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
            tab.goto(url + "drop-in-sessions/", wait_until="load")
            tab.evaluate("Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
            header = tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            assert header == "rgb(90, 45, 130)", (scheme, header)
            assert tab.evaluate("document.querySelector('.md-header img').naturalWidth") > 0
            tab.add_script_tag(path=str(AXE))
            found = tab.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                                 "['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']}})")
            assert not [v["id"] for v in found["violations"]], (scheme, found["violations"])
            tab.close()


def test_the_service_s_header_and_page_are_valid_html(fictional):
    """The Nu Html Checker on the pages that show the logo, the colour and the service's page."""
    built, _ = fictional
    vnu = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    pages = [built / "index.html", built / "drop-in-sessions" / "index.html", built / "contacts" / "index.html"]
    done = subprocess.run([shutil.which("java") or "java", "-jar", str(vnu), "--format", "json",
                           "--exit-zero-always", *map(str, pages)], capture_output=True, text=True, check=True)
    errors = [m for m in json.loads(done.stderr)["messages"] if m["type"] in ("error", "non-document-error")]
    assert not errors, errors


def test_a_wrong_logo_colour_or_page_is_named_at_its_line_all_in_one_run(build_variant, monkeypatch):
    details = (FICTIONAL / "local.yml").read_text(encoding="utf-8").split("brand:")[0] + """brand:
  logo: logo.svg
  colour: "#cccccc"
pages:
  - title: Missing
    file: pages/missing.md
  - title: Taken
    file: appeals.md
  - title: Where a folder is
    file: letters.md
"""

    def edit(project: Path) -> None:
        folder = project / "localities" / "broken"
        folder.mkdir()
        (folder / "local.yml").write_text(details, encoding="utf-8")
        (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
        (folder / "appeals.md").write_text("# Appeals\n", encoding="utf-8")
        (folder / "letters.md").write_text("# Letters\n", encoding="utf-8")

    monkeypatch.setenv(folders.ENV, "broken")
    result = build_variant(edit)
    lines = details.splitlines()
    expected = [
        ("  logo: logo.svg", "'brand.logo' 'logo.svg' holds a <script>"),
        ('  colour: "#cccccc"', "'brand.colour' '#cccccc' is too light"),
        ("    file: pages/missing.md", "'pages[1].file' 'pages/missing.md' is not a file"),
        ("    file: appeals.md", "'pages[2].file' 'appeals.md' is published as 'appeals/', which the site already has"),
        ("    file: letters.md", "'pages[3].file' 'letters.md' is published as 'letters/', which the site already has"),
    ]
    assert result.returncode != 0
    for line, message in expected:
        at = f"localities/broken/local.yml:{lines.index(line) + 1}: local detail {message}"
        assert at in result.stderr, result.stderr


@pytest.mark.parametrize(("colour", "ratio"), [("#ffffff", 1.0), ("#000000", 21.0), ("#1d3f72", 10.5),
                                               ("#767676", 4.5)])
def test_contrast_is_the_wcag_ratio(colour, ratio):
    assert round(local_extras.contrast("#ffffff", colour), 1) == ratio


def test_an_svg_logo_names_every_thing_it_may_not_hold(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onclick="x()">'
                                       '<a href="https://evil.example/"><script>1</script></a></svg>')
    wrong = local_extras._logo(tmp_path, "logo.svg")[1]
    assert "has an event handler (onclick)" in wrong and "links to 'https://evil.example/'" in wrong
    assert "holds a <script> element" in wrong


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/p)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
    '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    '<html/>',
    # found by a review: animations that set a link, CSS in a tail, escapes, XHTML inside
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style><x/>@import "https://evil.example/a.css";</style></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:\\75 rl(https://evil.example/p)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:image-set(\'https://evil.example/p\' 1x)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="https://evil.example/i"/></svg>',
    '<svg><rect/></svg>',
])
def test_an_svg_logo_may_only_draw(tmp_path, svg):
    (tmp_path / "logo.svg").write_text(svg, encoding="utf-8")
    assert local_extras._logo(tmp_path, "logo.svg")[1]
    (tmp_path / "fine.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
                                       '<rect fill="url(#g)"/><use href="#g"/></svg>', encoding="utf-8")
    assert local_extras._logo(tmp_path, "fine.svg") == (tmp_path / "fine.svg", None)


BUILD_ONE = """
import os, sys, time
from pathlib import Path
name = os.environ["SITE_LOCALITY"]
print(f"{name}: started {time.time()!r}", flush=True)
time.sleep(0.5)
if name == "broken":
    print("Build failed: the website did not build", flush=True)
    sys.exit(1)
site = Path(sys.argv[1])
(site / "downloads").mkdir(parents=True)
(site / "index.html").write_text("<p>hi</p>")
print(f"{name}: ended {time.time()!r}", flush=True)
"""


def test_make_sites_builds_two_at_once_and_prints_each_build_whole(tmp_path, capfd):
    project = tmp_path / "project"
    for name in ("alpha", "broken", "gamma"):
        (project / "localities" / name).mkdir(parents=True)
        (project / "localities" / name / "local.yml").write_text("service: {}\n")

    def start_one(dest, env, log):
        return subprocess.Popen([sys.executable, "-c", BUILD_ONE, str(dest)], env=env, stdout=log,
                                stderr=subprocess.STDOUT)

    results = sites.build_every(tmp_path / "sites", project, start_one, "SITE_REPORTS_DIR",
                                ["alpha", "broken", "nowhere", "gamma"], workers=2)
    assert [(b.locality, b.pages, b.failed) for b in results] == [
        ("alpha", 1, None), ("broken", 0, "Build failed: the website did not build"),
        ("nowhere", 0, results[2].failed), ("gamma", 1, None)]
    assert "there is no service 'nowhere'" in results[2].failed
    lines = capfd.readouterr().out.splitlines()
    times = {line.split(":")[0] + " " + line.split()[1]: float(line.split()[2]) for line in lines
             if line.split()[1:2] in (["started"], ["ended"])}
    assert times["broken started"] < times["alpha ended"], "the first two did not build at once"
    for name in ("alpha", "gamma"):  # each build's messages together, not mixed with another's
        start = lines.index(next(line for line in lines if line.startswith(f"{name}: started")))
        assert lines[start + 1].startswith(f"{name}: ended")


def test_a_misspelt_key_or_section_is_named_with_what_was_meant(tmp_path):
    """A misspelt optional key would otherwise be left out without a word (found by a staff
    walkthrough: 'openinghours:' made the opening hours vanish)."""
    text = (FICTIONAL / "local.yml").read_text(encoding="utf-8")
    text = text.replace("  opening_hours:", "  openinghours:").replace("brand:", "brnad:")
    (tmp_path / "local.yml").write_text(text, encoding="utf-8")
    _, problems = local_details.load(tmp_path / "local.yml")
    lines = text.splitlines()
    found = [str(problem) for problem in problems]
    at = lines.index(next(line for line in lines if "openinghours:" in line)) + 1
    assert any(f":{at}: local detail 'service.openinghours' is not a detail the site knows "
               "(did you mean 'opening_hours'?)" in p for p in found), found
    assert any(f":{lines.index('brnad:') + 1}: 'brnad' is not a section the site knows (did you mean 'brand'?)" in p
               for p in found), found


def test_an_unquoted_colour_or_a_misspelt_logo_is_named_not_ignored(tmp_path):
    """Unquoted, # starts a YAML comment: the colour was empty and the site kept its own."""
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "local.yml").write_text("brand:\n  logo: logp.svg\n  colour: #00594f\n", encoding="utf-8")
    extras, problems = local_extras.load(tmp_path / "local.yml", set())
    found = [str(problem) for problem in problems]
    assert extras.colour is None and extras.logo is None
    assert any(":2: local detail 'brand.logo' 'logp.svg' is not a file in" in p and "(did you mean 'logo.svg'?)" in p
               for p in found), found
    assert any(":3: local detail 'brand.colour' is empty" in p and "in quotes" in p for p in found), found


@pytest.mark.parametrize("written", ["a\0b.svg", "x" * 300 + ".svg", "pages"])
def test_an_impossible_logo_name_is_not_a_file_and_no_traceback(tmp_path, written):
    (tmp_path / "pages").mkdir()
    assert "is not a file in" in local_extras._logo(tmp_path, written)[1]


@pytest.mark.parametrize("brand", ["[]", "0", "''"])
def test_a_brand_that_is_not_its_details_is_named(tmp_path, brand):
    (tmp_path / "local.yml").write_text(f"brand: {brand}\n", encoding="utf-8")
    _, problems = local_extras.load(tmp_path / "local.yml", set())
    assert any("'brand' must hold 'logo:' and 'colour:'" in str(problem) for problem in problems)


def test_a_page_may_not_take_the_deadline_tables_folder():
    assert "deadline-tables.md" in local_extras.taken_names(PROJECT / "docs", [])
