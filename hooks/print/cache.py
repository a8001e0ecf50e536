"""PDFs kept between builds, keyed on everything that goes into them.

The PDFs are deterministic (the same inputs give the same bytes), so a PDF made before from
the same inputs is exact, never stale. A document's key is a SHA-256 of:

- its print HTML (the template filled with every page's finished content), file name and kind;
- every local file that HTML refers to (images; data: addresses are in the HTML already);
- every file in the print templates' folder (``overrides/print/``: templates and CSS);
- the font files of each font family the CSS names, as fontconfig finds them;
- the versions of WeasyPrint and of the libraries it writes PDFs with;
- the source of our print code (``hooks/print/`` and ``hooks/pdf_hook.py``).

Change any of these and the PDF is rendered again. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from print.fonts import FONT_FAMILY

FORMAT = 1  # bump when what a key covers changes
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen")
REFERENCE = re.compile(r"""(?:\bsrc|\bhref)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)""")


def _digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def _files(paths: list[Path], root: Path | None = None) -> list[str]:
    """Each file's name and the SHA-256 of its bytes (a missing file counts as missing)."""
    out = []
    for path in sorted(paths):
        name = path.relative_to(root).as_posix() if root else str(path)
        out.append(f"{name}:{_digest(path.read_bytes()) if path.is_file() else 'missing'}")
    return out


def font_files(css: str) -> list[Path]:
    """The font files of every family named in ``css`` (``fc-list``; ``fc-match`` for generic
    names such as sans-serif)."""
    families = {name.strip().strip("\"'") for match in FONT_FAMILY.finditer(css)
                for name in match.group(1).split(",") if name.strip()}
    found: set[Path] = set()
    for family in sorted(families):
        for command in (["fc-list", "--format", "%{file}\n", family], ["fc-match", "--format", "%{file}\n", family]):
            try:
                done = subprocess.run(command, capture_output=True, text=True, check=False)
            except OSError:
                continue
            found.update(Path(line) for line in done.stdout.splitlines() if line.strip())
    return sorted(found)


def versions() -> list[str]:
    """WeasyPrint's version and those of the libraries it writes PDFs with."""
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{name}: not installed")
    return out


def shared_inputs(templates: Path, code: list[Path]) -> str:
    """The part of every key that is the same for each document of a build."""
    template_files = [p for p in templates.rglob("*") if p.is_file()]
    css = "\n".join(p.read_text(encoding="utf-8") for p in sorted(template_files) if p.suffix == ".css")
    return _digest(f"format {FORMAT}", *versions(), *_files(template_files, templates),
                   *_files(font_files(css)), *_files(code))


def referenced_files(html: str, site_dir: Path) -> list[Path]:
    """Local files the print HTML refers to (as WeasyPrint would fetch them from ``site_dir``)."""
    base = site_dir.resolve().as_uri() + "/"
    found = set()
    for match in REFERENCE.finditer(html):
        address = urljoin(base, match.group(1) or match.group(2))
        parts = urlsplit(address)
        if parts.scheme == "file":
            path = Path(unquote(parts.path))
            if path.is_file():
                found.add(path)
    return sorted(found)


def key(shared: str, file: str, kind: str, html: str, site_dir: Path) -> str:
    """The key of one document's PDF."""
    return _digest(shared, file, kind, html, *_files(referenced_files(html, site_dir)))


@dataclass(frozen=True)
class Cached:
    """A PDF from the cache: its bytes, page count and what WeasyPrint said when it was made."""

    pdf: bytes
    page_count: int
    problems: tuple[str, ...]


class Cache:
    """PDFs by key in a folder: ``<key>.pdf`` and ``<key>.json`` (page count, warnings)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Cached | None:
        try:
            about = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            pdf = (self.folder / f"{key}.pdf").read_bytes()
        except (OSError, ValueError):
            return None
        if len(pdf) != about.get("bytes"):
            return None
        return Cached(pdf, about["page_count"], tuple(about["problems"]))

    def put(self, key: str, pdf: bytes, page_count: int, problems: tuple[str, ...]) -> None:
        """Keep a PDF (written whole or not at all; the .json last, so a reader finds both)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._write(f"{key}.pdf", pdf)
            about = {"bytes": len(pdf), "page_count": page_count, "problems": list(problems)}
            self._write(f"{key}.json", json.dumps(about).encode())
        except OSError:
            pass  # a read-only checkout still builds; it renders every time

    def _write(self, name: str, data: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".writing-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, self.folder / name)

    def keep_only(self, keys: set[str]) -> None:
        """Remove every PDF but those of ``keys`` (the cache holds this build's PDFs only)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix in (".pdf", ".json") and path.stem not in keys:
                path.unlink(missing_ok=True)
