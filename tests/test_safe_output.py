"""Issue 19, unsafe output: hostile or mistaken data never reaches a page as live markup.

Each case builds an edited copy of the project (``build_variant``) with the exact input the
issue reports, and checks the real output: either the build stops naming the file and line
(and no traceback), or the value is shown as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import safe_text

SCRIPT = "<script>alert(1)</script>"


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def local_value(key: str, value: str):
    """An edit that sets one value of docs/data/local.yml (written as a YAML single-quoted string)."""
    quoted = "'" + value.replace("'", "''") + "'"

    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "local.yml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        section, name = key.split(".")
        inside = False
        for number, line in enumerate(lines):
            if not line.startswith(" "):
                inside = line.startswith(f"{section}:")
            elif inside and line.strip().startswith(f"{name}:"):
                lines[number] = f"  {name}: {quoted}\n"
                break
        else:
            raise AssertionError(key)
        path.write_text("".join(lines), encoding="utf-8")

    return edit


def relax_plain_english(project: Path) -> None:
    """Budgets no page can exceed, so a test of escaping is not stopped by sentence lengths."""
    path = project / "docs" / "data" / "plain_english.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in (("max_sentence_words", 500), ("max_average_sentence_words", 500),
                       ("max_long_word_percent", 100), ("min_reading_ease", 0)):
        text = re.sub(rf"(?m)^(\s*{key}:).*$", rf"\g<1> {value}", text)
    path.write_text(text, encoding="utf-8")


def assert_refused(result, where: str, *words: str) -> None:
    """The build failed naming ``where`` (file:line) and each of ``words``, with no traceback."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(rf"{re.escape(where)}:\d+", output), output
    for word in words:
        assert word in output, output
    assert "Traceback" not in output, output


def built(tmp_path: Path, page: str) -> str:
    return (tmp_path / "out" / page).read_text(encoding="utf-8")


# 1. Script from data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("service.email", '"><svg/onload=alert(1)>@evil.com', ["service.email", "not an email address"]),
        ("service.email", "mailto:Sendiass@wokingham.gov.uk", ["service.email", "mailto:"]),
        ("service.phone", "tel:0118 908 8233", ["service.phone", "tel:"]),
        ("service.website", "https://www.sendiasswokingham.org.uk/<script>", ["service.website", "https://"]),
        ("service.website", "https://www.sendiasswokingham.org.uk/a page", ["service.website", "space"]),
        ("council.local_offer", "https://www.wokingham.gov.uk/)[text](javascript:alert(1))",
         ["council.local_offer", "https://"]),
        ("mediation_provider.website", "https://localhost/", ["mediation_provider.website", "real host"]),
    ],
)
def test_bad_addresses_in_local_details_stop_the_build(build_variant, key, value, words):
    assert_refused(build_variant(local_value(key, value)), "docs/data/local.yml", *words)


def test_text_in_local_details_is_shown_as_text(build_variant, tmp_path):
    def edit(project: Path) -> None:
        service = "Wokingham SEND Information, Advice and Support Service"
        local_value("service.name", f"{service}{SCRIPT}")(project)
        local_value("mediation_provider.name", "Global Mediation[x](javascript:alert(1))")(project)
        relax_plain_english(project)  # markup makes sentences long; this test is about escaping

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    escaped = "Support Service&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escaped in built(tmp_path, "index.html").split('<footer', 1)[1]  # the footer
    contacts = built(tmp_path, "contacts/index.html")
    assert escaped in contacts.split('<footer', 1)[0]  # a {{ local.service_name }} marker
    assert "Global Mediation&#91;x&#93;(javascript:alert(1)) is an independent" in contacts
    for html in (built(tmp_path, "index.html"), contacts):
        assert SCRIPT not in html and 'href="javascript:' not in html


def test_html_in_the_finder_is_shown_as_text(build_variant, tmp_path):
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "finder.yml"
        replace_line(path, "      (EHC) needs assessments and EHC plans.\n",
                     f"      (EHC) needs assessments and EHC plans. {SCRIPT} <img src=x onerror=alert(1)>\n")
        replace_line(path, "Read about [school exclusions](exclusion.md).",
                     "Read about [school exclusions](javascript:alert(1)).")
        relax_plain_english(project)

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    question = built(tmp_path, "route-finder/about/index.html")
    assert "</abbr> plans. &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in question
    assert SCRIPT not in question and "<img src=x" not in question
    every_page = "".join(p.read_text() for p in (tmp_path / "out" / "route-finder").rglob("*.html"))
    assert 'href="javascript:' not in every_page
    assert "&#91;school exclusions&#93;(javascript:alert(1))" in every_page  # shown as text


def test_html_in_the_glossary_is_shown_as_text(build_variant, tmp_path):
    def edit(project: Path) -> None:
        replace_line(project / "docs" / "data" / "glossary.yml",
                     "      most others of the same age.",
                     f"      most others of the same age. {SCRIPT}")
        relax_plain_english(project)

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    glossary = built(tmp_path, "glossary/index.html")
    assert "same age. &lt;script&gt;alert(1)&lt;/script&gt;" in glossary and SCRIPT not in glossary


def test_markdown_text_keeps_markers_and_safe_links_only():
    text = safe_text.markdown_text(
        "See [a page](ehc-plan.md), [b](javascript:alert(1)), {{ local.service }} {: onclick=x }",
        links=True,
    )
    assert "[a page](ehc-plan.md)" in text and "{{ local.service }}" in text
    assert "[b](javascript" not in text and "{: onclick" not in text
