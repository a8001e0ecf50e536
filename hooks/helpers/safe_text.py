"""Data values as safe text: the one place that escapes data for HTML and Markdown, and checks
the web and email addresses that data may hold.

Every value from ``docs/data/*.yml`` is text. Written into HTML it goes through
:func:`html_text`; written into Markdown (generated pages, ``{{ local.* }}`` markers) it goes
through :func:`markdown_text`, which keeps ``{{ markers }}`` and, where allowed, links to pages
of this site or checked ``https://`` addresses, and makes everything else plain text: no HTML,
no other links, no attribute lists. Addresses that become links are checked first with
:func:`url_problem` and :func:`email_problem`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

MARKER = re.compile(r"\{\{\s*[a-z_]+\.[a-z_]+\s*(?:\([^)]*\))?\s*\}\}")
# [text](target): text without brackets, target without spaces or brackets.
LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\((?P<target>[^()\s<>\"'`\\]+)\)")
# A page of this site: a relative path (no scheme, no leading slash), maybe with an anchor.
PAGE = re.compile(r"^(?![a-z][a-z0-9+.-]*:)[A-Za-z0-9._-][A-Za-z0-9._/-]*(?:#[A-Za-z0-9_-]+)?$|^#[A-Za-z0-9_-]+$")
# Markdown or HTML syntax that data must never carry into a page.
MARKDOWN_SPECIAL = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;",
    "`": "&#96;", "\\": "&#92;", "{": "&#123;", "}": "&#125;",
}
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
TOP_LEVEL = re.compile(r"^[a-z]{2,63}$")
# What may follow the host in an address: no spaces, quotes, brackets or markup.
URL_REST = re.compile(r"^[A-Za-z0-9\-._~/%?#=&+:;,@!$*]*$")
EMAIL = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
LINK_PREFIXES = ("mailto:", "tel:")


def html_text(value: object) -> str:
    """Data as text inside HTML: element content or a double-quoted attribute.

    Apostrophes are left as they are (every attribute we write is double-quoted), so text
    that a template escapes again, such as a page title, does not show ``&#x27;``.
    """
    return html.escape(str(value), quote=False).replace('"', "&quot;")


def _plain(text: str) -> str:
    return "".join(MARKDOWN_SPECIAL.get(char, char) for char in text)


def _text_and_markers(text: str) -> str:
    """Plain text, with ``{{ markers }}`` kept for their hooks to expand."""
    out, last = [], 0
    for match in MARKER.finditer(text):
        out += [_plain(text[last:match.start()]), match[0]]
        last = match.end()
    return "".join(out) + _plain(text[last:])


def markdown_text(value: object, links: bool = False) -> str:
    """Data as Markdown that renders as the same text.

    HTML, code, attribute lists and link syntax become visible characters. With ``links``,
    a Markdown link stays a link when its target is a page of this site (a relative path) or
    an address :func:`url_problem` accepts; any other link is shown as text.
    """
    text = str(value)
    if not links:
        return _text_and_markers(text)
    out, last = [], 0
    for match in LINK.finditer(text):
        target = match["target"]
        if PAGE.match(target) or url_problem(target) is None:
            out += [_text_and_markers(text[last:match.start()]),
                    f"[{_text_and_markers(match['text'])}]({target})"]
            last = match.end()
    return "".join(out) + _text_and_markers(text[last:])


def url_problem(url: str) -> str | None:
    """What is wrong with a web address that becomes a link, or None.

    It must be ``https://``, name a real host (letters, digits and hyphens, with a dot and a
    top-level domain), and hold no spaces, quotes, brackets or markup.
    """
    if any(char.isspace() for char in url):
        return "has a space in it"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "is not a web address"
    if parts.scheme != "https" or not url.startswith("https://"):
        return "does not start with https://"
    if "@" in parts.netloc or port is not None:
        return "has a user name or port in it; write only https:// and the site's name"
    labels = parts.netloc.lower().split(".")
    if len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels) or not TOP_LEVEL.match(labels[-1]):
        return f"does not name a real host ('{parts.netloc}')"
    rest = url[len("https://") + len(parts.netloc):]
    if not URL_REST.match(rest):
        return "has characters that cannot be in a web address (quotes, brackets, < or >)"
    return None


def email_problem(address: str) -> str | None:
    """What is wrong with an email address that becomes a link, or None."""
    if address.lower().startswith("mailto:"):
        return "starts with 'mailto:'; write only the address: the site makes the link"
    if not EMAIL.match(address):
        return "is not an email address (letters, digits and . _ % + - before the @, no spaces, quotes or < >)"
    return None
