"""Issue 15, "Safe to act on": the route data and the finder, checked in the real built site,
its PDFs and its offline copy. Each test names the item of the issue it checks."""

from __future__ import annotations

import functools
import html
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from citations import parse as citations_parse
from finder import check as finder_check
from finder import flow as finder_flow
from local import details as local_details
from offline import copy as offline
from routes import citations as routes_citations
from routes import data as routes_data

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data"
FACTS = PROJECT.parent / "shared" / "reference" / "facts.yml"
DOUBT = re.compile(r"not confirmed|unconfirmed|cannot confirm|unverified|not verified|not known", re.I)
# Today's law for the certificate; the deadline to contact the adviser stays regulation 33.
SECTION_55 = "section 55 of the Children and Families Act 2014"
COMPLAINT_CLOCK = "A complaint does not stop the time limit for an appeal"
OMBUDSMAN = "normally cannot look into anything you could have appealed to the Tribunal"


def words(markup: str) -> str:
    """The text of some HTML, one space between words."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def article(site: Path, page: str) -> str:
    """The main text of a built page ("route-finder/not-sure", "compare-routes", "" for home)."""
    built = (site / page / "index.html").read_text(encoding="utf-8")
    return built.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def text(site: Path, page: str) -> str:
    return words(article(site, page))


def table(site: Path, page: str, kind: str) -> str:
    """The text of one route table (compare, short, alongside, time-limits, differences)."""
    body = article(site, page)
    start = body.index(f'routes-table--{kind}"')
    return words(body[start:body.index("</table>", start)])


def row(table_text: str, label: str, next_label: str) -> str:
    return table_text.split(label, 1)[1].split(next_label, 1)[0]


@functools.cache
def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(re.sub(r"[\u2010-]\s*\n\s*", "", out).split())


def pdf(site: Path, name: str) -> str:
    return pdf_text(site / "downloads" / f"{name}.pdf")


def offline_page(site: Path, name: str) -> str:
    with zipfile.ZipFile(site / offline.ZIP_URL) as archive:
        found = next(n for n in archive.namelist() if n.endswith(f"/{name}.html"))
        return words(archive.read(found).decode("utf-8"))


def clock_then_routes(site: Path, result: str) -> tuple[str, str]:
    """A finder result's text before its first route, and after."""
    body = text(site, f"route-finder/{result}")
    before, _, after = body.partition("The routes that fit, in the order to try them")
    return before, after


# --- 1. The "Not sure" result: the time limit comes first ----------------------------------------


def test_1_not_sure_says_the_time_limits_are_running_before_any_route(site: Path) -> None:
    before, after = clock_then_routes(site, "not-sure")
    assert "Do you have a decision letter from the council? Then time limits are already running." in before
    assert "Contact a mediation adviser within 2 months" in before
    assert "Register an appeal within 2 months of that date, or within 1 month of the date your mediation certificate was issued, if that is later" in before
    assert "Your letter tells you how to contact them" in before
    assert "rule 20(1)(c)" in before and "regulation 33" in before  # the clock's own sources
    assert "Talk to the school" in after
    assert "Do you have a decision letter" in offline_page(site, "route-finder/not-sure")


# --- 2. A complaint does not stop the appeal clock; the Ombudsman and appealable matters ---------


def test_2_complaints_and_the_ombudsman_in_every_table_pdf_and_finder_result(site: Path) -> None:
    compare = table(site, "compare-routes", "compare")
    assert COMPLAINT_CLOCK in compare and OMBUDSMAN in compare
    assert "26(6)(a)" in compare and "R (Milburn) v Local Government and Social Care Ombudsman" in compare
    assert COMPLAINT_CLOCK in table(site, "more-than-one-route", "alongside")
    assert OMBUDSMAN in table(site, "complaints", "differences")
    for name in ("complaints", "booklet"):
        assert COMPLAINT_CLOCK in pdf(site, name) and OMBUDSMAN in pdf(site, name), name
    assert OMBUDSMAN in offline_page(site, "compare-routes")
    council = text(site, "route-finder/council-other")
    assert "A complaint does not stop the time limit for an appeal" in council
    assert "Ombudsman normally cannot look into anything you could have appealed" in council
    assert "A complaint does not stop any time limit for an appeal" in text(site, "route-finder/school-still-unhappy")


# --- 3. Health and social care: tell the council; extended appeals -----------------------------


def test_3_health_and_social_care_mediation_and_extended_appeals(site: Path) -> None:
    body = article(site, "route-finder/health-social-care")
    said = words(body)
    assert "Tell the council that you want mediation, and what it is about" in said
    assert "You need mediation advice and a certificate only if you are also going to appeal" in said
    assert "Within 3 working days of the council being told you want mediation" in said
    assert "Within 30 days of the ICB being told about the mediation" in said
    assert 'href="../../appeals/#extended-appeals"' in body
    assert "only about health or social care" in said
    assert "Contact a mediation adviser" not in said


