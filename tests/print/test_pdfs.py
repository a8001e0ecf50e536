"""Printable PDFs: the plan, links on paper, the downloads list, and every real PDF of the build.

Build tests open the PDFs the session's real build made (the ``site`` fixture) with pikepdf,
pypdf and pdftotext; nothing is rendered again per test. The determinism test renders a small
set in two fresh processes and compares the bytes.
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pikepdf
import pytest
import yaml
from pypdf import PdfReader

from print import downloads
from print import links as print_links
from print import plan as print_plan
from print import render as print_render
from print import tables as print_tables

PROJECT = Path(__file__).resolve().parents[2]
LOCAL = yaml.safe_load((PROJECT / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8"))
PHONE = LOCAL["service"]["phone"]
SERVICE = LOCAL["service"]["name"]
PRINT = yaml.safe_load((PROJECT / "docs" / "data" / "print.yml").read_text(encoding="utf-8"))
LEAFLETS = [Path(page).stem for page in PRINT["leaflets"]]
ALL_PDFS = ["booklet", "booklet-large-print", *LEAFLETS]

# Facts each leaflet must carry (from ../shared/reference/leaflet.md and facts.yml).
KEY_FACTS = {
    "first-steps": ["SENCO", "headteacher", LOCAL["council"]["casework_role"]],
    "getting-help": ["impartial", "friend or relative"],
    "complaints": ["in writing", '"complaint"', "12 months", "Ombudsman"],
    "disagreement-resolution": ["free", "voluntary", "confidential"],
    "mediation": ["2 months", "30 days", "3 working days", "certificate"],
    "appeals": ["2 months", "1 month", "mediation certificate"],
}
PAGE_RANGES = {"leaflet": (1, 10), "booklet": (12, 120), "booklet-large-print": (24, 250)}


# --- Unit tests: print.yml -------------------------------------------------------------------

NAV = ["index.md", "complaints.md", "mediation.md", "downloads.md", "finder/start.md"]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("leaflets: [complaints.md]\nbooklet_leaves_out: [downloads.md, finder/]\n", []),
        ("leaflets: [complaints.md, nope.md]\n", ["1: leaflet page 'nope.md' is not a page"]),
        ("leaflets:\n  - complaints.md\n  - complaints.md\n", ["3: leaflet page 'complaints.md' is listed twice"]),
        ("leaflets: [complaints.md]\nbooklet_leaves_out:\n  - gone/\n", ["3: 'gone/' matches no page"]),
        ("leaflets: complaints.md\n", ["1: 'leaflets' must be a list"]),
        ("booklet_leaves_out: []\n", ["1: 'leaflets' is empty or missing"]),
        ("leaflets: [complaints.md]\nextra: 1\n", ["2: unknown key 'extra'"]),
        ("leaflets: [complaints.md\n", ["not valid YAML"]),
    ],
)
def test_print_config_problems_name_the_line(tmp_path, text, problems):
    path = tmp_path / "print.yml"
    path.write_text(text, encoding="utf-8")
    _, found = print_plan.load(path, NAV)
    messages = [f"{p.line}: {p.message}" for p in found]
    assert len(messages) == len(problems), messages
    for message, expected in zip(messages, problems):
        assert expected in message


def page(src_uri: str, content: str = "<p>Text</p>", reviewed: str | None = "2026-11-28") -> print_plan.PrintPage:
    url = "" if src_uri == "index.md" else src_uri.removesuffix(".md") + "/"
    return print_plan.PrintPage(src_uri, url, src_uri.removesuffix(".md").title(), content, reviewed)


def test_plan_keeps_reading_order_and_leaves_out_pages():
    pages = [page(uri) for uri in NAV]
    config = print_plan.PrintConfig(("mediation.md", "complaints.md"), ("downloads.md", "finder/"))
    documents = print_plan.plan(config, pages, "Site", "Service")
    assert [d.file for d in documents] == [
        "booklet.pdf", "booklet-large-print.pdf", "mediation.pdf", "complaints.pdf"
    ]
    assert [p.src_uri for p in documents[0].pages] == ["index.md", "complaints.md", "mediation.md"]
    assert print_plan.missing_dates(documents) == []
    undated = print_plan.plan(config, [page("mediation.md", reviewed=None), page("complaints.md")],
                              "Site", "Service")
    assert [p.src_uri for p in print_plan.missing_dates(undated)] == ["mediation.md"]


# --- Unit tests: links on paper ---------------------------------------------------------------

def rewrite(content: str, *, booklet: bool = False, site_url: str | None = None,
            where: str = "complaints.md") -> str:
    pages = {p.url: p for p in map(page, ["index.md", "complaints.md", "mediation.md"])}
    here = next(p for p in pages.values() if p.src_uri == where)
    here = print_plan.PrintPage(here.src_uri, here.url, here.title, content, here.last_reviewed)
    in_document = frozenset(p.src_uri for p in pages.values()) if booklet else frozenset({where})
    return print_links.for_print(
        print_links.LinkContext(here, pages, in_document, booklet, site_url, Path("/site"))
    )


@pytest.mark.parametrize(
    ("content", "kwargs", "expected"),
    [
        # External links: the address is printed after the text.
        ('<p><a href="https://www.lgo.org.uk/">the Ombudsman</a> helps.</p>', {},
         '<a href="https://www.lgo.org.uk/">the Ombudsman</a><span class="link-address"> (www.lgo.org.uk)</span> helps.'),
        # ...unless the link text or the rest of the paragraph shows it already.
        ('<p><a href="https://www.lgo.org.uk">www.lgo.org.uk</a></p>', {},
         '<a href="https://www.lgo.org.uk">www.lgo.org.uk</a></p>'),
        ('<p><a href="https://www.gov.uk/x">GOV.UK</a>. The address is www.gov.uk/x.</p>', {},
         '<a href="https://www.gov.uk/x">GOV.UK</a>. The address'),
        ('<li><a href="tel:+441189088233">0118 908 8233</a></li>', {},
         '<a href="tel:+441189088233">0118 908 8233</a></li>'),
        ('<li><a href="tel:+441189088233">Call us</a></li>', {},
         '<span class="link-address"> (01189088233)</span>'),
        ('<li><a href="mailto:a@b.gov.uk">a@b.gov.uk</a></li>', {}, '<a href="mailto:a@b.gov.uk">a@b.gov.uk</a></li>'),
        ('<p><a href="http://old.example.org/a?b=1">old</a></p>', {},
         '(http://old.example.org/a?b=1)'),
        # Links between pages: inside the booklet they jump to the page and name its number.
        ('<p><a href="../mediation/#time">mediation</a></p>', {"booklet": True},
         '<a href="#page-mediation--time" class="print-page-ref">mediation</a>'),
        ('<p><a href="#here">below</a></p><h2 id="here">Here</h2>', {"booklet": True},
         '<a href="#page-complaints--here">below</a></p><h2 id="page-complaints--here">'),
        # In a leaflet: to the website when its address is known, else plain text.
        ('<p><a href="../mediation/">mediation</a></p>', {"site_url": "https://info.example.org/"},
         '<a href="https://info.example.org/mediation/">mediation</a><span class="link-address"> (info.example.org/mediation)</span>'),
        ('<p><a href="../mediation/">mediation</a></p>', {},
         '<p><span class="print-unlinked">mediation</span></p>'),
        ('<p><a href="#here">below</a></p>', {}, '<a href="#here">below</a>'),
        # A link with nowhere to go keeps its classes, so print.css can still style or hide it.
        ('<p><a href="../route-finder/" class="site-start-button">Start now</a></p>', {},
         '<p><span class="print-unlinked site-start-button">Start now</span></p>'),
        # A leaflet's link to itself (a table marking the current route) is plain text.
        ('<th><a href="./" aria-current="page">Complaints</a></th>', {},
         '<th><span class="print-unlinked">Complaints</span></th>'),
        ('<th><a href="./" aria-current="page">Complaints</a></th>', {"booklet": True},
         '<a href="#page-complaints" aria-current="page">Complaints</a>'),
        # Images are read from the built site.
        ('<p><img alt="x" src="../img/a.png"></p>', {}, 'src="file:///site/img/a.png"'),
    ],
)
def test_links_on_paper(content, kwargs, expected):
    assert expected in rewrite(content, **kwargs)


def test_address_shown_in_another_paragraph_is_still_printed():
    out = rewrite('<p><a href="https://www.lgo.org.uk/">LGO</a></p><p>www.lgo.org.uk</p>')
    assert '<span class="link-address"> (www.lgo.org.uk)</span>' in out


def test_each_address_printed_once_per_page():
    link = '<a href="https://www.gov.uk/cop">11.{}</a>'
    out = rewrite("<p>" + ", ".join(link.format(n) for n in range(3)) + "</p>")
    assert out.count('<span class="link-address"> (www.gov.uk/cop)</span>') == 1
    assert out.count('href="https://www.gov.uk/cop"') == 3


def test_line_before_an_inline_element_is_not_cut_after_its_first_word(tmp_path):
    """WeasyPrint 70 wrapped this line after "Mediation" at this exact width (see print_links)."""
    from weasyprint import HTML

    text = ("<p>Mediation can take place following decisions by a local authority not to carry "
            "out an <abbr>EHC</abbr> needs assessment, not to draw up an EHC plan</p>")
    css = PROJECT / "overrides" / "print" / "print.css"

    def first_line(paragraph: str, name: str) -> str:
        page = f'<html lang="en-GB"><body><div style="width:484pt">{paragraph}</div></body></html>'
        HTML(string=page).write_pdf(tmp_path / name, stylesheets=[css])
        return text_of(tmp_path / name).splitlines()[0]

    assert first_line(text, "as-is.pdf") == "Mediation", "WeasyPrint is fixed: drop _keep_lines_whole"
    assert first_line(print_links._keep_lines_whole(text), "kept.pdf").endswith("carry out an")


# --- Unit tests: wide tables ------------------------------------------------------------------

WIDE = (
    '<table class="t"><caption>Compare</caption><thead><tr><th>Question</th>'
    '<th id="r-a"><a href="../a/">A</a></th><th>B</th><th>C</th></tr></thead>'
    "<tbody><tr><th>Cost</th><td>Free</td><td>Ask</td><td>None</td></tr>"
    "<tr><th>Time</th><td>2 months</td><td>1 month</td><td>12 months</td></tr></tbody></table>"
)


def test_wide_table_is_stacked_one_table_per_row():
    out = print_tables.stack_wide_tables(WIDE, 3)
    assert out.count('<table class="stacked">') == 2
    assert '<p class="stacked-table-caption">Compare</p>' in out
    assert '<caption>Cost</caption>' in out and '<caption>Time</caption>' in out
    # The first row keeps the header's link and id; later rows repeat its text only.
    assert '<tr><th scope="row" id="r-a"><a href="../a/">A</a></th><td>Free</td></tr>' in out
    assert '<tr><th scope="row">A</th><td>2 months</td></tr>' in out
    assert out.count('id="r-a"') == 1
    # Every cell is still there, in reading order.
    words = ["Cost", "Free", "Ask", "None", "Time", "2 months", "1 month", "12 months"]
    positions = [out.index(f">{w}<") for w in words]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "table",
    [
        WIDE.replace("<th>C</th>", '<th colspan="2">C</th>'),  # merged cells: left alone
        "<table><tr><td>a</td><td>b</td><td>c</td><td>d</td></tr></table>",  # no header row
        WIDE.replace("<td>None</td>", ""),  # ragged row
    ],
)
def test_tables_that_cannot_be_stacked_are_left_alone(table):
    assert print_tables.stack_wide_tables(table, 3) == table


def test_narrow_table_is_left_alone():
    assert print_tables.stack_wide_tables(WIDE, 4) == WIDE


# --- Unit tests: the downloads list -----------------------------------------------------------

@pytest.mark.parametrize(
    ("size", "shown"),
    [(0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KB"), (52_000, "51 KB"),
     (1024 * 1024, "1.0 MB"), (1_300_000, "1.2 MB")],
)
def test_human_size(size, shown):
    assert downloads.human_size(size) == shown


def test_fill_and_copy_listing(tmp_path):
    website, copy = tmp_path / "website", tmp_path / "copy"
    for site in (website, copy):
        (site / "downloads").mkdir(parents=True)
        (site / "downloads" / "a.pdf").write_bytes(b"x" * 2048)
    page = website / "downloads" / "index.html"
    page.write_text(f"<h1>Download</h1>\n{downloads.placeholder()}\n<p>After</p>", encoding="utf-8")
    assert "not made in this build" in page.read_text()
    item = downloads.Download.of(website / "downloads" / "a.pdf", "Leaflet <A>", "About A.", 3)
    downloads.fill(page, [item])
    written = page.read_text()
    assert '<a href="a.pdf" download>Leaflet &lt;A&gt;</a> (PDF, 2 KB, 3 pages)' in written
    assert "not made" not in written and written.endswith("<p>After</p>")
    other = copy / "downloads.html"
    other.write_text(downloads.placeholder(), encoding="utf-8")
    downloads.copy_listing(page, copy, other)
    assert '<a href="downloads/a.pdf" download>Leaflet &lt;A&gt;</a> (PDF, 2 KB, 3 pages)' in other.read_text()
    with pytest.raises(ValueError, match="downloads.files"):
        downloads.fill(tmp_path / "website" / "downloads" / "a.pdf", [])


@pytest.mark.parametrize(
    ("dates", "text"),
    [((), ""), (("2026-11-28",), "Last reviewed 28 November 2026"),
     (("2026-03-01", "2026-11-28", "2026-03-01"),
      "Pages last reviewed between 1 March 2026 and 28 November 2026")],
)
def test_reviewed_text(dates, text):
    assert print_render.reviewed_text(tuple(page("index.md", reviewed=d) for d in dates)) == text


@pytest.mark.parametrize(
    ("site_url", "address", "caption"),
    [
        ("https://info.example.org/", "https://info.example.org/mediation/",
         "Scan this code to read this leaflet online: info.example.org/mediation"),
        # The public address is not known: the code opens the service's own website, and says so.
        (None, "https://www.example.org", "Scan this code to go to the Service website: www.example.org"),
    ],
)
def test_qr_code_opens_the_page_or_says_where_it_goes(site_url, address, caption):
    service = print_render.Service("Service", "S", "0118 908 8233", "https://www.example.org")
    site = print_render.Site("Site", site_url, Path("/site"), service, {})
    qr = print_render.qr_code(site, page("mediation.md"), "leaflet")
    assert (qr.address, qr.caption) == (address, caption)
    assert f"<title>QR code. {caption}</title>" in qr.svg


@pytest.mark.parametrize(
    ("serving", "env", "made"),
    [
        (False, {}, True),
        (False, {"SITE_SKIP_PDF": "1"}, False),
        (True, {}, False),
        (True, {"SITE_PDF": "1"}, True),
        (True, {"SITE_PDF": "1", "SITE_SKIP_PDF": "1"}, False),
    ],
)
def test_when_pdfs_are_made(monkeypatch, serving, env, made):
    import pdf_hook

    monkeypatch.delenv("SITE_PDF", raising=False)
    monkeypatch.delenv("SITE_SKIP_PDF", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    pdf_hook.on_startup(command="serve" if serving else "build", dirty=False)
    assert pdf_hook.enabled() is made


# --- Determinism: two fresh processes, different order, same bytes ----------------------------

SAMPLE = textwrap.dedent(
    """
    import hashlib, json, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1] + "/hooks")
    from print import plan as print_plan, render as print_render
    content = (
        '<h1 id="t">Title</h1><p>See <a href="https://www.gov.uk/">GOV.UK</a>, '
        '<a href="./">this page</a> and <a href="../b/">page b</a>.</p><table><thead><tr><th>Route</th><th>Time limit</th></tr>'
        '</thead><tbody><tr><td>Appeal</td><td>2 months</td></tr></tbody></table>'
        '<blockquote><p>Quoted.</p></blockquote><h2 id="more">More</h2><p>End.</p>'
    )
    pages = [print_plan.PrintPage(u, u[:-3] + "/", u, content, "2026-11-28") for u in ("a.md", "b.md")]
    config = print_plan.PrintConfig(("a.md",), ())
    documents = print_plan.plan(config, pages, "Site", "Service")
    service = print_render.Service("Service", "S", "0118 908 8233", "https://www.example.org")
    site = print_render.Site("Site", None, Path(sys.argv[2]), service, {p.url: p for p in pages})
    printer = print_render.Printer(Path(sys.argv[1]) / "overrides" / "print", site)
    order = documents if sys.argv[3] == "forward" else documents[::-1]
    print(json.dumps({d.file: hashlib.sha256(printer.render(d).pdf).hexdigest() for d in order}))
    """
)


def test_same_source_gives_identical_pdfs(tmp_path):
    def run(order: str, seed: str) -> dict[str, str]:
        site = tmp_path / order  # built in another place: no path may leak into the PDF
        site.mkdir()
        done = subprocess.run(
            [sys.executable, "-c", SAMPLE, str(PROJECT), str(site), order],
            capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )
        return json.loads(done.stdout)

    first, second = run("forward", "1"), run("backward", "2")
    assert set(first) == {"booklet.pdf", "booklet-large-print.pdf", "a.pdf"}
    assert first == second


# --- The real build's PDFs ---------------------------------------------------------------------

@functools.cache
def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages_text(path: Path) -> list[str]:
    return text_of(path).split("\f")[:-1]


def pdf_path(site: Path, name: str) -> Path:
    return site / "downloads" / f"{name}.pdf"


def kind(name: str) -> str:
    return name if name.startswith("booklet") else "leaflet"


def html_headings(site: Path, src_uri: str) -> list[str]:
    """The h1/h2 headings of a built page, in order."""
    url = src_uri.removesuffix("index.md") if src_uri.endswith("index.md") else src_uri[:-3] + "/"
    built = (site / url / "index.html").read_text(encoding="utf-8")
    article = built.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    # The comparison's phone cards are not printed (print.css): the wide table is, under its caption.
    article = re.sub(r'<div class="routes-cards">\s*<h2>.*?</h2>', "", article, flags=re.DOTALL)
    found = re.findall(r"<h([12])\b[^>]*>(.*?)</h\1>", article, re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", text)).strip() for _, text in found]


def nav_entries(items: list | None = None) -> list[tuple[str | None, str]]:
    """Every page in mkdocs.yml's navigation, sections opened, as (title or None, page)."""
    if items is None:
        items = yaml.load((PROJECT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    entries: list[tuple[str | None, str]] = []
    for item in items:
        if isinstance(item, str):
            entries.append((None, item))
            continue
        title, value = next(iter(item.items()))
        entries.extend(nav_entries(value) if isinstance(value, list) else [(title, value)])
    return entries


def booklet_pages(site: Path) -> list[str]:
    pages = [page for _, page in nav_entries()]
    return [p for p in pages if not any(
        p == out or (out.endswith("/") and p.startswith(out)) for out in PRINT["booklet_leaves_out"])]


def walk_structure(element, found: list) -> list:
    if isinstance(element, pikepdf.Dictionary) and "/S" in element:
        found.append(element)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk_structure(kid, found)
    return found


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            titles.append(item.title)
            walk(item.children)

    with pdf.open_outline() as outline:
        walk(outline.root)
    return titles


def unembedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    missing = []
    for page in pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            fonts = font.DescendantFonts if "/DescendantFonts" in font else [font]
            for descendant in fonts:
                descriptor = descendant.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(descendant.get("/BaseFont")))
    return missing


def font_sizes(path: Path) -> dict[float, int]:
    """Effective size in points of every piece of text drawn, with how many characters."""
    sizes: dict[float, int] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            # The text matrix times the current matrix; its vertical scale times the font size.
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            points = round(size * math.hypot(c, d), 1)
            sizes[points] = sizes.get(points, 0) + len(text.strip())

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_every_pdf_is_made(site):
    made = sorted(p.stem for p in (site / "downloads").glob("*.pdf"))
    assert made == sorted(ALL_PDFS)


@pytest.mark.parametrize("name", ALL_PDFS)
def test_pdf_is_tagged_titled_and_embedded(site, name):
    with pikepdf.open(pdf_path(site, name)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        title = str(pdf.docinfo["/Title"])
        assert title and (SERVICE in title or name.startswith("booklet"))
        assert pdf.docinfo["/CreationDate"] == pdf.docinfo["/ModDate"]
        assert unembedded_fonts(pdf) == []
        elements = walk_structure(root.StructTreeRoot.K[0], [])
        tags = {str(e.S) for e in elements}
        assert {"/H1", "/P", "/Link"} <= tags
        # Links go to the web, mail or phone, or inside the PDF: never to a file on the build machine.
        uris = [str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", []) if "/URI" in a.get("/A", {})]
        assert uris and all(u.startswith(("https://", "mailto:", "tel:")) for u in uris), uris
        figures = [e for e in elements if e.S == "/Figure"]
        assert figures and all("QR code" in str(e.Alt) for e in figures)


@pytest.mark.parametrize("name", ALL_PDFS)
def test_outline_has_every_heading(site, name):
    sources = booklet_pages(site) if name.startswith("booklet") else [PRINT["leaflets"][LEAFLETS.index(name)]]
    expected = [h for src in sources for h in html_headings(site, src)]
    with pikepdf.open(pdf_path(site, name)) as pdf:
        titles = outline_titles(pdf)
    assert expected
    missing = [h for h in expected if h not in titles]
    assert not missing
    # Same order as on the website.
    positions = [titles.index(h) for h in dict.fromkeys(expected)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", ALL_PDFS)
def test_text_reads_in_order_with_footer_on_every_page(site, name):
    path = pdf_path(site, name)
    pages = pages_text(path)
    low, high = PAGE_RANGES[kind(name)]
    assert low <= len(pages) <= high
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert f"Page {number} of {len(pages)}" in flat
        assert SERVICE in flat and PHONE in flat
        assert re.search(r"reviewed (between )?\d{1,2} \w+ \d{4}", flat)
        # No blank pages: every page carries more than its footer.
        body = flat.replace(f"Page {number} of {len(pages)}", "")
        assert len(body) > len(SERVICE) + 120, f"page {number} is nearly blank"
    flat = " ".join(text_of(path).split())
    # Words only the website's theme prints (the pages themselves may talk about its skip link).
    for chrome in ("Initializing search", "Type to start searching", "Switch to dark mode",
                   "Back to top", "Report a problem with this page"):
        assert chrome not in flat
    if not name.startswith("booklet"):
        headings = html_headings(site, PRINT["leaflets"][LEAFLETS.index(name)])
        positions = [flat.find(h) for h in headings]
        assert -1 not in positions and positions == sorted(positions)
        for fact in KEY_FACTS[name]:
            assert fact in flat, f"{name}: '{fact}' is missing"
        assert "Scan this code" in flat


def test_booklet_has_contents_with_page_numbers(site):
    for name in ("booklet", "booklet-large-print"):
        pages = pages_text(pdf_path(site, name))
        # The contents run from page 2 to the page before the first chapter (large print: two pages).
        home = html_headings(site, booklet_pages(site)[0])[0]
        first_chapter = next(i for i in range(2, len(pages)) if home in " ".join(pages[i].split()))
        contents = " ".join(" ".join(pages[1:first_chapter]).split())
        assert contents.startswith("Contents")
        # A page without a title in the navigation (a letter) is listed by its heading.
        entries = {src: title or html_headings(site, src)[0] for title, src in nav_entries()}
        for src in booklet_pages(site):
            match = re.search(re.escape(entries[src]) + r"[ .]*page (\d+)", contents)
            assert match, f"{name}: {entries[src]} is not in the contents"
            target = " ".join(pages[int(match[1]) - 1].split())
            assert html_headings(site, src)[0] in target, f"{name}: wrong page for {src}"


def test_large_print_is_at_least_16_point(site):
    large = font_sizes(pdf_path(site, "booklet-large-print"))
    normal = font_sizes(pdf_path(site, "booklet"))
    assert min(normal) < 16, "the measurement should see the standard booklet's small text"
    assert min(large) >= 16, sorted(large)
    body = max(large, key=large.get)
    assert body >= 16


def test_links_are_clickable_and_addresses_printed(site):
    with pikepdf.open(pdf_path(site, "complaints")) as pdf:
        uris = [str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", []) if "/URI" in a.get("/A", {})]
    assert any(uri.startswith("https://www.lgo.org.uk") for uri in uris)
    assert f"tel:+44{PHONE.replace(' ', '')[1:]}" in uris
    assert "(www.lgo.org.uk)" in text_of(pdf_path(site, "complaints"))


def test_text_fits_the_page(site):
    """No word is drawn past the page's edges (tables and long addresses wrap)."""
    for name in ALL_PDFS:
        path = pdf_path(site, name)
        done = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
        for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', done.stdout, re.DOTALL):
            width = float(page[1])
            for word in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', page[3]):
                assert float(word[2]) <= width - 20, f"{name}: text runs off the page"


def test_downloads_page_lists_every_file_with_real_size_and_pages(site):
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in ALL_PDFS:
        path = pdf_path(site, name)
        count = len(PdfReader(path).pages)
        size = downloads.human_size(path.stat().st_size)
        entry = re.search(rf'<li data-file="{re.escape(path.name)}">(.*?)</li>', page, re.DOTALL)
        assert entry, name
        assert f'href="{path.name}"' in entry[1]
        assert f"(PDF, {size}, {count} page{'s' if count != 1 else ''})" in entry[1]
    assert "not made in this build" not in page


def test_home_page_on_paper_leads_only_to_what_is_printed(site):
    """The start button ("Which route fits?") and the calculator are not in the booklet: on paper
    the home page has no start button, and its warning points to the box in the appeal chapter."""
    home = html_headings(site, "index.md")[0]
    for name in ("booklet", "booklet-large-print"):
        pages = [" ".join(p.split()) for p in pages_text(pdf_path(site, name))]
        first = next(p for p in pages if home in p and "Warning" in p)  # not the cover
        assert "Start now" not in first, name
        assert "if later. To work out your deadline, use the box in Appeal to the Tribunal (page " in first, name
        box = re.search(r"use the box in Appeal to the Tribunal \(page (\d+)\)", first)
        assert "Work out your deadline" in pages[int(box[1]) - 1] + pages[int(box[1])], name
