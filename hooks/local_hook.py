"""MkDocs glue for local details: expand ``{{ local.* }}`` from docs/data/local.yml.

Also the last word on markers: any ``{{ … }}`` that no hook expanded is reported; and a local
detail typed into a page or a data file, where a marker belongs, is reported (local/typed.py).
"""

from __future__ import annotations

import logging
import re

from content import site as content
from local import details as local_details
from local import typed as local_typed
from helpers import markers, yaml_source

log = logging.getLogger("mkdocs.plugins.local_details")

CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
# marker key -> Markdown, rendered once per build from docs/data/local.yml
rendered: dict[str, str] = {}
# local.yml key -> value, for finding details typed where a marker belongs
values: dict[str, str] = {}


def on_files(files, config):
    """Render the markers from the checked local details (content_hook reports a bad value)."""
    global rendered, values
    site = content.current()
    values = site.value("local.yml")
    for path in site.files():
        if path.name != "local.yml":
            try:
                source = site.read(path)
            except (OSError, yaml_source.YamlSyntaxError):
                continue  # content_hook reports the syntax error with its line
            for typed in local_typed.find_in_source(source, values):
                log.warning(typed.message(f"docs/data/{path.name}"))
    if len(values) < len(local_details.FIELDS):
        return files
    rendered = local_details.LocalDetails(values).markers()
    config.extra["local"] = {key.replace(".", "_"): value for key, value in values.items()}
    config.extra["local"]["tel"] = local_details.tel_href(values["service.phone"])
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by is None:  # a page a hook made filled in its markers itself
        for typed in local_typed.find(page.file.content_string, values):
            log.warning(typed.message(page.file.src_uri))

    def render(marker: markers.Marker) -> str:
        if marker.key not in rendered:
            raise markers.MarkerError(
                f"unknown local detail '{marker.key}'; use one of: {', '.join(sorted(rendered))}"
            )
        return rendered[marker.key]

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", page.file.src_uri, offset + marker.line, marker.text, message)

    return markers.expand(markdown, "local", render, report)


def on_page_content(html, page, config, files):
    """Warn about markers no hook expanded (after every hook has had the Markdown)."""
    for _, text in markers.unexpanded(CODE.sub("", html)):
        log.warning(
            "%s: marker %s was not expanded: check its spelling against the README's list of markers",
            page.file.src_uri,
            text,
        )
    return html
