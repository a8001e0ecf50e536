"""Accessibility rules checked at build time, with the Markdown line (issue 19, item 11).

No browser: these are hooks/a11y/content.py's checks and a real strict build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from a11y import content as a11y_content

FRONT = "---\ntitle: T\n---\n\n"
PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n'


def problems(html: str, source: str) -> list[tuple[int, str]]:
    return [(p.line, p.what) for p in a11y_content.check(html, source)]


def test_a_second_h1_is_found_on_its_line():
    source = FRONT + "# One\n\nText.\n\n# Two\n\nMore\n===\n"
    found = problems("<h1>One</h1><p>Text.</p><h1>Two</h1><h1>More</h1>", source)
    assert [line for line, _ in found] == [9, 11]
    assert all("second main heading" in what for _, what in found)


def test_hashes_in_code_are_not_headings():
    source = FRONT + "# One\n\n```\n# not a heading\n```\n"
    assert problems("<h1>One</h1><pre><code># not a heading</code></pre>", source) == []


def test_images_need_alt_and_markdown_images_need_words():
    source = FRONT + "# T\n\n<img src=\"a.svg\">\n\n![](b.svg)\n\n![A map](c.svg)\n\n<img src=\"d.svg\" alt=\"\">\n"
    html = '<h1>T</h1><img src="a.svg"><p><img alt="" src="b.svg"></p><p><img alt="A map" src="c.svg"></p><img src="d.svg" alt="">'
    found = problems(html, source)
    assert [line for line, _ in found] == [7, 9]
    assert "no alt attribute" in found[0][1] and "silently" in found[1][1]


def test_tables_need_header_cells():
    source = FRONT + "# T\n\n<table>\n<tr><td>a</td></tr>\n</table>\n\n<table><tr><th>h</th></tr></table>\n"
    html = "<h1>T</h1><table><tr><td>a</td></tr></table><table><tr><th>h</th></tr></table>"
    assert problems(html, source) == [(7, "a table has no header cells (<th>), so screen readers cannot say "
                                          "which column a cell is in")]
    made_by_a_marker = "<h1>T</h1><p>x</p><table><tr><td>a</td></tr></table>"
    assert [line for line, _ in problems(made_by_a_marker, FRONT + "# T\n\n{{ routes.x }}\n")] == [1]


@pytest.mark.parametrize("html", ["", "<h1>T</h1>", "<h1>T</h1>\n<h2>Part</h2>\n"])
def test_a_page_with_nothing_but_its_title_is_empty(html: str):
    assert problems(html, FRONT + "# T\n") == [(5, "the page has no content beyond its title")]


def test_the_rules_fail_the_build_naming_file_and_line(build_variant):
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        (project / "docs" / "picture.svg").write_text(PICTURE, encoding="utf-8")
        page = project / "docs" / "getting-help.md"
        text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        start = text.count("\n") + 1
        page.write_text(text + "# A second title\n\n<img src=\"picture.svg\">\n\n![](picture.svg)\n\n"
                        "<table>\n<tr><td>Phone</td><td>Any time</td></tr>\n</table>\n", encoding="utf-8")
        lines.update(h1=start, img=start + 2, markdown=start + 4, table=start + 6)
        privacy = project / "docs" / "privacy.md"
        front = privacy.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n"
        privacy.write_text(front + "\n# Privacy\n", encoding="utf-8")
        lines["empty"] = front.count("\n") + 2  # its title

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log, log
    for key, what in (("h1", "a second main heading"), ("img", "an image has no alt attribute"),
                      ("markdown", "a Markdown image with nothing in"), ("table", "a table has no header cells")):
        assert re.search(rf"getting-help\.md:{lines[key]}: {re.escape(what)}[^\n]*; ", log), f"{key}:\n{log}"
    assert re.search(rf"privacy\.md:{lines['empty']}: the page has no content beyond its title; ", log), log
