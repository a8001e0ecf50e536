"""Load and check the service's local details, and render them for pages.

Local details (service name, phone, email, websites, council, mediation provider, the site's
own address) live in the service's folder, ``localities/<id>/local.yml`` (see
``localities.folders``), so another service reuses the site with a folder of its own. This
module knows nothing about MkDocs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from helpers import safe_text, yaml_source
from helpers.yaml_source import Reader

# A UK number without its spaces: 01632..., +441632... or +44(0)1632...; the digits after the 0.
UK_PHONE = re.compile(r"^(?:0|\+44(?:\(0\))?)(?P<digits>\d{9,10})$")
DAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays)\b", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}([:.]\d{2})?\s?(am|pm)\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidday\b", re.IGNORECASE)

# key in the file -> what it must be
FIELDS: dict[str, str] = {
    "service.name": "text",
    "service.short_name": "text",
    "service.area": "text",
    "service.phone": "phone",
    "service.email": "email",
    "service.website": "url",
    "council.name": "text",
    "council.casework_role": "text",
    "council.local_offer": "url",
    "mediation_provider.name": "text",
    "mediation_provider.website": "url",
    "mediation_provider.phone": "phone",
}
# Keys a service may leave out; when given, they are checked like the others. Opening hours are
# shown beside the service's phone number (home page, footer). Only state hours the service
# itself publishes: the leaflet this site is built from gives none.
# ``site.name`` replaces mkdocs.yml's site_name. ``site.url``, the site's own public address,
# drives canonical links, the sitemap and the PDFs' QR codes; without it they behave as when
# mkdocs.yml has no site_url. ``review.by`` names who reviews the pages (in the review report).
OPTIONAL: dict[str, str] = {
    "service.opening_hours": "hours",
    "site.name": "text",
    "site.url": "url",
    "review.by": "text",
}
# The sections that hold required details (the others, such as site and review, are optional).
REQUIRED_SECTIONS = {key.partition(".")[0] for key in FIELDS}
# Sections read elsewhere: a service's logo, colour and pages (local/extras.py).
OTHER_SECTIONS = {"brand": ("logo", "colour"), "pages": ()}

HINTS = {
    "text": "write it as plain text",
    "phone": "write a UK number starting with 0 or +44, for example 01632 960123",
    "email": "write an address such as name@example.gov.uk",
    "url": "write a full address starting with https://",
    "hours": "write the days and times the phone line is open, for example Monday to Friday, 9:30am to 4pm",
}


WHOLE_FILE = "(file)"  # a Problem's key when the file as a whole is wrong (its YAML)


@dataclass(frozen=True)
class Problem:
    """One bad local detail: where, which key, what is wrong and what to do."""

    path: Path
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        if self.key == WHOLE_FILE:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}: local detail '{self.key}' {self.message}"


def _tidy(kind: str, value: object) -> object:
    """A phone number's spaces as ordinary single spaces (a pasted one may have non-breaking ones)."""
    return " ".join(value.split()) if kind == "phone" and isinstance(value, str) else value


def _check(kind: str, value: object) -> str | None:
    """What is wrong with one value, or None."""
    if not isinstance(value, (str, int)) or not str(value).strip():
        return "is missing or empty"
    text = str(value).strip()
    if kind == "phone" and text.lower().startswith("tel:"):
        return f"'{text}' starts with 'tel:', but the site makes the link itself"
    if kind == "phone" and not UK_PHONE.match(text.replace(" ", "")):
        return f"'{text}' is not a UK phone number"
    if kind == "hours" and not (DAY.search(text) and TIME.search(text)):
        return f"'{text}' does not name both a day and a time"
    if kind == "email" and (wrong := safe_text.email_problem(text)):
        return f"'{text}' {wrong}"
    if kind == "url" and (wrong := safe_text.url_problem(text)):
        return f"'{text}' is not an https:// address: it {wrong}"
    return None


def _sections(path: Path, source: yaml_source.Source, data: dict, problems: list[Problem]) -> dict[str, dict]:
    """Each section (``service`` …) that is a mapping; a problem for any written as text or a list."""
    sections: dict[str, dict] = {}
    keys = {**FIELDS, **OPTIONAL}
    for section in dict.fromkeys(key.partition(".")[0] for key in keys):
        found = data.get(section) or {}
        if isinstance(found, dict):
            sections[section] = found
            continue
        names = ", ".join(key.partition(".")[2] for key in (FIELDS if section in REQUIRED_SECTIONS else OPTIONAL)
                          if key.startswith(section + "."))
        problems.append(Problem(path, source.line_of(section), WHOLE_FILE,
                                f"'{section}' is written as '{str(found)[:40]}', not as its details; "
                                f"put each of them ({names}) on a line of its own, indented under '{section}:'"))
    return sections


