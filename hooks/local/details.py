"""Load and check the service's local details, and render them for pages.

Local details (service name, phone, email, websites, council, mediation provider) live in
``docs/data/local.yml`` so another service can reuse the site by changing one file. This
module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from helpers import yaml_source
from helpers.yaml_source import Reader

UK_PHONE = re.compile(r"^0\d{9,10}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)

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

HINTS = {
    "text": "write it as plain text",
    "phone": "write a UK number starting with 0, for example 0118 908 8233",
    "email": "write an address such as name@example.gov.uk",
    "url": "write a full address starting with https://",
}


@dataclass(frozen=True)
class Problem:
    """One bad local detail: where, which key, what is wrong and what to do."""

    path: Path
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: local detail '{self.key}' {self.message}"


def _check(kind: str, value: object) -> str | None:
    """What is wrong with one value, or None."""
    if not isinstance(value, (str, int)) or not str(value).strip():
        return "is missing or empty"
    text = str(value).strip()
    if kind == "phone" and not UK_PHONE.match(text.replace(" ", "")):
        return f"'{text}' is not a UK phone number"
    if kind == "email" and not EMAIL.match(text):
        return f"'{text}' is not an email address"
    if kind == "url":
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.netloc:
            return f"'{text}' is not an https:// address"
    return None


def load(path: Path, read: Reader = yaml_source.read) -> tuple[dict[str, str], list[Problem]]:
    """Read the file (with ``read``) and check every field; return the values and every problem found."""
    try:
        source = read(path)
    except yaml_source.YamlSyntaxError as error:
        return {}, [Problem(path, error.line, "(file)", error.message)]
    data = source.data or {}
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key, kind in FIELDS.items():
        section, _, name = key.partition(".")
        value = (data.get(section) or {}).get(name) if isinstance(data, dict) else None
        wrong = _check(kind, value)
        if wrong:
            line = source.line_of(section, name)
            problems.append(Problem(path, line, key, f"{wrong}: {HINTS[kind]}"))
        else:
            values[key] = str(value).strip()
    return values, problems


def tel_href(phone: str) -> str:
    """``tel:`` address in international form: 0118 908 8233 -> tel:+441189088233."""
    return "tel:+44" + phone.replace(" ", "")[1:]


def display_address(url: str) -> str:
    """A web address as people say it: https://www.x.org.uk/ -> www.x.org.uk."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


class LocalDetails:
    """Checked local details, rendered as Markdown for ``{{ local.KEY }}`` markers."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def markers(self) -> dict[str, str]:
        """Markdown for every ``local.*`` marker key."""
        v = self.values
        service = v["service.name"]
        return {
            "service_name": service,
            "service": v["service.short_name"],
            "area": v["service.area"],
            "phone": f"[{v['service.phone']}]({tel_href(v['service.phone'])})",
            "phone_number": v["service.phone"],
            "email": f"[{v['service.email']}](mailto:{v['service.email']})",
            "website": f"[{service} website]({v['service.website']})",
            "website_address": display_address(v["service.website"]),
            "council": v["council.name"],
            "casework_role": v["council.casework_role"],
            "local_offer": f"[{v['council.name']} Local Offer]({v['council.local_offer']})",
            "local_offer_address": display_address(v["council.local_offer"]),
            "mediation_provider": v["mediation_provider.name"],
            "mediation_provider_website": (
                f"[{v['mediation_provider.name']} website]({v['mediation_provider.website']})"
            ),
            "mediation_provider_phone": (
                f"[{v['mediation_provider.phone']}]({tel_href(v['mediation_provider.phone'])})"
            ),
        }


def plain_markers(values: dict[str, str]) -> dict[str, str]:
    """Plain-text ``local.*`` marker values (no links), for text in other data files.

    A detail that is missing or wrong (reported by :func:`load`) counts as empty here.
    """
    complete = {key: values.get(key, "") for key in FIELDS}
    return {key: text for key, text in LocalDetails(complete).markers().items() if "](" not in text}
