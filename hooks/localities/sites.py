"""``make sites``: every service's site, each built on its own into ``sites/<id>/``, then a summary.

Each service is built by ``make site``'s own command (``hooks/build_all.py``) in a process of its
own, so each is atomic: a service whose build fails keeps its last good folder, and the others
still build. One build keeps about two cores busy (its pages beside its offline copy, then a
PDF per core), so services build one at a time on two cores, and side by side on more (one per
two cores: on two cores, two at once took as long and 5% more CPU). A build's messages are
printed whole when it ends, never mixed with another's. Its review report goes to
``reports/<id>/`` beside the sites folder. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from localities import folders

# Starts the build of one site into the folder given, with the environment given, writing its
# messages to the file given; returns the running process.
StartOne = Callable[[Path, dict[str, str], IO[bytes]], subprocess.Popen]
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
WORKERS = max(1, CORES // 2)  # services built at once
POLL_SECONDS = 0.2


@dataclass(frozen=True)
class Built:
    """One service's build: its id, what it published and how long it took."""

    locality: str
    pages: int
    pdfs: int
    seconds: float
    failed: str | None = None


@dataclass
class _Running:
    name: str
    process: subprocess.Popen
    log: IO[bytes]
    started: float


def count(site: Path) -> tuple[int, int]:
    """The HTML pages (the 404 page left out) and the PDFs in a built site."""
    pages = sum(1 for path in site.rglob("*.html") if path.name != "404.html")
    return pages, len(list((site / "downloads").glob("*.pdf")))


def _why(log: bytes) -> str:
    """Why a build failed: its last line (build_all.py ends with what went wrong and that the
    last good site was kept)."""
    lines = [line.strip() for line in log.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1] if lines else "it stopped without a message"


def _show(running: _Running) -> bytes:
    """Print a build's messages so far, whole (never mixed with another's); return them."""
    running.log.seek(0)
    messages = running.log.read()
    sys.stdout.flush()
    sys.stdout.buffer.write(messages)
    sys.stdout.flush()
    return messages


def _finish(running: _Running, dest: Path) -> Built:
    """Print a finished build's messages; what it built, or why it failed."""
    messages = _show(running)
    running.log.close()
    seconds = time.perf_counter() - running.started
    if running.process.returncode != 0:
        return Built(running.name, 0, 0, seconds, _why(messages))
    return Built(running.name, *count(dest / running.name), seconds)


def _start(dest: Path, project: Path, start_one: StartOne, reports: tuple[str, Path],
           locality: str) -> _Running | Built:
    """Start one service's build, with its own ``SITE_LOCALITY`` and review report folder (or,
    for a service that has no folder, why it cannot be built)."""
    try:
        name = folders.folder(project, locality).name
    except folders.LocalityError as error:
        return Built(locality, 0, 0, 0.0, str(error))
    reports_env, folder = reports
    env = {**os.environ, folders.ENV: locality, reports_env: str(folder / name)}
    log = tempfile.TemporaryFile()
    return _Running(name, start_one(dest / name, env, log), log, time.perf_counter())


def build_every(dest: Path, project: Path, start_one: StartOne, reports_env: str,
                chosen: list[str] | None = None, workers: int = WORKERS) -> list[Built]:
    """Build each service (``chosen``, ids or folders; else every folder in localities/) into
    ``dest/<id>/``, ``workers`` at a time; the results in the order asked."""
    reports = (reports_env, Path(os.environ.get(reports_env) or dest.resolve().parent / "reports"))
    asked = list(chosen or folders.ids(project))
    waiting = list(enumerate(asked))
    running: dict[int, _Running] = {}
    results: dict[int, Built] = {}
    try:
        while waiting or running:
            while waiting and len(running) < max(1, workers):
                index, locality = waiting.pop(0)
                started = _start(dest, project, start_one, reports, locality)
                if isinstance(started, Built):
                    results[index] = started
                else:
                    running[index] = started
            time.sleep(POLL_SECONDS if running else 0)
            for index in [i for i, build in running.items() if build.process.poll() is not None]:
                results[index] = _finish(running.pop(index), dest)
    except BaseException:  # stopped (Ctrl-C, SIGTERM): show what the running builds said so far
        for build in running.values():
            _show(build)
        raise
    return [results[index] for index in range(len(asked))]


def summary(results: list[Built], seconds: float) -> str:
    """One line per service: pages, PDFs, time, or why it failed; then the time all took."""
    lines = [f"{'Service':<24} {'Pages':>5} {'PDFs':>5} {'Time':>8}"]
    for built in results:
        if built.failed:
            lines.append(f"{built.locality:<24} FAILED: {built.failed}")
        else:
            lines.append(f"{built.locality:<24} {built.pages:>5} {built.pdfs:>5} {built.seconds:>7.1f}s")
    lines.append(f"{len(results)} services in {seconds:.1f}s")
    return "\n".join(lines)
