"""Find local details typed into a page or a data file, where a ``{{ local.* }}`` marker belongs.

A page that types the service's phone number or name would show it in another service's site
(each has its own ``localities/<id>/local.yml``). Only values that belong to one service are
looked for: its full name, area, phone, email and website, the council's name and Local
Offer, and the mediation provider. The short name ("SENDIASS") and the casework role are what
every such service and council call them, so pages may use those words. Names are matched with their capitals (a
proper noun); addresses in any case; phone numbers with any spaces, dashes or ``+44``.
This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.yaml_source import Source
from local.details import display_address

# key in local.yml -> (what it is, the marker to write instead)
MARKERS: dict[str, tuple[str, str]] = {
    "service.name": ("the service's name", "{{ local.service_name }}"),
    "service.area": ("the service's area", "{{ local.area }}"),
    "service.phone": ("the service's phone number",
                      "{{ local.phone }} (a link) or {{ local.phone_number }} (text)"),
    "service.email": ("the service's email address", "{{ local.email }}"),
    "service.website": ("the service's website",
                        "{{ local.website }} (a link) or {{ local.website_address }} (text)"),
    "council.name": ("the council's name", "{{ local.council }}"),
    "council.local_offer": ("the council's Local Offer address",
                            "{{ local.local_offer }} (a link) or {{ local.local_offer_address }} (text)"),
    "mediation_provider.name": ("the mediation provider's name", "{{ local.mediation_provider }}"),
    "mediation_provider.website": ("the mediation provider's website",
                                   "{{ local.mediation_provider_website }}"),
    "mediation_provider.phone": ("the mediation provider's phone number",
                                 "{{ local.mediation_provider_phone }}"),
}
NAMES = ("service.name", "service.area", "council.name", "mediation_provider.name")
ADDRESSES = ("service.email", "service.website", "council.local_offer", "mediation_provider.website")
PHONES = ("service.phone", "mediation_provider.phone")
# A run of digits that may be a phone number: +44 or 0, then digits with spaces, dots, dashes, brackets
PHONE_LIKE = re.compile(r"(?:\+44\s*(?:\(0\)\s*)?|\b0)\d(?:[\s().-]*\d){8,9}\b")


@dataclass(frozen=True)
class Typed:
    """A local detail typed as text: the line, the key in local.yml and the text as written."""

    line: int
    key: str
    written: str

    def message(self, where: str) -> str:
        what, marker = MARKERS[self.key]
        return (f"{where}:{self.line}: {what} '{self.written}' is typed here; write {marker} instead: "
                f"its value then comes from the service's local.yml ('{self.key}'), so a change is made "
                "in one place and no other service that reuses the site shows it")


def _digits(phone: str) -> str:
    """01632 960123 and +44 (0)1632 960123 -> 01632960123."""
    return re.sub(r"\D", "", re.sub(r"^\+44\s*(?:\(0\))?", "0", phone.strip()))


def _patterns(values: dict[str, str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, pattern) for every service-specific value that is set."""
    return _patterns_of(tuple((key, values.get(key) or "") for key in (*NAMES, *ADDRESSES)))


# A build looks for the same values in every page and data file: their patterns are made once.
@lru_cache(maxsize=8)
def _patterns_of(set_values: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    values = dict(set_values)
    found = []
    for key in NAMES:
        if values.get(key):
            words = r"\s+".join(re.escape(word) for word in values[key].split())
            found.append((key, re.compile(rf"(?<!\w){words}(?!\w)")))
    for key in ADDRESSES:
        if values.get(key):
            address = display_address(values[key]).removeprefix("www.")
            written = rf"(?:https?://)?(?:www\.)?{re.escape(address)}/?"
            found.append((key, re.compile(rf"(?<![\w.@-]){written}(?![\w/-]|\.\w)", re.IGNORECASE)))
    return tuple(found)


def find(text: str, values: dict[str, str]) -> list[Typed]:
    """Every service-specific local detail typed in ``text`` (line numbers from 1), longest first
    where two overlap (the council's name, not the area it holds)."""
    patterns = _patterns(values)
    phones = {_digits(values[key]): key for key in PHONES if values.get(key)}
    found: list[Typed] = []
    for number, line in enumerate(text.splitlines(), start=1):
        matches = [(m.start(), m.end(), key) for key, pattern in patterns for m in pattern.finditer(line)]
        matches += [(m.start(), m.end(), phones[_digits(m[0])]) for m in PHONE_LIKE.finditer(line)
                    if _digits(m[0]) in phones]
        taken: list[tuple[int, int]] = []
        for start, end, key in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
                found.append(Typed(number, key, line[start:end]))
    return sorted(found, key=lambda typed: typed.line)


def find_in_source(source: Source, values: dict[str, str]) -> list[Typed]:
    """Local details typed in the text values of a data file, each with its file line."""
    found = [Typed(source.line_holding(typed.written, span, ignore_case=True), typed.key, typed.written)
             for text, span in source.strings() for typed in find(text, values)]
    return sorted(found, key=lambda typed: typed.line)
