"""Plain English and currency checks: readability, glossary, outdated terms, review dates."""

from __future__ import annotations

import csv
import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from plain_english import glossary
from plain_english import outdated_terms
from helpers import prose
from plain_english import readability
from plain_english import review_dates

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data"
QUOTE_11_3 = """\
> In most cases this will be achieved by early years providers, schools, colleges, local
> authorities and clinical commissioning groups (CCGs) working closely together.
>
> — SEND Code of Practice, paragraph 11.3
"""
NOTE = """
!!! note "Name change"
    Clinical commissioning groups (CCGs) were replaced by integrated care boards (ICBs) on 1 July 2022.
"""


@pytest.fixture(scope="module")
def terms() -> list[outdated_terms.Term]:
    return outdated_terms.load(DATA / "outdated_terms.yml")


@pytest.fixture(scope="module")
def real_glossary(terms: list[outdated_terms.Term]) -> glossary.Glossary:
    """The glossary as the build uses it: with the old abbreviations (CCG …) too."""
    loaded = glossary.load(DATA / "glossary.yml")
    loaded.add_old_abbreviations([pair for term in terms for pair in term.abbreviations])
    return loaded


@pytest.fixture(scope="module")
def budgets() -> readability.Budgets:
    return readability.load_budgets(DATA / "plain_english.yml")


@pytest.fixture(scope="module")
def page_sources() -> list[str]:
    """The Markdown of every page in docs/ (generated pages are not there)."""
    return [page.read_text(encoding="utf-8") for page in sorted((PROJECT / "docs").rglob("*.md"))]


# --- prose: what counts as our own words ---------------------------------------------------


def test_prose_kinds_and_lines() -> None:
    markdown = "# Title\n\nA paragraph.\n\n- Phone: 0118\n- an item\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n```\n"
    found = [(b.kind, b.line, b.text) for b in prose.blocks(markdown)]
    assert found == [
        ("heading", 1, "Title"),
        ("paragraph", 3, "A paragraph."),
        ("contact", 5, "Phone: 0118"),
        ("item", 6, "an item"),
        ("table", 8, "; a ; b ; ; c ; d ;"),
    ]


def test_prose_marks_verbatim_quotes_and_name_change_notes() -> None:
    found = prose.blocks("Intro.\n\n" + QUOTE_11_3 + NOTE + "\n> Our own quote.\n")
    assert [(b.verbatim, b.name_change) for b in found] == [
        (False, False),
        (True, False),
        (True, False),
        (False, True),
        (False, False),
    ]


def test_plain_text_drops_links_code_and_addresses() -> None:
    text = prose.plain_text("See [the page](a.md), `code`, **bold** and www.gov.uk/x or a@b.org.")
    assert text == "See the page, , bold and or ."


def test_line_map_follows_inserted_lines() -> None:
    original = "one\n{{ routes.table }}\nthree\n"
    expanded = "one\n| a |\n| b |\nthree\n"
    assert prose.line_map(original, expanded) == {1: 1, 2: 2, 3: 2, 4: 3}


# --- readability ---------------------------------------------------------------------------

SHORT = "You can ask the school for help. They will talk to you. You can bring a friend."
LONG = (
    "If you are not happy with the outcome of the complaint that you have made to the school "
    "or to the council then you can ask for help from the service in your area about what to do next."
)
WORDY = (
    "Organisational considerations necessitate comprehensive documentation. "
    "Institutional responsibilities encompass accountability."
)


@pytest.mark.parametrize(
    ("text", "failing"),
    [
        (SHORT, set()),
        (LONG, {"sentence(s) over", "average sentence length", "reading ease"}),
        (WORDY, {"of words have", "reading ease"}),
    ],
)
def test_budgets(text: str, failing: set[str], budgets: readability.Budgets) -> None:
    stats = readability.measure(prose.blocks(text), budgets.long_word_syllables)
    messages = [p.message for p in readability.check(stats, budgets)]
    assert {key for key in failing for m in messages if key in m} == failing
    assert len(messages) == len(failing)


def test_worst_sentences_are_named(budgets: readability.Budgets) -> None:
    stats = readability.measure(prose.blocks(SHORT + "\n\n" + LONG), budgets.long_word_syllables)
    problem = readability.check(stats, budgets)[0]
    assert problem.worst[0].text == LONG
    assert readability.describe(problem.worst[0], 3).startswith('line 3: "If you are not happy')


