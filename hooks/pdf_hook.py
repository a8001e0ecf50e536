"""MkDocs glue for the printable PDFs: a leaflet per route, the booklet and its large print.

Runs last of the hooks, so the content it prints is exactly the site's (tables, citations and
notes made by the other hooks included). It collects every page's finished content, and once
the site is written renders the PDFs into ``downloads/`` and fills in the list of files on the
page that has ``{{ downloads.files }}``.

``mkdocs build`` makes the PDFs; ``mkdocs serve`` skips them unless ``SITE_PDF=1``;
``SITE_SKIP_PDF=1`` skips them always (quick test builds).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from content import site as content
from helpers import markers
from print import artifacts as print_artifacts
from print import cache as print_cache
from print import downloads
from print import fonts as print_fonts
from print import pdfs as print_pdfs
from print import plan as print_plan
from print import render as print_render

log = logging.getLogger("mkdocs.plugins.pdf")

serving = False
pages: dict[str, print_plan.PrintPage] = {}
nav_order: list[str] = []
print_config: print_plan.PrintConfig | None = None
listing_page: Path | None = None


def enabled() -> bool:
    """Whether this build makes the PDFs (see the module's docstring)."""
    if os.environ.get("SITE_SKIP_PDF") == "1":
        return False
    return not serving or os.environ.get("SITE_PDF") == "1"


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_files(files: Files, config) -> Files:
    """Keep the print templates' styles (overrides/print/) out of the website."""
    for file in [f for f in files if f.src_uri.startswith("print/") and f.generated_by is None]:
        if config.theme.custom_dir and file.abs_src_path.startswith(config.theme.custom_dir):
            files.remove(file)
    return files


def on_nav(nav, config, files):
    """Keep the reading order and the print settings (content_hook checked print.yml against it)."""
    global print_config
    nav_order[:] = [page.file.src_uri for page in nav.pages]
    print_config = content.current().value("print.yml")
    return nav


def on_page_markdown(markdown, page, config, files):
    """Expand ``{{ downloads.files }}``: the place the list of files goes."""
    global listing_page

    def render(marker: markers.Marker) -> str:
        if marker.key != "files" or marker.argument is not None:
            raise markers.MarkerError("unknown downloads marker; the only one is {{ downloads.files }}")
        return downloads.placeholder()

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", page.file.src_uri, marker.line, marker.text, message)

    expanded = markers.expand(markdown, "downloads", render, report)
    if expanded != markdown:
        listing_page = Path(page.file.abs_dest_path)
    return expanded


def on_post_page(output, page, config):
    """Keep the page's finished content (after every other hook) for printing."""
    reviewed = page.meta.get("last_reviewed")
    pages[page.file.src_uri] = print_plan.PrintPage(
        src_uri=page.file.src_uri,
        url=page.url,
        title=page.title or page.file.src_uri,
        content=page.content or "",
        last_reviewed=str(reviewed) if reviewed else None,
        description=str(page.meta.get("description") or ""),
    )
    return output


def on_post_build(config) -> None:
    """Render every PDF into downloads/ and list them on the downloads page."""
    if listing_page is None:
        log.warning("no page lists the printable files: write {{ downloads.files }} on docs/downloads.md")
    if not enabled():
        log.info("PDFs skipped (mkdocs serve without SITE_PDF=1, or SITE_SKIP_PDF=1)")
        return
    local = config.extra["local"]
    service = print_render.Service(local["service_name"], local["service_short_name"],
                                   local["service_phone"], local["service_website"])
    in_order = [pages[uri] for uri in nav_order if uri in pages]
    documents = print_plan.plan(print_config, in_order, config.site_name, service.name)
    for page in print_plan.missing_dates(documents):
        log.warning(
            "%s: no last_reviewed date in the front matter; its leaflet's footer needs one: "
            "add last_reviewed: YYYY-MM-DD", page.src_uri,
        )
    site_dir = Path(config.site_dir)
    site = print_render.Site(
        # mkdocs serve sets site_url to its own local address: never print that.
        config.site_name, None if serving else config.site_url or None, site_dir, service,
        {page.url: page for page in pages.values()},
    )
    printer = print_render.Printer(Path(config.theme.custom_dir) / "print", site)
    project = Path(config.config_file_path).parent  # a PDF cache per service: make sites keeps each
    cache = print_cache.Cache(project / ".cache" / "pdfs" / content.current().value("locality"))
    code = [Path(__file__), *sorted((Path(__file__).parent / "print").glob("*.py"))]
    # mkdocs serve runs threads: render in this process there rather than fork.
    try:
        made, set_ups = print_pdfs.make_all(printer, documents, cache, code, 1 if serving else print_pdfs.cores())
    except (print_fonts.FontsMissing, print_artifacts.UnexpectedContent) as error:
        raise PluginError(str(error)) from error
    for set_up in set_ups:
        log.info("PDF set-up (WeasyPrint, fonts, styles) in %.2f s (CPU %.2f s)", set_up.seconds, set_up.cpu_seconds)
    folder = site_dir / downloads.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    listed = []
    for pdf in made:
        for problem in pdf.problems:
            log.warning("%s: WeasyPrint: %s; fix the page or overrides/print/", pdf.document.file, problem)
        path = folder / pdf.document.file
        path.write_bytes(pdf.pdf)
        listed.append(downloads.Download.of(path, pdf.document.label, pdf.document.description, pdf.page_count))
        if pdf.cached:
            log.info("PDF %s: %d pages, unchanged: from the cache", pdf.document.file, pdf.page_count)
        else:
            log.info("PDF %s: %d pages in %.2f s (CPU %.2f s)", pdf.document.file, pdf.page_count,
                     pdf.seconds, pdf.cpu_seconds)
    if listing_page is not None:
        downloads.fill(listing_page, listed)
