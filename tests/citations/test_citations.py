"""Code of Practice citations: parser, registry, validator, quotations, real builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from citations import check as citations_check
from citations import mask as citations_mask
from citations import parse as citations_parse
from citations import quotes as citations_quotes
from citations import registry as citations_registry
from citations import render as citations_render
from citations.parse import Para

PROJECT = Path(__file__).resolve().parents[2]
REGISTRY_PATH = PROJECT / "docs" / "data" / "code_of_practice.yml"
GOV_UK = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"
BAD = "malformed"


@pytest.fixture(scope="module")
def edition() -> citations_registry.Edition:
    registry, problems = citations_registry.load(REGISTRY_PATH)
    assert problems == []
    return registry.edition()


def ranges_text(citation: citations_parse.Citation) -> str:
    """The ranges of the canonical form (edition, ranges): ``11.2,11.67-11.111``."""
    edition, ranges = citations_parse.canonical(citation).split(" ")
    assert edition == (citation.edition or "-")
    return ranges


# (Markdown, [(citation as written, ranges or BAD)]); an empty list means "not a citation".
PARSER_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # the leaflet's forms
    ("decisions are made. (11.1)", [("(11.1)", "11.1")]),
    ("to appeal about: (11.45)", [("(11.45)", "11.45")]),
    ("see sections 11.2 and 11.67 to 11.111.", [("sections 11.2 and 11.67 to 11.111", "11.2,11.67-11.111")]),
    ("in the Code sections 11.6 to 11.10.", [("sections 11.6 to 11.10", "11.6-11.10")]),
    ("sections 11.13 to 11.38", [("sections 11.13 to 11.38", "11.13-11.38")]),
    ("sections 11.39 to 11.55", [("sections 11.39 to 11.55", "11.39-11.55")]),
    # usual variants
    ("paragraph 11.45", [("paragraph 11.45", "11.45")]),
    ("Paragraph 11.8 of the Code", [("Paragraph 11.8", "11.8")]),
    ("paragraphs 11.6 to 11.10", [("paragraphs 11.6 to 11.10", "11.6-11.10")]),
    ("para 11.45", [("para 11.45", "11.45")]),
    ("para. 11.45", [("para. 11.45", "11.45")]),
    ("paras 11.6–11.10", [("paras 11.6–11.10", "11.6-11.10")]),
    ("section 11.13", [("section 11.13", "11.13")]),
    ("SEND Code of Practice, paragraph 11.45", [("paragraph 11.45", "11.45")]),
    ("— SEND Code of Practice, paragraph 11.1", [("paragraph 11.1", "11.1")]),
    ("11.6–11.10", [("11.6–11.10", "11.6-11.10")]),
    ("11.6-11.10", [("11.6-11.10", "11.6-11.10")]),
    ("11.6 – 11.10", [("11.6 – 11.10", "11.6-11.10")]),
    ("11.6—11.10", [("11.6—11.10", "11.6-11.10")]),
    ("(11.6 to 11.10)", [("(11.6 to 11.10)", "11.6-11.10")]),
    ("(11.6-11.10)", [("(11.6-11.10)", "11.6-11.10")]),
    ("(11.2 and 11.67 to 11.111)", [("(11.2 and 11.67 to 11.111)", "11.2,11.67-11.111")]),
    ("paragraphs 11.1, 11.3 and 11.6", [("paragraphs 11.1, 11.3 and 11.6", "11.1,11.3,11.6")]),
    ("paragraphs 11.1, 11.3, and 11.6", [("paragraphs 11.1, 11.3, and 11.6", "11.1,11.3,11.6")]),
    ("PARAGRAPH 11.45", [("PARAGRAPH 11.45", "11.45")]),
    ("(paragraph 11.31).", [("paragraph 11.31", "11.31")]),
    ("two: (11.1) and (11.3)", [("(11.1)", "11.1"), ("(11.3)", "11.3")]),
    ("paragraph 11.45, which says", [("paragraph 11.45", "11.45")]),
    ("**paragraph 11.45**", [("paragraph 11.45", "11.45")]),
    # raw HTML: text is read, tags and attribute values are not
    ("<td>sections 11.13 to 11.38</td>", [("sections 11.13 to 11.38", "11.13-11.38")]),
    ('<td title="paragraph 11.6">(11.6)</td>', [("(11.6)", "11.6")]),
    ('<a href="x" data-p="11.6-11.10">go</a>', []),
    ("<!-- paragraph 11.45 -->", []),
    # out-of-range and reversed numbers are read (the validator judges them)
    ("paragraph 11.112", [("paragraph 11.112", "11.112")]),
    ("paragraph 11.0", [("paragraph 11.0", "11.0")]),
    ("paragraph 12.400", [("paragraph 12.400", "12.400")]),
    ("paragraphs 11.38 to 11.13", [("paragraphs 11.38 to 11.13", "11.38-11.13")]),
    ("paragraphs 11.6 to 12.10", [("paragraphs 11.6 to 12.10", "11.6-12.10")]),
    # malformed
    ("paragraph 11.", [("paragraph 11.", BAD)]),
    ("(11.)", [("(11.)", BAD)]),
    ("paragraph 11..45", [("paragraph 11..45", BAD)]),
    ("(11..45)", [("(11..45)", BAD)]),
    ("paragraph 11.045", [("paragraph 11.045", BAD)]),
    ("(11.045)", [("(11.045)", BAD)]),
    ("(11.4 5)", [("(11.4 5)", BAD)]),
    ("paragraph 11", [("paragraph 11", BAD)]),
    ("paragraph 11.4.5", [("paragraph 11.4.5", BAD)]),
    # not citations
    ("`paragraph 11.45`", []),
    ("``(11.45)``", []),
    ("<code>11.6-11.10</code>", []),
    ("[link](https://example.org/11.6-11.10)", []),
    ("see www.example.org/11.6-11.10", []),
    ("Local Government Act 1974, sections 26B and 34D", []),
    ("section 19 of the Act", []),
    ("open 9.30-11.30am", []),
    ("(2026)", []),
    ("(3 working days)", []),
    ("(1.5 hours)", []),
    ("costs £11.50-£12.50", []),
    ("version 11.45", []),
    ("{{ local.phone }} 0118 908 8233", []),
    ("*[SEN]: paragraph 11.45", []),
]


def test_parser_table_is_big_enough():
    assert len(PARSER_CASES) >= 50


@pytest.mark.parametrize("markdown, expected", PARSER_CASES)
def test_parser(markdown: str, expected: list[tuple[str, str]]):
    found = citations_parse.find(markdown, "2015-01")
    got = [(c.text, BAD if c.malformed else ranges_text(c)) for c in found]
    assert got == expected
    for citation in found:
        assert citation.edition == "2015-01"
        assert citation.line == 1


def test_parser_skips_fenced_code_and_multiline_comments():
    markdown = "```\nparagraph 11.45\n```\n<!--\n(11.1)\n-->\n<pre>\n(11.3)\n</pre>\nparagraph 11.6\n"
    assert [(c.line, c.text) for c in citations_parse.find(markdown)] == [(10, "paragraph 11.6")]


def test_lines_with_nothing_to_mask_take_the_fast_path_with_the_same_result(monkeypatch):
    """The shortcut for lines without ``<`` ` ] @ { :`` or ``www.`` changes no masked line."""
    pages = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "docs").rglob("*.md"))]
    pages += [markdown for markdown, _ in PARSER_CASES]
    pages.append("```\nparagraph 11.45\n```\n<!--\n(11.1)\n-->\n<pre>\n(11.3)\n</pre>\n~~~\n11.4\n~~~\n")
    pages.append("see https://example.org/11.45\nor tel:0118 11.4\nor x@example.org\nor www.example.org/11.4\n"
                  "`11.45` and {{ local.phone }} and <b>11.4</b> and [a](11.45)\n")
    fast = [list(citations_mask.masked_lines(page)) for page in pages]
    monkeypatch.setattr(citations_mask, "MAY_NEED_MASK", re.compile(""))  # every line: full path
    assert fast == [list(citations_mask.masked_lines(page)) for page in pages]
    assert sum(1 for page in fast for _, line, masked in page if masked != line) > 100


def test_parser_marks_citations_inside_links():
    found = citations_parse.find("[paragraph 11.45](https://example.org) and <a href='x'>(11.1)</a>")
    assert [(c.text, c.in_link) for c in found] == [("paragraph 11.45", True), ("(11.1)", True)]


def test_malformed_guesses():
    guesses = {t: citations_parse.parse_number(t) for t in ("11..45", "11.045", "11.4 5", "11.")}
    assert guesses["11..45"].guess == "11.45"
    assert guesses["11.045"].guess == "11.45"
    assert guesses["11.4 5"].guess == "11.45"
    assert guesses["11."].guess is None


def test_brackets_link_only_the_number():
    [citation] = citations_parse.find("about: (11.45)")
    line = "about: (11.45)"
    assert line[citation.link_start:citation.link_end] == "11.45"


def test_citations_in_yaml_text_values_have_their_file_line():
    text = (
        "# (11.1) in a comment is not a value\n"
        "routes:\n"
        "  - id: mediation\n"
        "    summary: See (11.45).\n"
        "    help: >\n"
        "      Read the Code,\n"
        "      paragraph 11.6 and 11.7.\n"
        "    count: 11.2\n"
    )
    found = [(c.line, c.text) for c in citations_parse.find_in_yaml(text)]
    assert sorted(found) == [(4, "(11.45)"), (7, "paragraph 11.6 and 11.7")]  # not the number 11.2


# --- registry -------------------------------------------------------------------------------

def test_registry_knows_the_edition_and_chapter(edition):
    assert edition.name == "January 2015"
    assert edition.page == GOV_UK
    assert edition.pdf.endswith("SEND_Code_of_Practice_January_2015.pdf")
    chapter = edition.chapters[11]
    assert (str(chapter.first), str(chapter.last)) == ("11.1", "11.111")
    assert edition.known(Para(11, 1)) and edition.known(Para(11, 111))
    assert not edition.known(Para(11, 112)) and not edition.known(Para(11, 0))
    assert not edition.known(Para(12, 1))
    for number in range(1, 112):
        assert edition.section(Para(11, number)) is not None


def test_registry_keeps_verbatim_kinds(edition):
    assert {p.verbatim for p in edition.texts(Para(11, 13))} == {"leaflet"}
    assert {p.verbatim for p in edition.texts(Para(11, 1))} == {True}
    assert {p.verbatim for p in edition.texts(Para(11, 31))} == {False}
    assert edition.texts(Para(11, 45))[0].verbatim is True
    assert all(p.verbatim == "leaflet" for p in edition.texts(Para(11, 45))[1:])


def test_registry_marks_unknown_subjects(edition):
    for number in (11, 12, 56, 60, 66):
        section = edition.section(Para(11, number))
        assert not section.subject_known and section.confidence == "unverified"
    assert edition.section(Para(11, 45)).subject_known


def test_registry_describes_only_what_it_knows(edition):
    assert edition.describe(Para(11, 45), Para(11, 45)) == (
        "What parents and young people can appeal to the Tribunal about")
    assert edition.describe(Para(11, 1), Para(11, 1)).endswith("(our summary)")
    assert edition.describe(Para(11, 6), Para(11, 38)) == (
        "Disagreement resolution services; 11.11 to 11.12: subject not verified; "
        "Mediation, including mediation advice and mediation certificates")


def test_registry_problems_are_all_reported(tmp_path):
    text = REGISTRY_PATH.read_text(encoding="utf-8")
    text = text.replace("first: '11.13'", "first: 11.13", 1).replace("confidence: verified", "confidence: sure", 1)
    text = text.replace("current_edition: '2015-01'", "current_edition: '2030-01'")
    bad = tmp_path / "code_of_practice.yml"
    bad.write_text(text, encoding="utf-8")
    registry, problems = citations_registry.load(bad)
    assert registry is None
    joined = "\n".join(problems)
    assert "must be a quoted paragraph number" in joined
    assert "'confidence' is 'sure'" in joined
    assert "'2030-01' is not the id of an edition" in joined


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("editions:\n", "editions: the 2015 edition\nold_editions:\n", "'editions' must be a list"),
    ("current_edition: '2015-01'", "current_edition: ['2015-01']", "is not the id of an edition"),
    ("confidence: verified", "confidence: [verified]", "'confidence' is ['verified']"),
], ids=["editions as text", "current_edition as a list", "confidence as a list"])
def test_registry_written_in_the_wrong_shape_is_named_not_a_traceback(tmp_path, old, new, expected):
    text = REGISTRY_PATH.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "code_of_practice.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    registry, problems = citations_registry.load(bad)
    assert registry is None
    assert expected in "\n".join(problems)


# --- validator ------------------------------------------------------------------------------

def problems_for(text: str, edition) -> list[citations_check.Problem]:
    [citation] = citations_parse.find(text, edition.id)
    return citations_check.check_citation(citation, edition)


VALIDATOR_CASES = [
    ("paragraph 11.112", "paragraph 11.112 is not in the registry", "nearest known paragraph is 11.111"),
    ("paragraph 11.0", "paragraph 11.0 is not in the registry", "nearest known paragraph is 11.1"),
    ("paragraph 12.400", "chapter 12 is not in the registry", "knows chapter 11"),
    ("paragraph 12.45", "chapter 12 is not in the registry", "did you mean 11.45"),
    ("paragraphs 11.38 to 11.13", "runs backwards", "write it as 11.13 to 11.38"),
    ("paragraphs 11.6 to 12.10", "crosses from chapter 11 to chapter 12", "did you mean 11.6 to 11.10"),
    ("paragraphs 11.6 to 12.10", "chapter 12 is not in the registry", "knows chapter 11"),
    ("paragraph 11.", "has no paragraph number after the dot", "write a paragraph number such as 11.45"),
    ("paragraph 11..45", "two dots", "did you mean 11.45 (What parents and young people can appeal"),
    ("paragraph 11.045", "a 0 in front", "did you mean 11.45"),
    ("(11.4 5)", "space inside", "did you mean 11.45"),
    ("paragraph 11.60", "nobody has checked what paragraph 11.60 is about", "check 11.56 to 11.66"),
    ("paragraph 11.11", "nobody has checked what paragraph 11.11 is about", "check 11.11 to 11.12"),
    ("[paragraph 11.45](https://example.org)", "inside a link", "remove that link"),
]


@pytest.mark.parametrize("text, what, fix", VALIDATOR_CASES)
def test_validator(text: str, what: str, fix: str, edition):
    problems = problems_for(text, edition)
    assert any(what in p.what and fix in p.fix for p in problems), problems


@pytest.mark.parametrize("text", [
    "paragraph 11.45", "(11.1)", "sections 11.2 and 11.67 to 11.111", "sections 11.6 to 11.10",
    "paragraphs 11.1 to 11.111", "paragraph 11.111", "(11.13)", "11.39-11.55",
])
def test_validator_accepts_good_citations(text: str, edition):
    assert problems_for(text, edition) == []


def test_crossing_chapters_is_reported_when_both_chapters_exist(edition):
    two = citations_registry.Edition("x", "X", "X", "X", GOV_UK, GOV_UK, dict(edition.chapters))
    two.chapters[12] = citations_registry.Chapter(12, "Other", Para(12, 1), Para(12, 20))
    [citation] = citations_parse.find("paragraphs 11.6 to 12.10")
    [problem] = citations_check.check_citation(citation, two)
    assert "crosses from chapter 11 to chapter 12" in problem.what
    assert "11.6 to 11.10, Disagreement resolution services" in problem.fix


def test_scope_warning_names_the_page_that_covers_it():
    covered = {"mediation.md": [(Para(11, 13), Para(11, 38))],
               "appeals.md": [(Para(11, 39), Para(11, 55))]}
    [citation] = citations_parse.find("see paragraph 11.45")
    problem = citations_check.check_scope(citation, "mediation.md", covered["mediation.md"], covered)
    assert "11.45 is outside the paragraphs this route page covers (11.13 to 11.38" in problem.what
    assert "belongs with appeals.md" in problem.what
    assert "{{ citations.cross_reference }}" in problem.fix
    [inside] = citations_parse.find("(11.31)")
    assert citations_check.check_scope(inside, "mediation.md", covered["mediation.md"], covered) is None


def test_problem_message_has_file_line_citation_what_and_fix(edition):
    [problem] = problems_for("paragraph 11.112", edition)
    message = problem.message("docs/appeals.md")
    assert message.startswith("docs/appeals.md:1: Code of Practice citation 'paragraph 11.112': ")
    assert "; the nearest known paragraph is 11.111" in message


# --- quotations -----------------------------------------------------------------------------

P11_6 = (
    "Local authorities must make disagreement resolution services available to parents and young "
    "people. Use of the disagreement resolution services is voluntary and has to be with the "
    "agreement of all parties. The service, while commissioned by it, must be independent of the "
    "local authority – no-one who is directly employed by a local authority can provide "
    "disagreement resolution services."
)

QUOTE_CASES = [
    # (quotation, paragraph, matches?)
    (P11_6, "11.6", True),
    (P11_6.upper(), "11.6", True),
    (P11_6.replace("–", "—").replace("  ", " "), "11.6", True),
    (P11_6.replace("–", "-"), "11.6", True),
    (P11_6.replace("authority – no-one", "authority—no-one"), "11.6", True),
    (P11_6.replace(" ", "\n", 5), "11.6", True),
    ("Use of the disagreement resolution services is voluntary and has to be with the agreement of all parties.", "11.6", True),
    ("Local authorities must make disagreement resolution services available to parents and young people.", "11.6", True),
    ("Local authorities must make disagreement resolution services available to parents and young people. … "
     "must be independent of the local authority – no-one who is directly employed by a local authority "
     "can provide disagreement resolution services.", "11.6", True),
    ("The service ... must be independent of the local authority – no-one who is directly employed by a "
     "local authority can provide disagreement resolution services.", "11.6", True),
    ("… must be independent of the local authority …", "11.6", True),
    ("Local authorities must make ‘disagreement resolution services’ available to parents and young people.", "11.6", True),
    ("use of the disagreement resolution services is voluntary", "11.6", False),
    ("Local authorities must make disagreement resolution services available to parents and children.", "11.6", False),
    ("Local authorities may make disagreement resolution services available to parents and young people.", "11.6", False),
    (P11_6 + " Independent supporters can help too.", "11.6", False),
    ("The service must be independent of the local authority.", "11.6", False),
    ("Mediation can take place following decisions by a local authority not to carry out an EHC needs "
     "assessment, not to draw up an EHC plan, after they receive a final EHC plan or amended plan, "
     "following a decision not to amend an EHC plan or a decision to cease to maintain an EHC plan.", "11.13", True),
    ("Mediation must take place following decisions by a local authority.", "11.13", False),
    ("The disagreement resolution service is to help resolve four types of disagreement or to prevent "
     "them from escalating further:", "11.8", True),
    ("The disagreement resolution service is to help resolve three types of disagreement", "11.8", False),
]


@pytest.mark.parametrize("quotation, para, matches", QUOTE_CASES)
def test_quotation_matching(quotation: str, para: str, matches: bool, edition):
    known = [p.text for p in edition.texts(Para.parse(para)) if p.verbatim]
    assert (citations_quotes.mismatch([quotation], known) is None) == matches


def test_quotation_list_items_are_whole_units(edition):
    known = [p.text for p in edition.texts(Para(11, 45))]
    items = ["a decision by a local authority not to carry out an EHC needs assessment or re-assessment",
             "a decision by a local authority that it is not necessary to issue an EHC plan following an assessment"]
    assert citations_quotes.mismatch(items, known) is None
    assert citations_quotes.mismatch(items[::-1], known) is not None
    assert citations_quotes.mismatch(["a decision by a local authority not to carry out"], known) is not None


def test_quotation_found_in_markdown_and_checked(edition):
    markdown = (
        "Intro.\n\n"
        "> Local authorities must make disagreement resolution services available to parents.\n"
        ">\n"
        "> — SEND Code of Practice, paragraph 11.6\n\n"
        "> - a decision by a local authority to cease to maintain an EHC plan\n"
        ">\n"
        "> — SEND Code of Practice, paragraph 11.45\n\n"
        "> Not attributed, so not checked.\n"
    )
    quotes = citations_quotes.find(markdown)
    assert [(q.first_line, q.para) for q in quotes] == [(3, "11.6"), (7, "11.45")]
    [problem] = citations_check.check_quotation(quotes[0], edition)
    assert problem.line == 3
    assert "does not match the known wording of 11.6" in problem.what
    assert "stops or starts part-way through a sentence" in problem.what
    assert citations_check.check_quotation(quotes[1], edition) == []


def test_quotation_in_the_leaflet_style_is_checked(edition):
    markdown = ("> Decisions about provision for children and young people with SEN should be made as "
                "soon as possible. (11.3)\n\n"
                "> Decisions about provision should be made quickly.\n>\n> (11.3)\n")
    good, bad = citations_quotes.find(markdown)
    assert (good.para, good.blocks) == ("11.3", ("Decisions about provision for children and young "
                                                 "people with SEN should be made as soon as possible.",))
    assert citations_check.check_quotation(good, edition) == []
    [problem] = citations_check.check_quotation(bad, edition)
    assert bad.first_line == 3 and "does not match the known wording of 11.3" in problem.what


def test_quotation_of_paragraph_without_known_wording_fails(edition):
    [unknown] = citations_quotes.find("> Something.\n>\n> — SEND Code of Practice, paragraph 11.20\n")
    [problem] = citations_check.check_quotation(unknown, edition)
    assert "holds no wording for 11.20" in problem.what
    [paraphrase] = citations_quotes.find(
        "> Parents and young people can also go to mediation about the health and social care "
        "elements of an EHC plan.\n>\n> — SEND Code of Practice, paragraph 11.31\n")
    [problem] = citations_check.check_quotation(paraphrase, edition)
    assert "only a paraphrase" in problem.what


# --- rendering ------------------------------------------------------------------------------

def test_link_keeps_visible_text_and_names_the_code(edition):
    [citation] = citations_parse.find("see sections 11.2 and 11.67 to 11.111 now")
    line = citations_render.link_line("see sections 11.2 and 11.67 to 11.111 now", [citation], edition)
    anchor = lxml_html.fragment_fromstring(line, create_parent="p").find("a")
    assert anchor.text == "sections 11.2 and 11.67 to 11.111"
    assert anchor.get("href") == GOV_UK
    assert anchor.get("aria-label") == "SEND Code of Practice, sections 11.2 and 11.67 to 11.111"
    assert anchor.get("aria-describedby") == "cop-11-2 cop-11-67-11-111"
    assert "11.67 to 11.111: Complaints" in anchor.get("title")


# --- real builds ----------------------------------------------------------------------------

BAD_LINES = {
    "paragraph 11.112": "paragraph 11.112 is not in the registry",
    "paragraph 11.0": "paragraph 11.0 is not in the registry",
    "paragraph 12.400": "chapter 12 is not in the registry",
    "paragraphs 11.38 to 11.13": "runs backwards",
    "paragraphs 11.6 to 12.10": "crosses from chapter 11 to chapter 12",
    "paragraph 11.": "has no paragraph number after the dot",
    "paragraph 11..45": "two dots in a row",
    "paragraph 11.045": "a 0 in front of the paragraph number",
    "(11.4 5)": "space inside the number",
    "paragraph 11.60": "nobody has checked what paragraph 11.60 is about",
    "paragraph 11.45": "is outside the paragraphs this route page covers",
}
BAD_QUOTE = (
    "> Local authorities may make disagreement resolution services available to parents and young people.\n"
    ">\n"
    "> — SEND Code of Practice, paragraph 11.6\n"
)


def _append(project: Path, page: str, text: str) -> int:
    """Append text to a page; return the file line where it starts."""
    path = project / "docs" / page
    source = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(source + text, encoding="utf-8")
    return source.count("\n") + 1


def test_every_bad_case_fails_the_build_naming_file_and_line(build_variant):
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        body = "".join(f"Bad citation: see {text} now.\n\n" for text in BAD_LINES)
        start = _append(project, "mediation.md", body + BAD_QUOTE)
        for index, text in enumerate(BAD_LINES):
            lines[text] = start + 2 * index
        lines["quote"] = start + 2 * len(BAD_LINES)
        page = project / "docs" / "appeals.md"
        page.write_text(page.read_text(encoding="utf-8").replace(
            "---\n", "---\ncode_of_practice_edition: '1999-01'\n", 1), encoding="utf-8")
        routes = project / "docs" / "data" / "routes.yml"
        text = routes.read_text(encoding="utf-8")
        assert "care parts of an EHC plan (11.31)." in text
        lines["data"] = text[:text.index("care parts of an EHC plan (11.31).")].count("\n") + 1
        routes.write_text(text.replace("care parts of an EHC plan (11.31).",
                                       "care parts of an EHC plan (11.60)."), encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "appeals.md:2: 'code_of_practice_edition: 1999-01' is not an edition" in log, log
    assert re.search(rf"docs/data/routes\.yml:{lines['data']}: Code of Practice citation '\(11\.60\)': "
                     r"nobody has checked what paragraph 11\.60 is about", log), log
    assert re.search(r"compare-routes\.md:\d+: Code of Practice citation '\(11\.60\)': .*"
                     r"a marker on this line generated the text", log), log
    for text, what in BAD_LINES.items():
        pattern = (rf"WARNING\s+-\s+mediation\.md:{lines[text]}: Code of Practice citation "
                   rf"'{re.escape(text)}': [^\n]*{re.escape(what)}[^\n]*; ")
        assert re.search(pattern, log), f"no message for {text!r}:\n{log}"
    assert re.search(rf"mediation\.md:{lines['quote']}: Code of Practice citation 'paragraph 11\.6': "
                     r"the quotation does not match", log), log


def test_cross_reference_marker_silences_the_scope_warning(build_variant):
    line = {}

    def edit(project: Path) -> None:
        line["good"] = _append(project, "mediation.md",
                               "Compare paragraph 11.45 here. {{ citations.cross_reference }}\n\n"
                               "Nothing to silence. {{ citations.cross_reference }}\n")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert "is outside the paragraphs this route page covers" not in log
    assert f"mediation.md:{line['good'] + 2}: {{{{ citations.cross_reference }}}} is not needed here" in log
    assert result.returncode != 0


def _article(path: Path):
    return lxml_html.parse(str(path)).getroot().find_class("md-content__inner")[0]


def _expected_name(text: str, noun_hint: str | None = None) -> str:
    [citation] = citations_parse.find(text)
    noun = citation.noun if noun_hint is None else noun_hint
    plural = len(citation.ranges) > 1 or any(a != b for a, b in citation.ranges)
    words = text.strip("()") if "," in text else citation.paragraphs_text  # a list keeps its words
    return f"SEND Code of Practice, {noun}{'s' if plural else ''} {words}"


def test_site_citations_are_links_and_all_listed(site: Path):
    pages = sorted(site.rglob("index.html"))
    references = site / "code-of-practice-references" / "index.html"
    assert references.exists()
    listed: dict[str, set[str]] = {}
    for row in _article(references).iter("tr"):
        head = row.find("th")
        if head is not None and head.find("a") is not None:
            targets = {(references.parent / a.get("href")).resolve() for a in row.iter("a")
                       if not a.get("href").startswith("https://")}
            listed[head.find("a").text] = targets
    checked = 0
    for path in pages:
        if path == references:
            continue
        article = _article(path)
        for code in article.xpath(".//code|.//pre|.//script|.//style"):
            code.drop_tree()
        for text_node in article.xpath(".//text()[not(ancestor::a[contains(@class, 'cop-citation')])]"):
            stray = [c.text for c in citations_parse.find_in_text(str(text_node)) if c.linkable]
            assert stray == [], f"{path}: citation not linked: {stray}"
        for anchor in article.find_class("cop-citation"):
            text = anchor.text_content()
            if not citations_parse.find(text):
                text = f"({text})"  # "(11.45)": only the number inside the brackets is the link
            [citation] = citations_parse.find(text)
            assert anchor.get("href") == GOV_UK
            assert anchor.get("aria-label") == _expected_name(text), (path, text)
            for first, last in citation.ranges:
                key = str(first) if first == last else f"{first} to {last}"
                assert path.parent.resolve() in listed.get(key, set()), (path, key)
            for target in (anchor.get("aria-describedby") or "").split():
                assert article.get_element_by_id(target) is not None
            checked += 1
    assert checked >= 10


# --- every way of writing a paragraph number is read or refused (issue 19, item 8) ----------

UNCHECKED_FORMS = [
    # (Markdown, (citation as written, ranges or chapter))
    ("11.999 of the Code", ("11.999 of the Code", "11.999")),
    ("see 11.45 of the SEND Code of Practice.", ("11.45 of the SEND Code of Practice", "11.45")),
    ("11.13 to 11.999", ("11.13 to 11.999", "11.13-11.999")),
    ("SEND Code of Practice (2015) 11.999", ("SEND Code of Practice (2015) 11.999", "11.999")),
    ("the Code of Practice, 11.45, says", ("Code of Practice, 11.45", "11.45")),
    ("§11.45", ("§11.45", "11.45")),
    ("§§ 11.6–11.10", ("§§ 11.6–11.10", "11.6-11.10")),
    ("pars 11.45", ("pars 11.45", "11.45")),
    ("chapter 19", ("chapter 19", "chapter 19")),
    ("Chapter 11 of the SEND Code of Practice", ("Chapter 11", "chapter 11")),
]


@pytest.mark.parametrize("markdown, expected", UNCHECKED_FORMS)
def test_every_form_of_citation_is_read(markdown: str, expected: tuple[str, str]):
    [citation] = citations_parse.find(markdown, "2015-01")
    read = f"chapter {citation.chapter}" if citation.chapter else ranges_text(citation)
    assert (citation.text, read) == expected


@pytest.mark.parametrize("markdown", [
    "chapter 3 of the Children and Families Act 2014", "WCAG 2.2", "open 9.30 to 11.30am",
    "costs £11.50 to £12.50", "version 11.45", "1.5 to 2.5 hours",
])
def test_numbers_that_are_not_the_code_are_not_read(markdown: str, edition):
    found = citations_parse.find(markdown, "2015-01", loose=True)
    assert [p for c in found for p in citations_check.check_citation(c, edition)] == []


@pytest.mark.parametrize("markdown, loose, meant", [
    ("see 11.45 for more", "11.45", "11.45"), ("as 11.2 and 11.67 say", "11.2", "11.2"),
    ("p11.45", "11.45", "11.45"), ("see 11.045", "11.045", "11.45"),
])
def test_a_paragraph_number_no_form_takes_fails_with_the_form_to_write(markdown, loose, meant, edition):
    assert citations_parse.find(markdown, "2015-01") == []  # never linked or listed
    found = citations_parse.find(markdown, "2015-01", loose=True)
    [problem] = citations_check.check_citation(found[0], edition)
    assert problem.written == loose
    assert "is not written as a citation" in problem.what
    assert f"write paragraph {meant} or ({meant})" in problem.fix


def test_a_malformed_bare_range_is_still_reported(edition):
    [citation] = citations_parse.find("see 11.045-11.10 now")
    [problem] = citations_check.check_citation(citation, edition)
    assert "a 0 in front of the paragraph number" in problem.what


def test_chapter_citations_are_checked_against_the_registry(edition):
    [nineteen] = citations_parse.find("chapter 19")
    [problem] = citations_check.check_citation(nineteen, edition)
    assert "chapter 19 is not in the registry" in problem.what and "knows chapter 11" in problem.fix
    [eleven] = citations_parse.find("Chapter 11 of the SEND Code of Practice")
    assert citations_check.check_citation(eleven, edition) == []


def test_new_forms_are_linked_and_listed(edition):
    from citations import page as citations_page

    markdown = "Read §11.45, pars 11.6 to 11.10; then 11.1 of the Code. Chapter 11 too.\n"
    checked = citations_page.check_page(markdown, markdown, "x.md", edition, {})
    assert checked.warnings == []
    first = checked.markdown.splitlines()[0]
    assert first.count('class="cop-citation"') == 3
    assert ">§11.45</a>" in first and ">pars 11.6 to 11.10</a>" in first and ">11.1</a> of the Code" in first
    assert "Chapter 11 too" in first  # a chapter is checked, not linked
    assert checked.ranges == [(Para(11, 1), Para(11, 1)), (Para(11, 6), Para(11, 10)),
                              (Para(11, 45), Para(11, 45))]


def test_unchecked_forms_fail_the_build_naming_file_and_line(build_variant):
    lines: dict[str, int] = {}
    unknown = ["11.999 of the Code", "11.13 to 11.999", "SEND Code of Practice (2015) 11.999"]

    def edit(project: Path) -> None:
        body = "".join(f"Read {text} now.\n\n" for text in unknown)
        start = _append(project, "getting-help.md", body + "Read chapter 19 now.\n\nRead 11.45 now.\n")
        for index, text in enumerate(unknown + ["chapter 19", "11.45"]):
            lines[text] = start + 2 * index
        start = _append(project, "mediation.md", "Read §11.45 now.\n\nRead pars 11.45 now.\n")
        lines["§11.45"], lines["pars 11.45"] = start, start + 2

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log, log
    for text in unknown:
        assert re.search(rf"getting-help\.md:{lines[text]}: Code of Practice citation '{re.escape(text)}': "
                         r"paragraph 11\.999 is not in the registry[^\n]*; the nearest known paragraph is 11\.111",
                         log), log
    assert re.search(rf"getting-help\.md:{lines['chapter 19']}: Code of Practice citation 'chapter 19': "
                     r"chapter 19 is not in the registry[^\n]*; the registry knows chapter 11", log), log
    assert re.search(rf"getting-help\.md:{lines['11.45']}: Code of Practice citation '11\.45': "
                     r"[^\n]*is not written as a citation[^\n]*; write paragraph 11\.45 or \(11\.45\)", log), log
    for text in ("§11.45", "pars 11.45"):
        assert re.search(rf"mediation\.md:{lines[text]}: Code of Practice citation '{re.escape(text)}': "
                         r"11\.45 is outside the paragraphs this route page covers", log), log
