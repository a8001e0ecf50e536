"""The site built for the deadline tests: website and offline copy (no PDFs), with the build
date pinned by SITE_DEADLINES_TODAY so the hand-worked cases (2025 to 2027) are in range."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from weight import served

sys.path.insert(0, str(Path(__file__).parent))
from cases import BUILD_DATE  # noqa: E402

PROJECT = Path(__file__).resolve().parents[2]


def _build(dest: Path, **env: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=PROJECT, check=True, capture_output=True,
        env={**os.environ, "SITE_SKIP_PDF": "1", "NO_MKDOCS_2_WARNING": "1",
             "SITE_DEADLINES_TODAY": BUILD_DATE, **env},
    )
    return dest


@pytest.fixture(scope="session")
def deadline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The website, built with the pinned build date."""
    return _build(tmp_path_factory.mktemp("deadlines") / "site")


@pytest.fixture(scope="session")
def deadline_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy's pages (as in the zip), built with the pinned build date."""
    return _build(tmp_path_factory.mktemp("deadlines") / "offline", SITE_OFFLINE="true")


@pytest.fixture(scope="session")
def deadline_url(deadline_site: Path) -> Iterator[str]:
    with served(deadline_site) as url:
        yield url
