"""``make sites``: every service's site, each built on its own into ``sites/<id>/``, then a summary.

Each service is built by the same code as ``make site`` (``hooks/build_all.py``), so each is
atomic: a service whose build fails keeps its last good folder, and the others still build.
Its review report goes to ``reports/<id>/`` beside the sites folder. This module knows nothing
about MkDocs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from localities import folders

# Builds one site into the folder given; returns why it failed, or None.
BuildOne = Callable[[Path], "str | None"]


@dataclass(frozen=True)
class Built:
    """One service's build: its id, what it published and how long it took."""

    locality: str
    pages: int
    pdfs: int
    seconds: float
    failed: str | None = None


def count(site: Path) -> tuple[int, int]:
    """The HTML pages (the 404 page left out) and the PDFs in a built site."""
    pages = sum(1 for path in site.rglob("*.html") if path.name != "404.html")
    return pages, len(list((site / "downloads").glob("*.pdf")))


def build_every(dest: Path, project: Path, build_one: BuildOne, reports_env: str,
                chosen: list[str] | None = None) -> list[Built]:
    """Build each service (``chosen``, ids or folders; else every folder in localities/) into
    ``dest/<id>/``, one after another, each with its own ``SITE_LOCALITY`` and review report."""
    reports = Path(os.environ.get(reports_env) or dest.resolve().parent / "reports")
    results = []
    for locality in chosen or folders.ids(project):
        try:
            name = folders.folder(project, locality).name
        except folders.LocalityError as error:
            results.append(Built(locality, 0, 0, 0.0, str(error)))
            continue
        os.environ[folders.ENV] = locality
        os.environ[reports_env] = str(reports / name)
        start = time.perf_counter()
        failed = build_one(dest / name)
        seconds = time.perf_counter() - start
        pages, pdfs = count(dest / name) if failed is None else (0, 0)
        results.append(Built(name, pages, pdfs, seconds, failed))
    return results


def summary(results: list[Built]) -> str:
    """One line per service: pages, PDFs, time, or why it failed; then the total time."""
    lines = [f"{'Service':<24} {'Pages':>5} {'PDFs':>5} {'Time':>8}"]
    for built in results:
        if built.failed:
            lines.append(f"{built.locality:<24} FAILED ({built.failed}); its last good site was kept")
        else:
            lines.append(f"{built.locality:<24} {built.pages:>5} {built.pdfs:>5} {built.seconds:>7.1f}s")
    lines.append(f"{len(results)} services in {sum(b.seconds for b in results):.1f}s")
    return "\n".join(lines)
