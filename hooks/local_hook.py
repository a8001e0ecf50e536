"""MkDocs glue for local details: expand ``{{ local.* }}`` from the service's local.yml.

A service's ``site.name`` and ``site.url`` (localities/<id>/local.yml) replace mkdocs.yml's
site_name and an empty site_url (``mkdocs serve`` sets its own), for canonical links, the
sitemap and the PDFs' QR codes. Its logo, colour and own pages (local/extras.py) go into the
theme, the navigation and the files.

Also the last word on markers: any marker left in a page as published, whole or broken
(``{{ local.council }``, ``{ local.council }``), is named at its line in the page's file (or in
mkdocs.yml, for a nav title), once. A local detail typed into a page or a data file, where a
marker belongs, is reported too (local/typed.py).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from content import site as content
from local import details as local_details
from local import extras as local_extras
from local import typed as local_typed
from localities import folders as localities
from helpers import markers, yaml_source

log = logging.getLogger("mkdocs.plugins.local_details")
EXTRAS_HEADING = "The service's logo, colour or own pages (in its local.yml) are wrong"

# Where a page may show a marker as an example (code), and what the reader never sees.
HIDDEN = re.compile(r"<(pre|code|script|style)\b.*?</\1>|<!--.*?-->", re.DOTALL)
# marker key -> Markdown, rendered once per build from the service's local.yml
rendered: dict[str, str] = {}
# local.yml key -> value, for finding details typed where a marker belongs
values: dict[str, str] = {}
# ("file:line", marker) already named in this build
named: set[tuple[str, str]] = set()
# mkdocs.yml's lines: a nav title is on every page
config_lines: list[str] = []


def on_config(config):
    """The service's own site name, public address, logo, colour and pages, when it gives them."""
    site = content.current()
    details = site.value("local.yml")
    if details.get("site.name"):
        config.site_name = details["site.name"]
    if details.get("site.url") and not config.site_url:
        config.site_url = details["site.url"].rstrip("/") + "/"
    # content_hook has found the file; its problems (and these) stop the build in its on_nav
    path = localities.details_file(Path(config.config_file_path).parent)
    extras, problems = local_extras.load(path, local_extras.taken_names(Path(config.docs_dir), config.nav),
                                         site.read)
    site.keep("local extras", extras, EXTRAS_HEADING, problems)
    config.nav = local_extras.nav_with(config.nav, extras.pages)
    if extras.logo:
        config.theme["logo"] = local_extras.LOGO_URI + extras.logo.suffix.lower()
    config.extra["brand_colour"] = extras.colour
    return config


def on_serve(server, config, builder):
    """``mkdocs serve`` builds again when the service's folder (outside docs/) changes."""
    server.watch(str(localities.details_file(Path(config.config_file_path).parent).parent))
    return server


@event_priority(10)  # before content_hook, which checks every page's text and front matter
def on_files(files, config):
    """Add the service's pages and logo; render the markers from the checked local details."""
    global rendered, values, config_lines
    site = content.current()
    extras = site.value("local extras")
    for page in extras.pages:
        files.append(File(page.name, str(page.source.parent), config.site_dir, config.use_directory_urls))
    if extras.logo:
        files.append(File.generated(config, config.theme["logo"], abs_src_path=str(extras.logo)))
    named.clear()
    config_lines = Path(config.config_file_path).read_text(encoding="utf-8").splitlines()
    values = site.value("local.yml")
    for path in site.files():
        if path.name != "local.yml":
            try:
                source = site.read(path)
            except yaml_source.Unreadable:
                continue  # content_hook reports the syntax error with its line
            for typed in local_typed.find_in_source(source, values):
                log.warning(typed.message(f"docs/data/{path.name}"))
    if any(key not in values for key in local_details.FIELDS):
        return files
    rendered = local_details.LocalDetails(values).markers()
    config.extra["local"] = {key.replace(".", "_"): value for key, value in values.items()}
    config.extra["local"]["tel"] = local_details.tel_href(values["service.phone"])
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by is None:  # a page a hook made filled in its markers itself
        for typed in local_typed.find(page.file.content_string, values):
            log.warning(typed.message(_where(page, config)))

    def render(marker: markers.Marker) -> str:
        if marker.key not in rendered:
            raise markers.MarkerError(
                f"unknown local detail '{marker.key}'; use one of: {', '.join(sorted(rendered))}"
            )
        return rendered[marker.key]

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        named.add((f"{_where(page, config)}:{offset + marker.line}", marker.text))
        log.warning("%s:%d: %s: %s", _where(page, config), offset + marker.line, marker.text, message)

    return markers.expand(markdown, "local", render, report)


def _where(page, config) -> str:
    """The page's file as an editor finds it (generated pages say so)."""
    if page.file.generated_by or not page.file.abs_src_path:
        return f"{page.file.src_uri} (generated page)"
    return os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)


def _lines_with(marker: str, lines: list[str]) -> list[int]:
    """The lines that hold ``marker`` itself (not as part of a longer, whole marker)."""
    return [number for number, words in enumerate(lines, start=1)
            if marker in words and any(marker == left for _, left in markers.leftovers(words))]


def on_post_page(output, page, config):
    """Name every marker left in the page as published, at each line of its file it is on."""
    left = dict.fromkeys(text for _, text in markers.leftovers(HIDDEN.sub("", output)))
    where = _where(page, config)
    lines = page.file.content_string.splitlines() if left else []
    for text in left:
        # mkdocs.yml first: a marker in a nav title is on every page, beside the page's own markers
        settings = os.path.basename(config.config_file_path)
        in_settings = [f"{settings}:{number}" for number in _lines_with(text, config_lines)]
        advice = f"is in {settings}, where markers are not filled in; write the words themselves"
        found = in_settings or [f"{where}:{number}" for number in _lines_with(text, lines)] or [where]
        for at in found:
            if (at, text) not in named:
                named.add((at, text))
                log.warning("%s: %s %s", at, text, advice if in_settings else markers.advice(text))
    return output