def did_you_mean(written: str, known: list[str]) -> str:
    """`` (did you mean 'x'?)`` for the known name closest to ``written``, or nothing."""
    close = difflib.get_close_matches(written, known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unknown(path: Path, source: yaml_source.Source, data: dict, problems: list[Problem]) -> None:
    """A problem for every section or key the site does not know (a misspelt optional key would
    otherwise be left out without a word)."""
    keys: dict[str, list[str]] = {}
    for key in {**FIELDS, **OPTIONAL}:
        section, _, name = key.partition(".")
        keys.setdefault(section, []).append(name)
    keys.update({section: list(names) for section, names in OTHER_SECTIONS.items()})
    for section, value in data.items():
        if str(section) not in keys:
            problems.append(Problem(path, source.line_of(section), WHOLE_FILE,
                                    f"'{section}' is not a section the site knows{did_you_mean(str(section), list(keys))}; "
                                    f"the sections are {', '.join(keys)}"))
        elif isinstance(value, dict) and keys[str(section)]:
            for name in value:
                if str(name) not in keys[str(section)]:
                    problems.append(Problem(
                        path, source.line_of(section, name), f"{section}.{name}",
                        f"is not a detail the site knows{did_you_mean(str(name), keys[str(section)])}; "
                        f"under '{section}' write {', '.join(keys[str(section)])}"))


def load(path: Path, read: Reader = yaml_source.read) -> tuple[dict[str, str], list[Problem]]:
    """Read the file (with ``read``) and check every field; return the values and every problem found."""
    try:
        source = read(path)
    except yaml_source.Unreadable as error:
        return {}, [Problem(path, error.line, WHOLE_FILE, error.message)]
    data = source.data or {}
    if not isinstance(data, dict):
        return {}, [Problem(path, 1, WHOLE_FILE, "must be the sections service, council and mediation_provider, "
                            "each with its details indented under it; compare it with the README")]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    _unknown(path, source, data, problems)
    sections = _sections(path, source, data, problems)
    for key, kind in {**FIELDS, **OPTIONAL}.items():
        section, _, name = key.partition(".")
        if section not in sections:
            continue
        value = _tidy(kind, sections[section].get(name))
        if key in OPTIONAL and value is None:
            continue
        wrong = _check(kind, value)
        if wrong:
            line = source.line_of(section, name)
            problems.append(Problem(path, line, key, f"{wrong}: {HINTS[kind]}"))
        else:
            values[key] = str(value).strip()
    return values, problems


def tel_href(phone: str) -> str:
    """``tel:`` address in international form: 01632 960123 or +44 1632 960123 -> tel:+441632960123."""
    return "tel:+44" + UK_PHONE.match(phone.replace(" ", ""))["digits"]


def display_address(url: str) -> str:
    """A web address as people say it: https://www.x.org.uk/ -> www.x.org.uk."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


class LocalDetails:
    """Checked local details, rendered for ``{{ local.KEY }}`` markers.

    Every value is text: :meth:`markers` escapes it for Markdown (safe_text), and builds links
    only from the phone numbers, email address and web addresses that :func:`load` checked.
    """

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def plain(self) -> dict[str, str]:
        """Unescaped text of every marker that is not a link (for data the caller escapes).

        ``opening_hours`` is there only when the file gives it.
        """
        v = self.values
        optional = {"opening_hours": v["service.opening_hours"]} if v.get("service.opening_hours") else {}
        return optional | {
            "service_name": v["service.name"],
            "service": v["service.short_name"],
            "area": v["service.area"],
            "phone_number": v["service.phone"],
            "website_address": display_address(v["service.website"]),
            "council": v["council.name"],
            "casework_role": v["council.casework_role"],
            "local_offer_address": display_address(v["council.local_offer"]),
            "mediation_provider": v["mediation_provider.name"],
        }

    def markers(self) -> dict[str, str]:
        """Markdown for every ``local.*`` marker key (``opening_hours`` only when given)."""
        v = self.values
        text = {key: safe_text.markdown_text(value) for key, value in self.plain().items()}

        def link(words: str, target: str) -> str:
            return f"[{safe_text.markdown_text(words)}]({target})"

        return {
            **text,
            "phone": link(v["service.phone"], tel_href(v["service.phone"])),
            "phone_and_hours": link(v["service.phone"], tel_href(v["service.phone"]))
            + (f" ({text['opening_hours']})" if "opening_hours" in text else ""),
            "email": link(v["service.email"], f"mailto:{v['service.email']}"),
            "website": link(f"{v['service.name']} website", v["service.website"]),
            "local_offer": link(f"{v['council.name']} Local Offer", v["council.local_offer"]),
            "mediation_provider_website": link(
                f"{v['mediation_provider.name']} website", v["mediation_provider.website"]
            ),
            "mediation_provider_phone": link(
                v["mediation_provider.phone"], tel_href(v["mediation_provider.phone"])
            ),
        }


def plain_markers(values: dict[str, str]) -> dict[str, str]:
    """Plain-text ``local.*`` marker values (no links), for text in other data files.

    A detail that is missing or wrong (reported by :func:`load`) counts as empty here.
    """
    complete = {key: values.get(key, "") for key in FIELDS}
    return LocalDetails(complete).plain()
