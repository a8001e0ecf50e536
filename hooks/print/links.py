"""Make a page's rendered HTML ready for paper: links, their printed addresses, ids, images.

On paper a link must still say where it goes, so each link's address is printed after its
text (unless the text or the rest of its paragraph already shows it, or an earlier link on the
same page printed it). Links between pages
become links inside the PDF when both pages are in it, links to the website when its public
address (``site_url``) is known, and plain text otherwise. In a booklet every id gets the
page's prefix so ids from different pages cannot clash. The input is HTML as Python-Markdown
writes it (double-quoted attributes). This module knows nothing about MkDocs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from print.plan import PrintPage

BASE = "https://site.invalid/"
LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.DOTALL)
ATTR = re.compile(r'(?P<name>[a-zA-Z_:][-\w:.]*)="(?P<value>[^"]*)"')
TAG = re.compile(r"<[a-zA-Z][^>]*>")
ID_ATTRS = re.compile(
    r'(?<=\s)(?P<name>id|for|headers|aria-labelledby|aria-describedby|aria-controls)="(?P<value>[^"]*)"'
)
IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")(?P<src>[^"]*)(")')
# A space just before an inline element: see _keep_lines_whole.
SPACE_BEFORE_INLINE = re.compile(r"(?<=\S) (<(?:a|abbr|b|code|em|i|q|small|span|strong|sub|sup)\b)")
BLOCK_END = re.compile(r"</(p|li|td|th|dd|dt|h[1-6]|figcaption|caption|blockquote)>")
MARKUP = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class LinkContext:
    """Where a page is printed: the other pages, those in the same PDF, and the site's address."""

    page: PrintPage
    pages_by_url: dict[str, PrintPage]
    in_document: frozenset[str]
    prefix_ids: bool
    site_url: str | None
    site_dir: Path


def chapter_id(page: PrintPage) -> str:
    """The id of a page's section in a booklet."""
    return f"page-{page.slug}"


def _anchor(page: PrintPage, fragment: str, prefix: bool) -> str | None:
    """The in-PDF target of a link to ``page#fragment``; None for a leaflet's own top."""
    if not prefix:
        return f"#{fragment}" if fragment else None
    return f"#{chapter_id(page)}--{fragment}" if fragment else f"#{chapter_id(page)}"


def address_for_print(href: str) -> str:
    """How an address is printed: https://www.x.org.uk/a/ -> www.x.org.uk/a, mailto:a@b -> a@b."""
    parts = urlsplit(href)
    if parts.scheme == "mailto":
        return unquote(parts.path)
    if parts.scheme == "tel":
        number = parts.path.replace("-", "")
        return "0" + number[3:] if number.startswith("+44") else number
    shown = parts.netloc + parts.path
    if parts.scheme != "https":
        shown = f"{parts.scheme}://{shown}"
    shown = shown.rstrip("/")
    if parts.query:
        shown += f"?{parts.query}"
    if parts.fragment:
        shown += f"#{parts.fragment}"
    return shown


def _normal(text: str) -> str:
    """Text reduced for "does it already show the address?": lower case, no spaces or scheme."""
    text = html.unescape(MARKUP.sub("", text)).lower()
    text = re.sub(r"https?://", "", text)
    return re.sub(r"\s+", "", text).rstrip("/")


def _already_shown(address: str, link_text: str, after: str) -> bool:
    """True when the link text, or the rest of its paragraph, already shows the address."""
    rest = BLOCK_END.split(after, maxsplit=1)[0]
    wanted = _normal(address)
    if re.fullmatch(r"0\d+", wanted):
        digits = re.sub(r"\D", "", MARKUP.sub("", link_text + rest))
        return wanted in digits
    return wanted in _normal(link_text) or wanted in _normal(rest)


def _attrs_text(attrs: dict[str, str]) -> str:
    return "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())


def _unlinked(text: str, css: list[str]) -> str:
    """A link with nowhere to go on paper: its text, keeping its classes for the print styles."""
    return f'<span class="{" ".join(["print-unlinked", *css])}">{text}</span>'


def _rewrite_link(match: re.Match[str], content: str, ctx: LinkContext, printed: set[str]) -> str:
    attrs = {m["name"]: html.unescape(m["value"]) for m in ATTR.finditer(match["attrs"])}
    text = match["text"]
    href = attrs.get("href")
    if href is None:
        return match[0]
    target = urljoin(BASE + ctx.page.url, href)
    parts = urlsplit(target)
    internal = target.startswith(BASE)
    css = [c for c in attrs.get("class", "").split() if c]
    if internal:
        path = unquote(parts.path[len(urlsplit(BASE).path):])
        page = ctx.pages_by_url.get(path)
        if page is not None and page.src_uri in ctx.in_document:
            anchor = _anchor(page, parts.fragment, ctx.prefix_ids)
            if anchor is None:
                return _unlinked(text, css)
            attrs["href"] = anchor
            if page.src_uri != ctx.page.src_uri:
                css.append("print-page-ref")
            if css:
                attrs["class"] = " ".join(css)
            return f"<a{_attrs_text(attrs)}>{text}</a>"
        if not ctx.site_url:
            return _unlinked(text, css)
        href = urljoin(ctx.site_url.rstrip("/") + "/", path)
        if parts.fragment:
            href += f"#{parts.fragment}"
    attrs["href"] = href
    address = address_for_print(href)
    shown = ""
    if address not in printed and not _already_shown(address, text, content[match.end():]):
        shown = f'<span class="link-address"> ({html.escape(address)})</span>'
    printed.add(address)
    return f"<a{_attrs_text(attrs)}>{text}</a>{shown}"


def _prefix_ids(content: str, page: PrintPage) -> str:
    def ids(match: re.Match[str]) -> str:
        values = " ".join(f"{chapter_id(page)}--{v}" for v in match["value"].split())
        return f'{match["name"]}="{values}"'

    return TAG.sub(lambda tag: ID_ATTRS.sub(ids, tag[0]), content)


def _absolute_images(content: str, ctx: LinkContext) -> str:
    def absolute(match: re.Match[str]) -> str:
        target = urljoin(BASE + ctx.page.url, html.unescape(match["src"]))
        if not target.startswith(BASE):
            return match[0]
        path = unquote(urlsplit(target).path[len(urlsplit(BASE).path):])
        return match[1] + html.escape((ctx.site_dir / path).resolve().as_uri()) + match[3]

    return IMG_SRC.sub(absolute, content)


def _keep_lines_whole(content: str) -> str:
    """Put the space just before an inline element in a span of its own.

    WeasyPrint 70 counts a text's trailing space when it checks that the text fits the line,
    where Pango does not: when the text before an inline element (a link, an abbreviation)
    fits only without that space, the line was cut after its first word. With the space in
    its own box the text before it ends with a letter, and lines wrap where they should.
    """
    return SPACE_BEFORE_INLINE.sub(r"<span> </span>\1", content)


def for_print(ctx: LinkContext) -> str:
    """The page's content ready for paper (see the module's docstring)."""
    content = ctx.page.content
    printed: set[str] = set()
    content = LINK.sub(lambda m: _rewrite_link(m, content, ctx, printed), content)
    content = _absolute_images(content, ctx)
    if ctx.prefix_ids:
        content = _prefix_ids(content, ctx.page)
    return _keep_lines_whole(content)
