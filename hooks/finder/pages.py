"""Write the "Which route fits?" pages (Markdown) from the flow.

Pages go under ``route-finder/``: a start page, one page per question (each answer a link to
the next page), one page per result, and one page with the whole flow as a list (for printing,
and as the text version of the diagram in ``finder_diagram``). No JavaScript, no forms.
No MkDocs here.
"""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass
from html import escape

import yaml

from finder.check import parents
from helpers.safe_text import html_text, markdown_text
from finder.flow import Flow, PageStep, Question, Result, Step
from routes.data import Route, Timescale

FOLDER = "route-finder"
START = f"{FOLDER}/index.md"
OVERVIEW = f"{FOLDER}/all.md"
DOT = f"{FOLDER}/flow.dot"
SVG = f"{FOLDER}/flow.svg"


@dataclass(frozen=True)
class TimeLimit:
    """A time limit as the route data states it: what it is for, the limit, its legal source."""

    what: str
    limit: str
    source: str


@dataclass(frozen=True)
class RouteInfo:
    """What a result page needs to know about a route from the route data."""

    name: str
    page: str  # the route's page, relative to docs/ (may end in #anchor)
    time_limits: dict[str, TimeLimit]  # by the limit's `fact` name
    no_limits: bool = False  # the route data says time limits do not apply to this route


def _by_name(limits) -> dict[str, TimeLimit]:
    """Time limits by their `what` and (the first with it) their `fact`: the names finder.yml uses."""
    named: dict[str, TimeLimit] = {}
    for t in limits:
        shown = TimeLimit(t.what, t.limit, t.law or t.code or "")
        named.setdefault(t.fact, shown)
        named[t.what] = shown
    return named


def all_limits(routes: list[Route], timescales: list[Timescale]) -> dict[str, TimeLimit]:
    """Every time limit in the route data, the routes' and the timescales', by name."""
    return _by_name([t for route in routes for t in route.time_limits] + [t.limit for t in timescales])


def route_info(routes: list[Route]) -> dict[str, RouteInfo]:
    """What the finder needs from the checked route data, by route id."""
    return {
        route.id: RouteInfo(
            name=route.name,
            page=route.page + (f"#{route.anchor}" if route.anchor else ""),
            time_limits=_by_name(route.time_limits),
            no_limits=route.no_time_limits is not None and route.no_time_limits.kind == "not_applicable",
        )
        for route in routes
    }


def page_uri(page_id: str) -> str:
    """Where the page for a question or result lives, relative to docs/."""
    return f"{FOLDER}/{page_id}.md"


