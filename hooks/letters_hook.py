"""MkDocs glue for the model letters: their pages, their downloads, and the list of them.

The letters are ``docs/data/letters.yml``, read and checked by the site model (content_hook.py)
with the service's local details filled in; their Code of Practice citations are checked with
every other data file by citations_hook.py. Here each letter becomes a generated page under
``letters/`` (listed in mkdocs.yml's nav, so the booklet prints them as its last part) and two
generated downloads under ``downloads/letters/`` (Word and plain text), which the offline copy
holds like any other file. ``{{ letters.downloads }}`` on the download page lists them with sizes.
"""

from __future__ import annotations

import logging

from mkdocs.structure.files import File

from content import site as content
from helpers import markers
from letters import pages as letter_pages
from print import downloads

log = logging.getLogger("mkdocs.plugins.letters")

HELP = (
    "{{ local.service_name }} ({{ local.service }}) can help you write a letter and decide what "
    "to say. Phone {{ local.phone }} or email {{ local.email }}."
)
made: dict[str, list[letter_pages.LetterFile]] = {}
letters = None


def on_files(files, config):
    """Add each letter's page and downloads, and the page that lists them."""
    global letters
    site = content.current()
    letters = site.value("letters.yml")
    made.clear()
    if letters is None:
        return files  # content_hook reports the problems
    local = config.extra.get("local") or {}
    made.update(letter_pages.files(letters, local.get("service_name", "")))
    for letter in letters.letters:
        for item in made[letter.id]:
            files.append(File.generated(config, item.uri, content=item.content))
        page = letter_pages.letter_page(letter, letters, made[letter.id], downloads.human_size, HELP)
        files.append(File.generated(config, letter_pages.page_uri(letter), content=page))
    index = letter_pages.index_page(letters, made, downloads.human_size, HELP)
    files.append(File.generated(config, letter_pages.INDEX, content=index))
    return files


def on_page_markdown(markdown, page, config, files):
    """Expand ``{{ letters.downloads }}``: every letter's files with their sizes."""

    def render(marker: markers.Marker) -> str:
        if marker.key != "downloads" or marker.argument is not None:
            raise markers.MarkerError("unknown letters marker; the only one is {{ letters.downloads }}")
        if letters is None:
            raise markers.MarkerError("the letters could not be made: fix docs/data/letters.yml")
        return letter_pages.downloads_markdown(letters, made, page.file.src_uri, downloads.human_size)

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", page.file.src_uri, offset + marker.line, marker.text, message)

    return markers.expand(markdown, "letters", render, report)
