"""Render checked routes as accessible HTML tables.

Every table has a caption, header cells with scope and no empty cells, and sits in a
labelled, keyboard-focusable scroll region. All text from the data is escaped, so markup
in a field never becomes live HTML. Code of Practice citations are written as plain text
such as "(11.6)"; the citations hook links them. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from routes.data import LOCAL_MARKER, Entry, Route

LABELS: dict[str, str] = {
    "summary": "In short",
    "purpose": "What it is for",
    "who_can_use": "Who can use it",
    "run_by": "Who runs it",
    "independent": "Is it independent?",
    "cost": "What does it cost?",
    "voluntary": "Is it voluntary?",
    "confidential": "Is it confidential?",
    "time_limits": "Time limits",
    "outcome": "What you get at the end",
    "needed_before_tribunal": "Needed before a Tribunal appeal?",
    "alongside": "Can be used alongside",
    "code_paragraphs": "SEND Code of Practice",
    "help": "Who can help",
}
COMPARISON_ROWS = list(LABELS)
SHORT_COLUMNS = ["summary", "run_by", "cost"]
DIFFERENCE_ROWS = [
    "purpose",
    "run_by",
    "independent",
    "voluntary",
    "time_limits",
    "outcome",
    "needed_before_tribunal",
]
CORNER = "What you want to know"

# route -> href of its page from the page being rendered
LinkTo = Callable[[Route], str]


def anchor(route: Route) -> str:
    """Stable id of a route's column in the main comparison: ``route-<id>``."""
    return f"route-{route.id}"


