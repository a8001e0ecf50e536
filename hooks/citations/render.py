"""Turn checked citations into links, the list at the end of a page, and the references page.

Citations become HTML ``<a>`` elements (not Markdown links) so they also work inside raw
HTML, such as generated table cells. GOV.UK has no addresses for single paragraphs, so each
link goes to the Code's publication page; the accessible name says what the link is
("SEND Code of Practice, paragraph 11.45") and the accessible description (the list item
at the end of the page, via ``aria-describedby``) says what the section is about. This module
knows nothing about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from citations.parse import Citation, Para, Range, range_text
from citations.registry import Edition

LIST_HEADING = "Code of Practice paragraphs on this page"
CSS_CLASS = "cop-citation"


def _plural(ranges: tuple[Range, ...]) -> bool:
    return len(ranges) > 1 or any(first != last for first, last in ranges)


def accessible_name(citation: Citation, edition: Edition, visible: str = "") -> str:
    """``SEND Code of Practice, paragraph 11.45``; ``…, sections 11.2 and 11.67 to 11.111``.

    A list written with commas ("11.13, 11.45") keeps its visible words in the name, so the
    visible text is part of the accessible name (WCAG 2.5.3).
    """
    noun = citation.noun + ("s" if _plural(citation.ranges) else "")
    words = visible if "," in visible else citation.paragraphs_text
    return f"{edition.short_title}, {noun} {words}"


def range_id(first: Para, last: Para) -> str:
    """Id of a range's item in the list at the end of the page: ``cop-11-67-11-111``."""
    text = str(first) if first == last else f"{first}-{last}"
    return "cop-" + text.replace(".", "-")


def hint(first: Para, last: Para, edition: Edition) -> str:
    """``11.45: What parents and young people can appeal to the Tribunal about``."""
    return f"{range_text(first, last)}: {edition.describe(first, last)}"


def link(citation: Citation, visible: str, edition: Edition, described: bool = True) -> str:
    """The HTML link that replaces a citation; its visible text is kept as written.

    ``described``: point ``aria-describedby`` at the ranges' items in the page's list.
    """
    ids = " ".join(dict.fromkeys(range_id(a, b) for a, b in citation.ranges))
    title = "; ".join(hint(a, b, edition) for a, b in citation.ranges)
    describedby = f'aria-describedby="{ids}" ' if described else ""
    return (
        f'<a class="{CSS_CLASS}" href="{escape(edition.page)}" '
        f'aria-label="{escape(accessible_name(citation, edition, visible))}" '
        f'{describedby}title="{escape(title)}">{visible}</a>'
    )


def link_line(line: str, citations: list[Citation], edition: Edition) -> str:
    """The line with each of its citations replaced by a link (right to left, so offsets hold)."""
    for citation in sorted(citations, key=lambda c: c.link_start, reverse=True):
        visible = line[citation.link_start:citation.link_end]
        line = line[:citation.link_start] + link(citation, visible, edition) + line[citation.link_end:]
    return line


def cited_ranges(citations: list[Citation]) -> list[Range]:
    """Every distinct range cited, in paragraph order."""
    return sorted({r for c in citations for r in c.ranges})


def _range_citation(first: Para, last: Para) -> Citation:
    """A citation standing for one range, for links the build writes itself."""
    return Citation(0, 0, 0, 0, 0, range_text(first, last), "keyword", "paragraph",
                    ((first, last),))


def range_link(first: Para, last: Para, visible: str, edition: Edition) -> str:
    """A link for one range, such as ``Paragraphs 11.6 to 11.10``, next to its description."""
    return link(_range_citation(first, last), visible, edition, described=False)


def page_list(ranges: list[Range], edition: Edition) -> str:
    """Markdown for the end of a page: what each paragraph it cites is about."""
    items = []
    for first, last in ranges:
        noun = "Paragraph" if first == last else "Paragraphs"
        anchor = range_link(first, last, f"{noun} {range_text(first, last)}", edition)
        items.append(f'<li id="{range_id(first, last)}">{anchor}: '
                     f"{escape(edition.describe(first, last))}.</li>")
    return (
        f"\n\n## {LIST_HEADING}\n\n"
        f"This page refers to these paragraphs of the {edition.short_title}: 0 to 25 years "
        f"({edition.name} edition). The links go to "
        f"[the {edition.short_title} on GOV.UK]({edition.page}).\n\n"
        '<ul class="cop-list">\n' + "\n".join(items) + "\n</ul>\n"
    )


@dataclass(frozen=True)
class CitingPage:
    """A page that cites a range: its title and its address relative to the references page."""

    title: str
    url: str


def references_table(cited: dict[Range, list[CitingPage]], edition: Edition) -> str:
    """HTML table for the "Code of Practice references" page: every cited range and its pages."""
    if not cited:
        return "<p>No page on this site cites the Code of Practice.</p>"
    rows = []
    for (first, last), pages in sorted(cited.items()):
        anchor = range_link(first, last, range_text(first, last), edition)
        links = "".join(f'<li><a href="{escape(p.url)}">{escape(p.title)}</a></li>'
                        for p in sorted(set(pages), key=lambda p: p.title))
        rows.append(f'<tr><th scope="row">{anchor}</th>'
                    f"<td>{escape(edition.describe(first, last))}</td>"
                    f"<td><ul>{links}</ul></td></tr>")
    return (
        '<table class="cop-references">\n'
        f"<caption>Paragraphs of the {edition.short_title} ({edition.name} edition) cited on "
        "this site</caption>\n"
        '<thead><tr><th scope="col">Paragraphs</th><th scope="col">What they are about</th>'
        '<th scope="col">Pages that cite them</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )
