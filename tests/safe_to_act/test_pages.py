"""Issue 15, "Safe to act on": the page text, read from the real build (website, PDFs, offline copy).

Each test names the item of the issue it checks. The facts and their sources are listed in the
lead's closing note; every number asserted here is one the pages must state (or must not).
"""

from __future__ import annotations

import functools
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

PROJECT = Path(__file__).resolve().parents[2]
LOCAL = yaml.safe_load((PROJECT / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8"))
SERVICE = LOCAL["service"]["name"]
ZIP = Path("downloads") / "sen-disagreements-offline.zip"
NEW_PAGES = ["timescales", "plan-not-delivered", "young-people"]
DOUBT = re.compile(r"not (?:been )?confirmed|unconfirmed|unverified|to be confirmed", re.IGNORECASE)


def flat(text: str) -> str:
    """Text with every run of whitespace made one space, and curly apostrophes made straight."""
    return " ".join(text.replace("\u2019", "'").split())


def article(site: Path, page: str):  # noqa: ANN201 - an lxml element
    built = site / page / "index.html" if page else site / "index.html"
    return lxml_html.parse(str(built)).getroot().find_class("md-content__inner")[0]


def page_text(site: Path, page: str, *, own_words_only: bool = False) -> str:
    """The words of a built page. ``own_words_only`` leaves out what is made from routes.yml."""
    root = article(site, page)
    if own_words_only:
        for element in root.xpath('.//*[contains(@class, "routes-")]'):
            element.getparent().remove(element)
    return flat(root.text_content())


def section(site: Path, page: str, anchor: str) -> str:
    """The words under the heading with id ``anchor``, up to the next heading of its level or higher."""
    root = article(site, page)
    heading = root.get_element_by_id(anchor)
    level = int(heading.tag[1])
    words = [heading.text_content()]
    for sibling in heading.itersiblings():
        if re.fullmatch(r"h[1-6]", sibling.tag) and int(sibling.tag[1]) <= level:
            break
        words.append(sibling.text_content())
    return flat(" ".join(words))


def headings(site: Path, page: str) -> list[str]:
    return [flat(h.text_content()) for h in article(site, page).xpath(".//h2|.//h3")]


@functools.cache
def pdf_text(path: Path) -> str:
    """A PDF's words without its page footers (service, review date, page number)."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in raw.splitlines()
             if not line.startswith(SERVICE) and not line.startswith("Last reviewed")
             and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line)]
    return flat("\n".join(lines)).replace("\u2010 ", "").replace("- ", "-")


def pdf(site: Path, name: str) -> str:
    return pdf_text(site / "downloads" / f"{name}.pdf")


@pytest.fixture(scope="module")
def offline(site: Path) -> dict[str, str]:
    """Every page of the offline copy, by its path inside the zip, as text."""
    with zipfile.ZipFile(site / ZIP) as archive:
        return {name: flat(lxml_html.fromstring(archive.read(name)).text_content())
                for name in archive.namelist() if name.endswith(".html")}


def offline_page(offline: dict[str, str], page: str) -> str:
    return next(text for name, text in offline.items() if name.endswith(f"/{page}.html"))


# --- The time limit comes first ------------------------------------------------------------------

def test_appeal_time_limit_comes_before_the_details(site: Path) -> None:
    order = headings(site, "appeals")
    assert order.index("Time limit for registering an appeal") < order.index("Decisions you can appeal about")
    order = headings(site, "mediation")
    assert order.index("Time limit for mediation advice") < order.index("Mediation advice comes before an appeal")


# --- Item 2: complaints and the Ombudsman ---------------------------------------------------------

COMPLAINT_CLOCK = [
    "A complaint does not stop or pause the time limit for that appeal.",
    "The Local Government and Social Care Ombudsman normally cannot look into anything you could "
    "have appealed to the Tribunal.",
    "Local Government Act 1974, section 26(6)(a)",
    "Milburn",
]


def test_complaints_page_says_a_complaint_does_not_stop_the_appeal_clock_before_the_details(site: Path) -> None:
    text = page_text(site, "complaints")
    for words in COMPLAINT_CLOCK:
        assert words in text, words
    assert text.index(COMPLAINT_CLOCK[0]) < text.index("What you will usually need to do")


def test_complaints_leaflet_and_offline_copy_say_so_too(site: Path, offline: dict[str, str]) -> None:
    for text in (pdf(site, "complaints"), offline_page(offline, "complaints")):
        for words in COMPLAINT_CLOCK:
            assert words in text, words


def test_where_to_go_after_a_complaint(site: Path) -> None:
    text = section(site, "complaints", "after-your-complaint")
    assert "Department for Education" in text
    assert "academy" in text
    assert "Parliamentary and Health Service Ombudsman" in text
    assert "Local Government and Social Care Ombudsman" in text
    assert "Department for Education" in pdf(site, "complaints")
    # Legal review M1: the council has no role after a maintained school's own procedure.
    assert "complain to the council first" not in text
    assert ("For a school the council runs (a maintained school), you can then complain to the Department "
            "for Education.") in text
    assert "If your complaint is about the help in your child's education, health and care (EHC) plan, " \
           "the council is responsible" in text


# --- Item 3 (page part): extended appeals, health and social care --------------------------------

def test_extended_appeals_only_alongside_education(site: Path) -> None:
    text = section(site, "appeals", "extended-appeals")
    assert "only do this in an appeal that is also about education" in text
    assert "recommendations" in text
    assert "regulation 32(e)" in text
    assert "You only need mediation advice and a certificate before an appeal." in text


def test_health_or_social_care_only_mediation_tells_the_council(site: Path) -> None:
    text = section(site, "mediation", "mediation-about-health-or-social-care-only")
    assert "Tell the council that you want mediation" in text
    assert "regulation 32(e)" in text
    assert "do not need mediation advice or a certificate" in text


# --- Item 6: appeals only about the school named --------------------------------------------------

def test_school_only_appeal_has_no_certificate_extension(site: Path) -> None:
    text = section(site, "appeals", "if-your-appeal-is-only-about-the-school-named")
    assert "2 months after the council sent you written notice of its decision" in text
    # Legal review H3: nobody needs a certificate here, and one held anyway gives no extra month.
    no_extra = "Do not count on extra time from a certificate, even if you have one."
    assert "You do not need a mediation certificate for this appeal." in text and no_extra in text
    mediation = section(site, "mediation", "when-you-do-not-need-mediation-advice")
    assert "You do not need a mediation certificate for this appeal." in mediation and no_extra in mediation
    for said in (text, mediation):
        assert "Most people" not in said and "So your appeal time limit" not in said
    assert no_extra in pdf(site, "appeals")


def test_a_certificate_when_mediation_is_not_arranged_in_30_days_starts_the_month(site: Path) -> None:
    """Legal review H4: the 'deemed' certificate starts the month to appeal; it does not wait for a meeting."""
    text = section(site, "mediation", "if-you-choose-mediation")
    assert ("Your 1 month to appeal starts on the date this certificate is issued. It does not wait for a "
            "mediation meeting, even if the council offers one later.") in text


# --- Item 7: school exclusions --------------------------------------------------------------------

EXCLUSION_FACTS = [
    "within 15 school days after the day you are given written notice of the board's decision",
    "special educational needs expert",
    "Ask within the same 15 school days.",
    "The panel cannot order the school to take your child back.",
    "There is no independent review panel for a suspension.",
    "you can make a claim to the Tribunal",
]


def test_exclusion_wording(site: Path, offline: dict[str, str]) -> None:
    text = section(site, "appeals", "school-exclusion-appeals")
    for fact in EXCLUSION_FACTS:
        assert fact in text, fact
    for copy in (pdf(site, "appeals"), offline_page(offline, "appeals")):
        for fact in EXCLUSION_FACTS:
            assert fact in copy, fact


# --- Item 8: appeals are free ---------------------------------------------------------------------

@pytest.mark.parametrize("page", ["appeals", "mediation", "disagreement-resolution"])
def test_appeals_are_free_wherever_cost_comes_up(site: Path, page: str) -> None:
    assert re.search(r"Appealing to the Tribunal is free", page_text(site, page))
    assert re.search(r"Appealing to the Tribunal is free", pdf(site, page))


# --- Item 10: Tribunal orders: the draft/final split was not confirmed, so it is not stated ------

def test_unconfirmed_order_time_limits_are_not_stated(site: Path) -> None:
    text = page_text(site, "appeals", own_words_only=True)
    assert "within set time limits" in text
    assert "11 weeks" not in text


# --- Item 11: where the certificate requirement comes from ----------------------------------------

@pytest.mark.parametrize("page", ["appeals", "mediation"])
def test_certificate_law_is_section_55_and_reg_33_is_the_adviser_limit(site: Path, page: str) -> None:
    text = page_text(site, page)
    assert "section 55 of the Children and Families Act 2014" in text
    assert re.search(r"2 months after the council sent you [^.]*\.[^.]*regulation 33", text)
    assert "section 55 of the Children and Families Act 2014" in pdf(site, page)


# --- Item 12: "SEND Tribunal" is today's name -----------------------------------------------------

def test_send_tribunal_is_a_current_name(site: Path) -> None:
    assert "Many people call the Tribunal the SEND Tribunal." in page_text(site, "appeals")
    glossary = page_text(site, "glossary")
    assert "Most people call it the SEND Tribunal." in glossary
    terms = yaml.safe_load((PROJECT / "docs" / "data" / "outdated_terms.yml").read_text(encoding="utf-8"))
    old = [name for term in terms["terms"] for name in term["match"]]
    assert "SEND Tribunal" not in old


# --- Item 16: the council's reply to an appeal ----------------------------------------------------

def test_council_reply_counted_from_the_tribunal_sending_the_appeal(site: Path) -> None:
    text = page_text(site, "appeals")
    # One wording everywhere (legal review L1): counted from the council getting the appeal.
    said = ("The Tribunal's letter gives the date by which the council must reply. This is usually 30 working days "
            "after the council gets your appeal from the Tribunal.")
    assert said in text
    assert "30 working days after the council gets your appeal from the Tribunal" in pdf(site, "appeals")


# --- Item 17: the decision letter, and asking for the certificate ---------------------------------

@pytest.mark.parametrize("page", ["appeals", "mediation"])
def test_decision_letter_and_asking_for_the_certificate(site: Path, page: str) -> None:
    for text in (page_text(site, page), pdf(site, page)):
        assert "Look at your decision letter. It must give the contact details of the mediation adviser." in text
        assert "Ask for your certificate. Do not wait for it to arrive." in text
    assert "regulation 32(c)" in page_text(site, "mediation")


# --- Readers never see our doubt (page text; route tables come from routes.yml) ------------------

def pages_in_nav() -> list[str]:
    def files(items: list) -> list[str]:
        """Page files of the nav, sections (such as Model letters) included."""
        found = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found += files(value) if isinstance(value, list) else [value]
        return found

    nav = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    return [p.removesuffix(".md").removesuffix("index").rstrip("/") for p in files(nav) if p.endswith(".md")]


def test_no_doubt_in_our_own_words(site: Path) -> None:
    found = {page: DOUBT.findall(page_text(site, page, own_words_only=True)) for page in pages_in_nav()}
    assert {page: words for page, words in found.items() if words} == {}


# --- What the site leaves out ----------------------------------------------------------------------

TIMESCALES = {
    "draft-plan": ["at least 15 days", "ask for a school or college to be named", "regulation 13(1)",
                   "You cannot appeal against a draft plan."],
    "when-the-council-is-late": ["complaint", "Local Government and Social Care Ombudsman", "judicial review",
                                 "promptly, and within 3 months"],
    "annual-reviews": ["at least once every 12 months", "Within 4 weeks of the meeting", "within 8 weeks",
                       "12 weeks of the meeting"],
    "moving-school": ["15 February", "31 March", "regulation 18"],
}


@pytest.mark.parametrize("anchor", sorted(TIMESCALES))
def test_timescales_sections(site: Path, anchor: str) -> None:
    text = section(site, "timescales", anchor)
    for fact in TIMESCALES[anchor]:
        assert fact in text, fact


def test_assessment_and_plan_time_limits(site: Path) -> None:
    text = page_text(site, "timescales")
    assert "within 6 weeks of your request" in text and "regulation 5(1)" in text
    assert "within 20 weeks of your request" in text and "regulation 13(2)" in text


def test_plan_not_delivered(site: Path) -> None:
    text = page_text(site, "plan-not-delivered")
    assert "section 42 of the Children and Families Act 2014" in text
    for route in ("Talk to the school", "Tell the council", "Make a complaint", "Go to the Ombudsman",
                  "Judicial review"):
        assert any(h.endswith(route) for h in headings(site, "plan-not-delivered")), route


def test_young_people(site: Path) -> None:
    text = page_text(site, "young-people")
    assert "over compulsory school age and under 25" in text
    assert "Mental Capacity Act 2005" in text
    # Legal review M5 and M8: the school year in which they turn 16; deputy or attorney, then parent.
    assert "the last Friday in June of the school year in which they turn 16" in text
    assert "This is their deputy or attorney, if they have one. If not, it is their parent." in text


def test_reform_plans_change_no_law(site: Path) -> None:
    text = section(site, "contacts", "reforms")
    assert "23 February 2026" in text and "18 May 2026" in text
    assert "These plans have not changed the law." in text


def test_new_pages_in_booklet_and_offline_copy(site: Path, offline: dict[str, str]) -> None:
    booklet = pdf(site, "booklet")
    for title in ("Council time limits for assessments and plans", "When the help in a plan is not given",
                  "Young people aged 16 to 25", "Plans to change the law"):
        assert title in booklet, title
    for page in NEW_PAGES:
        assert offline_page(offline, page)
    assert "promptly, and within 3 months" in offline_page(offline, "timescales")


def test_disability_discrimination_time_limit_and_where_claims_go(site: Path) -> None:
    """Legal review M2, M3, M9: 6 months starting with the day; separate incidents do not wait for
    the last one; some council claims do go to the Tribunal; no August or Christmas extra time."""
    text = page_text(site, "disability-discrimination")
    assert "within 6 months, starting with the day the discrimination happened" in text
    assert "for something that happened on 10 March, the last day is 9 September" in text
    assert "the 6 months start from the last time" not in text
    assert "If there were separate incidents, do not wait." in text
    assert "A claim about a council does not go to the Tribunal" not in text
    assert "The Tribunal hears claims about schools, including pupil referral units." in text
    assert "Claims do not get this extra time." in text
