"""Render planned print documents to tagged, deterministic PDF/UA-1 files with WeasyPrint.

The print templates and styles live in ``overrides/print/`` (Jinja): ``leaflet.html`` for one
page, ``booklet.html`` for many with a cover and a contents list, ``print.css`` for both and
``large-print.css`` on top for the large-print edition. Each leaflet (and the booklet's cover)
carries a QR code to the page online; when the site's public address is not known, it points
at the service's own website and its caption says so. Dates in the PDF come from the pages'
``last_reviewed``, never from the clock, and the file identifier from the file name, so the
same source always gives the same bytes. Running footers are then marked as Artifacts
(``print.artifacts``): all text is in the structure tree or is pagination. Only files of this
build and ``data:`` addresses are fetched (print/fetch.py). This module knows nothing about MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import segno
from markupsafe import Markup

from print.artifacts import mark_running_artifacts
from print.fetch import build_files_only
from print.links import LinkContext, address_for_print, chapter_id, for_print
from print.page_references import keep_page_references
from print.plan import PrintDocument, PrintPage
from print.tables import stack_wide_tables

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "uncompressed_pdf": False}
# Tables with more columns than this are stacked (see print_tables), by kind of document.
MAX_COLUMNS = {"leaflet": 4, "booklet": 4, "large-print": 3}


@dataclass(frozen=True)
class Service:
    """The service that publishes the leaflets, as printed in every footer."""

    name: str
    short_name: str
    phone: str
    website: str


@dataclass(frozen=True)
class Site:
    """What the printer needs to know about the built website."""

    name: str
    url: str | None
    dir: Path
    service: Service
    pages_by_url: dict[str, PrintPage]


@dataclass(frozen=True)
class Rendered:
    """A finished PDF: its bytes, its page count, and anything WeasyPrint complained about."""

    pdf: bytes
    page_count: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class QrCode:
    """A QR code as inline SVG, with the address it opens and the words that go with it."""

    svg: Markup
    address: str
    caption: str


def long_date(iso: str | None) -> str:
    """2026-11-28 -> 28 November 2026 (GOV.UK style); empty for no date."""
    if not iso:
        return ""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def reviewed_text(pages: tuple[PrintPage, ...]) -> str:
    """What a footer says about review dates for these pages."""
    dates = sorted({p.last_reviewed for p in pages if p.last_reviewed})
    if not dates:
        return ""
    if len(dates) == 1:
        return f"Last reviewed {long_date(dates[0])}"
    return f"Pages last reviewed between {long_date(dates[0])} and {long_date(dates[-1])}"


def qr_code(site: Site, page: PrintPage | None, what: str) -> QrCode:
    """QR code to ``page`` online (or the site's home), or to the service's website if the
    site's public address is not set."""
    if site.url:
        address = urljoin(site.url.rstrip("/") + "/", page.url if page else "")
        caption = f"Scan this code to read this {what} online: {address_for_print(address)}"
    else:
        address = site.service.website
        caption = (
            f"Scan this code to go to the {site.service.name} website: "
            f"{address_for_print(address)}"
        )
    title = f"QR code. {caption}"
    svg = segno.make(address, error="m").svg_inline(
        scale=4, border=2, title=title, omitsize=False, svgclass="qr-code"
    )
    return QrCode(Markup(svg), address, caption)


@contextmanager
def _collect_warnings() -> Iterator[list[str]]:
    """Gather WeasyPrint's warnings and errors while a document renders."""
    found: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


class Printer:
    """Makes PDFs for one built site, sharing fonts and styles between documents."""

    def __init__(self, templates: Path, site: Site) -> None:
        self.site = site
        self.templates = templates
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.ready = False

    def set_up(self) -> None:
        """Load WeasyPrint, the fonts and the styles (once; the first render does it anyway).

        WeasyPrint is imported here, not at the top: builds that skip the PDFs (`mkdocs serve`,
        SITE_SKIP_PDF=1) or find every PDF in the cache do not pay for it (about a second).
        """
        if self.ready:
            return
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        keep_page_references()
        self.fonts = FontConfiguration()
        self.fetcher = build_files_only((self.site.dir, self.templates))
        self.styles = [CSS(filename=self.templates / "print.css", font_config=self.fonts)]
        self.large = [CSS(filename=self.templates / "large-print.css", font_config=self.fonts)]
        self.ready = True

    def html(self, document: PrintDocument) -> str:
        """The print HTML for a document, from its template."""
        pages = document.pages
        in_document = frozenset(p.src_uri for p in pages)
        booklet = document.kind != "leaflet"

        def content(page: PrintPage) -> Markup:
            stacked = stack_wide_tables(page.content, MAX_COLUMNS[document.kind])
            context = LinkContext(dataclasses.replace(page, content=stacked),
                                  self.site.pages_by_url, in_document, booklet,
                                  self.site.url, self.site.dir)
            return Markup(for_print(context))

        service = self.site.service
        dates = sorted(p.last_reviewed for p in pages if p.last_reviewed)
        template = self.env.get_template("booklet.html" if booklet else "leaflet.html")
        return template.render(
            document=document,
            pages=pages,
            content=content,
            chapter_id=chapter_id,
            service=service,
            site_name=self.site.name,
            footer=f"{service.name}. Phone {service.phone}",
            reviewed=reviewed_text(pages),
            page_reviewed=lambda page: reviewed_text((page,)),
            date=dates[-1] if dates else None,
            qr=qr_code(self.site, None if booklet else pages[0],
                       "booklet" if booklet else "leaflet"),
        )

    def render(self, document: PrintDocument, html: str | None = None) -> Rendered:
        """Lay out and write one document as PDF/UA-1 (``html``: its :meth:`html`, if made already)."""
        from weasyprint import HTML

        self.set_up()
        styles = self.styles + (self.large if document.kind == "large-print" else [])
        identifier = hashlib.sha256(document.file.encode()).hexdigest()[:32].encode()
        with _collect_warnings() as problems:
            laid_out = HTML(
                string=self.html(document) if html is None else html,
                base_url=self.site.dir.resolve().as_uri() + "/",
                url_fetcher=self.fetcher,
            ).render(stylesheets=styles, font_config=self.fonts, **PDF_OPTIONS)
            pdf = laid_out.write_pdf(pdf_identifier=identifier, **PDF_OPTIONS)
        return Rendered(mark_running_artifacts(pdf), len(laid_out.pages), tuple(problems))
