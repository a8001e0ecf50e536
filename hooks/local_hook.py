"""MkDocs glue for local details: expand ``{{ local.* }}`` from docs/data/local.yml.

Also the last word on markers: any marker left in a page as published, whole or broken
(``{{ local.council }``, ``{ local.council }``), is named at its line in the page's file.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from content import site as content
from local import details as local_details
from helpers import markers

log = logging.getLogger("mkdocs.plugins.local_details")

# Where a page may show a marker as an example (code), and what the reader never sees.
HIDDEN = re.compile(r"<(pre|code|script|style)\b.*?</\1>|<!--.*?-->", re.DOTALL)
# marker key -> Markdown, rendered once per build from docs/data/local.yml
rendered: dict[str, str] = {}
# (page, marker) already named when a hook could not expand it
named: set[tuple[str, str]] = set()


def on_files(files, config):
    """Render the markers from the checked local details (content_hook reports a bad value)."""
    global rendered
    named.clear()
    values = content.current().value("local.yml")
    if len(values) < len(local_details.FIELDS):
        return files
    rendered = local_details.LocalDetails(values).markers()
    config.extra["local"] = {key.replace(".", "_"): value for key, value in values.items()}
    config.extra["local"]["tel"] = local_details.tel_href(values["service.phone"])
    return files


def on_page_markdown(markdown, page, config, files):
    def render(marker: markers.Marker) -> str:
        if marker.key not in rendered:
            raise markers.MarkerError(
                f"unknown local detail '{marker.key}'; use one of: {', '.join(sorted(rendered))}"
            )
        return rendered[marker.key]

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        named.add((page.file.src_uri, marker.text))
        log.warning("%s:%d: %s: %s", _where(page, config), offset + marker.line, marker.text, message)

    return markers.expand(markdown, "local", render, report)


def _where(page, config) -> str:
    """The page's file as an editor finds it (generated pages say so)."""
    if page.file.generated_by or not page.file.abs_src_path:
        return f"{page.file.src_uri} (generated page)"
    return os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)


def on_post_page(output, page, config):
    """Name every marker left in the page as published, at each line of the page's file it is on."""
    left = dict.fromkeys(text for _, text in markers.leftovers(HIDDEN.sub("", output)))
    lines = page.file.content_string.splitlines() if left else []
    for text in left:
        if (page.file.src_uri, text) in named:
            continue
        found = [f":{number}" for number, words in enumerate(lines, start=1)
                 if text in words and any(text == left for _, left in markers.leftovers(words))] or [""]
        for at in found:
            log.warning("%s%s: %s %s", _where(page, config), at, text, markers.advice(text))
    return output
