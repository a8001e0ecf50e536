"""Read the "Which route fits?" flow from ``docs/data/finder.yml``.

The flow is questions (each answer leads to another question or to a result) and results
(the routes that fit, in the order to try them). This module only reads the file and checks
its shape, keeping the line of everything for error messages; ``finder_check`` checks the
flow as a whole. It knows nothing about MkDocs.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers import yaml_source
from helpers.yaml_source import Reader

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# File names the finder uses for its own pages under route-finder/.
RESERVED = {"index", "all"}

TOP_KEYS = {
    "title": True,
    "description": True,
    "last_reviewed": True,
    "review_interval_months": True,
    "start": True,
    "intro": True,
    "questions": True,
    "results": True,
}
QUESTION_KEYS = {"title": True, "question": True, "hint": False, "answers": True}
ANSWER_KEYS = {"answer": True, "next": True}
RESULT_KEYS = {"title": True, "summary": True, "clock": False, "routes": False, "pages": False,
               "help": True, "not_covered": True}
STEP_KEYS = {"route": True, "why": True, "first": True, "time_limits": False}
# A page to read, with why (like a route's): for situations that are not a route of their own.
PAGE_KEYS = {"page": True, "title": True, "why": True, "time_limits": False}
# A time limit that may already be running, shown before anything else on the result.
CLOCK_KEYS = {"text": True, "time_limits": True}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the flow: where it is and what to do about it."""

    path: Path
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{self.path}:{self.line}: {place}{self.message}"


@dataclass(frozen=True)
class Answer:
    """One answer to a question: its text and the id of the page it leads to."""

    text: str
    next: str
    line: int


@dataclass(frozen=True)
class Question:
    """One question page. ``title`` is its short name, used in back links and the diagram."""

    id: str
    title: str
    question: str
    hint: str
    answers: tuple[Answer, ...]
    line: int


@dataclass(frozen=True)
class Step:
    """One route on a result page: why it fits, what to do first, which time limits apply."""

    route: str
    why: str
    first: str
    time_limits: tuple[str, ...] | None
    line: int


@dataclass(frozen=True)
class PageStep:
    """A page on the site to read, why it fits, and the time limits (from routes.yml) it explains."""

    page: str  # docs-relative, may end in #anchor
    title: str
    why: str
    time_limits: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Clock:
    """A time limit that may already be running: said first, before any route."""

    text: str
    time_limits: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Result:
    """One result page: the routes that fit, in the order to try them."""

    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    help: str
    not_covered: str
    line: int
    pages: tuple[PageStep, ...] = ()
    clock: Clock | None = None


@dataclass(frozen=True)
class Flow:
    """The whole flow as read from the file."""

    path: Path
    title: str
    description: str
    last_reviewed: str
    review_interval_months: int
    start: str
    start_line: int
    intro: str
    questions: dict[str, Question]
    results: dict[str, Result]


class _Reader:
    """Walks the YAML node tree, collecting every problem instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | int, where: str, message: str) -> None:
        line = node if isinstance(node, int) else node.start_mark.line + 1
        self.problems.append(Problem(self.path, line, where, message))

    def mapping(
        self, node: yaml.Node, where: str, keys: dict[str, bool]
    ) -> dict[str, yaml.Node] | None:
        """The keys of a mapping node; reports unknown, repeated and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, where, f"must be a set of 'key: value' lines ({', '.join(keys)})")
            return None
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in found:
                self.problem(key_node, where, f"'{key}' is written twice; keep one")
            elif key not in keys:
                self.problem(
                    key_node, where, f"unknown key '{key}'; use only: {', '.join(keys)}"
                )
            found[key] = value_node
        for key, required in keys.items():
            if required and key not in found:
                self.problem(node, where, f"'{key}' is missing; add it")
        return found

    def text(self, fields: dict[str, yaml.Node], key: str, where: str) -> str:
        """A non-empty text value (missing keys are reported by ``mapping``)."""
        node = fields.get(key)
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.problem(node, where, f"'{key}' must be some text")
            return ""
        return str(node.value).strip()

    def sequence(self, node: yaml.Node | None, where: str, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, where, f"{what} must be a list, each item starting with '- '")
            return []
        return list(node.value)

    def slug(self, node: yaml.Node, where: str, what: str) -> str:
        value = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
        if not SLUG.match(value):
            self.problem(
                node, where, f"{what} '{value}' must be lower-case letters, digits and hyphens"
            )
        elif value in RESERVED:
            self.problem(node, where, f"{what} '{value}' is used by the finder itself; rename it")
        return value