def _front_matter(flow: Flow, title: str, description: str) -> str:
    meta = {  # the theme prints these without escaping
        "title": html_text(title),
        "description": html_text(description),
        "last_reviewed": datetime.date.fromisoformat(flow.last_reviewed),
        "review_interval_months": flow.review_interval_months,
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def _title(flow: Flow, page_title: str) -> str:
    return f"{page_title} - {flow.title}"


def _name(flow: Flow, page_id: str) -> str:
    node = flow.questions.get(page_id) or flow.results[page_id]
    return markdown_text(node.title)


def _md(value: str) -> str:
    """Data text for a page: links to pages of this site (and checked https://) stay links."""
    return markdown_text(value, links=True)


def _back(flow: Flow, page_id: str, came_from: list[str]) -> str:
    """Back links: to the one question that leads here, or to each of them, and to the start."""
    lines = []
    if len(came_from) == 1:
        parent = came_from[0]
        lines.append(f"[Back to the previous question: {_name(flow, parent)}]({parent}.md)")
    elif came_from:
        lines.append("Go back to the question you came from:\n")
        lines.extend(f"- [Back to: {_name(flow, p)}]({p}.md)" for p in came_from)
    if page_id != flow.start:
        lines.append(f"\n[Start again]({posixpath.basename(START)})")
    else:
        lines.append(f"\n[Back to the start of {markdown_text(flow.title)}]({posixpath.basename(START)})")
    return '<div class="finder-back" id="finder-back" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def _back_link(flow: Flow, came_from: list[str]) -> str:
    """GOV.UK's back link, at the top of the page: to the one question that leads here, or to the
    list of questions that do (at the foot of the page)."""
    if len(came_from) == 1:
        where, href = " to the previous question", f"{came_from[0]}.md"
    else:
        where, href = " to the questions you may have come from", "#finder-back"
    return (
        f'<div class="finder-backlink" markdown>\n\n[Back<span class="site-visually-hidden">{escape(where)}'
        f"</span>]({href})\n\n</div>\n\n"
    )


def _answers(question: Question) -> str:
    items = "\n".join(f"- [{markdown_text(a.text)}]({a.next}.md)" for a in question.answers)
    return f'<div class="finder-answers" markdown>\n\n{items}\n\n</div>\n'


def question_page(flow: Flow, question: Question, came_from: list[str]) -> str:
    """One question (GOV.UK's question page): a back link, the question as the heading, a hint,
    then one large link per answer."""
    hint = f"{_md(question.hint)}\n\n" if question.hint else ""
    return (
        _front_matter(flow, _title(flow, question.question), f"{flow.title} {question.question}")
        + "\n"
        + _back_link(flow, came_from)
        + f"# {markdown_text(question.question)}\n\n{hint}"
        + "Choose the answer that fits best.\n{ .finder-choose }\n\n"
        + _answers(question)
        + "\n"
        + _back(flow, question.id, came_from)
    )


def _route_link(route: RouteInfo) -> str:
    return f"[{markdown_text(route.name)}]({posixpath.relpath(route.page, FOLDER)})"


def _table(limits: list[TimeLimit], caption: str) -> str:
    """Time limits as a captioned table (what, limit, legal source)."""
    rows = "".join(
        f"<tr><td>{html_text(t.what)}</td><td>{html_text(t.limit)}</td><td>{html_text(t.source)}</td></tr>"
        for t in limits
    )
    # No class: Material puts the table in its scrolling wrapper, like a Markdown table.
    return (
        f"<table>\n<caption>{html_text(caption)}</caption>\n"
        '<thead><tr><th scope="col">What</th><th scope="col">Time limit</th><th scope="col">Source</th></tr></thead>\n'
        f"<tbody>{rows}</tbody>\n</table>\n"
    )


def _clock(result: Result, limits: dict[str, TimeLimit]) -> str:
    """A time limit that may already be running: before the summary and any route."""
    if not result.clock:
        return ""
    table = _table([limits[name] for name in result.clock.time_limits], "Time limits running now")
    return f'<div class="finder-clock" markdown>\n\n{_md(result.clock.text)}\n\n{table}\n</div>\n\n'


def _page_steps(steps: tuple[PageStep, ...], limits: dict[str, TimeLimit]) -> str:
    """Pages to read, each with why it fits and the time limits it explains."""
    if not steps:
        return ""
    parts = ["## Read more about your situation\n\n"]
    for step in steps:
        link = f"[{markdown_text(step.title)}]({posixpath.relpath(step.page.split('#')[0], FOLDER)}"
        link += f"#{step.page.split('#')[1]})" if "#" in step.page else ")"
        parts.append(f"### {markdown_text(step.title)}\n\n**Why it helps:** {_md(step.why)}\n\n")
        if step.time_limits:
            caption = f"Time limits explained: {step.title}"
            parts.append(_table([limits[n] for n in step.time_limits], caption) + "\n")
        parts.append(f"Read: {link}.\n\n")
    return "".join(parts)


def _limits(step: Step, route: RouteInfo) -> str:
    """The time limits that apply, as a table captioned with the route (what, limit, legal source)."""
    ids = list(route.time_limits) if step.time_limits is None else list(step.time_limits)
    if not ids and route.no_limits:
        return f"Time limits for {markdown_text(route.name)}: none apply to this route.\n"
    if not ids:
        return (
            f"Time limits for {markdown_text(route.name)}: we do not list a time limit for this here. "
            "Ask {{ local.service }} if there is a deadline.\n"
        )
    return _table([route.time_limits[i] for i in ids], f"Time limits: {route.name}")


MEDIATION_ADVISER = "mediation adviser"
DEADLINE_PAGE = "when-is-my-deadline.md"  # the deadline calculator (hooks/deadlines/)
APPEAL_ROUTE = "appeal"


def _deadline_link(result: Result, routes: dict[str, RouteInfo]) -> str:
    """A link to the deadline calculator, for a result that leads to an appeal or whose running
    clock is the appeal's."""
    appeal = routes.get(APPEAL_ROUTE)
    clock = set(result.clock.time_limits) if result.clock else set()
    leads_to_appeal = any(step.route == APPEAL_ROUTE for step in result.steps)
    if not leads_to_appeal and not (appeal and clock & set(appeal.time_limits)):
        return ""
    target = posixpath.relpath(DEADLINE_PAGE, FOLDER)
    return f"[Work out your deadline]({target}) from the date the council sent its letter.\n\n"


def _contact_mediation_adviser(first: str) -> str:
    """How to reach the mediation adviser, for a step that says to contact them.

    The council's decision letter must give the adviser's contact details (SEND Regulations
    2014, regulation 32(c)); the service's mediation provider comes from local.yml.
    """
    if MEDIATION_ADVISER not in first.lower():
        return ""
    return (
        '<div class="finder-contact" markdown>\n\n'
        "**How to contact the mediation adviser:** the council's decision letter gives their "
        "contact details. {{ local.mediation_provider }} can also help you decide if mediation is "
        "right for you.\n\n"
        "- Phone: {{ local.mediation_provider_phone }}\n"
        "- Website: {{ local.mediation_provider_website }}\n\n</div>\n\n"
    )


def _first(result: Result, routes: dict[str, RouteInfo]) -> list[str]:
    """What to do first (the first route's first step) and its time limits."""
    step = result.steps[0]
    route = routes[step.route]
    return [
        "## What to do first\n\n",
        f'<div class="finder-first" markdown>\n\n**{markdown_text(route.name)}:** {_md(step.first)}\n\n</div>\n\n',
        f"{_limits(step, route)}\n",
        _contact_mediation_adviser(step.first),
    ]


def result_page(
    flow: Flow,
    result: Result,
    routes: dict[str, RouteInfo],
    came_from: list[str],
    limits: dict[str, TimeLimit] | None = None,
) -> str:
    """One result: any clock running, what to do first and its time limits, then the routes that
    fit in order (why, what to do first, time limits), pages to read, help."""
    limits = limits or {}
    order = "\n".join(
        f"{n}. {_route_link(routes[s.route])}" for n, s in enumerate(result.steps, start=1)
    )
    parts = [
        _front_matter(flow, _title(flow, result.title), result.summary),
        "\n",
        _back_link(flow, came_from),
        f"# {markdown_text(result.title)}\n\n{_clock(result, limits)}",
        _deadline_link(result, routes),
        f"{_md(result.summary)}\n\n",
        "{{ local.service_name }} ({{ local.service }}) can help you decide what to do.\n\n",
    ]
    if result.steps:
        parts += _first(result, routes) + [
            "## The routes that fit, in the order to try them\n\n",
            f'<div class="finder-routes" markdown>\n\n{order}\n\n</div>\n\n',
        ]
    for n, step in enumerate(result.steps, start=1):
        route = routes[step.route]
        parts.append(f"### {n}. {markdown_text(route.name)}\n\n**Why it fits:** {_md(step.why)}\n\n")
        if n == 1:
            parts.append("What to do first, and the time limits, are at the top of this page.\n\n")
        else:
            parts.append(
                f"**What to do first:** {_md(step.first)}\n\n"
                + f"{_limits(step, route)}\n"
                + _contact_mediation_adviser(step.first)
            )
        parts.append(f"Read more: {_route_link(route)}.\n\n")
    parts.append(_page_steps(result.pages, limits))
    parts.append(
        "## How {{ local.service }} can help\n\n"
        f"{_md(result.help)}\n\n"
        "- Phone: {{ local.phone }}\n- Email: {{ local.email }}\n\n"
        f"## What this does not cover\n\n{_md(result.not_covered)}\n\n"
    )
    parts.append(_back(flow, result.id, came_from))
    return "".join(parts)


def start_page(flow: Flow) -> str:
    """The start page: what the finder does, and the link to the first question."""
    return (
        _front_matter(flow, flow.title, flow.description)
        + f"\n# {markdown_text(flow.title)}\n\n{_md(flow.intro)}\n\n"
        + f'<div class="finder-answers" markdown>\n\n- [Start now]({flow.start}.md)\n\n</div>\n\n'
        + "## See every question at once\n\n"
        + f"You can also [read all the questions and answers on one page]({posixpath.basename(OVERVIEW)}). "
        + "This is useful if you want to print them.\n\n"
        + '<div class="finder-back" markdown>\n\n[Back to the home page](../index.md)\n\n</div>\n'
    )


def _sentence(text: str) -> str:
    """Text ending with a full stop (or its own ? or !)."""
    return text if text.endswith((".", "?", "!")) else text + "."


def overview_page(flow: Flow, routes: dict[str, RouteInfo]) -> str:
    """The whole flow on one page, as lists: for printing and as the diagram's text version."""
    parts = [
        _front_matter(
            flow, _title(flow, "All questions and answers"), f"Every question and answer in {flow.title}"
        ),
        "\n# All questions and answers\n\n",
        f'These are all the questions in "{markdown_text(flow.title)}". Start with the first question. '
        "Each answer tells you where to go next.\n\n## Questions\n\n",
    ]
    for q in flow.questions.values():
        parts.append(f"### {markdown_text(q.title)}: {markdown_text(q.question)} {{ #{q.id} }}\n\n")
        if q.hint:
            parts.append(f"{_md(q.hint)}\n\n")
        for a in q.answers:
            if a.next in flow.questions:
                target = f"Next: the question [{_name(flow, a.next)}](#{a.next})"
            else:
                target = f"Result: [{_name(flow, a.next)}]({a.next}.md)"
            parts.append(f"- {markdown_text(_sentence(a.text))} {target}.\n")
        parts.append("\n")
    parts.append("## Results\n\n")
    for r in flow.results.values():
        parts.append(f"### {markdown_text(r.title)} {{ #{r.id} }}\n\n{_md(r.summary)}\n\n")
        parts.extend(
            f"{n}. {_route_link(routes[s.route])}\n" for n, s in enumerate(r.steps, start=1)
        )
        parts.extend(f"- Read: {markdown_text(p.title)}\n" for p in r.pages)
        parts.append(f"\n[Read the full result: {markdown_text(r.title)}]({r.id}.md)\n\n")
    parts.append(
        "## For staff: the flow as a diagram\n\n"
        f"The same flow is drawn as a [diagram (an image file)]({posixpath.basename(SVG)}). "
        f"It is drawn by Graphviz from a [text file]({posixpath.basename(DOT)}). "
        "Both are made from the same data as this page. This page says the same in words.\n\n"
        '<div class="finder-back" markdown>\n\n'
        f"[Back to the start of {markdown_text(flow.title)}]({posixpath.basename(START)})\n\n</div>\n"
    )
    return "".join(parts)


def pages(
    flow: Flow, routes: dict[str, RouteInfo], limits: dict[str, TimeLimit] | None = None
) -> dict[str, str]:
    """Every finder page: docs-relative path -> Markdown with front matter.

    ``limits``: every time limit in the route data by name (:func:`all_limits`), for results'
    clocks and pages."""
    came_from = parents(flow)
    out = {START: start_page(flow), OVERVIEW: overview_page(flow, routes)}
    for q in flow.questions.values():
        out[page_uri(q.id)] = question_page(flow, q, came_from.get(q.id, []))
    for r in flow.results.values():
        out[page_uri(r.id)] = result_page(flow, r, routes, came_from.get(r.id, []), limits)
    return out
