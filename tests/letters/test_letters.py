"""Model letters: the data is checked, each letter is a page, a Word document and plain text,
listed with sizes on the download page, in the offline copy and in the booklet.

The quick tests read the data and make documents directly; the others use the real build
(``site``) or a changed copy of the project (``build_variant``).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from letters import document, layout, model
from letters import pages as letter_pages
from print import downloads

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "docs" / "data" / "letters.yml"
LOCAL = {"council": "Wokingham Borough Council", "casework_role": "SEN casework practitioner",
         "mediation_provider": "Global Mediation", "service": "SENDIASS"}
WANTED = {  # the letters issue 17 asks for, by id
    "ask-school-for-a-meeting", "complaint-to-the-school", "complaint-to-the-council",
    "ask-the-council-for-mediation", "ask-for-the-mediation-certificate",
    "ask-for-an-ehc-needs-assessment",
}
OTHER_SERVICE = {
    "service": {"name": "Testshire SEND Information, Advice and Support Service", "short_name": "SENDIASS", "area": "Testshire",
                "phone": "01632 960 001", "email": "advice@testshire.example.org",
                "website": "https://advice.testshire.example.org"},
    "council": {"name": "Testshire County Council", "casework_role": "SEN officer",
                "local_offer": "https://www.testshire.example.org/local-offer"},
    "mediation_provider": {"name": "Testshire Mediation Partners",
                           "website": "https://mediation.testshire.example.org",
                           "phone": "01632 960 002"},
}
OUR_DETAILS = ("Wokingham", "Global Mediation", "SEN casework practitioner", "0118 908 8233")


def letters() -> model.Letters:
    loaded, problems = model.load(DATA, LOCAL)
    assert not problems, problems
    return loaded


def site_letters() -> list[str]:
    return [item["id"] for item in yaml.safe_load(DATA.read_text(encoding="utf-8"))["letters"]]


def docx_text(data: bytes) -> str:
    opened = docx.Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in opened.paragraphs)


def lines(text: str) -> list[str]:
    """The text's non-empty lines (the Word document and the plain text space paragraphs apart
    differently)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- the data -----------------------------------------------------------------------------

def test_the_letters_the_issue_asks_for_are_there():
    assert WANTED <= {letter.id for letter in letters().letters}


def test_local_details_are_filled_in_and_blanks_kept():
    mediation = {letter.id: letter for letter in letters().letters}["ask-the-council-for-mediation"]
    assert "Wokingham Borough Council" in mediation.recipient
    assert "[your child's name]" in mediation.blanks()
    assert not any("{{" in line for line in (*mediation.recipient, *mediation.body))


@pytest.mark.parametrize("change, expected", [
    ("  - id: ask-school-for-a-meeting\n", "the id must be lower-case words"),
    ("    relies_on:\n      code: paragraph 11.1\n", "'relies_on' must name"),
    ("      law_source: https://www.legislation.gov.uk/ukpga/2014/6/section/36\n",
     "relies_on law needs law_source"),
    ('      - "{{ local.council }}"\n', "is not a plain-text local detail"),
])
def test_bad_letter_data_is_reported_with_file_and_line(tmp_path, change, expected):
    text = DATA.read_text(encoding="utf-8")
    bad = {
        "  - id: ask-school-for-a-meeting\n": "  - id: Ask School\n",
        "    relies_on:\n      code: paragraph 11.1\n": "    relies_on: {}\n",
        "      law_source: https://www.legislation.gov.uk/ukpga/2014/6/section/36\n": "",
        '      - "{{ local.council }}"\n': '      - "{{ local.counsil }}"\n',
    }[change]
    assert change in text
    path = tmp_path / "letters.yml"
    path.write_text(text.replace(change, bad, 1), encoding="utf-8")
    changed_line = text[: text.index(change)].count("\n") + 1
    _, problems = model.load(path, LOCAL)
    messages = [str(problem) for problem in problems]
    assert any(expected in message for message in messages), messages
    match = next(m for m in messages if expected in m)
    line = int(re.match(rf"{re.escape(str(path))}:(\d+): ", match)[1])
    assert abs(line - changed_line) <= 3, (line, changed_line, match)


# --- the documents ------------------------------------------------------------------------

def test_word_document_is_the_same_bytes_every_time():
    letter = letters().letters[0]
    first = document.word_document(letter, "2026-12-02", "A service")
    assert first == document.word_document(letter, "2026-12-02", "A service")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {document.ZIP_TIME}
    properties = docx.Document(io.BytesIO(first)).core_properties
    assert properties.created.isoformat().startswith("2026-12-02")
    assert properties.title == letter.title


def test_plain_text_has_every_part_of_the_letter():
    letter = letters().letters[0]
    text = layout.plain_text(letter)
    for block in layout.blocks(letter):
        for line in block.lines:
            assert line in text