def test_quotes_tables_headings_and_contacts_are_not_counted(budgets: readability.Budgets) -> None:
    markdown = f"# {LONG}\n\n> {LONG}\n>\n> — SEND Code of Practice, paragraph 11.1\n\n| {LONG} |\n\n- Phone: {LONG}\n\n{SHORT}\n"
    stats = readability.measure(prose.blocks(markdown), budgets.long_word_syllables)
    assert [s.text for s in stats.sentences] == readability.sentences(SHORT)


def test_glossary_terms_are_not_hard_words_but_count_for_length() -> None:
    text = "Ask for disagreement resolution or an education, health and care needs assessment."
    plain = readability.measure_sentence(1, text, 3)
    with_terms = readability.measure_sentence(
        1, text, 3, readability.terms_pattern(("disagreement resolution", "education, health and care needs assessment"))
    )
    assert plain.words == with_terms.words == 12
    assert plain.long_words == 4 and with_terms.long_words == 0
    assert with_terms.plain_words == 4


def test_syllables_are_counted_offline() -> None:
    assert [readability.syllables(w) for w in ("school", "mediation", "Tribunal", "2026")] == [1, 4, 3, 1]


def test_syllables_match_textstat_on_every_word_of_the_site(page_sources: list[str]) -> None:
    """Our faster count (CMU file read once, words cached) is textstat's own count."""
    import textstat

    words = {w for text in page_sources for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)}
    assert len(words) > 500
    differ = {w: (readability.syllables(w), textstat.syllable_count(w))
              for w in words if readability.syllables(w) != textstat.syllable_count(w)}
    assert differ == {}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("readability: {}", "max_sentence_words"),
        ("readability: {max_sentence_words: -1}", "0 or more"),
        ("readability: {max_sentence_words: 2.5}", "whole number"),
        ("other: 1", "needs a 'readability:' section"),
    ],
)
def test_bad_budgets_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "plain_english.yml"
    path.write_text(content)
    with pytest.raises(readability.BudgetsError, match=re.escape(expected)):
        readability.load_budgets(path)


# --- glossary and abbreviations ------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "problems"),
    [
        ("Special educational needs (SEN) matter. SEN support helps.", []),
        ("SEND stands for special educational needs and disability.", []),
        ("Talk to the SEN team. Special educational needs (SEN) matter.", ["'SEN' is not spelled out"]),
        ("# SEN provision\n\nSpecial educational needs (SEN) matter.", []),
        ("Ask the XYZQ for help.", ["'XYZQ' is not in the glossary"]),
        ("The NHS and GOV.UK are well known.", []),
        ("Integrated care boards (ICBs) plan health services.", []),
        ("The Wokingham SEND Information, Advice and Support Service (SENDIASS) can help.", []),
        ("Read about [it](https://www.IPSEA.org.uk/ABC) in `XYZQ` code.", []),
    ],
)
def test_abbreviations(markdown: str, problems: list[str], real_glossary: glossary.Glossary) -> None:
    found = [p.message for p in glossary.check(prose.blocks(markdown), real_glossary)]
    assert len(found) == len(problems)
    for message, expected in zip(found, problems):
        assert expected in message


def test_names_shortcut_finds_what_the_patterns_find(real_glossary, page_sources, monkeypatch) -> None:
    """The shortcut (try a full name's pattern only where its first word is) changes no result."""
    samples = page_sources + ["Ask the send information, advice and support service (SENDIASS) for help.",
                "Ask the SEND Information, Advice and Support Service. Ask SENDIASS.",
                "SEND and SENDIASS and the First-tier Tribunal (SEND) are here."]
    names = [(text, glossary._names(text, real_glossary)) for text in samples]
    quick = [[p.message for p in glossary.check(prose.blocks(text), real_glossary)] for text in samples]
    real = glossary._name_with_abbreviation
    monkeypatch.setattr(glossary, "_name_with_abbreviation",
                        lambda spelling: real(spelling) and ("", real(spelling)[1]))  # always tried
    assert names == [(text, glossary._names(text, real_glossary)) for text in samples]
    assert quick == [[p.message for p in glossary.check(prose.blocks(text), real_glossary)] for text in samples]
    assert sum(len(spans) for _, spans in names) >= 3


