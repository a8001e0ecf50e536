"""The pages from decision to hearing (issue 17): where they are, what they say, and axe in Chromium.

The full accessibility suite (tests/a11y/) checks every page; this runs axe on the new pages
and the letters only, so their problems show up on their own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["registering-an-appeal.md", "the-hearing.md", "late-appeals.md", "national-help.md"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
GOV_UK = "https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability"


def nav_files() -> list[str]:
    """Every page file in mkdocs.yml's nav, in order."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r"^\s*- (?:[^:\n]+: )?([\w/.-]+\.md)\s*$", text, re.MULTILINE)


def front_matter(page: str) -> dict:
    text = (PROJECT / "docs" / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_new_pages_come_after_appeal_to_the_tribunal():
    order = nav_files()
    start = order.index("appeals.md")
    assert order[start + 1:start + 1 + len(PAGES)] == PAGES


@pytest.mark.parametrize("page", PAGES)
def test_new_pages_were_reviewed_on_the_day_they_were_written(page):
    assert str(front_matter(page)["last_reviewed"]) == "2026-12-02"


def test_registering_links_the_gov_uk_page_and_both_forms(site):
    html = (site / "registering-an-appeal" / "index.html").read_text(encoding="utf-8")
    assert f'href="{GOV_UK}"' in html
    assert "SEND35</strong>" in html and "SEND35a</strong>" in html
    assert "30 working days" in html


def test_late_appeals_explains_the_christmas_and_august_rule(site):
    html = (site / "late-appeals" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "first working day after 1 January" in text
    assert "first working day after 31 August" in text
    assert "by 5pm on the last day" in text


def test_national_help_gives_websites_and_no_unconfirmed_phone_numbers(site):
    html = (site / "national-help" / "index.html").read_text(encoding="utf-8")
    main = html[html.index("<h1"):html.index("</article>")]
    for address in ("https://www.ipsea.org.uk", "https://contact.org.uk", "https://sossen.org.uk",
                    "https://childlawadvice.org.uk"):
        assert f'href="{address}"' in main
    phones = set(re.findall(r"\b0\d{3} ?\d{3} ?\d{4}\b", re.sub(r"<[^>]+>", "", main)))
    assert phones <= {"0118 908 8233"}, phones  # only the service's own number (local.yml)


@pytest.mark.browser
def test_new_pages_and_letters_pass_axe(browser, site, site_url):
    addresses = [page.removesuffix(".md") + "/" for page in PAGES]
    addresses += ["letters/"] + [f"letters/{p.name}/" for p in sorted((site / "letters").iterdir()) if p.is_dir()]
    problems = []
    for width in (1280, 320):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": width, "height": 800})
            context.add_init_script("try { localStorage.clear(); } catch (e) {}")
            tab = context.new_page()
            tab.emulate_media(color_scheme=scheme)
            for address in addresses:
                tab.goto(site_url + address, wait_until="load")
                tab.add_script_tag(path=str(AXE))
                results = tab.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
                problems += [f"{address} ({width}px, {scheme}): {v['id']}: {v['help']}"
                             for v in results["violations"]]
            context.close()
    assert not problems, "\n".join(problems)


def _text(site: Path, page: str) -> str:
    html = (site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


@pytest.mark.parametrize("page", ["registering-an-appeal.md", "late-appeals.md"])
def test_the_certificate_month_is_not_offered_to_appeals_only_about_the_school(site: Path, page: str) -> None:
    """Legal review H2/M6: the clock runs from when the letter was sent; no extra month for an
    appeal only about the school or college named."""
    text = _text(site, page)
    assert "within 2 months after the council sent you its decision letter" in text
    assert "An appeal only about the school or college named does not get this extra month" in text
    assert "date on the certificate" not in text


def test_evidence_does_not_hold_back_the_appeal(site: Path) -> None:
    """Legal review M7: reports can follow; only missing required papers return the form."""
    text = _text(site, "registering-an-appeal.md")
    assert "Do not wait for reports before you send your appeal" in text
    assert "until the Tribunal has everything" not in text
    assert "SEND4A" not in text  # a form number no public source confirmed


def test_christmas_and_august_rule_is_for_appeals_only(site: Path) -> None:
    """Legal review M9."""
    text = _text(site, "late-appeals.md")
    assert "They do not give you more time to contact the mediation adviser" in text
