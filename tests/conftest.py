"""Shared fixtures: the real site, built once per test session (per worker: ``make test`` runs
two, see the Makefile), and throw-away variants."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from project import snapshot
from weight import CHROMIUM, CHROMIUM_ARGS, served

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everything ``make site`` builds, built for real into a temporary folder.

    Workers take turns (a lock in the session's shared temporary folder): the first renders the
    PDFs, the next finds them in the PDF cache instead of rendering them again at the same time.
    """
    dest = tmp_path_factory.mktemp("build") / "site"
    with open(tmp_path_factory.getbasetemp().parent / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([sys.executable, str(PROJECT / "hooks" / "build_all.py"), str(dest)], check=True)
    return dest


BuildVariant = Callable[[Callable[[Path], None]], subprocess.CompletedProcess]


@pytest.fixture
def build_variant(tmp_path: Path) -> BuildVariant:
    """Build a changed copy of the site with ``mkdocs build --strict``; return the finished process.

    The test passes a function that edits the copy. PDFs are skipped to keep this quick.
    """

    def run(edit: Callable[[Path], None]) -> subprocess.CompletedProcess:
        project = snapshot(tmp_path / "project")
        edit(project)
        env = {**os.environ, "SITE_SKIP_PDF": "1", "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )

    return run


@pytest.fixture(scope="session")
def browser() -> Iterator["playwright.sync_api.Browser"]:  # noqa: F821
    """Debian's headless Chromium driven by Playwright, one for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _bypass_csp_by_default(chromium)
        yield chromium
        chromium.close()


def _bypass_csp_by_default(chromium) -> None:  # noqa: ANN001 - a Playwright Browser
    """Tests put their own scripts into pages (axe-core, Playwright's waiting predicates), which
    each page's Content-Security-Policy would block. New tabs and contexts bypass it unless a test
    asks for it with ``bypass_csp=False``: tests/safety/test_csp.py and the offline copy's tests
    open every page under the real policy."""
    for name in ("new_context", "new_page"):
        method = getattr(chromium, name)

        def opened(*args, _method=method, **options):
            options.setdefault("bypass_csp", True)
            return _method(*args, **options)

        setattr(chromium, name, opened)


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 (a free port), as its base URL ending in /."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def offline_copy(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy from site/downloads/, unzipped: the folder holding its home page."""
    (archive,) = sorted((site / "downloads").glob("*.zip"))
    dest = tmp_path_factory.mktemp("phone-offline")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(dest)
    homes = sorted(dest.rglob("index.html"), key=lambda p: len(p.parts))
    return homes[0].parent
