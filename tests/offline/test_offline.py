"""The offline copy: a zip of the whole site that works from disk, search included, with no network."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from print import downloads
from offline import copy as offline
from safety import loads

PROJECT = Path(__file__).resolve().parents[2]

# --- Unit checks on the module -------------------------------------------------------------


@pytest.mark.parametrize(
    ("languages", "needed"),
    [
        (["en"], set()),
        (["de"], {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}),
        (
            ["en", "fr"],
            {"min/lunr.fr.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"},
        ),
        (["ja"], {"tinyseg.js", "min/lunr.ja.min.js", "min/lunr.stemmer.support.min.js"}),
        (["th"], {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}),
    ],
)
def test_lunr_files_needed(languages: list[str], needed: set[str]) -> None:
    assert offline.lunr_files_needed(languages) == needed


def make_copy(folder: Path) -> Path:
    """A small built copy with the things the offline copy leaves out."""
    files = {
        "index.html": "<p>Home</p>",
        offline.START_FILE: offline.start_page("Test site"),
        "assets/javascripts/bundle.js": "1",
        "assets/javascripts/bundle.js.map": "{}",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
        "assets/javascripts/lunr/tinyseg.js": "t",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "",
        "404.html": "<p>Not found</p>",
        "search/search_index.js": "var __index = {}",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_strip_leaves_only_what_is_used_offline(tmp_path: Path) -> None:
    copy = make_copy(tmp_path / "copy")
    offline.strip(copy, ["en"])
    left = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file())
    assert left == [offline.START_FILE, "assets/javascripts/bundle.js", "index.html", "search/search_index.js"]
    assert not (copy / offline.LUNR).exists()


def test_strip_keeps_the_files_another_search_language_needs(tmp_path: Path) -> None:
    copy = make_copy(tmp_path / "copy")
    offline.strip(copy, ["de"])
    assert sorted(p.name for p in (copy / offline.LUNR).rglob("*") if p.is_file()) == [
        "lunr.de.min.js",
        "lunr.stemmer.support.min.js",
    ]


def test_pack_is_deterministic_with_the_start_file_on_top(tmp_path: Path) -> None:
    copy = make_copy(tmp_path / "copy")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    offline.pack(copy, first)
    (copy / "index.html").touch()  # a new modification time must not change the zip
    offline.pack(copy, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {name.split("/")[0] for name in names} == {offline.START_FILE, offline.SITE_FOLDER}
        assert all(info.date_time == offline.ZIP_TIME for info in archive.infolist())


def test_start_page_opens_the_home_page() -> None:
    page = offline.start_page("Tom & Jerry")
    assert 'content="0; url=site/index.html"' in page
    assert '<a href="site/index.html">' in page
    assert "Tom &amp; Jerry" in page


def test_fill_size_replaces_every_token(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(f"<a>zip, {offline.SIZE_TOKEN}</a>", encoding="utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(offline.SIZE_TOKEN, encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>nothing</p>", encoding="utf-8")
    changed = offline.fill_size(tmp_path, "1.2 MB")
    assert [p.name for p in changed] == ["a.html", "search_index.json"]
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "<a>zip, 1.2 MB</a>"


def test_download_section_on_the_website_and_in_the_copy() -> None:
    website = offline.download_section(False, "x.zip", "2 MB", None)
    assert '<a href="x.zip">Download the offline copy (zip file, 2 MB)</a>' in website
    assert '"Start here"' in website
    copy = offline.download_section(True, "x.zip", "2 MB", "https://example.org/")
    assert copy.startswith('!!! note "You are using the offline copy"')
    assert "x.zip" not in copy and "<https://example.org/>" in copy


# --- The real build ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def zip_path(site: Path) -> Path:
    return site / offline.ZIP_URL


@pytest.fixture(scope="session")
def unzipped(zip_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy as someone would unzip it."""
    folder = tmp_path_factory.mktemp("offline") / "sen-disagreements-offline"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder


def website_pages(site: Path) -> list[str]:
    """Every page of the website (a folder with an index.html), by its folder: "mediation"."""
    return sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))


def offline_page_exists(root: Path, folder: str) -> bool:
    """Directory URLs off: mediation.md is mediation.html, finder/index.md stays finder/index.html."""
    return folder == "." and (root / "index.html").is_file() or (
        (root / f"{folder}.html").is_file() or (root / folder / "index.html").is_file()
    )