# --- the real build -----------------------------------------------------------------------

def test_every_letter_document_opens_and_holds_the_blanks_and_our_details(site):
    folder = site / letter_pages.FILES
    for letter_id in site_letters():
        data = (folder / f"{letter_id}.docx").read_bytes()
        text = docx_text(data)
        assert "[your name]" in text and "[the date]" in text, letter_id
        assert re.search(r"\[[a-z][^\]]+\]", text), letter_id
        assert "{{" not in text, letter_id
        plain = (folder / f"{letter_id}.txt").read_text(encoding="utf-8")
        assert lines(plain) == lines(text), letter_id
    council = docx_text((folder / "ask-the-council-for-mediation.docx").read_bytes())
    assert "Wokingham Borough Council" in council and "Global Mediation" in council


def test_download_page_lists_each_letter_with_its_size(site):
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for letter_id in site_letters():
        for suffix in ("docx", "txt"):
            path = site / letter_pages.FILES / f"{letter_id}.{suffix}"
            size = downloads.human_size(path.stat().st_size).replace(" KB", ' <abbr title="kilobytes">KB</abbr>')
            entry = re.search(rf'href="letters/{re.escape(path.name)}">[^<]+</a> \(([^)]*)\)', page)
            assert entry, f"{path.name} is not listed on the download page"
            assert entry[1] == size, (path.name, entry[1], size)


def test_each_letter_page_shows_the_letter_as_text_with_its_downloads(site):
    for letter_id in site_letters():
        page = (site / "letters" / letter_id / "index.html").read_text(encoding="utf-8")
        region = re.search(r'<div class="letter" role="region" aria-labelledby="letter-text">(.*?)</div>',
                           page, re.DOTALL)
        assert region, letter_id
        assert '<span class="letter-blank">[your name]</span>' in region[1]
        assert "<input" not in region[1] and "<textarea" not in region[1] and "<img" not in region[1]
        assert f"downloads/letters/{letter_id}.docx" in page and f"downloads/letters/{letter_id}.txt" in page


def test_offline_copy_holds_every_letter(site):
    with zipfile.ZipFile(site / "downloads" / "sen-disagreements-offline.zip") as archive:
        names = set(archive.namelist())
        for letter_id in site_letters():
            for member in (f"site/downloads/letters/{letter_id}.docx",
                           f"site/downloads/letters/{letter_id}.txt",
                           f"site/letters/{letter_id}.html"):
                assert member in names, member
            website = (site / letter_pages.FILES / f"{letter_id}.docx").read_bytes()
            assert archive.read(f"site/downloads/letters/{letter_id}.docx") == website


def test_booklet_ends_with_the_letters_appendix(site):
    text = subprocess.run(["pdftotext", "-layout", str(site / "downloads" / "booklet.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    body = text[text.rindex("Privacy"):]
    start = body.find("Model letters\n")
    assert start > 0, "the booklet has no 'Model letters' part"
    appendix = body[start:]
    for item in letters().letters:
        assert item.title.split(",")[0][:30] in " ".join(appendix.split()), item.title
    assert appendix.count("Yours sincerely,") == len(letters().letters)


# --- changed copies of the project --------------------------------------------------------

def test_a_bad_citation_in_letters_fails_the_build_with_file_and_line(build_variant):
    text = DATA.read_text(encoding="utf-8")
    line = text[: text.index("code: paragraph 11.1\n")].count("\n") + 1

    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "letters.yml"
        path.write_text(text.replace("code: paragraph 11.1\n", "code: paragraph 11.131\n", 1), encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode != 0
    assert f"docs/data/letters.yml:{line}:" in result.stderr, result.stderr[-3000:]
    assert "11.131" in result.stderr
    assert "Traceback" not in result.stderr


def test_another_service_gets_its_own_details_in_every_letter(build_variant, tmp_path):
    def edit(project: Path) -> None:
        (project / "localities" / "wokingham" / "local.yml").write_text(yaml.safe_dump(OTHER_SERVICE), encoding="utf-8")

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr[-3000:]
    folder = tmp_path / "out" / letter_pages.FILES
    texts = {path.name: docx_text(path.read_bytes()) for path in folder.glob("*.docx")}
    texts |= {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.txt")}
    assert len(texts) == 2 * len(site_letters())
    for name, text in texts.items():
        for ours in OUR_DETAILS:
            assert ours not in text, f"{name} still holds {ours!r}"
        assert "[your name]" in text, name
    assert "Testshire County Council" in texts["ask-the-council-for-mediation.docx"]
    assert "Testshire Mediation Partners" in texts["ask-for-the-mediation-certificate.txt"]
    properties = docx.Document(folder / "ask-school-for-a-meeting.docx").core_properties
    assert properties.author == "Testshire SEND Information, Advice and Support Service"