def test_required_glossary_terms_are_there(real_glossary: glossary.Glossary) -> None:
    names = {e.term for e in real_glossary.entries}
    for term in ["SEN", "SENCO", "SENDIASS", "EHC plan", "EHC needs assessment", "Local Offer", "mediation advice",
                 "mediation certificate", "integrated care board"]:
        assert term in names
    assert any(n.startswith("First-tier Tribunal") for n in names)


def test_abbr_titles_include_plurals_and_old_names(real_glossary: glossary.Glossary) -> None:
    titles = real_glossary.abbr_titles()
    assert titles["SEN"] == "special educational needs"
    assert titles["ICBs"] == "integrated care board"
    assert titles["CCGs"] == "clinical commissioning group"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("terms: [{term: SEN, meaning: m, source: s}]", "needs 'stands_for'"),
        ("terms: [{term: Foo, stands_for: f, meaning: m, source: s}]", "not written in capitals"),
        ("terms: [{term: foo, meaning: '', source: s}]", "'meaning' is missing"),
        ("terms: [{term: foo, meaning: m, source: s, colour: red}]", "unknown key 'colour'"),
        ("terms: [{term: foo, meaning: m, source: s}, {term: Foo, meaning: m, source: s}]", "already in the glossary"),
        ("terms: [{term: foo, meaning: m, source: s}]", "'last_reviewed' is missing"),
    ],
)
def test_bad_glossary_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(content)
    with pytest.raises(glossary.GlossaryError, match=re.escape(expected)):
        glossary.load(path)


# --- outdated terms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Talk to the integrated care board (ICB).", []),
        ("Talk to the clinical commissioning group.", ["integrated care board (ICB)"]),
        ("Ask the CCG.", ["integrated care board (ICB)"]),
        ("We sent you a letter.", []),
        ("Appeal to SENDIST.", ["First-tier Tribunal (Special Educational Needs and Disability)"]),
        ("Your child's statement of SEN.", ["EHC plan"]),
        ("Go to the Local Government Ombudsman.", ["Local Government and Social Care Ombudsman"]),
        ("Go to the Local Government and Social Care Ombudsman.", []),
        ("Ask Contact a Family.", ["that is not verified"]),
        ("See [the old site](https://www.justice.gov.uk/tribunals/send).", ["gov.uk/courts-tribunals"]),
        ("Ask your Parent Partnership Service.", ["SENDIASS"]),
        (QUOTE_11_3, ['!!! note "Name change"']),
        (QUOTE_11_3 + NOTE, []),
        (QUOTE_11_3 + "\n## Next section\n" + NOTE, ['!!! note "Name change"']),
        (QUOTE_11_3 + '\n!!! note "Name change"\n    Some names have changed.\n', ['!!! note "Name change"']),
        ("> The clinical commissioning group said so.\n", ["integrated care board (ICB)"]),
    ],
)
def test_outdated_terms(markdown: str, expected: list[str], terms: list[outdated_terms.Term]) -> None:
    found = [p.message for p in outdated_terms.check(prose.blocks(markdown), terms)]
    assert len(found) == len(expected), found
    for message, suggestion in zip(found, expected):
        assert suggestion in message


def test_first_word_shortcut_finds_what_the_patterns_find(terms, page_sources, monkeypatch) -> None:
    """The shortcut (try a phrase's pattern only where its first word is) changes no result."""
    phrases = [phrase for term in terms for phrase in term.match]
    samples = [f"Ask the {p} now.\n\nAsk the {p.upper()} now.\n\nAsk the {p.lower()}s now.\n" for p in phrases]
    samples += page_sources
    samples += [QUOTE_11_3, "Go to the Local Government and Social Care Ombudsman.", "ccg and Sendist"]
    quick = [[p.message for p in outdated_terms.check(prose.blocks(text), terms)] for text in samples]
    monkeypatch.setattr(outdated_terms, "_first_word", lambda phrase: "")  # every pattern tried
    assert quick == [[p.message for p in outdated_terms.check(prose.blocks(text), terms)] for text in samples]
    assert sum(map(len, quick)) >= 2 * len(phrases)


