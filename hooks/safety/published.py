"""Which source files the site publishes: only what a page, the theme or a declared asset needs.

A file in ``docs/`` that is not a page is published only when a page refers to it (a link, an
image, ``src``/``href`` in HTML) or ``mkdocs.yml`` declares it (``extra_css``,
``extra_javascript``). Theme files are published except backups and editors' leftovers and
source maps. Backups (``*.bak``, ``~$*``, ``*.swp``, ``*~``), ``Thumbs.db``, ``.DS_Store``,
copies of data files and anything else nobody uses are left out and listed. A file whose real
path (after symbolic links) is outside its folder is refused. No MkDocs here.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The longest page is under 30 kB. A page of megabytes (a paste gone wrong) would keep the
# booklets' rendering busy for many minutes and gigabytes: refuse it first.
MAX_PAGE_BYTES = 300_000
# Editors' and systems' leftovers: never published, wherever they are.
STRAY = ("*.bak", "*.orig", "*.tmp", "*.swp", "*.swo", "*~", "~$*", ".~lock.*", "#*#",
         "Thumbs.db", "desktop.ini", ".DS_Store", "*.map")
# Where a page refers to another file: Markdown links and images, reference definitions, HTML,
# and CSS url() (in pages and in declared stylesheets).
REFERENCE = re.compile(
    r"\]\(\s*<?(?P<md>[^)\s>]+)"
    r"|^\s*\[[^\]]+\]:\s*<?(?P<ref>\S+?)>?(?:\s|$)"
    r"|\b(?:src|href|data|poster|srcset)\s*=\s*[\"']?(?P<html>[^\"'\s>]+)"
    r"|url\(\s*[\"']?(?P<css>[^\"')\s]+)",
    re.MULTILINE,
)


def is_stray(path: str) -> bool:
    """Whether a file name is a backup, an editor's leftover or a source map."""
    name = posixpath.basename(path)
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in STRAY)


def escapes(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every symbolic link followed, is outside ``folder``."""
    return not path.resolve().is_relative_to(folder.resolve())


def referenced(page: str, markdown: str) -> set[str]:
    """Files (relative to docs/) that a page's Markdown refers to."""
    found = set()
    for match in REFERENCE.finditer(markdown):
        target = unquote(next(group for group in match.groups() if group))
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = parts.path.lstrip("/") if parts.path.startswith("/") else posixpath.join(
            posixpath.dirname(page), parts.path)
        found.add(posixpath.normpath(path))
    return found


def needed(candidates: Iterable[str], pages: dict[str, str], declared: Iterable[str]) -> set[str]:
    """Which of ``candidates`` (non-page files of docs/) a page refers to or the config declares.

    ``pages`` maps each page's (or declared stylesheet's) path to its text.
    """
    wanted = set(declared)
    for page, markdown in pages.items():
        wanted |= referenced(page, markdown)
    return {path for path in candidates if path in wanted and not is_stray(path)}


def oversized(pages: dict[str, int]) -> list[str]:
    """What is wrong with each page (``docs/`` path -> size in bytes) over :data:`MAX_PAGE_BYTES`."""
    return [f"docs/{page}: {size / 1e6:.1f} MB, more than a page can be ({MAX_PAGE_BYTES // 1000} kB); "
            "check for something pasted by mistake, or split it into pages"
            for page, size in sorted(pages.items()) if size > MAX_PAGE_BYTES]
