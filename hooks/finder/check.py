"""Check the "Which route fits?" flow as a whole.

Every answer leads to a question or a result; every question and result can be reached
from the start; no answer leads back round in a loop; no question is a dead end; every route
named is in the route data; every citation passes the citation checker. Each problem names
the question and answer (or result and route) it is about. No MkDocs here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from citations import check as citations_check
from citations import parse as citations_parse
from citations.registry import Edition
from finder.flow import Flow, Problem, Question

# Text also used in page titles, descriptions and the diagram, where markers are not expanded.
PLAIN_FIELDS = {"title", "question", "answer", "summary"}

# Checks one piece of text; returns what is wrong with its citations (empty when fine).
CitationCheck = Callable[[str], list[str]]


def citation_check(edition: Edition) -> CitationCheck:
    """The site's citation checker (citations_parse + citations_check) for one piece of text."""

    def check(text: str) -> list[str]:
        return [
            f"Code of Practice citation '{p.written}': {p.what}; {p.fix}"
            for citation in citations_parse.find_in_text(text)
            for p in citations_check.check_citation(citation, edition)
        ]

    return check


def texts(flow: Flow) -> Iterator[tuple[int, str, str, str]]:
    """Every piece of page text: (line, where, field, text)."""
    yield flow.start_line, "start page", "intro", flow.intro
    for q in flow.questions.values():
        where = f"question '{q.id}'"
        yield q.line, where, "title", q.title
        yield q.line, where, "question", q.question
        yield q.line, where, "hint", q.hint
        for answer in q.answers:
            yield answer.line, f"{where}, answer '{answer.text}'", "answer", answer.text
    for r in flow.results.values():
        where = f"result '{r.id}'"
        for field in ("title", "summary", "help", "not_covered"):
            yield r.line, where, field, getattr(r, field)
        for step in r.steps:
            for field in ("why", "first"):
                yield step.line, f"{where}, route '{step.route}'", field, getattr(step, field)


def parents(flow: Flow) -> dict[str, list[str]]:
    """For each page id, the questions with an answer leading to it (in file order, no repeats)."""
    found: dict[str, list[str]] = {}
    for q in flow.questions.values():
        for answer in q.answers:
            here = found.setdefault(answer.next, [])
            if q.id not in here:
                here.append(q.id)
    return found


def _reachable(flow: Flow) -> set[str]:
    seen: set[str] = set()
    todo = [flow.start] if flow.start in flow.questions else []
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        if page in flow.questions:
            todo.extend(a.next for a in flow.questions[page].answers)
    return seen


def _loops(flow: Flow, problem: Callable[[int, str, str], None]) -> None:
    """Report each answer that leads back to a question already on the way (depth-first)."""
    done: set[str] = set()

    def visit(q: Question, path: list[str]) -> None:
        path.append(q.id)
        for answer in q.answers:
            if answer.next in path:
                loop = " -> ".join(path[path.index(answer.next):] + [answer.next])
                problem(
                    answer.line,
                    f"question '{q.id}', answer '{answer.text}'",
                    f"leads back to question '{answer.next}', making a loop ({loop}); "
                    "point it to a later question or to a result",
                )
            elif answer.next in flow.questions and answer.next not in done:
                visit(flow.questions[answer.next], path)
        path.pop()
        done.add(q.id)

    for q in flow.questions.values():
        if q.id not in done:
            visit(q, [])


def check(
    flow: Flow,
    routes: Mapping[str, set[str]],
    citations: CitationCheck,
) -> list[Problem]:
    """Every problem with the flow.

    ``routes`` maps each known route id to the ids of its time limits.
    """
    problems: list[Problem] = []

    def problem(line: int, where: str, message: str) -> None:
        problems.append(Problem(flow.path, line, where, message))

    pages = set(flow.questions) | set(flow.results)
    if flow.start not in flow.questions:
        problem(
            flow.start_line,
            "start",
            f"'{flow.start}' is not a question; use one of: {', '.join(flow.questions) or '(none)'}",
        )

    titles: dict[str, str] = {}
    for q in flow.questions.values():
        if q.title in titles:
            problem(q.line, f"question '{q.id}'", f"title '{q.title}' is also the title of question "
                    f"'{titles[q.title]}'; give each question its own title (it is the back link text)")
        titles.setdefault(q.title, q.id)
        if not q.answers:
            problem(q.line, f"question '{q.id}'", "has no answers, so it is a dead end; "
                    "add at least one answer with 'next'")
        said: set[str] = set()
        for answer in q.answers:
            where = f"question '{q.id}', answer '{answer.text}'"
            if answer.text in said:
                problem(answer.line, where, "is written twice in this question; keep one")
            said.add(answer.text)
            if answer.next and answer.next not in pages:
                problem(answer.line, where, f"leads to '{answer.next}', which is not a question or "
                        f"a result; use one of: {', '.join(sorted(pages))}")

    _loops(flow, problem)

    reachable = _reachable(flow) if flow.start in flow.questions else pages
    for q in flow.questions.values():
        if q.id not in reachable and q.id != flow.start:
            problem(q.line, f"question '{q.id}'", f"cannot be reached from the start question "
                    f"'{flow.start}'; point an answer to it, or remove it")
    for r in flow.results.values():
        where = f"result '{r.id}'"
        if r.id not in reachable:
            problem(r.line, where, f"cannot be reached from the start question '{flow.start}'; "
                    "point an answer to it, or remove it")
        if not r.steps:
            problem(r.line, where, "names no route; add at least one under 'routes'")
        named: set[str] = set()
        for step in r.steps:
            here = f"{where}, route '{step.route}'"
            if step.route in named:
                problem(step.line, here, "is named twice in this result; keep one")
            named.add(step.route)
            if step.route not in routes:
                problem(step.line, here, f"is not in the route data; use one of: "
                        f"{', '.join(sorted(routes))}")
                continue
            for limit in step.time_limits or ():
                if limit not in routes[step.route]:
                    known = ", ".join(sorted(routes[step.route])) or "(this route has none)"
                    problem(step.line, here, f"time limit '{limit}' is not one of this route's "
                            f"time limits in the route data; use one of: {known}")

    for line, where, field, text in texts(flow):
        for message in citations(text):
            problem(line, where, f"{field}: {message}")
        if field in PLAIN_FIELDS and "{{" in text:
            problem(line, where, f"{field}: has a {{{{ … }}}} marker; markers work only in "
                    "'intro', 'hint', 'why', 'first', 'help' and 'not_covered' (this text is also "
                    "used in page titles, descriptions and the diagram), so write it out")
    return problems
