"""The benchmark command runs on a small size and writes every figure (timings never asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]

FIGURES = {
    "hook_share": ["share", "target", "hooks_cpu_s", "rest_cpu_s", "samples", "handlers_cpu_s", "met"],
    "hook_overhead": ["site_hooks_on_s", "site_hooks_off_s", "overhead", "site_hooks_on_cpu_s",
                      "site_hooks_off_cpu_s", "overhead_cpu", "met"],
    "full_pipeline": ["pipeline_s", "pipeline_warm_s", "pipeline_target_s", "pipeline_met",
                      "pipeline_warm_met", "site_build_s", "pipeline_vs_site", "steps_s", "pdf_step_s",
                      "pdfs_s", "pdfs_cpu_s", "pdf_setup_s", "pdf_setup_cpu_s", "leaflets",
                      "leaflets_total_s", "leaflets_vs_site", "leaflets_total_cpu_s",
                      "leaflets_vs_site_cpu", "pdfs_total_s", "pdfs_vs_site", "met"],
    "page_weight": ["pages", "heaviest_raw_vs_default", "heaviest_gzip_vs_default", "met"],
    "offline_zip": ["bytes", "target_bytes", "met"],
    "growth": ["sizes", "largest_vs_middle", "largest_vs_middle_hooks_off", "flat_limit",
               "overhead_at_largest", "met"],
    "citation_checker": ["megabytes", "checker_s", "markdown_render_s", "checker_vs_markdown",
                         "citations_found"],
    "edit_to_preview": ["hooks_on_s", "hooks_off_s", "hooks_on_vs_off"],
    "deadline_calculator": ["calculator_raw_bytes", "calculator_gzip_bytes", "other_pages_extra_bytes",
                            "answer_ms_median", "answer_ms_max", "met"],
    "first_paint": ["pages", "fcp_target_s", "bytes_target", "met"],
    "many_sites": ["services", "each_service_s", "one_service_s", "three_services_s", "three_vs_one",
                   "three_vs_wokingham", "target", "met"],
}


def numbers(value: object) -> list[float]:
    """Every number inside a JSON value."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    return []


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``benchmarks/run.py --quick``, run for real; its JSON."""
    path = tmp_path_factory.mktemp("bench") / "results.json"
    done = subprocess.run(
        [sys.executable, str(PROJECT / "benchmarks" / "run.py"), "--quick", "--json", str(path)],
        cwd=PROJECT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Figure" in done.stdout and "Baseline" in done.stdout
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.browser
@pytest.mark.parametrize("section", FIGURES)
def test_every_figure_is_present(report: dict, section: str) -> None:
    figures = report[section]
    assert "error" not in figures, figures.get("error")
    for key in FIGURES[section]:
        assert key in figures, f"{section}.{key} missing"
        assert figures[key] is not None, f"{section}.{key} is empty"
    assert all(math.isfinite(n) and n >= 0 for n in numbers(figures)), section


@pytest.mark.browser
def test_every_pdf_page_and_size_has_its_figures(report: dict) -> None:
    assert report["full_pipeline"]["pdfs_s"], "no PDF timing read from the build's log"
    assert report["full_pipeline"]["pdfs_cpu_s"].keys() == report["full_pipeline"]["pdfs_s"].keys()
    assert report["full_pipeline"]["pdf_setup_cpu_s"] > 0, "no PDF set-up time read from the log"
    assert report["full_pipeline"]["leaflets"], "no PDF recognised as a leaflet"
    for figures in report["page_weight"]["pages"].values():
        for side in ("ours", "default"):
            assert figures[side]["total"]["raw"] > 0 and figures[side]["total"]["gzip"] > 0
    assert len(report["growth"]["sizes"]) == 3
    for figures in report["growth"]["sizes"].values():
        assert {"hooks_on_s", "hooks_off_s", "hooks_on_cpu_s", "hooks_off_cpu_s", "per_page_ms",
                "overhead", "overhead_cpu"} <= set(figures)


@pytest.mark.browser
def test_report_says_what_was_measured(report: dict) -> None:
    assert report["mode"] == "quick"
    assert report["hooks"], "the hooks measured are named"
    assert report["notes"] and report["errors"] == {}


def test_the_cold_pipeline_empties_the_cache_the_build_uses(tmp_path):
    """A clone links hooks/ to its snapshot, and build_all.py builds the project it sits in: the
    PDF cache to empty is the snapshot's (emptying the clone's own left every PDF cached)."""
    import project
    from pipeline import pdf_cache

    snapshot = project.snapshot(tmp_path / "snapshot")
    clone = project.clone(snapshot, tmp_path / "clone")
    assert pdf_cache(clone) == snapshot.resolve() / ".cache" / "pdfs"
