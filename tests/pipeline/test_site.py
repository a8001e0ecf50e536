"""The built website: every page, every fact of the leaflet, nothing from other hosts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from project import snapshot

PROJECT = Path(__file__).resolve().parents[2]

PAGES = {
    "index.html": "What if I do not agree with decisions about SEN provision?",
    "first-steps/index.html": "First steps: talk to the school",
    "getting-help/index.html": "Get help and support",
    "complaints/index.html": "Make a complaint",
    "disagreement-resolution/index.html": "Disagreement resolution",
    "mediation/index.html": "Mediation",
    "appeals/index.html": "Appeal to the First-tier Tribunal (SEND)",
    "more-than-one-route/index.html": "Using more than one route",
    "compare-routes/index.html": "Compare the routes",
    "contacts/index.html": "More information and contacts",
    "accessibility/index.html": "Accessibility statement",
    "privacy/index.html": "Privacy",
}

# Every fact of the source leaflet, and the page it must be on. Phrases are matched in the
# page's visible text (case and white space ignored), so wording can change but facts cannot.
LEAFLET_FACTS: list[tuple[str, str, list[str]]] = [
    ("contact phone", "contacts", ["0118 908 8233"]),
    ("contact email", "contacts", ["Sendiass@wokingham.gov.uk"]),
    ("service website", "contacts", ["www.sendiasswokingham.org.uk"]),
    ("Local Offer address", "contacts", ["www.wokingham.gov.uk/local-offer-for-0-25-year-olds-with-additional-needs"]),
    ("Local Offer contents", "contacts", ["resolving disagreements", "mediation", "making complaints", "right to appeal"]),
    ("Code of Practice address", "contacts", ["www.gov.uk/government/publications/send-code-of-practice-0-to-25"]),
    ("Tribunal address", "mediation", ["www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability"]),
    ("national organisations", "contacts", ["Coram Children's Legal Centre", "childrenslegalcentre.com", "IPSEA", "ipsea.org.uk", "Contact"]),
    ("chapter 11 topics", "contacts", ["complaints procedures", "disagreement resolution", "mediation advice"]),
    ("first step: who to talk to", "first-steps", ["teacher", "Special Educational Needs Coordinator (SENCO)", "headteacher"]),
    ("EHC plan: casework practitioner", "first-steps", ["SEN casework practitioner", "Wokingham Borough Council"]),
    ("help with meetings", "first-steps", ["prepare for a meeting", "come to the meeting with you"]),
    ("11.1 quotation", "first-steps", ["should be made jointly by providers, parents, and children and young people themselves"]),
    ("what next", "first-steps", ["make a complaint", "disagreement resolution", "mediation", "appeal against a decision"]),
    ("SENDIASS can (1)", "getting-help", ["listen to your concerns", "help you sort out the issues", "support you in meetings with professionals", "identify other people who can support you", "help you decide what to do next", "explain the law and your rights"]),
    ("SENDIASS can give you (2)", "getting-help", ["information about complaints procedures, disagreement resolution and mediation", "details of other organisations, support groups and information services", "rights to appeal to the First-tier Tribunal", "impartial advice and support through making a complaint"]),
    ("friend or relative", "getting-help", ["friend or relative"]),
    ("other groups", "getting-help", ["other local or national groups"]),
    ("complaints procedures and form", "complaints", ["complaints procedure", "form"]),
    ("complaint requirements", "complaints", ["speaking to the right people", "in writing", "\"complaint\"", "all the issues", "what you want to happen", "reasonable time"]),
    ("unhappy with outcome", "complaints", ["happy with the outcome", "not dealt with properly", "what to do next"]),
    ("complaints sections", "complaints", ["11.2", "11.67", "11.111"]),
    ("talking sorts most disagreements", "disagreement-resolution", ["Most disagreements can be sorted out by talking", "integrated care board"]),
    ("11.3 and 11.6 quotations", "disagreement-resolution", ["should be made as soon as possible", "must make disagreement resolution services available"]),
    ("three kinds of disagreement", "disagreement-resolution", ["three kinds of disagreement", "best endeavours", "SEN support", "Health or social care provision"]),
    ("five situations", "disagreement-resolution", ["during EHC needs assessments", "while EHC plans are drawn up", "while waiting for", "at review", "during reassessments"]),
    ("free, voluntary, confidential", "disagreement-resolution", ["free", "voluntary", "confidential", "independent"]),
    ("provider", "disagreement-resolution", ["Global Mediation", "trained mediator", "way forward that everyone accepts"]),
    ("disagreement resolution sections", "disagreement-resolution", ["11.6", "11.10"]),
    ("mediation is free and confidential", "mediation", ["type of disagreement resolution", "free and confidential"]),
    ("11.13 five decisions", "mediation", ["not to carry out an EHC needs assessment", "not to draw up an EHC plan", "final EHC plan or amended plan", "not to amend an EHC plan", "cease to maintain an EHC plan"]),
    ("mediation advice", "mediation", ["mediation advice", "first have to consider mediation"]),
    ("no mediation advice needed", "mediation", ["name of the school or college", "no school or other institution is named"]),
    ("council or health body must take part", "mediation", ["must take part", "integrated care board"]),
    ("30 days", "mediation", ["within 30 days"]),
    ("certificate within 3 working days", "mediation", ["certificate within 3 working days", "If you decide not to go to mediation"]),
    ("mediators", "mediation", ["trained and accredited", "independent"]),
    ("mediation sections", "mediation", ["11.13", "11.38"]),
    ("more than one route", "more-than-one-route", ["more than one route", "still make a complaint", "explain your rights"]),
    ("six appealable decisions", "appeals", ["not to carry out an EHC needs assessment or re-assessment", "not necessary to issue an EHC plan", "no school or other institution is specified", "an amendment to these elements", "not to amend an EHC plan following a review", "to cease to maintain an EHC plan"]),
    ("certificate before appeal", "appeals", ["mediation certificate"]),
    ("appeal sections", "appeals", ["11.39", "11.55"]),
    ("exclusion appeals", "appeals", ["school exclusion", "IPSEA", "Coram Children's Legal Centre"]),
]


class _Page(HTMLParser):
    """Visible text, headings and resource addresses of one HTML page."""

    HIDDEN = {"script", "style", "template"}
    LOADS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
             ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
             ("input", "src"), ("track", "src")}

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.h1: list[str] = []
        self.loads: list[str] = []
        self._hidden = 0
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")
        for element, attribute in self.LOADS:
            if tag == element and values.get(attribute):
                self.loads.append(values[attribute])
        if tag == "link" and values.get("href") and values.get("rel") not in {"canonical", "alternate"}:
            self.loads.append(values["href"])
        if values.get("srcset"):
            self.loads.extend(part.split()[0] for part in values["srcset"].split(","))
        if values.get("style") and "url(" in values["style"]:
            self.loads.extend(re.findall(r"url\(['\"]?([^'\")]+)", values["style"]))

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._hidden:
            return
        self.text.append(data)
        if self._in_h1:
            self.h1[-1] += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.mark.parametrize(("path", "heading"), PAGES.items())
def test_every_page_exists_with_one_h1(site, path, heading):
    page = parse(site / path)
    assert [normalise(h) for h in page.h1] == [normalise(heading)]


@pytest.mark.parametrize(("fact", "page", "phrases"), LEAFLET_FACTS, ids=[f[0] for f in LEAFLET_FACTS])
def test_every_leaflet_fact_is_on_its_page(site, fact, page, phrases):
    text = normalise(" ".join(parse(site / page / "index.html").text))
    missing = [phrase for phrase in phrases if normalise(phrase) not in text]
    assert not missing, f"{fact}: not on {page}: {missing}"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for path in html_files(site):
        for address in parse(path).loads:
            if urlsplit(address).scheme in {"http", "https"} or address.startswith("//"):
                offenders.append(f"{path.relative_to(site)}: {address}")
    assert offenders == []


def test_stylesheets_and_scripts_load_nothing_from_another_host(site):
    offenders = []
    for path in [*site.rglob("*.css"), *site.rglob("*.js")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?https?://", text):
            offenders.append(f"{path.relative_to(site)}: {text[match.start():match.start() + 60]}")
    assert offenders == []


def test_every_page_is_en_gb_and_reports_problems_by_email(site):
    local = yaml.safe_load((PROJECT / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8"))
    email = local["service"]["email"]
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        if "md-content" not in html or path.name == "404.html":  # not a page of content
            continue
        assert '<html lang="en-GB"' in html, path
        title = normalise(re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1))
        match = re.search(rf'href="mailto:{re.escape(email)}\?subject=([^"]+)">Report a problem with this page', html)
        assert match, f"{path}: no report link"
        subject = normalise(unquote(match.group(1))).removeprefix("problem with the page: ")
        assert subject and title.startswith(subject), path


def test_no_generator_credit_or_web_fonts(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


@pytest.mark.parametrize(
    ("key", "bad", "message"),
    [
        ("email", "sendiass-at-wokingham", "local detail 'service.email'"),
        ("phone", "0118 908", "local detail 'service.phone'"),
        ("website", "http://www.sendiasswokingham.org.uk", "local detail 'service.website'"),
    ],
)
def test_a_bad_local_detail_fails_the_build_naming_the_key(build_variant, key, bad, message):
    def edit(project: Path) -> None:
        path = project / "localities" / "wokingham" / "local.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["service"][key] = bad
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert message in output
    assert "local.yml:" in output


def test_an_unknown_marker_fails_the_build_naming_file_and_line(build_variant):
    def edit(project: Path) -> None:
        page = project / "docs" / "privacy.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nCall {{ local.fax }}.\n", encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode != 0
    lines = len((PROJECT / "docs" / "privacy.md").read_text(encoding="utf-8").splitlines())
    # the line in the file, front matter included
    assert f"privacy.md:{lines + 2}: {{{{ local.fax }}}}: unknown local detail 'fax'" in result.stderr


DATA_FILES = sorted(path.name for path in (PROJECT / "docs" / "data").glob("*.yml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_yaml_syntax_error_in_any_data_file_is_reported_with_file_and_line(build_variant, name):
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / name
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.insert(3, "broken: [this list is never closed")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = build_variant(edit)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    assert re.search(rf"{re.escape(name)}:\d+", output), output[-3000:]
    assert "YAML" in output


def test_a_failed_build_leaves_the_last_good_site_untouched(tmp_path):
    project = snapshot(tmp_path / "project")
    page = project / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ local.fax }}\n", encoding="utf-8")
    dest = tmp_path / "published" / "site"
    dest.mkdir(parents=True)
    (dest / "index.html").write_text("the last good site", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(project / "hooks" / "build_all.py"), str(dest)],
        capture_output=True, text=True, env={**os.environ, "SITE_SKIP_PDF": "1"},
    )

    assert result.returncode == 1
    assert "the last good site was left as it was" in result.stderr
    assert (dest / "index.html").read_text(encoding="utf-8") == "the last good site"
    # No half-written folders (reports/ is the staff review report's own folder beside the site,
    # .site.lock the build lock).
    assert sorted(p.name for p in dest.parent.iterdir() if p.name not in {"reports", ".site.lock"}) == ["site"]
