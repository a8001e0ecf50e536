"""Load and check the route data (``docs/data/routes.yml``) against its schema.

Each route (talk to the school, complaint, disagreement resolution, mediation, appeal, and
routes run by others) is one mapping of the fields in :data:`FIELDS`. :func:`load` reads the
file and returns the routes with every problem found, each naming file, line, route and field,
so one run reports them all. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helpers import safe_text, yaml_source
from helpers.yaml_source import Reader
from routes import time_limits
from routes.citations import CitationCheck
from routes.time_limits import STATED, TIMESCALE_KEYS
from routes.model import WHOLE_FILE, Entry, Link, Problem, Route, Timescale

# field -> kind of value. "text": plain text, or a mapping that may carry a source;
# "claim": as text, but a statement must carry a source (code, law or leaflet).
FIELDS: dict[str, str] = {
    "id": "id",
    "name": "line",
    "page": "page",
    "run_by_others": "bool",
    "summary": "text",
    "purpose": "text",
    "who_can_use": "claim",
    "run_by": "claim",
    "independent": "claim",
    "cost": "claim",
    "voluntary": "claim",
    "confidential": "claim",
    "time_limits": "time_limits",
    "outcome": "claim",
    "needed_before_tribunal": "claim",
    "alongside": "route_ids",
    "alongside_note": "claim",
    "code_paragraphs": "citation",
    "help": "text",
    "confused_with": "route_ids",
}

# fact: the entry's name in docs/data/legal_facts.yml (checked by content/legal_facts.py); sources: the web pages that confirm it;
# note: doubt or context for staff. None of the three is ever shown to readers.
STAFF_KEYS = {"fact", "sources", "note"}
ENTRY_KEYS = {"text", "not_applicable", "ask", "code", "law", "leaflet", "confidence", "links"} | STAFF_KEYS
# Doubt is for staff: words that must never reach a page, a table or a PDF (keep them in `note:`).
DOUBT = re.compile(r"\b(?:not confirmed|unconfirmed|cannot confirm|unverified|not verified|not known)\b", re.I)
ROUTE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PAGE = re.compile(r"^(?P<path>[A-Za-z0-9_./-]+\.md)(?:#(?P<anchor>[a-z0-9_-]+))?$")
LOCAL_MARKER = re.compile(r"\{\{\s*local\.(?P<key>[a-z_]+)\s*\}\}")
ANY_MARKER = re.compile(r"\{\{.*?\}\}")
LIST_ITEM = re.compile(r"(.+)\[(\d+)\]")  # a field name for one list item: time_limits[2]



class _Checker:
    """Collects problems while reading one file."""

    def __init__(
        self,
        path: Path,
        source: yaml_source.Source,
        local_values: dict[str, str],
        citation: CitationCheck,
    ) -> None:
        self.path = path
        self.file = source
        self.local_values = local_values
        self.citation = citation
        self.problems: list[Problem] = []
        self.index = 0
        self.route = "(unnamed)"
        self.section = "routes"  # or "timescales"

    def line(self, field: str) -> int:
        """Line of ``field`` (its part before any ".") in the current route, else of the route."""
        head = field.split(".")[0]
        item = LIST_ITEM.fullmatch(head)
        keys = (item[1], int(item[2])) if item else (head,)
        return self.file.line_of(self.section, self.index, *keys)

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(field), self.route, field, message))

    def words(self, field: str, value: Any) -> str | None:
        """A non-empty string with only known local markers and no typed local details."""
        if not isinstance(value, str) or not value.strip():
            self.add(field, "is missing or empty; write it as plain text")
            return None
        text = " ".join(value.split())
        doubt = DOUBT.search(text)
        if doubt:
            self.add(
                field,
                f"says '{doubt[0]}': readers never see our doubt; state only what is verified "
                "(name the instrument without the number) and keep the doubt in 'note:'",
            )
        for marker in ANY_MARKER.findall(text):
            match = LOCAL_MARKER.fullmatch(marker)
            if not match or match["key"] not in self.local_values:
                self.add(
                    field,
                    f"{marker} is not a plain-text local detail; use one of: "
                    + ", ".join(f"{{{{ local.{k} }}}}" for k in sorted(self.local_values)),
                )
        for message in self.citation(text)[1]:
            self.add(field, message)
        bare = LOCAL_MARKER.sub("", text).casefold()
        for key, local in sorted(self.local_values.items()):
            if len(local) >= 4 and local.casefold() in bare:
                self.add(
                    field,
                    f"types the local detail '{local}'; write {{{{ local.{key} }}}} instead, "
                    "so another service can reuse this file",
                )
        return text

    def code(self, field: str, value: Any) -> str | None:
        """A field that holds exactly one Code of Practice citation, such as "(11.6)"."""
        before = len(self.problems)
        text = self.words(field, value)
        if text is None or len(self.problems) > before:
            return None
        if self.citation(text)[0] != [text]:
            self.add(
                field,
                f"'{text}' is not one Code of Practice citation; write it like \"(11.45)\", "
                '"paragraph 11.45" or "sections 11.13 to 11.38"',
            )
            return None
        return text

    def source(self, field: str, data: dict[str, Any]) -> tuple[str | None, str | None, bool]:
        code = law = None
        if "code" in data:
            code = self.code(f"{field}.code", data["code"])
        if "law" in data:
            law = self.words(f"{field}.law", data["law"])
        leaflet = data.get("leaflet", False)
        if not isinstance(leaflet, bool):
            self.add(f"{field}.leaflet", "must be true or false")
            leaflet = False
        if "sources" in data:
            self.sources(field, data["sources"])
        confidence = data.get("confidence")
        if confidence is not None and confidence not in STATED:
            self.add(
                f"{field}.confidence",
                f"is '{confidence}': nothing unverified, inferred or in conflict is stated as "
                f"fact; verify it (confidence: {' or '.join(sorted(STATED))}) or take it out",
            )
        return code, law, leaflet

    def sources(self, field: str, value: Any) -> bool:
        """`sources:`: a list of web addresses (http or https) that confirm the statement."""
        if not isinstance(value, list) or not value or not all(
            isinstance(url, str) and urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc
            for url in value
        ):
            self.add(f"{field}.sources", "must be a list of web addresses (https://...) that confirm it")
            return False
        return True

    def links(self, field: str, value: Any) -> tuple[Link, ...]:
        if not isinstance(value, list):
            self.add(f"{field}.links", "must be a list of 'text' and 'url' pairs")
            return ()
        found = []
        for item in value:
            if not isinstance(item, dict) or set(item) != {"text", "url"}:
                self.add(f"{field}.links", "each link needs exactly 'text' and 'url'")
                continue
            text, url = self.words(f"{field}.links", item["text"]), str(item["url"])
            if wrong := safe_text.url_problem(url):
                self.add(f"{field}.links", f"'{url}' is not an https:// address: it {wrong}")
            elif text:
                found.append(Link(text, url))
        return tuple(found)

    def entry(self, field: str, value: Any, claim: bool) -> Entry | None:
        """A field written as text or as a mapping with one of text / not_applicable / ask."""
        if isinstance(value, str):
            if claim:
                self.add(
                    field,
                    "makes a claim with no source; write it as 'text:' with 'code:', 'law:' "
                    "or 'leaflet: true', or use 'not_applicable:' or 'ask:'",
                )
            text = self.words(field, value)
            return Entry("text", text) if text else None
        if not isinstance(value, dict):
            self.add(field, "is missing; write it as text or as a mapping with 'text:'")
            return None
        unknown = sorted(set(value) - ENTRY_KEYS)
        if unknown:
            self.add(field, f"has unknown key(s) {', '.join(unknown)}; use {', '.join(sorted(ENTRY_KEYS))}")
        kinds = [k for k in ("text", "not_applicable", "ask") if k in value]
        if len(kinds) != 1:
            self.add(field, "needs exactly one of 'text:', 'not_applicable:' or 'ask:'")
            return None
        kind = kinds[0]
        text = self.words(f"{field}.{kind}", value[kind])
        code, law, leaflet = self.source(field, value)
        confirmed = "fact" in value and "sources" in value
        if claim and kind == "text" and not (code or law or leaflet or confirmed):
            self.add(
                field,
                "makes a claim with no source; add 'code:', 'law:', 'leaflet: true', or 'fact:' "
                "with the 'sources:' that confirm it",
            )
        links = self.links(field, value["links"]) if "links" in value else ()
        return Entry(kind, text, code, law, leaflet, links) if text else None

    def citation_entry(self, field: str, value: Any) -> Entry | None:
        if isinstance(value, str):
            code = self.code(field, value)
            return Entry("text", code) if code else None
        entry = self.entry(field, value, claim=False)
        if entry and entry.kind == "text":
            self.add(field, "write the citation itself, for example \"(11.45)\", or 'not_applicable:'")
        return entry

    def route_ids(self, field: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(field, "must be a list of route ids, for example [mediation, appeal]")
            return ()
        return tuple(value)


def _route(checker: _Checker, data: dict[str, Any], pages: set[str]) -> Route | None:
    for field in sorted(set(data) - set(FIELDS)):
        checker.add(field, f"is not a route field; the fields are: {', '.join(FIELDS)}")
    for field in FIELDS:
        if field not in data:
            checker.add(field, "is missing; every route needs every field (see the file's header)")
    entries: dict[str, Entry] = {}
    for field, kind in FIELDS.items():
        if field in data and kind in ("text", "claim"):
            entry = checker.entry(field, data[field], claim=kind == "claim")
            if entry:
                entries[field] = entry
    if "code_paragraphs" in data:
        entry = checker.citation_entry("code_paragraphs", data["code_paragraphs"])
        if entry:
            entries["code_paragraphs"] = entry
    limits, no_limits = time_limits.of_route(checker, data["time_limits"]) if "time_limits" in data else ((), None)
    name = checker.words("name", data.get("name")) if "name" in data else None
    if name and "\n" in str(data["name"]).strip():
        checker.add("name", "must be one line")
    if "run_by_others" in data and not isinstance(data["run_by_others"], bool):
        checker.add("run_by_others", "must be true or false")
    page = anchor = None
    if "page" in data:
        match = PAGE.match(str(data["page"]))
        if not match:
            checker.add("page", f"'{data['page']}' is not a page such as mediation.md or appeals.md#heading")
        elif match["path"] not in pages:
            checker.add("page", f"'{match['path']}' does not exist in docs/; name a page that does")
        else:
            page, anchor = match["path"], match["anchor"]
    alongside = checker.route_ids("alongside", data.get("alongside"))
    confused = checker.route_ids("confused_with", data.get("confused_with"))
    if checker.problems or name is None or page is None:
        return None
    return Route(id=data["id"], name=name, page=page, anchor=anchor, page_line=checker.line("page"),
                 run_by_others=data["run_by_others"], entries=entries, time_limits=limits,
                 no_time_limits=no_limits, alongside=alongside, confused_with=confused)


def _cross_check(checker: _Checker, raw: list[Any], ids: list[str]) -> None:
    """Route ids named in other routes must exist, and "alongside" must go both ways."""
    known = {route_id for route_id, data in zip(ids, raw) if isinstance(data, dict)}
    listed = ", ".join(route_id for route_id in ids if route_id in known)
    for index, data in enumerate(raw):
        if not isinstance(data, dict):
            continue
        checker.index, checker.route = index, ids[index]
        for field in ("alongside", "confused_with"):
            named = data.get(field)
            if not isinstance(named, list) or not all(isinstance(other, str) for other in named):
                continue  # reported by route_ids
            for other in named:
                if other == ids[index]:
                    checker.add(field, f"names the route itself ('{other}'); take it out")
                elif other not in ids:
                    checker.add(field, f"names unknown route id '{other}'; use one of: {listed}")
                elif other not in known:
                    continue  # that route is not a mapping: reported on its own line
                elif field == "alongside":
                    back = raw[ids.index(other)].get("alongside")
                    if isinstance(back, list) and ids[index] not in back:
                        checker.add(
                            field,
                            f"names '{other}', but route '{other}' does not name '{ids[index]}' "
                            "in its alongside list; add it there too (or take it out here)",
                        )


def load(
    path: Path,
    pages: Iterable[str],
    local_values: dict[str, str],
    citation: CitationCheck,
    read: Reader = yaml_source.read,
) -> tuple[list[Route], list[Problem]]:
    """Read and check the route data; return the routes and every problem found.

    ``pages`` are the docs-relative paths of the site's pages; ``local_values`` maps each
    plain-text ``local.*`` marker key to its value; ``citation`` returns the Code of Practice
    citations in a text and what is wrong with any of them; ``read`` parses the file.
    """
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        return [], [Problem(path, error.line, WHOLE_FILE, WHOLE_FILE, error.message)]
    data = source.data or {}
    checker = _Checker(path, source, local_values, citation)
    raw = data.get("routes") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        return [], [_no_routes_list(path, source)]
    ids: list[str] = []
    for index, item in enumerate(raw):
        checker.index = index
        route_id = item.get("id") if isinstance(item, dict) else item
        checker.route = str(route_id) if isinstance(route_id, str) and route_id else f"number {index + 1}"
        if isinstance(item, str) and ROUTE_ID.match(item):
            checker.problems.append(Problem(path, checker.line("id"), WHOLE_FILE, WHOLE_FILE,
                                            f"route '{item}' is written as text; write each route as "
                                            f"'- id: {item}' followed by its fields (see README, Route tables)"))
        elif not isinstance(item, dict):
            checker.add("(route)", "must be a mapping of fields, starting with '- id:'")
        elif not isinstance(route_id, str) or not ROUTE_ID.match(route_id):
            checker.add("id", f"'{route_id}' is not an id; use lower-case words joined by '-'")
        elif route_id in ids:
            checker.add("id", f"'{route_id}' is used by another route; ids must be unique")
        ids.append(checker.route)
    routes: list[Route] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            continue
        sub = _Checker(path, source, local_values, citation)
        sub.index, sub.route = index, ids[index]
        route = _route(sub, item, set(pages))
        checker.problems.extend(sub.problems)
        if route:
            routes.append(route)
    _cross_check(checker, raw, ids)
    return routes, checker.problems


def _no_routes_list(path: Path, source: yaml_source.Source) -> Problem:
    """The problem with a file whose ``routes:`` is missing, empty or not a list."""
    has_key = isinstance(source.data, dict) and "routes" in source.data
    message = ("'routes:' must be followed by the list of routes, each starting with '- id:'" if has_key
               else "has no 'routes:' list; start the list of routes with a line 'routes:'")
    return Problem(path, source.line_of("routes"), WHOLE_FILE, WHOLE_FILE, message + " (see README, Route tables)")


def load_timescales(
    path: Path,
    pages: Iterable[str],
    local_values: dict[str, str],
    citation: CitationCheck,
    read: Reader = yaml_source.read,
) -> tuple[list[Timescale], list[Problem]]:
    """The optional top-level ``timescales:`` list of the route data (see :func:`load`)."""
    try:
        source = read(path)
    except yaml_source.Unreadable:
        return [], []  # load() reports it
    raw = source.data.get("timescales", []) if isinstance(source.data, dict) else []
    checker = _Checker(path, source, local_values, citation)
    checker.section = "timescales"
    if not isinstance(raw, list):
        checker.add("timescales", "must be a list of time limits, each with a 'page'")
        return [], checker.problems
    found: list[Timescale] = []
    for index, item in enumerate(raw):
        checker.index, checker.route = index, f"timescales item {index + 1}"
        limit = time_limits.one(checker, "time limit", item, TIMESCALE_KEYS)
        page = str(item.get("page", "")) if isinstance(item, dict) else ""
        match = PAGE.match(page)
        if not match or match["path"] not in set(pages):
            checker.add("page", f"'{page}' is not a page in docs/; name the page that explains it")
        elif limit:
            found.append(Timescale(limit, page))
    return found, checker.problems
