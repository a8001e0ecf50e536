"""A service's own look and pages, from the optional parts of its ``local.yml``.

- ``brand.logo``: a picture in the service's folder (SVG or PNG, at most 100 kB), shown in the
  header beside the site name. An SVG may draw, not run or fetch: SVG elements only, and no
  scripts, event handlers, animations, styles, links or loads out of it, or DTD.
- ``brand.colour``: the header's colour, as ``#rrggbb``. The header's white text must keep a
  contrast of at least 4.5:1 on it (WCAG 2.2, 1.4.3), in both colour schemes.
- ``pages``: the service's own pages, each a ``title`` and a Markdown ``file`` in its folder.
  They are published beside the other pages (the file's name is its address), go into the
  navigation after "Contacts and more information", and are checked and printed like any page.

Every problem names the file, the line and what to do. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from helpers import yaml_source
from local.details import Problem, WHOLE_FILE, did_you_mean

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5
LOGO_TYPES = (".svg", ".png")
LOGO_MAX_BYTES = 100_000
LOGO_URI = "assets/local/logo"  # where the logo is published; its suffix follows
NAV_AFTER = "contacts.md"  # the service's own pages follow this page in the navigation
RESERVED = ("assets", "search", "404", "deadline-tables")  # the theme's, and a hook's, not in the nav
PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")
# A key with no value: most often a colour without quotes, which YAML reads as a comment.
EMPTY = ("is empty; remove the line, or give a value (a colour in quotes, such as \"#1d3f72\": "
         "without them, # starts a comment)")
# What an SVG logo may hold: SVG elements only (in its namespace), and none of these.
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
# Elements that run, embed, animate (an animation can set a link) or style (CSS can load).
SVG_REFUSED = ("script", "foreignObject", "iframe", "object", "embed", "style", "set", "animate",
               "animateMotion", "animateTransform", "discard", "handler", "listener")
# An attribute value that could run or load something: a scheme, an address, a url() other than
# one to the drawing's own parts, an image set, or a CSS escape that could hide one of these.
RISKY_VALUE = re.compile(r"javascript:|data:|//|url\(\s*['\"]?(?!#)|image-set|@import|\\", re.IGNORECASE)


@dataclass(frozen=True)
class ExtraPage:
    """One page of the service's own: its navigation title and source file."""

    title: str
    source: Path

    @property
    def name(self) -> str:
        """Its file name in the site (``drop-in-sessions.md``, published as ``drop-in-sessions/``)."""
        return self.source.name


@dataclass(frozen=True)
class Extras:
    """The service's logo and colour (None when not given) and its own pages."""

    logo: Path | None = None
    colour: str | None = None
    pages: tuple[ExtraPage, ...] = ()


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _inside(folder: Path, written: object) -> tuple[Path | None, str | None]:
    """The file ``written`` names in ``folder``, or what is wrong with it."""
    if not isinstance(written, str) or not written.strip():
        return None, "is missing or empty: write the name of a file in the service's folder"
    try:
        path = (folder / written.strip()).resolve()
        if not path.is_relative_to(folder.resolve()):
            return None, f"'{written}' is outside the service's folder {folder}; put the file in that folder"
        is_file = path.is_file()
    except (OSError, ValueError):  # a name with a NUL byte, or too long for the file system
        is_file = False
    if not is_file:
        there = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        return None, (f"'{written}' is not a file in {folder}{did_you_mean(written.strip(), there)}; "
                      "check the name, or add the file")
    return path, None


