"""The print fonts are checked before any PDF is rendered (issue 19, item 6): without them
WeasyPrint fell back to other fonts, or crashed after minutes of work."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from project import snapshot

from print import fonts


def test_families_are_the_named_ones_not_the_generic_ones() -> None:
    css = 'html { font-family: "DejaVu Sans", sans-serif; } code { font-family: Mono X, monospace }'
    assert fonts.families(css) == ["DejaVu Sans", "Mono X"]


def test_the_print_stylesheets_fonts_are_installed() -> None:
    fonts.check(Path(__file__).resolve().parents[2] / "overrides" / "print")


def test_a_font_that_is_not_installed_is_named_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "print.css").write_text('html { font-family: "No Such Font Family", sans-serif; }')
    with pytest.raises(fonts.FontsMissing) as caught:
        fonts.check(tmp_path)
    assert "print.css names the font 'No Such Font Family', which is not installed" in str(caught.value)


def test_the_build_stops_before_rendering_when_a_font_is_missing(tmp_path: Path) -> None:
    project = snapshot(tmp_path / "project")
    css = project / "overrides" / "print" / "print.css"
    css.write_text(css.read_text(encoding="utf-8").replace('"DejaVu Sans"', '"No Such Font Family"'),
                   encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_SKIP_PDF", "SITE_PDF")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    log = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in log, log[-3000:]
    assert "print.css names the font 'No Such Font Family', which is not installed" in log
    assert "PDF booklet.pdf" not in log, "no PDF was rendered"
    assert time.perf_counter() - started < 120
