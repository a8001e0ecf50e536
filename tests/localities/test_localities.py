"""One source, many services (issue 18): each service's site is built from its own folder, and no
output of one service holds another's details.

The fictional service (``tests/localities/fictional/``, reserved 01632 960xxx numbers and
``.example`` addresses) is built for real, PDFs included, by ``make sites``' code
(``hooks/build_all.py --sites``); Wokingham's output is the session's ``site`` fixture.
"""

from __future__ import annotations

import io
import os
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
from local import typed as local_typed
from localities import folders, sites

PROJECT = Path(__file__).resolve().parents[2]
FICTIONAL = Path(__file__).resolve().parent / "fictional"
WOKINGHAM_VALUES, _ = local_details.load(PROJECT / "localities" / "wokingham" / "local.yml")
FICTIONAL_VALUES, _ = local_details.load(FICTIONAL / "local.yml")
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
    text = sites.summary([sites.Built("one", 60, 8, 12.0), sites.Built("two", 0, 0, 1.0, "it broke")])
    assert "one" in text and " 60 " in text and "12.0s" in text
    assert "two" in text and "FAILED (it broke)" in text
    assert text.endswith("2 services in 13.0s")