def _svg_problem(path: Path) -> str | None:
    """What in an SVG logo would run, fetch or embed something, or None."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return "holds a DOCTYPE or ENTITY; save the SVG without one"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return f"is not a well-formed SVG ({error}); export it again from your drawing program"
    if root.tag.rpartition("}")[2] != "svg":
        return "is not an SVG picture (its first element is not <svg>)"
    if root.tag != SVG_NAMESPACE + "svg":
        return "has no xmlns=\"http://www.w3.org/2000/svg\" on its <svg>; export it again as SVG"
    found: list[str] = []
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if not str(element.tag).startswith(SVG_NAMESPACE):
            found.append(f"holds <{tag}>, which is not an SVG element")
        elif tag in SVG_REFUSED:
            found.append(f"holds a <{tag}> element")
        for name, value in element.attrib.items():
            attribute = name.rpartition("}")[2].lower()
            if attribute.startswith("on"):
                found.append(f"has an event handler ({attribute})")
            elif attribute == "href" and not value.strip().startswith("#"):
                found.append(f"links to '{value[:60]}'")
            elif RISKY_VALUE.search(value):
                found.append(f"has {attribute}='{value[:60]}'")
    if not found:
        return None
    return f"{', '.join(dict.fromkeys(found))}; a logo may only draw, not run, link or load anything: remove each"


def _logo(folder: Path, written: object) -> tuple[Path | None, str | None]:
    path, wrong = _inside(folder, written)
    if wrong:
        return None, wrong
    if path.suffix.lower() not in LOGO_TYPES:
        return None, f"'{written}' is not an SVG or PNG picture; save the logo as .svg or .png"
    if path.stat().st_size > LOGO_MAX_BYTES:
        return None, (f"'{written}' is {path.stat().st_size // 1000} kB; make it {LOGO_MAX_BYTES // 1000} kB "
                      "or less (every page loads it)")
    if path.suffix.lower() == ".png" and not path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
        return None, f"'{written}' is not a PNG picture inside; save it as PNG again"
    if path.suffix.lower() == ".svg" and (svg_wrong := _svg_problem(path)):
        return None, f"'{written}' {svg_wrong}"
    return path, None


def _colour(written: object) -> tuple[str | None, str | None]:
    text = str(written).strip() if isinstance(written, str) else ""
    if not COLOUR.match(text):
        return None, f"'{written}' is not a colour such as \"#1d3f72\" (a # and six hex digits, in quotes)"
    ratio = contrast("#ffffff", text)
    if ratio < MIN_CONTRAST:
        return None, (f"'{text}' is too light: the header's white text would have a contrast of "
                      f"{ratio:.1f}:1, and it needs {MIN_CONTRAST}:1; choose a darker colour")
    return text.lower(), None


def _pages(source: yaml_source.Source, path: Path, listed: object, taken: set[str],
           problems: list[Problem]) -> tuple[ExtraPage, ...]:
    if not isinstance(listed, list):
        problems.append(Problem(path, source.line_of("pages"), "pages",
                                "must be a list: each item a '- title:' with a 'file:' under it"))
        return ()
    pages: list[ExtraPage] = []
    for index, item in enumerate(listed):
        line = source.line_of("pages", index)
        item = item if isinstance(item, dict) else {}
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(Problem(path, line, f"pages[{index + 1}].title",
                                    "is missing or empty: write the page's title for the navigation"))
        found, wrong = _inside(path.parent, item.get("file"))
        if not wrong and not PAGE_NAME.match(found.name):
            wrong = (f"'{item.get('file')}' must be a Markdown file named in lower case with hyphens, "
                     "such as pages/drop-in-sessions.md")
        if not wrong and found.name in taken:
            wrong = (f"'{item.get('file')}' is published as '{found.stem}/', which the site already has; "
                     "rename the file and its file: line")
        if wrong:
            problems.append(Problem(path, source.line_of("pages", index, "file"), f"pages[{index + 1}].file", wrong))
        elif isinstance(title, str) and title.strip():
            taken.add(found.name)
            pages.append(ExtraPage(title.strip(), found))
    return tuple(pages)


def taken_names(docs: Path, nav: list | None) -> set[str]:
    """The page file names a service's page may not take: each page or folder at the top of
    ``docs`` or of the navigation (hooks make ``route-finder/`` and ``letters/``: ``letters.md``
    would be published where they are), and the theme's own folders and 404 page."""
    def first_parts(item: object) -> list[str]:
        if isinstance(item, str):
            return [item.split("/")[0]]
        values = item.values() if isinstance(item, dict) else item if isinstance(item, list) else []
        return [part for value in values for part in first_parts(value)]

    names = [path.name for path in docs.iterdir()] + first_parts(nav or []) + list(RESERVED)
    return {name if name.endswith(".md") else f"{name}.md" for name in names}


def load(path: Path, taken: set[str], read: yaml_source.Reader = yaml_source.read) -> tuple[Extras, list[Problem]]:
    """The logo, colour and pages of the service whose ``local.yml`` is ``path``, and every problem.

    ``taken``: the page names a service's page may not reuse (:func:`taken_names`).
    A file that cannot be read gives no problem here: loading the local details reports it.
    """
    try:
        source = read(path)
    except yaml_source.Unreadable:
        return Extras(), []
    data = source.data if isinstance(source.data, dict) else {}
    problems: list[Problem] = []
    brand = {} if data.get("brand") is None else data["brand"]
    if not isinstance(brand, dict):
        problems.append(Problem(path, source.line_of("brand"), WHOLE_FILE,
                                "'brand' must hold 'logo:' and 'colour:', each on a line of its own under it"))
        brand = {}

    def checked(key: str, check: Callable[[object], tuple[object, str | None]]) -> object:
        """The checked value of ``brand.key``; None when it is not given, or wrong (a problem)."""
        if key not in brand:
            return None
        value, wrong = (None, EMPTY) if brand[key] is None else check(brand[key])
        if wrong:
            problems.append(Problem(path, source.line_of("brand", key), f"brand.{key}", wrong))
        return value

    logo = checked("logo", lambda written: _logo(path.parent, written))
    colour = checked("colour", _colour)
    pages = _pages(source, path, data["pages"], set(taken), problems) if data.get("pages") is not None else ()
    return Extras(logo, colour, pages), problems


def nav_with(nav: list | None, pages: tuple[ExtraPage, ...]) -> list | None:
    """mkdocs.yml's ``nav`` with the service's pages after "Contacts and more information"
    (else before the first section, else at the end). No ``nav``: MkDocs lists every page itself."""
    if nav is None or not pages:
        return nav
    entries = [{page.title: page.name} for page in pages]
    entries_of = [item.values() if isinstance(item, dict) else () for item in nav]
    after_contacts = [index + 1 for index, values in enumerate(entries_of) if NAV_AFTER in values]
    sections = [index for index, values in enumerate(entries_of) if any(isinstance(v, list) for v in values)]
    at = (after_contacts or sections or [len(nav)])[0]
    return nav[:at] + entries + nav[at:]
