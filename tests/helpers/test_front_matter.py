"""A page's front matter: every problem at its line in the page file (issue 19, items 9 and 14)."""

import pytest

from helpers import front_matter

PAGE = "---\ntitle: Privacy\n{line}\nlast_reviewed: 2026-11-28\nreview_interval_months: 12\n---\n\n# Privacy\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("description: Privacy: this website does not use cookies.",
         'is not valid YAML: the value has a colon and a space (": ") in it; put the whole value in quotes: '
         'description: "Privacy: this website does not use cookies."'),
        ("last_reviewed_again: 2026-02-30", "'2026-02-30' is not a real date"),
        ("description: {{ local.service }} and the council",
         "{{ local.service }} is in the front matter, where markers are not filled in"),
        ("description: At {{ local.council }} this website sets no cookies.",
         "{{ local.council }} is in the front matter, where markers are not filled in"),
        ("\tdescription: This website sets no cookies.", "is not valid YAML: there is a tab here; use spaces"),
    ],
)
def test_each_problem_is_named_at_its_line_in_the_page(line, message):
    problems = front_matter.problems(PAGE.format(line=line))
    assert [(where, text[:len(message)]) for where, text in problems] == [(3, message)]


def test_a_marker_in_the_title_is_named_with_what_to_do():
    problems = front_matter.problems(PAGE.format(line="").replace("Privacy\n", "Privacy at {{ local.council }}\n", 1))
    assert problems == [(2, "{{ local.council }} is in the front matter, where markers are not filled in: "
                            "it would be shown as typed (in the browser tab and the page header); "
                            "write the words themselves")]


def test_good_front_matter_and_none_at_all_have_no_problem():
    assert front_matter.problems(PAGE.format(line="description: Fine.")) == []
    assert front_matter.problems("# No front matter\n") == []
    assert front_matter.problems(PAGE.format(line="# not {{ local.council }}: a comment is not published")) == []


def test_front_matter_that_is_not_key_value_lines_is_named():
    assert front_matter.problems("---\n- a list\n---\n# Page\n") == [
        (2, "the front matter is not 'key: value' lines; write one setting per line, such as title: Privacy")
    ]
