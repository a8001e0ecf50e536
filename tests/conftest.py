"""Shared fixtures: the real site, built once per test session, and throw-away variants."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
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
