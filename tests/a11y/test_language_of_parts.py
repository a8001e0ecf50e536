"""Text in another language gets lang (and dir), checked at build time (issue 19, item 19).

No browser: hooks/a11y/language.py's checks and real strict builds, read in the built HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from a11y import language as a11y_language

WELSH = "Mae'r gwasanaeth yn rhad ac am ddim.\n{ lang=\"cy\" }\n"
ARABIC = "نحن هنا لمساعدتك.\n{ lang=\"ar\" dir=\"rtl\" }\n"
WORDS = "You can say <span lang=\"cy\">diolch</span> to us.\n"


@pytest.mark.parametrize("tag", ["cy", "en-GB", "ar", "zh-Hant-HK", "sr-Latn", "es-419", "de-CH-1996"])
def test_good_language_tags_pass(tag: str):
    direction = ' dir="rtl"' if tag == "ar" else ""
    assert a11y_language.check(f'<p lang="{tag}"{direction}>x</p>', "") == []


@pytest.mark.parametrize("tag", ["english", "Welsh", "c", "cy_GB", "en-", "", 'cy" onmouseover="x'])
def test_bad_language_tags_fail(tag: str):
    [problem] = a11y_language.check(f'<p lang="{tag.replace(chr(34), "&quot;")}">x</p>', "")
    assert "is not a language tag (BCP 47)" in problem.what and 'lang="cy" (Welsh)' in problem.fix


@pytest.mark.parametrize("direction, good", [("rtl", True), ("ltr", True), ("auto", True),
                                             ("RTL", False), ("sideways", False), ("", False)])
def test_dir_is_only_ltr_rtl_or_auto(direction: str, good: bool):
    assert (a11y_language.check(f'<p dir="{direction}">x</p>', "") == []) is good


def test_right_to_left_language_needs_dir():
    [problem] = a11y_language.check('<p lang="ar">x</p>', "")
    assert "written right to left, with no dir" in problem.what and 'dir="rtl"' in problem.fix


def _append(project: Path, text: str) -> int:
    page = project / "docs" / "getting-help.md"
    source = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(source + text, encoding="utf-8")
    return source.count("\n") + 1


def test_welsh_and_right_to_left_text_get_lang_and_dir_in_the_built_page(build_variant, tmp_path):
    result = build_variant(lambda project: _append(project, WELSH + "\n" + ARABIC + "\n" + WORDS))
    assert result.returncode == 0, result.stdout + result.stderr
    page = lxml_html.parse(str(tmp_path / "out" / "getting-help" / "index.html")).getroot()
    assert page.get("lang") == "en-GB"
    [welsh] = page.xpath("//p[@lang='cy']")
    assert welsh.text_content() == "Mae'r gwasanaeth yn rhad ac am ddim." and welsh.get("dir") is None
    [arabic] = page.xpath("//p[@lang='ar']")
    assert arabic.get("dir") == "rtl" and arabic.text_content() == "نحن هنا لمساعدتك."
    assert [span.text for span in page.xpath("//span[@lang='cy']")] == ["diolch"]


def test_bad_lang_and_dir_fail_the_build_naming_file_and_line(build_variant):
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        start = _append(project, "In English.\n{ lang=\"english\" }\n\nمرحبا\n{ lang=\"ar\" }\n\n"
                                 "Sideways.\n{ dir=\"sideways\" }\n\nSay <span lang='cy\" onmouseover=\"x'>hi</span>.\n")
        lines.update(english=start + 1, arabic=start + 4, sideways=start + 7, hostile=start + 9)

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log, log
    for key, what in (("english", 'lang="english" is not a language tag (BCP 47)'),
                      ("arabic", 'lang="ar" is a language written right to left, with no dir'),
                      ("sideways", 'dir="sideways" is not a text direction'),
                      ("hostile", "lang=\"cy\" onmouseover=\"x\" is not a language tag")):
        assert re.search(rf"getting-help\.md:{lines[key]}: {re.escape(what)}[^\n]*; ", log), f"{key}:\n{log}"
