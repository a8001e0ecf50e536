"""The list of files on the "Download and print" page, filled in once the files exist.

A file's size (and a PDF's page count) is only known after it is made, so the page is written
with a placeholder between two HTML comments, and the list is filled in afterwards from the
real files with ``fill(page, items)``. Pages write ``{{ downloads.files }}`` where the list goes.

A second build that gets the same files copied in (the offline copy) takes the list over with
``copy_listing``; each link is pointed at the same file from the new page::

    downloads.copy_listing(website / "downloads" / "index.html", copy, copy / "downloads.html")

This module knows nothing about MkDocs.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

START = "<!-- downloads:start -->"
END = "<!-- downloads:end -->"
FOLDER = "downloads"
NOT_MADE = (
    "<p>The printable files were not made in this build. "
    "Build the site with <code>make site</code> to make them.</p>"
)
ENTRY = re.compile(r'<li data-file="(?P<file>[^"]*)">.*?</li>', re.DOTALL)
HREF = re.compile(r'href="[^"]*"')


@dataclass(frozen=True)
class Download:
    """One file on the page: where it is, its title, description, size and page count."""

    path: Path
    title: str
    description: str
    size: int
    pages: int | None = None

    @classmethod
    def of(cls, path: Path, title: str, description: str, pages: int | None = None) -> Download:
        """Describe a file that exists; its size is read from the disk."""
        return cls(path, title, description, path.stat().st_size, pages)


def human_size(size: int) -> str:
    """Bytes as people read them: 1234567 -> 1.2 MB, 52000 -> 51 KB (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def placeholder() -> str:
    """What a page's ``{{ downloads.files }}`` marker becomes before the files exist."""
    return f'<div class="downloads">\n{START}\n{NOT_MADE}\n{END}\n</div>'


def entry_html(item: Download, page: Path) -> str:
    """One list entry: a link to the file (relative to ``page``), then its kind, size, pages."""
    kind = item.path.suffix.lstrip(".").upper()
    href = Path(os.path.relpath(item.path, page.parent)).as_posix()
    facts = [kind, human_size(item.size)]
    if item.pages is not None:
        facts.append(f"{item.pages} page" + ("" if item.pages == 1 else "s"))
    return (
        f'<li data-file="{html.escape(item.path.name)}">'
        f'<a href="{html.escape(href)}" download>{html.escape(item.title)}</a> '
        f"({', '.join(facts)})<br>\n{html.escape(item.description)}</li>\n"
    )


def _between(page_html: str) -> tuple[str, str, str]:
    """The page split around the list: before START, the list, from END on."""
    start, end = page_html.find(START), page_html.find(END)
    if start < 0 or end < start:
        raise ValueError(
            "the downloads page has no list to fill; write {{ downloads.files }} on the page"
        )
    start += len(START)
    return page_html[:start], page_html[start:end], page_html[end:]


def fill(page: Path, items: list[Download]) -> None:
    """Write the whole list into the page (replacing what was there)."""
    before, _, after = _between(page.read_text(encoding="utf-8"))
    body = "".join(entry_html(item, page) for item in items)
    listing = f'\n<ul class="downloads-list">\n{body}</ul>\n' if items else f"\n{NOT_MADE}\n"
    page.write_text(before + listing + after, encoding="utf-8")


def copy_listing(source_page: Path, dest_site: Path, dest_page: Path) -> None:
    """Give ``dest_page`` the list of ``source_page``, for files copied to ``dest_site/downloads``."""
    _, listing, _ = _between(source_page.read_text(encoding="utf-8"))

    def repoint(entry: re.Match[str]) -> str:
        href = Path(os.path.relpath(dest_site / FOLDER / entry["file"], dest_page.parent)).as_posix()
        return HREF.sub(f'href="{html.escape(href)}"', entry[0], count=1)

    before, _, after = _between(dest_page.read_text(encoding="utf-8"))
    dest_page.write_text(before + ENTRY.sub(repoint, listing) + after, encoding="utf-8")
