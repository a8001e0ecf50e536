"""Shared fixtures: the real site, built once per test session, and throw-away variants."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "hooks", "overrides", "package.json"]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everything ``make site`` builds, built for real into a temporary folder."""
    dest = tmp_path_factory.mktemp("build") / "site"
    subprocess.run([sys.executable, str(PROJECT / "hooks" / "build_all.py"), str(dest)], check=True)
    return dest


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (not its outputs) that a test may change."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    modules = PROJECT / "node_modules"
    if modules.exists():
        (dest / "node_modules").symlink_to(modules)
    return dest


BuildVariant = Callable[[Callable[[Path], None]], subprocess.CompletedProcess]


@pytest.fixture
def build_variant(tmp_path: Path) -> BuildVariant:
    """Build a changed copy of the site with ``mkdocs build --strict``; return the finished process.

    The test passes a function that edits the copy. PDFs are skipped to keep this quick.
    """

    def run(edit: Callable[[Path], None]) -> subprocess.CompletedProcess:
        project = copy_project(tmp_path / "project")
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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


@pytest.fixture(scope="session")
def browser() -> Iterator["playwright.sync_api.Browser"]:  # noqa: F821
    """Debian's headless Chromium driven by Playwright, one for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to the test output."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 (a free port), as its base URL ending in /."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
