"""Time limits in the route data: a route's list, and one time limit's checks.

Every time limit needs what, limit, its law or Code paragraph, its fact (its entry in
docs/data/legal_facts.yml, which content/legal_facts.py checks it against) and its confidence. No MkDocs here.
"""

from __future__ import annotations

from typing import Any, Protocol

from routes.model import Entry, TimeLimit

# fact: the entry's name in legal_facts.yml; sources: pages that confirm it; note: for staff only.
TIME_LIMIT_KEYS = {"what", "limit", "code", "law", "fact", "confidence", "sources", "note"}
TIMESCALE_KEYS = TIME_LIMIT_KEYS | {"page"}
STATED = {"verified", "leaflet-only"}


class Checker(Protocol):
    """What these checks need of the route data's checker (``routes.data``)."""

    def add(self, field: str, message: str) -> None: ...
    def words(self, field: str, value: Any) -> str | None: ...
    def source(self, field: str, data: dict[str, Any]) -> tuple[str | None, str | None, bool]: ...
    def entry(self, field: str, value: Any, claim: bool) -> Entry | None: ...


def of_route(checker: Checker, value: Any) -> tuple[tuple[TimeLimit, ...], Entry | None]:
    """A route's ``time_limits``: a list of time limits, or 'not_applicable:' with why."""
    field = "time_limits"
    if isinstance(value, dict):
        entry = checker.entry(field, value, claim=False)
        if entry and entry.kind == "text":
            checker.add(field, "write a list of time limits, or 'not_applicable:' with why")
        return (), entry
    if not isinstance(value, list) or not value:
        checker.add(field, "must be a list of time limits, or 'not_applicable:' with why")
        return (), None
    found: list[TimeLimit] = []
    for number, item in enumerate(value):
        limit = one(checker, f"{field}[{number}]", item, TIME_LIMIT_KEYS)
        if limit and any(limit.what == other.what for other in found):
            checker.add(f"{field}[{number}].what", f"'{limit.what}' is used twice in this route; "
                        "make each 'what' different (the finder names time limits by it)")
        elif limit:
            found.append(limit)
    return tuple(found), None


def one(checker: Checker, where: str, item: Any, keys: set[str]) -> TimeLimit | None:
    """One time limit: what, limit, its law or Code paragraph, its fact, its confidence."""
    if not isinstance(item, dict):
        checker.add(where, "must be a mapping with what, limit, law or code, fact, confidence")
        return None
    unknown = sorted(set(item) - keys)
    if unknown:
        checker.add(where, f"has unknown key(s) {', '.join(unknown)}; use {', '.join(sorted(keys))}")
    what = checker.words(f"{where}.what", item.get("what"))
    limit = checker.words(f"{where}.limit", item.get("limit"))
    fact = checker.words(f"{where}.fact", item.get("fact"))
    code, law, _ = checker.source(where, item)
    if not (code or law):
        checker.add(
            where,
            "time limit has no source; add 'law:' (the regulation) or 'code:' (the Code "
            "paragraph), copied from docs/data/legal_facts.yml",
        )
    if item.get("confidence") is None:
        checker.add(f"{where}.confidence", f"is missing; write {' or '.join(sorted(STATED))}")
    if what and limit and fact and (code or law):
        return TimeLimit(what, limit, code, law, fact)
    return None