GOOD_TERM = "old: X, match: [x], current: Y, current_match: [y], confidence: verified, suggestion: s, sources: [u]"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("old: X", "'match' is missing"),
        (GOOD_TERM.replace("confidence: verified", "confidence: maybe"), "confidence must be one of"),
        (GOOD_TERM.replace("confidence: verified", "confidence: [verified]"), "confidence must be one of"),
        (GOOD_TERM.replace("match: [x]", "match: x"), "'match' must be a list"),
        (GOOD_TERM + ", abbreviations: {ccg: c}", "'abbreviations' must map"),
        (GOOD_TERM + ", colour: red", "unknown key 'colour'"),
    ],
)
def test_bad_outdated_terms_file(tmp_path: Path, entry: str, expected: str) -> None:
    path = tmp_path / "outdated_terms.yml"
    path.write_text(f"terms: [{{{entry}}}]")
    with pytest.raises(outdated_terms.OutdatedTermsError, match=re.escape(expected)):
        outdated_terms.load(path)


def test_unverified_rename_is_not_stated_as_fact(terms: list[outdated_terms.Term]) -> None:
    contact = next(t for t in terms if t.old == "Contact a Family")
    assert contact.confidence == "unverified"
    assert "renamed" not in contact.suggestion.replace("Do not say that it was renamed", "")


FACTS = PROJECT.parent / "shared" / "reference" / "facts.yml"


@pytest.mark.skipif(not FACTS.exists(), reason="the shared reference facts are not beside this checkout")
def test_outdated_terms_come_from_facts() -> None:
    facts = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    sources = {s for entry in facts["terminology"] for s in entry["sources"]}
    for term in outdated_terms.load(DATA / "outdated_terms.yml"):
        assert set(term.sources) <= sources, term.old


# --- review dates --------------------------------------------------------------------------

TODAY = datetime.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"last_reviewed": datetime.date(2026, 1, 31), "review_interval_months": 1}, datetime.date(2026, 2, 28)),
        ({"last_reviewed": "2025-11-28", "review_interval_months": 12}, datetime.date(2026, 11, 28)),
        ({"review_interval_months": 12}, "'last_reviewed' is missing"),
        ({"last_reviewed": "28/11/2026", "review_interval_months": 12}, "not a date"),
        ({"last_reviewed": "2027-01-01", "review_interval_months": 12}, "after today"),
        ({"last_reviewed": "2026-01-01", "review_interval_months": "yearly"}, "whole number"),
        ({"last_reviewed": "2026-01-01", "review_interval_months": 0}, "whole number"),
        ({}, "'review_interval_months' is missing"),
    ],
)
def test_review_data(meta: dict, expected: object) -> None:
    result = review_dates.check(meta, TODAY)
    if isinstance(expected, datetime.date):
        assert result[2] == expected
    else:
        assert any(expected in problem for problem in result)


def test_today_can_be_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(review_dates.TODAY_VARIABLE, "2030-05-01")
    assert review_dates.today() == datetime.date(2030, 5, 1)
    monkeypatch.setenv(review_dates.TODAY_VARIABLE, "soon")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        review_dates.today()


def test_long_date() -> None:
    assert review_dates.long_date(datetime.date(2027, 3, 5)) == "5 March 2027"


# --- failing builds ------------------------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_build_fails_on_outdated_term_with_suggestion(build_variant) -> None:
    result = build_variant(
        lambda p: _edit(p / "docs" / "mediation.md", "# Mediation\n", "# Mediation\n\nAsk the Clinical Commissioning Group.\n")
    )
    assert result.returncode != 0
    assert re.search(r"docs/mediation\.md:\d+: outdated term 'Clinical Commissioning Group'.*integrated care board", result.stderr)


def test_build_fails_on_page_without_review_data(build_variant) -> None:
    result = build_variant(lambda p: _edit(p / "docs" / "privacy.md", "last_reviewed: 2026-12-02\n", ""))
    assert result.returncode != 0
    assert "docs/privacy.md: front matter key 'last_reviewed' is missing" in result.stderr
    assert result.stderr.count("front matter key 'last_reviewed' is missing") == 1  # listed once, not twice