def test_zip_holds_every_page_and_every_pdf(site: Path, unzipped: Path) -> None:
    root = unzipped / offline.SITE_FOLDER
    assert sorted(p.name for p in unzipped.iterdir()) == [offline.START_FILE, offline.SITE_FOLDER]
    missing = [page for page in website_pages(site) if not offline_page_exists(root, page)]
    assert not missing, f"pages missing from the offline copy: {missing}"
    pdfs = sorted(p.relative_to(site) for p in site.rglob("*.pdf"))
    assert pdfs, "the website has no PDF leaflets to put in the offline copy"
    for pdf in pdfs:
        assert (root / pdf).read_bytes() == (site / pdf).read_bytes(), f"{pdf} differs in the offline copy"


def test_zip_has_no_source_maps_or_other_search_languages(zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert not [name for name in names if name.endswith(".map")]
    assert not [name for name in names if f"/{offline.LUNR}/" in name]
    assert f"{offline.SITE_FOLDER}/{offline.SHIM_URL}" in names
    assert f"{offline.SITE_FOLDER}/search/search_index.js" in names


def test_zip_is_deterministic(zip_path: Path, unzipped: Path, tmp_path: Path) -> None:
    """Packing the unzipped files again gives the very same bytes."""
    copy = tmp_path / "copy"
    for path in unzipped.rglob("*"):
        if path.is_file():
            relative = path.relative_to(unzipped)
            if relative.parts[0] == offline.SITE_FOLDER:
                relative = relative.relative_to(offline.SITE_FOLDER)
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            (copy / relative).write_bytes(path.read_bytes())
    again = tmp_path / "again.zip"
    offline.pack(copy, again)
    assert again.read_bytes() == zip_path.read_bytes()


def test_shim_is_the_pinned_npm_package(unzipped: Path) -> None:
    shipped = unzipped / offline.SITE_FOLDER / offline.SHIM_URL
    assert shipped.read_bytes() == (PROJECT / offline.SHIM_SOURCE).read_bytes()
    assert '"iframe-worker": "1.0.4"' in (PROJECT / "package.json").read_text(encoding="utf-8")


def test_nothing_in_the_copy_loads_from_another_host(unzipped: Path) -> None:
    assert loads.in_folder(unzipped) == []
    for page in (unzipped / offline.SITE_FOLDER).glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, page.name
        assert offline.SIZE_TOKEN not in text, page.name


def test_website_links_to_the_zip_with_its_size(site: Path, zip_path: Path) -> None:
    size = downloads.human_size(zip_path.stat().st_size)
    link = re.compile(rf'<a href="([^"]*{re.escape(offline.ZIP_NAME)})">[^<]*\(zip file, {re.escape(size)}\)</a>')
    pages = sorted(site.rglob("index.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert offline.SIZE_TOKEN not in text, page
        hrefs = link.findall(text)
        assert hrefs, f"{page.relative_to(site)} has no link to the offline copy with its size"
        for href in hrefs:
            assert (page.parent / href).resolve() == zip_path.resolve(), f"{page}: {href}"
    download_page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert len(link.findall(download_page)) == 2, "the download page links to the zip in its text and footer"
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert offline.SIZE_TOKEN not in index


def test_copy_says_it_is_the_offline_copy(unzipped: Path) -> None:
    download_page = (unzipped / offline.SITE_FOLDER / "downloads.html").read_text(encoding="utf-8")
    assert "You are using the offline copy" in download_page
    assert offline.ZIP_NAME not in download_page


def test_website_itself_does_not_load_the_shim(site: Path) -> None:
    assert not (site / offline.SHIM_URL).exists()
    assert "iframe-worker" not in (site / "index.html").read_text(encoding="utf-8")


def add_to_home(text: str):  # noqa: ANN201 - an edit for build_variant
    def edit(project: Path) -> None:
        page = project / "docs" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")

    return edit


def test_offline_build_fails_on_a_page_that_loads_from_another_host(
    build_variant, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    monkeypatch.setenv("SITE_OFFLINE", "true")
    result = build_variant(add_to_home('<img src="https://example.org/picture.png" alt="A picture">'))
    assert result.returncode != 0
    assert re.search(r"index\.md:\d+ \(built as index\.html, line \d+\)", result.stderr)
    assert "loads https://example.org/picture.png from another host" in result.stderr


def test_offline_build_fails_clearly_without_the_shim(build_variant, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SITE_OFFLINE", "true")
    result = build_variant(lambda project: (project / "node_modules").unlink())
    assert result.returncode != 0
    assert "iframe-worker shim" in result.stderr and "npm ci" in result.stderr


def test_unknown_offline_marker_is_reported(build_variant) -> None:  # noqa: ANN001
    result = build_variant(add_to_home("Size: {{ offline.size }}"))
    assert result.returncode != 0
    lines = len((PROJECT / "docs" / "index.md").read_text(encoding="utf-8").splitlines())
    assert f"index.md:{lines + 2}: {{{{ offline.size }}}}: unknown offline marker" in result.stderr


# --- In a real browser, from file://, with the network blocked -----------------------------


class Recorder:
    """Every request other than ``file:`` is blocked and kept; console errors are kept too."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []

    def route(self, route) -> None:  # noqa: ANN001 - a Playwright Route
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def request(self, request) -> None:  # noqa: ANN001 - a Playwright Request
        if not request.url.startswith(("file:", "data:", "blob:", "about:")):
            self.blocked.append(request.url)


@pytest.fixture
def offline_page(browser, unzipped: Path) -> Iterator[tuple[object, Recorder]]:  # noqa: ANN001
    """A page in a fresh browser context that may load ``file:`` URLs and nothing else."""
    recorder = Recorder()
    context = browser.new_context(bypass_csp=False)  # the copy's own policy applies
    context.route("**/*", recorder.route)
    context.on("request", recorder.request)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and recorder.errors.append(message.text))
    page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    yield page, recorder
    context.close()


def open_start(page, unzipped: Path) -> None:  # noqa: ANN001
    page.goto((unzipped / offline.START_FILE).as_uri())
    page.wait_for_url("**/" + offline.SITE_FOLDER + "/index.html")


def file_path(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


@pytest.mark.browser
def test_every_page_opens_from_disk_with_no_errors(offline_page, unzipped: Path) -> None:  # noqa: ANN001
    page, recorder = offline_page
    open_start(page, unzipped)
    root = (unzipped / offline.SITE_FOLDER).resolve()
    queue, seen, broken = [page.url], set(), []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        assert page.locator("h1").first.is_visible(), f"{url} shows no heading"
        assert not recorder.errors, f"{url}: console errors {recorder.errors}"
        hrefs = page.locator("a[href]").evaluate_all("links => links.map(link => link.href)")
        for href in hrefs:
            if not href.startswith("file:"):
                continue
            target, fragment = urldefrag(href)
            path = file_path(target)
            if not path.is_file():
                broken.append(f"{url} -> {href}")
            elif path.suffix == ".html" and root in path.resolve().parents and target not in seen:
                queue.append(target)
            if fragment and path.suffix == ".html" and path.is_file():
                text = path.read_text(encoding="utf-8")
                if f'id="{fragment}"' not in text:
                    broken.append(f"{url} -> {href} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken)
    pages = {file_path(url).resolve().relative_to(root).as_posix() for url in seen}
    expected = {p.relative_to(root).as_posix() for p in root.rglob("*.html")}
    assert pages == expected, f"pages no link leads to: {sorted(expected - pages)}"
    assert recorder.blocked == [], f"the offline copy tried to reach the network: {recorder.blocked}"


@pytest.mark.browser
@pytest.mark.parametrize(("query", "target"), [("mediation", "mediation.html"), ("complaint", "complaints.html")])
def test_search_works_from_disk(offline_page, unzipped: Path, query: str, target: str) -> None:  # noqa: ANN001
    page, recorder = offline_page
    open_start(page, unzipped)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(link => link.href)")
    matching = [href for href in hrefs if file_path(urldefrag(href)[0]).name == target]
    assert matching, f"searching {query!r} found {hrefs}, not {target}"
    results.nth(hrefs.index(matching[0])).click()
    page.wait_for_url(f"**/{target}*")
    assert query in page.locator("article").inner_text().lower()
    assert not recorder.errors, recorder.errors
    assert recorder.blocked == [], f"the offline copy tried to reach the network: {recorder.blocked}"


@pytest.mark.browser
def test_a_pdf_link_leads_to_a_pdf_in_the_copy(offline_page, unzipped: Path) -> None:  # noqa: ANN001
    page, recorder = offline_page
    page.goto((unzipped / offline.SITE_FOLDER / "downloads.html").as_uri())
    hrefs = page.locator("article a[href$='.pdf']").evaluate_all("links => links.map(link => link.href)")
    assert hrefs, "the offline download page links to no PDF"
    pdf = file_path(hrefs[0])
    assert pdf.is_file(), hrefs[0]
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert not recorder.errors, recorder.errors
    assert recorder.blocked == [], f"the offline copy tried to reach the network: {recorder.blocked}"
