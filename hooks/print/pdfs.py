"""Render a build's PDFs: from the cache when their inputs are unchanged, the rest in parallel.

Each PDF not in the cache (see print/cache.py) is rendered by a worker process, as many as the
machine gives this build cores (one: in this process). The longest documents (the booklets)
start first, so the leaflets fill in around them. Workers are forked from this process, so they
share what it has loaded; each sets WeasyPrint up once. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from helpers.processes import die_with_me
from print import fonts as print_fonts
from print import render as print_render
from print.cache import Cache, key, shared_inputs
from print.plan import PrintDocument


@dataclass(frozen=True)
class Made:
    """One PDF of the build and how it was made."""

    document: PrintDocument
    pdf: bytes
    page_count: int
    problems: tuple[str, ...]
    cached: bool
    seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class SetUp:
    """Setting WeasyPrint up (its import, fonts, styles) in one process."""

    seconds: float
    cpu_seconds: float


# What forked workers render: set before the pool starts, inherited by each worker.
_printer: print_render.Printer | None = None
_jobs: list[tuple[PrintDocument, str]] = []
_set_up_here: SetUp | None = None


def cores() -> int:
    """How many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _render(index: int) -> tuple[int, print_render.Rendered, float, float, SetUp | None]:
    """Render job ``index``; the first job in a process also reports WeasyPrint's set-up."""
    global _set_up_here
    set_up = None
    if _set_up_here is None:
        started, used = time.perf_counter(), time.process_time()
        _printer.set_up()
        _set_up_here = set_up = SetUp(time.perf_counter() - started, time.process_time() - used)
    document, html = _jobs[index]
    started, used = time.perf_counter(), time.process_time()
    rendered = _printer.render(document, html)
    return index, rendered, time.perf_counter() - started, time.process_time() - used, set_up


def make_all(
    printer: print_render.Printer, documents: list[PrintDocument], cache: Cache, code: list[Path],
    processes: int,
) -> tuple[list[Made], list[SetUp]]:
    """Every document's PDF (in the order given) and each WeasyPrint set-up it took.

    Raises :class:`print.fonts.FontsMissing` before any work when a font is not installed.
    """
    global _printer, _jobs, _set_up_here
    print_fonts.check(printer.templates)
    shared = shared_inputs(printer.templates, code)
    made: dict[int, Made] = {}
    keys: dict[int, str] = {}
    jobs: list[tuple[int, str]] = []
    for number, document in enumerate(documents):
        html = printer.html(document)
        keys[number] = key(shared, document.file, document.kind, html, printer.site.dir)
        found = cache.get(keys[number])
        if found:
            made[number] = Made(document, found.pdf, found.page_count, found.problems, cached=True)
        else:
            jobs.append((number, html))
    jobs.sort(key=lambda job: -len(job[1]))  # longest first
    _printer, _jobs, _set_up_here = printer, [(documents[n], html) for n, html in jobs], None
    set_ups: list[SetUp] = []
    try:
        if processes > 1 and len(jobs) > 1:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(processes, len(jobs)), mp_context=context,
                                     initializer=die_with_me()) as pool:
                results = list(pool.map(_render, range(len(jobs))))
        else:
            results = [_render(index) for index in range(len(jobs))]
    finally:
        _printer, _jobs = None, []
    for index, rendered, seconds, cpu_seconds, set_up in results:
        number = jobs[index][0]
        made[number] = Made(documents[number], rendered.pdf, rendered.page_count, rendered.problems,
                            cached=False, seconds=seconds, cpu_seconds=cpu_seconds)
        cache.put(keys[number], rendered.pdf, rendered.page_count, rendered.problems)
        if set_up:
            set_ups.append(set_up)
    cache.keep_only(set(keys.values()))
    return [made[number] for number in range(len(documents))], set_ups