def test_build_warns_on_overdue_page(build_variant, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(review_dates.TODAY_VARIABLE, "2030-01-01")
    result = build_variant(lambda p: None)
    assert result.returncode != 0
    assert re.search(r"WARNING .*docs/privacy\.md: review overdue: last reviewed \d{4}-\d\d-\d\d", result.stderr)


# --- the real site -------------------------------------------------------------------------


class _Page(HTMLParser):
    """The article's text, its <abbr> elements and its review line."""

    def __init__(self) -> None:
        super().__init__()
        self.abbrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._abbr: str | None = None
        self._review = False
        self.review = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self._abbr = dict(attrs).get("title")
        if tag == "p" and ("class", "page-review") in attrs:
            self._review = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._review = False

    def handle_data(self, data: str) -> None:
        if self._abbr is not None:
            self.abbrs.append((data, self._abbr))
            self._abbr = None
        if self._review:
            self.review += data
        self.text.append(data)


def _pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if p.parent.name not in ("search", "assets") and "404" not in p.parts]


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_page_shows_review_dates(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) >= 12
    for path in pages:
        review = " ".join(_parse(path).review.split())
        assert re.fullmatch(r"Last reviewed \d{1,2} \w+ \d{4}\. Next review due \d{1,2} \w+ \d{4}\.", review), path


def test_abbr_definitions_only_for_forms_on_the_page_give_the_same_html(real_glossary, page_sources) -> None:
    """Leaving out the definitions a page cannot use changes none of its HTML."""
    import markdown as python_markdown

    every = "\n".join(f"*[{short}]: {title}" for short, title in real_glossary.abbr_titles().items())
    for text in page_sources:
        used = real_glossary.abbr_definitions(text)
        assert used.count("\n") < every.count("\n")
        html = [python_markdown.markdown(f"{text}\n\n{d}\n", extensions=["abbr", "tables", "attr_list"])
                for d in (used, every)]
        assert html[0] == html[1]
    assert sum(python_markdown.markdown(t, extensions=["abbr"]).count("<abbr") for t in
               (f"{t}\n\n{real_glossary.abbr_definitions(t)}\n" for t in page_sources)) > 100


def test_abbreviations_are_marked_up(site: Path, real_glossary: glossary.Glossary) -> None:
    titles = real_glossary.abbr_titles()
    page = _parse(site / "first-steps" / "index.html")
    assert ("SENCO", "Special Educational Needs Coordinator") in page.abbrs
    for path in _pages(site):
        for text, title in _parse(path).abbrs:
            assert title and title == titles[text], (path, text)


def test_glossary_page_lists_every_term(site: Path, real_glossary: glossary.Glossary) -> None:
    text = " ".join("".join(_parse(site / "glossary" / "index.html").text).split())
    for entry in glossary.load(DATA / "glossary.yml").entries:
        assert entry.term in text
        assert " ".join(entry.meaning.split()) in text
    assert "Old name: clinical commissioning group (CCG)" in text
    assert "Contact a Family" not in text  # the rename is unverified


def test_review_report(site: Path) -> None:
    reports = site.parent / "reports"  # beside the site: the report is for staff
    report = json.loads((reports / "review-report.json").read_text(encoding="utf-8"))
    datetime.date.fromisoformat(report["generated"])
    pages = {row["page"]: row for row in report["pages"]}
    assert {"index.md", "mediation.md", "glossary.md"} <= set(pages)
    for row in report["pages"]:
        last = datetime.date.fromisoformat(row["last_reviewed"])
        due = datetime.date.fromisoformat(row["next_review_due"])
        assert due == review_dates.add_months(last, row["review_interval_months"])
        assert row["overdue"] is False
        assert (site / row["url"] / "index.html").exists() or (site / row["url"]).exists()
    with (reports / "review-report.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["page"] for r in rows] == [r["page"] for r in report["pages"]]


def test_text_marked_in_another_language_is_not_measured_as_english(budgets) -> None:
    """{ lang="cy" } (README, "Text in another language"): the attribute list is not words, and
    the Welsh block keeps its language, so English readability budgets leave it out."""
    welsh = ("Mae'r gwasanaeth cyfrinachol hwn yn rhad ac am ddim ac yn ddiduedd, ac mae'n helpu rhieni, "
             "gofalwyr a phobl ifanc gyda phob cwestiwn am anghenion addysgol arbennig ac anableddau.")
    markdown = f"# Title\n\nA paragraph.\n{{ #intro }}\n\n{welsh}\n{{ lang=\"cy\" }}\n\nEnglish again.\n{{ lang=\"en-GB\" }}\n"
    found = [(b.line, b.text, b.language) for b in prose.blocks(markdown)]
    assert found == [(1, "Title", ""), (3, "A paragraph.", ""), (6, welsh, "cy"), (9, "English again.", "")]
    stats = readability.measure(prose.blocks(markdown), budgets.long_word_syllables)
    assert [s.text for s in stats.sentences] == ["A paragraph.", "English again."]
