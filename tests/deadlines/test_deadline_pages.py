"""The answers without JavaScript: the built tables of dates, the calculator page's fallback,
the worked example, the data the browser gets, and a build that stops outside the covered years."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import pytest
from lxml import html

sys.path.insert(0, str(Path(__file__).parent))
from cases import CASES, Case, long_date  # noqa: E402

PAGE = "when-is-my-deadline/index.html"


def _tables(site: Path, year: int) -> dict[str, str]:
    """Every row of a year's page: '4 January 2026' -> its last day to appeal."""
    tree = html.parse(str(site / "deadline-tables" / f"letters-{year}" / "index.html"))
    rows = {}
    for table in tree.iter("table"):
        caption = table.find("caption").text_content()
        assert caption.startswith("Letters sent in ") and caption.endswith(str(year))
        assert [th.get("scope") for th in table.iter("th")][:2] == ["col", "col"]
        for row in table.iter("tr"):
            header = row.find("th")
            if header is not None and header.get("scope") == "row":
                rows[f"{header.text_content()} {year}"] = row.find("td").text_content()
    return rows


@pytest.mark.parametrize("case", [c for c in CASES if c.certificate is None], ids=lambda c: c.id)
def test_the_table_gives_the_hand_worked_answer(deadline_site: Path, case: Case) -> None:
    rows = _tables(deadline_site, case.letter.year)
    assert rows[f"{case.letter.day} {case.letter:%B %Y}"] == long_date(case.last_day), case.note


def test_there_is_a_table_for_every_month_from_last_year_to_next_year(deadline_site: Path) -> None:
    for year in (2025, 2026, 2027):
        rows = _tables(deadline_site, year)
        assert len(rows) == (365 if year != 2028 else 366)
    assert not (deadline_site / "deadline-tables" / "letters-2024").exists()
    assert not (deadline_site / "deadline-tables" / "letters-2028").exists()
    index = (deadline_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "deadline-tables/" not in index and "when-is-my-deadline/" in index, "tables stay out of search"


def test_without_javascript_the_page_links_to_the_tables_and_explains_the_certificate(deadline_site: Path) -> None:
    tree = html.parse(str(deadline_site / PAGE))
    assert tree.find(".//div[@id='deadline-calculator']").get("hidden") is not None
    links = [a.get("href") for a in tree.iter("a") if a.text_content().startswith("Letters sent in ")]
    assert links == [f"../deadline-tables/letters-{year}/" for year in (2025, 2026, 2027)]
    text = " ".join(tree.find(".//article").text_content().split())
    assert ("Say the council sent its decision letter on Tuesday 10 March 2026. After mediation advice, "
            "you got a mediation certificate issued on Tuesday 28 April 2026.") in text
    assert "Your deadline is the later of the two: Thursday 28 May 2026, by 5pm. " \
           "This is later than 2 months from the day the council sent your letter, so it is your deadline." in text
    assert "The date the council sent the letter may not be the date printed on it." in text
    assert re.search(r"If you are not sure about your dates, call us on \S", text)


def test_a_placement_only_appeal_is_told_not_to_use_a_certificate_date(deadline_site: Path) -> None:
    """Legal review H1: the certificate's extra month is not for an appeal only about the school or
    college named, so the page (before the calculator) and the certificate field say so."""
    tree = html.parse(str(deadline_site / PAGE))
    article = tree.find(".//article")
    text = " ".join(article.text_content().split())
    warning = ("Is your appeal only about the school or college named in the plan? Then do not use a mediation "
               "certificate date. Your deadline is 2 months after the council sent its decision letter.")
    assert warning in text
    assert text.index(warning) < text.index("Work out your deadline")
    hint = " ".join(tree.find(".//p[@id='certificate-hint']").text_content().split())
    assert hint == ("Leave this empty if you do not have a certificate, "
                    "or if your appeal is only about the school or college named in the plan.")
    legend = tree.find(".//div[@id='certificate-field']//legend").text_content()
    assert legend == "What date was your mediation certificate issued? (if you have one)"
    table_page = " ".join(html.parse(str(deadline_site / "deadline-tables" / "letters-2026" / "index.html"))
                          .find(".//article").text_content().split())
    assert "Use them too if your appeal is only about the school or college named in the plan." in table_page


def test_the_mediation_adviser_date_does_not_move_for_august_or_christmas(deadline_site: Path) -> None:
    """Legal review M9: the August and Christmas rules are for registering an appeal only."""
    text = " ".join(html.parse(str(deadline_site / PAGE)).find(".//article").text_content().split())
    assert "They do not give you more time to contact the mediation adviser." in text


def test_the_script_and_data_load_only_on_the_calculator_page(deadline_site: Path) -> None:
    for page in deadline_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        on_calculator = page == deadline_site / PAGE
        assert ("deadlines.js" in text) == on_calculator, page
        assert ("deadlines.css" in text) == on_calculator, page
    data = (deadline_site / "assets" / "javascripts" / "deadlines-data.js").read_bytes()
    script = (deadline_site / "assets" / "javascripts" / "deadlines.js").read_bytes()
    assert data.startswith(b"// Generated") and b"window.deadlineData=" in data
    assert len(gzip.compress(data + script)) < 15_000


def test_each_pdf_with_the_appeal_time_limit_has_a_work_out_your_deadline_box(site: Path) -> None:
    """In the real full build: the box, with its steps and blanks, follows the time limit."""
    from pypdf import PdfReader

    def text(name: str) -> str:
        reader = PdfReader(site / "downloads" / name)
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    for name in ("appeals.pdf", "mediation.pdf", "booklet.pdf", "booklet-large-print.pdf"):
        found = text(name)
        assert "Work out your deadline" in found, name
        assert "Add 2 months. Keep the same day of the month" in found, name
        assert "If your date is a Saturday, Sunday or bank holiday, use the next working day." in found, name
        assert ("If you have a mediation certificate, and your appeal is about more than the school or college "
                "named, add 1 month to the date it was issued") in found, name  # legal review H1
        assert "When is my deadline?" in found, name
    appeals = text("appeals.pdf")
    assert appeals.index("Time limit for registering an appeal") < appeals.index("Work out your deadline") \
        < appeals.index("Help with your appeal")
    for name in ("complaints.pdf", "first-steps.pdf"):
        assert "Work out your deadline" not in text(name), name
    assert "Work out my deadline" not in text("booklet.pdf"), "the calculator page is not printed"


def test_a_build_outside_the_covered_years_stops_with_a_clear_message(build_variant, monkeypatch) -> None:
    monkeypatch.setenv("SITE_DEADLINES_TODAY", "2029-06-01")
    result = build_variant(lambda project: None)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"docs/data/deadlines\.yml:\d+: 'bank_holidays\.last_year' is 2029, but a build on "
                     r"2029-06-01 needs bank holidays up to 2031", result.stderr)


def test_a_rule_without_a_verified_source_stops_the_build_naming_file_line_and_key(build_variant) -> None:
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "deadlines.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("confidence: verified", "confidence: likely", 1),
                        encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(r"The deadline data is wrong.*\n\s+docs/data/deadlines\.yml:\d+: 'rules\.appeal\.confidence' "
                     r"must be 'verified'", result.stderr)
