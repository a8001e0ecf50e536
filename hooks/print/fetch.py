"""What WeasyPrint may read while it makes a PDF: files of this build, nothing else.

A page could ask WeasyPrint for any address: ``<a rel="attachment" href="file:///etc/…">``
embeds that file in the PDF, and an image from another host would be fetched. The fetcher
made here serves ``data:`` addresses and files inside the given folders (the built site, which
holds the theme's assets and the images copied from ``docs/``, and the print templates), after
following symbolic links; it refuses everything else, and WeasyPrint reports the refusal as a
warning, which fails the build.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit


def refusal(url: str, folders: Iterable[Path]) -> str | None:
    """Why WeasyPrint may not read ``url``, or None when it may."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return None
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return f"{url[:80]} is not a file of this build: a PDF reads nothing from other hosts"
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(folder.resolve()) for folder in folders):
        return f"{path} is not a file of this build: a PDF may use only the site's own files"
    return None


def build_files_only(folders: Iterable[Path]):  # -> weasyprint.urls.URLFetcher
    """A WeasyPrint URL fetcher that reads only files inside ``folders`` (and ``data:``)."""
    from weasyprint.urls import URLFetcher

    allowed = tuple(folder.resolve() for folder in folders)

    class BuildFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: ANN001, ANN201 - WeasyPrint's signature
            problem = refusal(url, allowed)
            if problem:
                raise ValueError(problem)
            return super().fetch(url, headers)

    return BuildFilesOnly(allowed_protocols={"file", "data"})
