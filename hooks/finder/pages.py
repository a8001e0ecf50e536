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

import yaml

from finder.check import parents
from finder.flow import Flow, Question, Result, Step
from routes.data import Route

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


def route_info(routes: list[Route]) -> dict[str, RouteInfo]:
    """What the finder needs from the checked route data, by route id."""
    return {
        route.id: RouteInfo(
            name=route.name,
            page=route.page + (f"#{route.anchor}" if route.anchor else ""),
            time_limits={
                t.fact: TimeLimit(t.what, t.limit, t.law or t.code or "") for t in route.time_limits
            },
            no_limits=route.no_time_limits is not None and route.no_time_limits.kind == "not_applicable",
        )
        for route in routes
    }


def page_uri(page_id: str) -> str:
    """Where the page for a question or result lives, relative to docs/."""
    return f"{FOLDER}/{page_id}.md"


def _front_matter(flow: Flow, title: str, description: str) -> str:
    meta = {
        "title": title,
        "description": description,
        "last_reviewed": datetime.date.fromisoformat(flow.last_reviewed),
        "review_interval_months": flow.review_interval_months,
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def _title(flow: Flow, page_title: str) -> str:
    return f"{page_title} - {flow.title}"


def _name(flow: Flow, page_id: str) -> str:
    node = flow.questions.get(page_id) or flow.results[page_id]
    return node.title


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
        lines.append(f"\n[Back to the start of {flow.title}]({posixpath.basename(START)})")
    return '<div class="finder-back" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def _answers(question: Question) -> str:
    items = "\n".join(f"- [{a.text}]({a.next}.md)" for a in question.answers)
    return f'<div class="finder-answers" markdown>\n\n{items}\n\n</div>\n'


def question_page(flow: Flow, question: Question, came_from: list[str]) -> str:
    """One question: the question as the heading, then one link per answer."""
    hint = f"{question.hint}\n\n" if question.hint else ""
    return (
        _front_matter(flow, _title(flow, question.question), f"{flow.title} {question.question}")
        + f"\n# {question.question}\n\n{hint}"
        + "## Choose the answer that fits best\n\n"
        + _answers(question)
        + "\n"
        + _back(flow, question.id, came_from)
    )


def _route_link(route: RouteInfo) -> str:
    return f"[{route.name}]({posixpath.relpath(route.page, FOLDER)})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _limits(step: Step, route: RouteInfo) -> str:
    """The time limits that apply, as a table (what, limit, legal source)."""
    ids = list(route.time_limits) if step.time_limits is None else list(step.time_limits)
    if not ids and route.no_limits:
        return "**Time limits:** none apply to this route.\n"
    if not ids:
        return (
            "**Time limits:** we do not list a time limit for this here. "
            "Ask {{ local.service }} if there is a deadline.\n"
        )
    rows = "\n".join(
        f"| {_cell(t.what)} | {_cell(t.limit)} | {_cell(t.source)} |"
        for t in (route.time_limits[i] for i in ids)
    )
    return f"**Time limits:**\n\n| What | Time limit | Source |\n| --- | --- | --- |\n{rows}\n"


def result_page(flow: Flow, result: Result, routes: dict[str, RouteInfo], came_from: list[str]) -> str:
    """One result: the routes that fit in order, why, what to do first, time limits, help."""
    order = "\n".join(
        f"{n}. {_route_link(routes[s.route])}" for n, s in enumerate(result.steps, start=1)
    )
    parts = [
        _front_matter(flow, _title(flow, result.title), result.summary),
        f"\n# {result.title}\n\n{result.summary}\n\n",
        "{{ local.service_name }} ({{ local.service }}) can help you decide what to do.\n\n",
        "## The routes that fit, in the order to try them\n\n",
        f'<div class="finder-routes" markdown>\n\n{order}\n\n</div>\n\n',
    ]
    for n, step in enumerate(result.steps, start=1):
        route = routes[step.route]
        parts.append(
            f"### {n}. {route.name}\n\n"
            f"**Why it fits:** {step.why}\n\n"
            f"**What to do first:** {step.first}\n\n"
            f"{_limits(step, route)}\n"
            f"Read more: {_route_link(route)}.\n\n"
        )
    parts.append(
        "## How {{ local.service }} can help\n\n"
        f"{result.help}\n\n"
        "- Phone: {{ local.phone }}\n- Email: {{ local.email }}\n\n"
        f"## What this does not cover\n\n{result.not_covered}\n\n"
    )
    parts.append(_back(flow, result.id, came_from))
    return "".join(parts)


def start_page(flow: Flow) -> str:
    """The start page: what the finder does, and the link to the first question."""
    return (
        _front_matter(flow, flow.title, flow.description)
        + f"\n# {flow.title}\n\n{flow.intro}\n\n"
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
        f'These are all the questions in "{flow.title}". Start with the first question. '
        "Each answer tells you where to go next.\n\n## Questions\n\n",
    ]
    for q in flow.questions.values():
        parts.append(f"### {q.title}: {q.question} {{ #{q.id} }}\n\n")
        if q.hint:
            parts.append(f"{q.hint}\n\n")
        for a in q.answers:
            if a.next in flow.questions:
                target = f"Next: the question [{flow.questions[a.next].title}](#{a.next})"
            else:
                target = f"Result: [{flow.results[a.next].title}]({a.next}.md)"
            parts.append(f"- {_sentence(a.text)} {target}.\n")
        parts.append("\n")
    parts.append("## Results\n\n")
    for r in flow.results.values():
        parts.append(f"### {r.title} {{ #{r.id} }}\n\n{r.summary}\n\n")
        parts.extend(
            f"{n}. {_route_link(routes[s.route])}\n" for n, s in enumerate(r.steps, start=1)
        )
        parts.append(f"\n[Read the full result: {r.title}]({r.id}.md)\n\n")
    parts.append(
        "## For staff: the flow as a diagram\n\n"
        f"The same flow is drawn as a [diagram (an image file)]({posixpath.basename(SVG)}). "
        f"It is drawn by Graphviz from a [text file]({posixpath.basename(DOT)}). "
        "Both are made from the same data as this page. This page says the same in words.\n\n"
        '<div class="finder-back" markdown>\n\n'
        f"[Back to the start of {flow.title}]({posixpath.basename(START)})\n\n</div>\n"
    )
    return "".join(parts)


def pages(flow: Flow, routes: dict[str, RouteInfo]) -> dict[str, str]:
    """Every finder page: docs-relative path -> Markdown with front matter."""
    came_from = parents(flow)
    out = {START: start_page(flow), OVERVIEW: overview_page(flow, routes)}
    for q in flow.questions.values():
        out[page_uri(q.id)] = question_page(flow, q, came_from.get(q.id, []))
    for r in flow.results.values():
        out[page_uri(r.id)] = result_page(flow, r, routes, came_from.get(r.id, []))
    return out