# --- 4. Going to mediation: tell the council, and the 30 days run from then ---------------------


def test_4_mediation_starts_by_telling_the_council(site: Path) -> None:
    said = text(site, "route-finder/try-mediation")
    assert "Tell the council that you want mediation, and what it is about. Tell the mediation adviser too." in said
    assert "The 30 days for the meeting start when the council is told." in said


# --- 5. Drafts: no appeal; at least 15 days ------------------------------------------------------


def test_5_a_draft_plan_has_its_own_path_and_time_limit(site: Path) -> None:
    assert 'href="../draft-plan/"' in article(site, "route-finder/ehc-plan")
    before, _ = clock_then_routes(site, "draft-plan")
    assert "You have at least 15 days to comment on the draft" in before
    said = text(site, "route-finder/draft-plan")
    assert "You cannot appeal about a draft" in said and "regulation 13(1)" in said
    assert 'href="../../timescales/#draft-plan"' in article(site, "route-finder/draft-plan")
    limits = table(site, "compare-routes", "time-limits")
    assert "Comment on a draft EHC plan and ask for a school or college At least 15 days" in limits
    assert "Comment on a draft EHC plan" in pdf(site, "booklet")


# --- 6. Appeals only about the school named: 2 months, no certificate extension ----------------


def test_6_appeal_about_the_school_named_is_not_offered_the_certificate_extension(site: Path) -> None:
    before, after = clock_then_routes(site, "appeal-placement")
    assert "You do not need a mediation certificate for this appeal, so you do not get extra time" in before
    for part in (before, after):
        assert "within 1 month of the date the mediation certificate was issued" not in part
    limits = table(site, "compare-routes", "time-limits")
    assert "Register an appeal only about the school or college named, or that none is named" in limits


def test_legal_review_h4_a_certificate_after_30_days_without_mediation_starts_the_month(site: Path) -> None:
    before, _ = clock_then_routes(site, "try-mediation")
    assert "The council may not arrange mediation within 30 days, so you get a certificate. Then your 1 month " \
           "starts on the date it is issued. It does not wait for a mediation meeting" in before


# --- 7. Exclusions: from written notice; SEN expert; discrimination goes to the Tribunal --------


def test_7_exclusion_review_clock_and_discrimination_claims(site: Path) -> None:
    limits = table(site, "compare-routes", "time-limits")
    assert "after the day the governing board tells you its decision in writing" in limits
    assert "and for an SEN expert if you want one" in limits
    before, after = clock_then_routes(site, "exclusion")
    assert "15 school days" in before and "Ask for one in the same 15 days" in before
    assert "Disability discrimination claims" in after
    assert "after the day the governing board tells you its decision in writing" in pdf(site, "booklet")


# --- 8. Appeals to the Tribunal are free -----------------------------------------------------------


def test_8_appeals_are_free_wherever_cost_comes_up(site: Path) -> None:
    cost = row(table(site, "compare-routes", "compare"), "What does it cost?", "Is it voluntary?")
    assert "Free. There is no fee to appeal to the Tribunal." in cost
    assert "Free. There is no fee to make a claim to the Tribunal." in cost
    assert "There is no fee to appeal to the Tribunal" in table(site, "", "short")
    assert "There is no fee to appeal to the Tribunal" in pdf(site, "booklet")
    assert "It is free." in text(site, "route-finder/register-appeal")


# --- 9. Disability discrimination claims: a route of their own ------------------------------------


def test_9_disability_discrimination_is_a_route_with_its_own_page(site: Path) -> None:
    compare = table(site, "compare-routes", "compare")
    assert "Disability discrimination claims" in compare
    limits = table(site, "compare-routes", "time-limits")
    assert "Disability discrimination claims Make a disability discrimination claim to the Tribunal Within 6 months" in limits
    assert "Appeal to the Tribunal Claim to the Tribunal" not in limits
    page = text(site, "disability-discrimination")
    assert page.startswith("Disability discrimination claims Time limit: 6 months")
    assert "You do not need a mediation certificate" in page
    assert 'href="disability-discrimination/"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'href="../disability-discrimination/"' in article(site, "route-finder/about")
    assert "Disability discrimination claims Time limit: 6 months" in pdf(site, "booklet")


# --- 11. The certificate comes from s.55; regulation 33 is the 2-month limit ------------------------


