"""Accessibility fixes to Material's page markup, applied to each finished HTML page.

Material for MkDocs leaves a few WCAG problems in its templates that CSS cannot fix:

- the search dialog (``role="dialog"``) and the search landmark inside it have no name;
- the skip link goes to the first heading, which cannot take focus, so keyboard focus stays
  at the top of the page; and pages without a table of contents get no skip link at all.

Each fix finds Material's exact markup. If a Material update changes that markup, the fix
reports it (rather than silently doing nothing) so the build fails and the fix is updated.
"""

from __future__ import annotations

import re

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LANDMARK = '<div class="md-search__inner" role="search">'
SEARCH_NAME = "Search this site"

SKIP_BLOCK = re.compile(r'<div data-md-component="skip">.*?</div>', re.S)
FIRST_H1 = re.compile(r"<h1(?P<attrs>\s[^>]*)?>")
ID_ATTR = re.compile(r'\sid="(?P<id>[^"]+)"')
PAGE_TITLE_ID = "page-title"
SKIP_TEXT = "Skip to content"


class MarkupChanged(ValueError):
    """Material's markup is not what a fix expects: say which fix, and what to update."""


def name_search(html: str) -> str:
    """Give the search dialog and its search landmark an accessible name."""
    if SEARCH_DIALOG not in html and SEARCH_LANDMARK not in html:
        return html  # a page without Material's search (for example a plain start page)
    for markup in (SEARCH_DIALOG, SEARCH_LANDMARK):
        if html.count(markup) != 1:
            raise MarkupChanged(
                f"expected Material's search markup {markup!r} once; "
                "update SEARCH_DIALOG / SEARCH_LANDMARK in hooks/a11y_fixes.py to match"
            )
    named = f' aria-label="{SEARCH_NAME}">'
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + named)
    return html.replace(SEARCH_LANDMARK, SEARCH_LANDMARK[:-1] + named)


def fix_skip_link(html: str) -> str:
    """Point the skip link at the page's h1, made focusable; add the link if Material left it out."""
    skip = SKIP_BLOCK.search(html)
    if skip is None:
        raise MarkupChanged(
            "Material's skip link block <div data-md-component=\"skip\"> was not found; "
            "update SKIP_BLOCK in hooks/a11y_fixes.py to match"
        )
    h1 = FIRST_H1.search(html, skip.end())
    if h1 is None:
        raise MarkupChanged("the page has no h1 heading for the skip link to go to; give the page a title heading")
    attrs = h1.group("attrs") or ""
    found = ID_ATTR.search(attrs)
    target = found.group("id") if found else PAGE_TITLE_ID
    if not found:
        attrs += f' id="{target}"'
    if "tabindex=" not in attrs:
        attrs += ' tabindex="-1"'
    link = f'<div data-md-component="skip"><a href="#{target}" class="md-skip">{SKIP_TEXT}</a></div>'
    return html[: skip.start()] + link + html[skip.end() : h1.start()] + f"<h1{attrs}>" + html[h1.end() :]


FIXES = (name_search, fix_skip_link)


def apply_fixes(html: str) -> tuple[str, list[str]]:
    """Run every fix on a page; return the new page and the problems found (one per failed fix)."""
    problems = []
    for fix in FIXES:
        try:
            html = fix(html)
        except MarkupChanged as problem:
            problems.append(f"{fix.__name__}: {problem}")
    return html, problems
