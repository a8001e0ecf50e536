"""The offline copy: what it leaves out and how it is packed.

The offline copy is a second build of the site with Material's ``offline`` plugin. This module
strips what a copy opened from disk never uses and packs the copy as a zip whose bytes depend
only on its contents (``safety.loads`` checks that nothing in it loads from another host). It
knows nothing about MkDocs.
"""

from __future__ import annotations

import html
import re
import shutil
import zipfile
from pathlib import Path

ZIP_NAME = "sen-disagreements-offline.zip"
ZIP_URL = f"downloads/{ZIP_NAME}"
START_FILE = "Start here.html"
SITE_FOLDER = "site"
SIZE_TOKEN = "@@offline-zip-size@@"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URL = "assets/javascripts/iframe-worker/shim.js"
LUNR = "assets/javascripts/lunr"
NOT_OFFLINE = ("sitemap.xml", "sitemap.xml.gz", "404.html")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TEXT_SUFFIXES = (".html", ".json", ".js", ".xml")

def lunr_files_needed(languages: list[str]) -> set[str]:
    """Files under the lunr folder that the search worker loads for these search languages.

    Mirrors Material's search worker: English needs none; each other language needs its own
    file and the stemmer support; more than one language needs ``lunr.multi``; Japanese needs
    tinyseg, Hindi and Thai need wordcut.
    """
    needed: set[str] = set()
    for language in languages:
        if language == "ja":
            needed.add("tinyseg.js")
        if language in ("hi", "th"):
            needed.add("wordcut.js")
        if language != "en":
            needed.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


def not_needed(folder: Path, languages: list[str]) -> list[Path]:
    """Files in a built copy that nobody uses offline: source maps, other search languages,
    the sitemap and the web server's "not found" page."""
    lunr = folder / LUNR
    needed = {lunr / name for name in lunr_files_needed(languages)}
    found = [path for path in folder.rglob("*.map") if path.is_file()]
    found += [path for path in lunr.rglob("*") if path.is_file() and path not in needed]
    found += [folder / name for name in NOT_OFFLINE if (folder / name).is_file()]
    return sorted(set(found))


def strip(folder: Path, languages: list[str]) -> list[Path]:
    """Delete what :func:`not_needed` lists, and folders left empty; return what was deleted."""
    removed = not_needed(folder, languages)
    for path in removed:
        path.unlink()
    for directory in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return removed


def copy_pdfs(website: Path, copy: Path) -> list[Path]:
    """Copy every PDF of the website build to the same place in the offline copy."""
    copied = []
    for source in sorted(website.rglob("*.pdf")):
        target = copy / source.relative_to(website)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        copied.append(target)
    return copied


def start_page(site_name: str) -> str:
    """The zip's top-level start file: it opens the home page at once, and links to it too."""
    name = html.escape(site_name)
    home = f"{SITE_FOLDER}/index.html"
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={home}">
<title>Start here: {name} (offline copy)</title>
</head>
<body>
<main>
<h1>{name}</h1>
<p>This is the offline copy. It works without the internet.</p>
<p><a href="{home}">Open the home page</a></p>
</main>
</body>
</html>
"""


def zip_entries(copy: Path) -> list[tuple[str, Path]]:
    """(name in the zip, file) for the copy: the start file at the top, the rest in the site folder."""
    entries = []
    for path in copy.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(copy).as_posix()
        entries.append((relative if relative == START_FILE else f"{SITE_FOLDER}/{relative}", path))
    return sorted(entries)


def pack(copy: Path, zip_path: Path) -> None:
    """Zip the copy with sorted entries, one fixed timestamp and fixed permissions.

    The same files always give the same bytes, so the zip only changes when the site does.
    """
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, path in zip_entries(copy):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def fill_size(folder: Path, size: str) -> list[Path]:
    """Write the zip's size where the website build left :data:`SIZE_TOKEN`; return the files changed."""
    changed = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if SIZE_TOKEN in text:
            path.write_text(text.replace(SIZE_TOKEN, size), encoding="utf-8")
            changed.append(path)
    return changed


def download_section(active: bool, zip_href: str, size: str, website: str | None) -> str:
    """Markdown for the "Offline copy" part of the download page.

    On the website: what the copy is, the link with its size, and how to open it. In the
    offline copy itself: a note that this is the offline copy, which does not update itself.
    """
    if active:
        latest = f" The latest version is on the website: <{website}>." if website else ""
        return (
            '!!! note "You are using the offline copy"\n'
            "    This copy of the site works without the internet. It does not change when the"
            f" website changes, so it may be out of date.{latest}\n"
        )
    return (
        "You can download this whole site as one zip file and use it without the internet."
        " For example, you can use it on a computer with no connection or from a USB stick. It has every page,"
        " the search and the printable leaflets.\n\n"
        f'<a href="{html.escape(zip_href)}">Download the offline copy (zip file, {size})</a>\n\n'
        "To use it:\n\n"
        "1. Save the zip file on your computer.\n"
        '2. Unzip it. On Windows, right-click the file and choose "Extract All".'
        " On a Mac, double-click it.\n"
        f'3. In the unzipped folder, open the file called "{START_FILE.removesuffix(".html")}".'
        " It opens the home page in your web browser.\n\n"
        "The offline copy does not change when this website changes."
        " Download a new copy from time to time.\n"
    )
