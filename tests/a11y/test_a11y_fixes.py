"""Unit tests for hooks/a11y_fixes.py: Material's markup in, fixed markup out, changes reported."""

from __future__ import annotations

import pytest

from a11y import fixes as a11y_fixes

SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">'
    '<div class="md-search__inner" role="search"><input></div></div>'
)
NAMED_SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search this site">'
    '<div class="md-search__inner" role="search" aria-label="Search this site"><input></div></div>'
)
SKIP_WITH_TOC = '<div data-md-component="skip">\n  <a href="#title" class="md-skip">\n Skip to content\n</a>\n</div>'
SKIP_EMPTY = '<div data-md-component="skip">\n</div>'
FIXED_SKIP = '<div data-md-component="skip"><a href="#{id}" class="md-skip">Skip to content</a></div>'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (SEARCH, NAMED_SEARCH),
        ("<p>no search on this page</p>", "<p>no search on this page</p>"),
    ],
)
def test_name_search(before: str, after: str) -> None:
    assert a11y_fixes.name_search(before) == after


@pytest.mark.parametrize(
    "changed",
    [
        SEARCH + SEARCH,  # twice: not the markup the fix was written for
        '<div class="md-search" data-md-component="search" role="dialog"><div role="search"></div></div>',
    ],
)
def test_name_search_reports_changed_markup(changed: str) -> None:
    with pytest.raises(a11y_fixes.MarkupChanged, match="hooks/a11y_fixes.py"):
        a11y_fixes.name_search(changed)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # Material's link to the first heading: kept, and the h1 can now take focus.
        (
            SKIP_WITH_TOC + '<main><h1 id="title">Title</h1></main>',
            FIXED_SKIP.format(id="title") + '<main><h1 id="title" tabindex="-1">Title</h1></main>',
        ),
        # No table of contents (Material's 404 page): the link is added and the h1 gets an id.
        (
            SKIP_EMPTY + "<main><h1>404 - Not found</h1></main>",
            FIXED_SKIP.format(id="page-title") + '<main><h1 id="page-title" tabindex="-1">404 - Not found</h1></main>',
        ),
        # An h1 that can already take focus keeps its tabindex.
        (
            SKIP_EMPTY + '<h1 class="x" tabindex="0">T</h1>',
            FIXED_SKIP.format(id="page-title") + '<h1 class="x" tabindex="0" id="page-title">T</h1>',
        ),
    ],
)
def test_fix_skip_link(before: str, after: str) -> None:
    assert a11y_fixes.fix_skip_link(before) == after


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("<main><h1>Title</h1></main>", "SKIP_BLOCK"),
        (SKIP_EMPTY + "<main><h2>No title</h2></main>", "no h1"),
        ("<h1>Before the skip block</h1>" + SKIP_EMPTY, "no h1"),
    ],
)
def test_fix_skip_link_reports_problems(page: str, message: str) -> None:
    with pytest.raises(a11y_fixes.MarkupChanged, match=message):
        a11y_fixes.fix_skip_link(page)


def test_apply_fixes_reports_every_problem_at_once() -> None:
    html, problems = a11y_fixes.apply_fixes(SEARCH + SEARCH + "<p>no skip block, no h1</p>")
    assert html == SEARCH + SEARCH + "<p>no skip block, no h1</p>"
    assert [problem.split(":")[0] for problem in problems] == ["name_search", "fix_skip_link"]


def test_apply_fixes_on_a_material_page() -> None:
    html, problems = a11y_fixes.apply_fixes(SKIP_WITH_TOC + SEARCH + '<h1 id="title">T</h1>')
    assert problems == []
    assert html == FIXED_SKIP.format(id="title") + NAMED_SEARCH + '<h1 id="title" tabindex="-1">T</h1>'
