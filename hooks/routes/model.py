"""The route data's value objects: a checked route, its fields, time limits and problems.

Made by :mod:`routes.data` from ``docs/data/routes.yml``; used by the route tables, the route
finder and the citations check. This module knows nothing about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


WHOLE_FILE = "(file)"  # a Problem's route and field when the file as a whole is wrong (its YAML)


@dataclass(frozen=True)
class Problem:
    """One broken rule: where it is, which route and field, what is wrong and what to do."""

    path: Path
    line: int
    route: str
    field: str
    message: str

    def __str__(self) -> str:
        if self.route == WHOLE_FILE:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}: route '{self.route}', field '{self.field}': {self.message}"


@dataclass(frozen=True)
class Link:
    """An outside web page named in a field."""

    text: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One field's value: a statement, "not applicable" with why, or advice in place of a fact."""

    kind: str  # "text", "not_applicable" or "ask"
    text: str
    code: str | None = None
    law: str | None = None
    leaflet: bool = False
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class TimeLimit:
    """A time limit with its legal source and the reference fact it was copied from."""

    what: str
    limit: str
    code: str | None
    law: str | None
    fact: str


@dataclass(frozen=True)
class Timescale:
    """A time limit the council (or a court) keeps that is not a route's, with the page explaining it."""

    limit: TimeLimit
    page: str  # docs-relative, may end in #anchor


@dataclass(frozen=True)
class Route:
    """One checked route."""

    id: str
    name: str
    page: str
    anchor: str | None
    page_line: int
    run_by_others: bool
    entries: dict[str, Entry]
    time_limits: tuple[TimeLimit, ...]
    no_time_limits: Entry | None
    alongside: tuple[str, ...]
    confused_with: tuple[str, ...]