def test_11_certificate_law_is_section_55(site: Path) -> None:
    compare = table(site, "compare-routes", "compare")
    needed = row(compare, "Needed before a Tribunal appeal?", "Can be used alongside")
    assert SECTION_55 in needed and "regulation 33" not in needed
    limits = table(site, "compare-routes", "time-limits")
    assert "Within 2 months after the council sent written notice of its decision Special Educational Needs and Disability Regulations 2014, regulation 33" in limits
    assert SECTION_55 in pdf(site, "mediation")


# --- 13. Mediation and an appeal go together ------------------------------------------------------


def test_13_alongside_table_pairs_mediation_and_appeal(site: Path) -> None:
    alongside = table(site, "more-than-one-route", "alongside")
    mediation = row(alongside, "Mediation Talk to the school", "Appeal to the Tribunal Talk")
    assert "Appeal to the Tribunal" in mediation and "Mediation and an appeal go together" in mediation
    appeal = alongside.split("Appeal to the Tribunal Talk to the school", 1)[1]
    assert "Mediation" in appeal.split(".", 1)[0]
    assert "Mediation and an appeal go together" in pdf(site, "booklet")


# --- 14. The council result has no card called "Talk to the school" -------------------------------


def test_14_council_result_talks_about_the_council(site: Path) -> None:
    body = article(site, "route-finder/council-other")
    cards = [words(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", body, re.S)]
    assert not any("Talk to the school" in card for card in cards)
    assert "Talk to the council" in cards


# --- 15. Mediation covers a refusal to re-assess ----------------------------------------------------


def test_15_mediation_who_can_use_includes_re_assessment(site: Path) -> None:
    who = row(table(site, "compare-routes", "compare"), "Who can use it", "Who runs it")
    assert "not to carry out a re-assessment" in who
    assert "not to carry out a re-assessment" in pdf(site, "booklet")


# --- 16. The council's response runs from its receipt of the appeal --------------------------------


def test_16_council_response_counted_from_receiving_the_appeal(site: Path) -> None:
    wording = ("The letter from the Tribunal gives the date. This is usually 30 working days after the council gets "
               "your appeal from the Tribunal")  # one wording everywhere (legal review L1)
    assert wording in table(site, "compare-routes", "time-limits")
    assert wording in text(site, "route-finder/register-appeal")
    assert wording in pdf(site, "booklet")


# --- 17. The decision letter names the adviser; ask for the certificate ----------------------------


def test_17_decision_letter_and_asking_for_the_certificate(site: Path) -> None:
    said = text(site, "route-finder/get-mediation-advice")
    assert "Look at your decision letter. It tells you how to contact the mediation adviser." in said
    assert "Ask the mediation adviser for your mediation certificate. Do not just wait for it." in said
    assert "Wait for your mediation certificate" not in said


# --- Readers never see our doubt --------------------------------------------------------------------


def test_no_doubt_reaches_a_page_a_pdf_or_the_offline_copy(site: Path) -> None:
    for page in site.rglob("*.html"):
        found = DOUBT.search(words(page.read_text(encoding="utf-8")))
        assert not found, (page, found and found[0])
    assert not DOUBT.search(pdf(site, "booklet"))
    with zipfile.ZipFile(site / offline.ZIP_URL) as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                assert not DOUBT.search(words(archive.read(name).decode("utf-8"))), name


def _load(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "routes.yml"
    path.write_text(text, encoding="utf-8")
    pages = {p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs").glob("*.md")}
    values, _ = local_details.load(PROJECT / "localities" / "wokingham" / "local.yml")
    plain = local_details.plain_markers(values)
    check = routes_citations.citation_check(lambda para: True)
    _, problems = routes_data.load(path, pages, plain, check)
    _, more = routes_data.load_timescales(path, pages, plain, check)
    return [str(p) for p in problems + more]


def test_doubt_in_route_data_fails_with_file_line_and_field(tmp_path: Path) -> None:
    text = (DATA / "routes.yml").read_text(encoding="utf-8")
    text = text.replace("        law: NHS complaints regulations 2009\n",
                        "        law: NHS complaints regulations 2009 (provision not confirmed)\n", 1)
    line = text.splitlines().index("      - what: Make a complaint about NHS services") + 1  # the time limit's line
    found = _load(text, tmp_path)
    assert len(found) == 1 and f"routes.yml:{line}:" in found[0]
    assert "route 'complaint', field 'time_limits[1].law'" in found[0]
    assert "readers never see our doubt" in found[0] and "note:" in found[0]


def test_a_timescale_needs_a_page_that_exists(tmp_path: Path) -> None:
    text = (DATA / "routes.yml").read_text(encoding="utf-8")
    text = text.replace("    page: timescales.md#draft-plan\n", "    page: drafts.md\n", 1)
    found = _load(text, tmp_path)
    assert len(found) == 1 and "'drafts.md' is not a page in docs/" in found[0]


# --- What the site leaves out: every situation leads somewhere --------------------------------------

SITUATIONS = {
    # result: (the question leading to it, the page and anchor it sends you to)
    "draft-plan": ("ehc-plan", "timescales/#draft-plan"),
    "council-late": ("decision-asking", "timescales/#when-the-council-is-late"),
    "moving-school": ("ehc-plan", "timescales/#moving-school"),
    "annual-review": ("ehc-plan", "timescales/#annual-reviews"),
    "plan-not-delivered": ("ehc-plan", "plan-not-delivered/"),
    "young-person": ("about", "young-people/"),
    "health-social-care": ("decision-plan", "appeals/#extended-appeals"),
    "council-other": ("decision-asking", "complaints/#after-your-complaint"),
}


@pytest.mark.parametrize("result", SITUATIONS)
def test_each_left_out_situation_leads_to_its_page(site: Path, result: str) -> None:
    question, target = SITUATIONS[result]
    assert f'href="../{result}/"' in article(site, f"route-finder/{question}")
    body = article(site, f"route-finder/{result}")
    assert f'href="../../{target}"' in body
    assert "Read more about your situation" in words(body) and "Why it helps:" in words(body)
    page, _, anchor = target.partition("#")
    if anchor:
        assert f'id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8")


def test_council_timescales_are_in_the_time_limits_table_and_the_finder(site: Path) -> None:
    limits = table(site, "compare-routes", "time-limits")
    for wording in ("Within 6 weeks of receiving the request", "Within 20 weeks of receiving the request",
                    "By 15 February in the year of the move", "Promptly, and in any case within 3 months"):
        assert wording in limits
        assert wording in pdf(site, "booklet")
    late = text(site, "route-finder/council-late")
    assert "regulation 5(1)" in late and "regulation 13(2)" in late and "Civil Procedure Rules" in late
    assert "regulation 18" in text(site, "route-finder/moving-school")


@pytest.mark.skipif(not FACTS.exists(), reason="the shared reference facts are not on this machine")
def test_every_new_time_limit_has_its_law_and_a_confirmed_fact() -> None:
    """Timescales name their facts.yml entry; a `likely` entry was confirmed: its sources are in the data."""
    facts = {f["name"]: f for f in yaml.safe_load(FACTS.read_text())["time_limits"]}
    data = yaml.safe_load((DATA / "routes.yml").read_text(encoding="utf-8"))
    items = data["timescales"] + [t for r in data["routes"] if isinstance(r["time_limits"], list)
                                  for t in r["time_limits"]]
    for item in items:
        assert item["law"] and item["confidence"] == "verified", item["what"]
        if item["fact"] not in facts:
            # Only timescales confirmed against the law itself and not yet in the shared reference
            # (the annual review, legal review L6): the staff note says so, the sources are in the data.
            assert item in data["timescales"] and "Not in facts.yml" in item["note"], item["what"]
            assert item["sources"], item["what"]
            continue
        fact = facts[item["fact"]]
        assert fact["confidence"] == "verified" or item.get("sources"), item["what"]
        for number in re.findall(r"\d+ (?:working days|school days|days|weeks|months)", item["limit"]):
            assert number in fact["value"], (number, fact["name"])


def test_a_result_naming_a_missing_page_fails_with_its_line() -> None:
    text = (DATA / "finder.yml").read_text(encoding="utf-8")
    text = text.replace("      - page: timescales.md#draft-plan\n", "      - page: draft.md#draft-plan\n", 1)
    line = text.splitlines().index("      - page: draft.md#draft-plan") + 1
    flow, found = finder_flow.parse(text, Path("docs/data/finder.yml"))
    assert found == []
    pages = {p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs").glob("*.md")}
    cited = lambda text: []  # noqa: E731 - citations are checked elsewhere
    problems = finder_check.check(flow, {}, cited, pages, set())
    messages = [str(p) for p in problems if "draft.md" in str(p)]
    assert messages == [
        f"docs/data/finder.yml:{line}: result 'draft-plan', page 'draft.md#draft-plan': is not a page in "
        "docs/; name a page that exists, such as timescales.md#draft-plan"
    ]


def test_route_data_citations_still_pass() -> None:
    """Every citation written in the route and finder data is a known Code paragraph."""
    for name in ("routes.yml", "finder.yml"):
        for citation in citations_parse.find_in_text((DATA / name).read_text(encoding="utf-8")):
            assert not citation.malformed, (name, citation.text)


def test_legal_review_l6_annual_review_time_limits_come_from_the_data(site: Path) -> None:
    limits = table(site, "compare-routes", "time-limits")
    for said in ("At least 2 weeks before the meeting", "Within 4 weeks of the meeting",
                 "Within 8 weeks of sending you the proposed changes"):
        assert said in limits and said in text(site, "route-finder/annual-review"), said
