"""What a built page would fetch or run: one check for the website and the offline copy.

Every HTML file is read with the standard library's HTML parser (not patterns), and every
stylesheet's ``url(…)`` and ``@import`` is read too. Found: anything the browser fetches from
another host (every loading attribute, ``srcset``, ``<meta http-equiv=refresh>``, SVG
``<image>``/``<use>``, ``background``, ``ping``, form targets, CSS in ``style`` attributes and
``<style>``, backslash addresses such as ``\\\\host/x.png``), a Mermaid diagram (Material then
fetches its script from a CDN), addresses that run a script or open a local file
(``javascript:``, ``file:``), event attributes (``onclick=…``) and attachments for the PDFs
(``rel="attachment"``). Ordinary links to other sites are fine. No MkDocs here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Attributes whose address the browser fetches when the page opens (any element); site.js
# loads Material's script from data-material (first_paint/material_script.py).
LOADING = ("src", "srcset", "imagesrcset", "poster", "data", "background", "ping", "action",
           "formaction", "codebase", "archive", "longdesc", "lowsrc", "dynsrc", "manifest",
           "data-material")
LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest",
    "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender",
}
# Attributes that hold an address a person or the browser may follow.
ADDRESSES = (*LOADING, "href", "xlink:href", "cite")
SVG_LOADING = {"image", "use", "feimage", "script"}
REMOTE_SCHEMES = {"http", "https", "ftp", "ws", "wss"}
NEVER_SCHEMES = {"javascript", "vbscript", "file"}
DATA_ALLOWED = {"img", "source", "link"}  # data: images and icons load nothing from elsewhere
IGNORED = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(["']?)(?P<url>.*?)\1\s*\)|@import\s+(["'])(?P<import>.*?)\3""", re.DOTALL)
LOCAL_COPY = "save the file in docs/ and refer to it there, or make it an ordinary link"
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?(?P<url>[^'\"]*)", re.IGNORECASE)


# The one handler the build itself writes (first_paint/inline.py): a stylesheet that loads
# without blocking the first paint switches itself on once loaded. Pages may write none.
LAZY_STYLESHEET = ("onload", "this.media='all'")


def _lazy_stylesheet(tag: str, rels: set[str], name: str, value: str) -> bool:
    """Whether an ``on…`` attribute is the build's own non-blocking stylesheet switch."""
    return tag == "link" and "stylesheet" in rels and (name, value) == LAZY_STYLESHEET


@dataclass(frozen=True)
class Finding:
    """Something a page must not hold: the line in the built file, the address or markup, why."""

    line: int
    what: str
    problem: str


def _normal(url: str) -> str:
    """The address as a browser reads it: tabs and line breaks dropped, spaces trimmed."""
    return IGNORED.sub("", url).strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f")


def is_remote(url: str) -> bool:
    """Whether fetching ``url`` would contact another host (``//x``, ``\\\\x``, ``https:x`` …)."""
    url = _normal(url)
    scheme = SCHEME.match(url)
    if scheme:
        return scheme[1].lower() in REMOTE_SCHEMES
    return len(url) > 1 and url[0] in "/\\" and url[1] in "/\\"


def css_urls(css: str) -> list[str]:
    """Every URL in ``url(…)`` and ``@import`` in a piece of CSS."""
    return [match["url"] if match["url"] is not None else match["import"] for match in CSS_URL.finditer(css)]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []
        self._in_style = False

    def _add(self, what: str, problem: str) -> None:
        self.found.append(Finding(self.getpos()[0], what.strip(), problem))

    def _load(self, url: str) -> None:
        if is_remote(url):
            self._add(url, f"loads {url.strip()} from another host; {LOCAL_COPY}")

    def _address(self, tag: str, url: str) -> None:
        scheme = SCHEME.match(_normal(url))
        name = scheme[1].lower() if scheme else ""
        if name in NEVER_SCHEMES or (name == "data" and tag not in DATA_ALLOWED):
            kind = "a file on the build computer" if name == "file" else f"a {name}: address"
            self._add(url, f"holds {kind} ({url.strip()[:60]}); link only to files of this site "
                      "and to https:// addresses")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in LOADING:
            if name not in values:
                continue
            value = values[name]
            if name.endswith("srcset"):
                urls = [part.split()[0] for part in value.split(",") if part.split()]
            else:
                urls = value.split() if name == "ping" else [value]
            for url in urls:
                self._load(url)
        rels = set(values.get("rel", "").lower().split())
        if tag in ("link", "base") and (tag == "base" or LOADING_RELS & rels):
            self._load(values.get("href", ""))
        if tag in SVG_LOADING:
            for name in ("href", "xlink:href"):
                self._load(values.get(name, ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = REFRESH_URL.search(values.get("content", ""))
            if match:
                self._load(match["url"])
                self._address(tag, match["url"])
        for name in ADDRESSES:
            if name in values:
                self._address(tag, values[name])
        for url in css_urls(values.get("style", "")):
            self._load(url)
        for name in values:
            if name.startswith("on") and not _lazy_stylesheet(tag, rels, name, values[name]):
                self._add(f"{name}=", f"runs a script ({name}=\"…\"); remove it: pages run no scripts "
                          "of their own")
        if "attachment" in rels:
            self._add("attachment", "attaches a file to the PDFs (rel=\"attachment\"); remove "
                      "rel=\"attachment\" and make it an ordinary link")
        if "mermaid" in values.get("class", "").split():
            self._add("mermaid", "has a Mermaid diagram, which makes the theme fetch its script "
                      "from another host; draw the diagram as an SVG image in docs/ instead")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for url in css_urls(data):
                self._load(url)


def in_html(text: str) -> list[Finding]:
    """Everything in one HTML page that it must not fetch, run or attach."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.found


def in_css(text: str) -> list[Finding]:
    """Every stylesheet ``url(…)`` or ``@import`` that points at another host."""
    return [
        Finding(text.count("\n", 0, match.start()) + 1, url, f"loads {url} from another host; {LOCAL_COPY}")
        for match in CSS_URL.finditer(text)
        if is_remote(url := match["url"] if match["url"] is not None else match["import"])
    ]


def in_folder(folder: Path) -> list[tuple[str, Finding]]:
    """(file relative to ``folder``, finding) for every HTML page and stylesheet in a build."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".html", ".htm", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        findings = in_css(text) if path.suffix == ".css" else in_html(text)
        found += [(path.relative_to(folder).as_posix(), finding) for finding in findings]
    return found


def source_line(source: str, what: str) -> int | None:
    """The line of the page's Markdown that holds ``what``, if it is there."""
    index = source.find(what)
    return source.count("\n", 0, index) + 1 if index >= 0 else None