def _peek(node: yaml.Node, key: str) -> str:
    """The text under ``key`` in a mapping node, for naming it in messages ('' if none)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key and isinstance(value_node, yaml.ScalarNode):
                return str(value_node.value).strip()
    return ""


def _question(reader: _Reader, key_node: yaml.Node, node: yaml.Node) -> Question | None:
    qid = reader.slug(key_node, "questions", "question id")
    where = f"question '{qid}'"
    fields = reader.mapping(node, where, QUESTION_KEYS)
    if fields is None:
        return None
    answers = []
    items = reader.sequence(fields.get("answers"), where, "'answers'")
    for item in items:
        where_answer = f"{where}, answer '{_peek(item, 'answer')}'"
        item_fields = reader.mapping(item, where_answer, ANSWER_KEYS)
        if item_fields is None:
            continue
        text = reader.text(item_fields, "answer", where_answer)
        target = reader.text(item_fields, "next", where_answer)
        answers.append(Answer(text, target, item.start_mark.line + 1))
    return Question(
        id=qid,
        title=reader.text(fields, "title", where),
        question=reader.text(fields, "question", where),
        hint=reader.text(fields, "hint", where),
        answers=tuple(answers),
        line=key_node.start_mark.line + 1,
    )


def _step(reader: _Reader, where: str, node: yaml.Node) -> Step | None:
    where_step = f"{where}, route '{_peek(node, 'route')}'"
    fields = reader.mapping(node, where_step, STEP_KEYS)
    if fields is None:
        return None
    route = reader.text(fields, "route", where_step)
    limits: tuple[str, ...] | None = None
    if "time_limits" in fields:
        limit_nodes = reader.sequence(fields["time_limits"], where_step, "'time_limits'")
        limits = tuple(str(n.value) for n in limit_nodes if isinstance(n, yaml.ScalarNode))
    return Step(
        route=route,
        why=reader.text(fields, "why", where_step),
        first=reader.text(fields, "first", where_step),
        time_limits=limits,
        line=node.start_mark.line + 1,
    )


def _names(reader: _Reader, fields: dict[str, yaml.Node], where: str) -> tuple[str, ...]:
    """The time limits named under 'time_limits' (by their `what` or `fact` in routes.yml)."""
    if "time_limits" not in fields:
        return ()
    nodes = reader.sequence(fields["time_limits"], where, "'time_limits'")
    return tuple(str(n.value) for n in nodes if isinstance(n, yaml.ScalarNode))


def _page_step(reader: _Reader, where: str, node: yaml.Node) -> PageStep | None:
    where_page = f"{where}, page '{_peek(node, 'page')}'"
    fields = reader.mapping(node, where_page, PAGE_KEYS)
    if fields is None:
        return None
    return PageStep(
        page=reader.text(fields, "page", where_page),
        title=reader.text(fields, "title", where_page),
        why=reader.text(fields, "why", where_page),
        time_limits=_names(reader, fields, where_page),
        line=node.start_mark.line + 1,
    )


def _clock(reader: _Reader, where: str, node: yaml.Node | None) -> Clock | None:
    fields = None if node is None else reader.mapping(node, f"{where}, clock", CLOCK_KEYS)
    if node is None or fields is None:
        return None
    text, names = reader.text(fields, "text", f"{where}, clock"), _names(reader, fields, f"{where}, clock")
    return Clock(text=text, time_limits=names, line=node.start_mark.line + 1)


def _result(reader: _Reader, key_node: yaml.Node, node: yaml.Node) -> Result | None:
    rid = reader.slug(key_node, "results", "result id")
    where = f"result '{rid}'"
    fields = reader.mapping(node, where, RESULT_KEYS)
    if fields is None:
        return None
    steps = [_step(reader, where, item) for item in reader.sequence(fields.get("routes"), where, "'routes'")]
    page_steps = [_page_step(reader, where, n) for n in reader.sequence(fields.get("pages"), where, "'pages'")]
    return Result(
        id=rid,
        title=reader.text(fields, "title", where),
        summary=reader.text(fields, "summary", where),
        steps=tuple(step for step in steps if step is not None),
        help=reader.text(fields, "help", where),
        not_covered=reader.text(fields, "not_covered", where),
        line=key_node.start_mark.line + 1,
        pages=tuple(step for step in page_steps if step is not None),
        clock=_clock(reader, where, fields.get("clock")),
    )


def _entries(reader: _Reader, node: yaml.Node | None, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if node is None:
        return []
    if not isinstance(node, yaml.MappingNode) or not node.value:
        reader.problem(node, what, f"'{what}' must list at least one entry as 'id:' lines")
        return []
    # An id used twice never gets here: the YAML reader refuses a repeated key, naming both lines.
    return list(node.value)


def _date(reader: _Reader, fields: dict[str, yaml.Node]) -> str:
    text = reader.text(fields, "last_reviewed", "")
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        if text:
            reader.problem(fields["last_reviewed"], "", f"last_reviewed '{text}' must be a date like 2026-11-28")
    return text


def _months(reader: _Reader, fields: dict[str, yaml.Node]) -> int:
    text = reader.text(fields, "review_interval_months", "")
    if text and not (text.isdigit() and int(text) > 0):
        reader.problem(
            fields["review_interval_months"], "", "review_interval_months must be a whole number of months, such as 12"
        )
        return 0
    return int(text) if text else 0


def parse(text: str, path: Path) -> tuple[Flow | None, list[Problem]]:
    """Read the flow from YAML text; return it (or None) and every problem with its shape."""
    return _from_source(lambda _: yaml_source.parse(text), path, path)


def _from_source(read: Reader, path: Path, shown: Path) -> tuple[Flow | None, list[Problem]]:
    """The flow in ``read(path)``, with problems naming the file as ``shown``."""
    reader = _Reader(shown)
    try:
        root = read(path).root
    except yaml_source.Unreadable as error:
        return None, [Problem(shown, error.line, "", error.message)]
    if root is None:
        return None, [Problem(shown, 1, "", "is empty; write the flow as described in the README")]
    fields = reader.mapping(root, "", TOP_KEYS)
    if fields is None:
        return None, reader.problems
    questions: dict[str, Question] = {}
    for key_node, node in _entries(reader, fields.get("questions"), "questions"):
        question = _question(reader, key_node, node)
        if question is not None:
            questions[question.id] = question
    results: dict[str, Result] = {}
    for key_node, node in _entries(reader, fields.get("results"), "results"):
        if key_node.value in questions:
            reader.problem(key_node, "results", f"id '{key_node.value}' is also a question id; rename one")
            continue
        result = _result(reader, key_node, node)
        if result is not None:
            results[result.id] = result
    start_node = fields.get("start")
    flow = Flow(
        path=shown,
        title=reader.text(fields, "title", ""),
        description=reader.text(fields, "description", ""),
        last_reviewed=_date(reader, fields),
        review_interval_months=_months(reader, fields),
        start=reader.text(fields, "start", ""),
        start_line=start_node.start_mark.line + 1 if start_node is not None else 1,
        intro=reader.text(fields, "intro", ""),
        questions=questions,
        results=results,
    )
    return flow, reader.problems


def load(
    path: Path, shown: Path | None = None, read: Reader = yaml_source.read
) -> tuple[Flow | None, list[Problem]]:
    """Read ``path`` with ``read`` (see :func:`parse`); messages name it as ``shown`` if given."""
    return _from_source(read, path, shown or path)