class Renderer:
    """Turns routes into tables for one page: local markers filled in, links made relative."""

    def __init__(self, routes: list[Route], local_values: dict[str, str], link_to: LinkTo, page: str) -> None:
        self.routes = routes
        self.by_id = {route.id: route for route in routes}
        self.local_values = local_values
        self.link_to = link_to
        self.page = page

    def text(self, value: str) -> str:
        """Data text with local details filled in, escaped for HTML."""
        return escape(LOCAL_MARKER.sub(lambda m: self.local_values[m["key"]], value))

    def source(self, code: str | None, law: str | None) -> str:
        """A statement's source: a plain-text citation and/or the law it comes from."""
        parts = []
        if code:
            parts.append(self.text(code if code.startswith("(") else f"(SEND Code of Practice, {code})"))
        if law:
            parts.append(f'<span class="routes-source">Source: {self.text(law)}.</span>')
        return " ".join(parts)

    def entry(self, entry: Entry) -> str:
        words = self.text(entry.text)
        if entry.kind == "not_applicable":
            words = f"Not applicable: {words}"
        source = self.source(entry.code, entry.law)
        links = "".join(
            f' <a href="{escape(link.url)}">{self.text(link.text)}</a>' for link in entry.links
        )
        return " ".join(part for part in (words, source) if part) + links

    def name(self, route: Route) -> str:
        """A route's name linking to its page; marks routes run by others."""
        href = self.link_to(route)
        current = ' aria-current="page"' if route.page == self.page and not route.anchor else ""
        others = ' <span class="routes-others">(run by others)</span>' if route.run_by_others else ""
        return f'<a href="{escape(href)}"{current}>{self.text(route.name)}</a>{others}'

    def time_limits(self, route: Route) -> str:
        if route.no_time_limits:
            return self.entry(route.no_time_limits)
        items = "".join(
            f"<li>{self.text(limit.what)}: {self.text(lower_first(limit.limit))}. "
            f"{self.source(limit.code, limit.law)}</li>"
            for limit in route.time_limits
        )
        return f'<ul class="routes-list">{items}</ul>'

    def alongside(self, route: Route) -> str:
        names = ", ".join(self.name(self.by_id[other]) for other in route.alongside)
        note = self.entry(route.entries["alongside_note"])
        return f"{names}. {note}" if names else note

    def cell(self, route: Route, field: str) -> str:
        if field == "time_limits":
            return self.time_limits(route)
        if field == "alongside":
            return self.alongside(route)
        if field == "code_paragraphs" and route.entries[field].kind == "text":
            citation = self.text(route.entries[field].text)
            return citation[:1].upper() + citation[1:]
        return self.entry(route.entries[field])

    @staticmethod
    def table(kind: str, caption: str, head: list[str], rows: list[str]) -> str:
        """A table in a labelled, focusable scroll region (one line per row, no blank lines)."""
        label = re.sub(r"<[^>]+>", "", caption)
        return "\n".join(
            [
                f'<div class="routes-region" role="region" aria-label="{label}" tabindex="0">',
                f'<table class="routes-table routes-table--{kind}">',
                f"<caption>{caption}</caption>",
                "<thead><tr>" + "".join(head) + "</tr></thead>",
                "<tbody>",
                *rows,
                "</tbody>",
                "</table>",
                "</div>",
            ]
        )

    def comparison(self, short: bool = False) -> str:
        """The main comparison (questions down, routes across), or the short form (routes down)."""
        if short:
            head = ['<th scope="col">Route</th>'] + [
                f'<th scope="col">{LABELS[field]}</th>' for field in SHORT_COLUMNS
            ]
            rows = [
                f'<tr><th scope="row">{self.name(route)}</th>'
                + "".join(f"<td>{self.cell(route, field)}</td>" for field in SHORT_COLUMNS)
                + "</tr>"
                for route in self.routes
            ]
            return self.table("short", "The routes in short", head, rows)
        head = [f'<th scope="col">{CORNER}</th>'] + [
            f'<th scope="col" id="{anchor(route)}">{self.name(route)}</th>' for route in self.routes
        ]
        rows = [
            f'<tr><th scope="row">{LABELS[field]}</th>'
            + "".join(f"<td>{self.cell(route, field)}</td>" for route in self.routes)
            + "</tr>"
            for field in COMPARISON_ROWS
        ]
        return self.table("compare", "How the routes compare", head, rows)

    def alongside_table(self) -> str:
        """"Can I use more than one route?": which routes can run alongside which."""
        head = [
            '<th scope="col">Route</th>',
            '<th scope="col">Can be used alongside</th>',
            '<th scope="col">What to know</th>',
        ]
        rows = []
        for route in self.routes:
            names = ", ".join(self.name(self.by_id[other]) for other in route.alongside)
            names = names or "Not applicable: we cannot confirm that this route can be used with another one."
            note = self.entry(route.entries["alongside_note"])
            rows.append(f'<tr><th scope="row">{self.name(route)}</th><td>{names}</td><td>{note}</td></tr>')
        return self.table("alongside", "Which routes you can use alongside each other", head, rows)

    def time_limits_table(self) -> str:
        """Every time limit, each with its source."""
        head = [
            '<th scope="col">Route</th>',
            '<th scope="col">What must happen</th>',
            '<th scope="col">Time limit</th>',
            '<th scope="col">Where it comes from</th>',
        ]
        rows = [
            f"<tr><td>{self.name(route)}</td><th scope=\"row\">{self.text(limit.what)}</th>"
            f"<td>{self.text(limit.limit)}</td>"
            f"<td>{self.text(limit.law or '')}{' ' if limit.law and limit.code else ''}"
            f"{self.text(limit.code or '')}</td></tr>"
            for route in self.routes
            for limit in route.time_limits
        ]
        return self.table("time-limits", "Key time limits and where they come from", head, rows)

    def differences(self, route_id: str) -> str:
        """How one route differs from the routes most often confused with it."""
        route = self.by_id[route_id]
        if not route.confused_with:
            raise ValueError(f"route '{route_id}' has no routes in 'confused_with' to compare it with")
        shown = [route] + [self.by_id[other] for other in route.confused_with]
        head = [f'<th scope="col">{CORNER}</th>'] + [
            f'<th scope="col">{self.name(r)}</th>' for r in shown
        ]
        rows = []
        for field in DIFFERENCE_ROWS:
            cells = [self.cell(r, field) for r in shown]
            if len(set(cells)) > 1:
                rows.append(
                    f'<tr><th scope="row">{LABELS[field]}</th>'
                    + "".join(f"<td>{cell}</td>" for cell in cells)
                    + "</tr>"
                )
        if not rows:
            raise ValueError(f"route '{route_id}' does not differ from {', '.join(route.confused_with)}")
        others = " and ".join(f"“{self.text(r.name)}”" for r in shown[1:])
        caption = f"How “{self.text(route.name)}” differs from {others}"
        return self.table("differences", caption, head, rows)


def lower_first(text: str) -> str:
    """Text continuing a sentence: "Within 3 working days" -> "within 3 working days"."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() else text[:1].lower() + text[1:]
