"""Benchmarks: what the hooks cost, how heavy a page is, and how the build grows.

``python benchmarks/run.py`` (``make bench``) measures, each figure beside its baseline from
the same run: hook overhead, the full pipeline and each PDF, page weight against Material's
default theme, the offline zip's size, growth to 1,000 pages, the citation checker on 10 MB of
Markdown, and edit-to-preview under ``mkdocs serve``. It prints a table and writes JSON.
``--quick`` does the same on small sizes with one run each (CI checks that it works; its
timings mean little).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import checker
import deadlines
import growth
import many_sites
import pipeline
import preview
import project
import slow_phone
import weight

RESULTS = project.PROJECT / "benchmarks" / "results.json"
HOOK_OVERHEAD_TARGET = 0.10
PIPELINE_TARGET_S = 15.0
FLAT_SLACK = 1.2  # 1,000 pages may cost at most 12 times 100 pages: 10 times the pages, +20%
ZIP_TARGET_BYTES = 1_000_000
EDITED_PAGE = "complaints.md"
SECTIONS = ("hook_share", "hook_overhead", "full_pipeline", "page_weight", "offline_zip", "growth",
            "citation_checker", "edit_to_preview", "deadline_calculator", "first_paint", "many_sites")
NOTES = [
    "Hooks' share: benchmarks/hook_share.py builds the website (PDFs skipped) in one Python "
    "process, a warm-up build and then five, each from a fresh load of mkdocs.yml. Every event "
    "handler of the hook files in mkdocs.yml is wrapped in a CPU timer; a build's share is the "
    "CPU inside them divided by the CPU of the rest of that build (config loading included). "
    "The figure is the median; the target is 25% at most.",
    "Times are wall-clock seconds of a whole command (Python start-up and imports included), "
    "median of the runs; 'hooks on' and 'hooks off' runs alternate so load on the machine "
    "hits both alike. CPU is the user+system time of the command and its children: other "
    "work on the machine hardly changes it, so the build-to-build targets (hook overhead, "
    "growth) are judged on CPU; the PDF target on wall time (the PDF hook logs wall time).",
    "'Site build' is `mkdocs build --no-strict` with SITE_SKIP_PDF=1: the website alone. PDFs "
    "and the offline copy are timed in the full pipeline (hooks/build_all.py, strict, as "
    "`make site` runs it).",
    "'Hooks off' is the same snapshot with the `hooks:` list emptied. What the hooks hand to "
    "the rest of the build is frozen into it from one build with them: the values they put in "
    "config.extra (the theme overrides read them), the files they generate, and every page as "
    "the hooks hand it to Markdown (markers expanded, citations linked, abbreviations defined, "
    "review dates in its meta). So the same templates render the same content and no hook "
    "code runs: the difference is the hooks' own work (reading the data, checking every page, "
    "expanding, and their HTML fixes). Built without --strict, like 'hooks on' here.",
    "Full pipeline: hooks/build_all.py, as `make site` runs it, first with the PDF cache "
    "(.cache/pdfs) emptied, so every PDF is rendered (in parallel, one worker per core), then "
    "again from the same sources, so every PDF comes from the cache. Target: 15 s at most "
    "(wall, median) on 2 cores.",
    "Each PDF's time is the PDF hook's own log line ('PDF <file>: <n> pages in <s> s (CPU <s> "
    "s)', from the runs with the cache emptied); setting WeasyPrint up (its import, fonts, "
    "styles) is logged once per worker process and counted with the leaflets and with all "
    "PDFs. Leaflets are the PDFs named after a page under 'leaflets:' in docs/data/print.yml; "
    "'All PDFs' adds the booklets. The leaflet target is judged on CPU, like the others.",
    "Page weight: each page opened once in a fresh Chromium context (empty cache); every "
    "response the page and its workers receive counted (raw bytes, and gzip -6 of each). The "
    "default theme build is the same snapshot with hooks on but no custom_dir, no extra_css "
    "and no palette; font: false is kept in both (Material's default would fetch Google Fonts, "
    "a third-party request this site never makes).",
    "Growth: N generated route-like pages (copies of the real route pages with citations, "
    "a citations table and markers in every row) added to the real pages, which the data "
    "files name, under a 'Generated routes' nav section in sub-sections of 25 pages (with "
    "Material's navigation.prune, set in mkdocs.yml, a page holds only the navigation it can "
    "show; one flat section of 1,000 links put every link into every page, which made the "
    "build grow with the square of the pages, hooks or not). Built without --strict. Sizes below "
    "the largest are built 'runs' times each way; the largest once each way (it is by far the "
    "slowest). Time per page is judged on CPU: largest/middle may be at most 1.2 times the "
    "ratio of their page counts (12x for 1,000 against 100 pages).",
    "First paint: Lighthouse 12.2.3 (benchmarks/lighthouse, installed there by npm ci on the "
    "first run), mobile with simulated slow 4G, Debian's Chromium, on the home page, a route "
    "page, the comparison and a route finder result, served with gzip from 127.0.0.1; the "
    "median run by first contentful paint. Bytes are Lighthouse's total byte weight (all "
    "responses of a first visit, compressed as sent). Lighthouse simulates the slow phone from "
    "the CPU time it sees: on a busy machine the figures rise.",
    "Edit-to-preview: `mkdocs serve` (PDFs are skipped under serve) on a copy; one line added "
    "to docs/complaints.md; time until the served page shows it.",
]


@dataclass(frozen=True)
class Settings:
    """How much to measure."""

    runs: int
    pipeline_runs: int
    growth_sizes: tuple[int, int, int]
    growth_runs: int  # the largest size is built once each way (it is the slowest by far)
    citation_bytes: int
    edits: int
    weight_pages: int | None  # None: every page
    warm_up: bool
    paint_runs: int
    paint_pages: int  # how many of slow_phone.PAGES
    share_runs: int = 5  # builds measured for the hooks' share (after a warm-up)
    sites_pdfs: bool = True  # make sites with its PDFs (every one rendered)


FULL = Settings(runs=3, pipeline_runs=2, growth_sizes=(10, 100, 1000), growth_runs=3,
                citation_bytes=10_000_000, edits=3, weight_pages=None, warm_up=True,
                paint_runs=3, paint_pages=len(slow_phone.PAGES))
QUICK = Settings(runs=1, pipeline_runs=1, growth_sizes=(2, 4, 8), growth_runs=1,
                 citation_bytes=100_000, edits=1, weight_pages=2, warm_up=False, share_runs=1,
                 paint_runs=1, paint_pages=1, sites_pdfs=False)


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio(ours: float, baseline: float) -> float | None:
    return ours / baseline if baseline else None


def alternate(builds: dict[str, Callable[[], project.Build]], runs: int, warm_up: bool) -> dict:
    """Run each build ``runs`` times, taking turns; the median wall and CPU time of each, and
    every sample."""
    samples: dict[str, list[project.Build]] = {name: [] for name in builds}
    if warm_up:
        for build in builds.values():
            build()
    for _ in range(runs):
        for name, build in builds.items():
            samples[name].append(build())
    return {
        name: {
            "median_s": median([b.seconds for b in done]),
            "median_cpu_s": median([b.cpu_seconds for b in done]),
            "samples_s": [b.seconds for b in done],
            "samples_cpu_s": [b.cpu_seconds for b in done],
        }
        for name, done in samples.items()
    }


class Bench:
    """One benchmark run: a snapshot of the project in a temporary folder, and the results."""

    def __init__(self, settings: Settings, work: Path) -> None:
        self.settings = settings
        self.work = work
        self.snapshot = project.snapshot(work / "snapshot")
        self.config_text = (self.snapshot / "mkdocs.yml").read_text(encoding="utf-8")
        self.results: dict = {}
        self.errors: dict[str, str] = {}
        self.site_for_weight: Path | None = None
        self._copies = 0

    def copy(self, name: str, hooks_on: bool = True) -> Path:
        """A fresh copy of the snapshot, with hooks on or off."""
        self._copies += 1
        site = project.clone(self.snapshot, self.work / f"{name}-{self._copies}")
        if not hooks_on:
            project.hooks_off(site)
        return site

    def timed_build(self, site: Path, name: str,
                    env: dict[str, str] | None = None) -> Callable[[], project.Build]:
        """A function that builds ``site`` once and returns the timed build; fails if it fails."""
        out = self.work / f"out-{name}"

        def build() -> project.Build:
            done = project.mkdocs_build(site, out, env)
            if not done.ok:
                tail = "\n".join(done.log.strip().splitlines()[-12:])
                raise RuntimeError(f"build of {name} failed:\n{tail}")
            return done

        return build

    def section(self, name: str, measure: Callable[[], dict]) -> None:
        """Measure one section; a failure is recorded and the other sections still run."""
        started = time.perf_counter()
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        try:
            self.results[name] = measure()
        except Exception as error:  # noqa: BLE001 - every section reports, whatever fails
            self.errors[name] = f"{type(error).__name__}: {error}"
            self.results[name] = {"error": self.errors[name]}
            traceback.print_exc(file=sys.stderr)
        print(f"[bench] {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)

    # --- the sections ----------------------------------------------------------------------

    def hook_share(self) -> dict:
        """CPU inside the hooks' event handlers against the rest of a website build (one process)."""
        site = self.copy("share")
        command = [project.PYTHON, str(Path(__file__).with_name("hook_share.py")),
                   "--runs", str(self.settings.share_runs), "--config", str(site / "mkdocs.yml")]
        if not self.settings.warm_up:
            command.append("--no-warm-up")
        done = subprocess.run(command, cwd=site, env=project.BASE_ENV, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-12:])
            raise RuntimeError(f"benchmarks/hook_share.py failed:\n{tail}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def hook_overhead(self) -> dict:
        builds = {
            "hooks_on": self.timed_build(self.copy("site"), "site", project.NO_PDF),
            "hooks_off": self.timed_build(self.copy("site-nohooks", hooks_on=False),
                                          "site-nohooks", project.NO_PDF),
        }
        timing = alternate(builds, self.settings.runs, self.settings.warm_up)
        on, off = timing["hooks_on"], timing["hooks_off"]
        overhead_cpu = on["median_cpu_s"] / off["median_cpu_s"] - 1
        return {
            "site_hooks_on_s": on["median_s"],
            "site_hooks_off_s": off["median_s"],
            "overhead": on["median_s"] / off["median_s"] - 1,
            "site_hooks_on_cpu_s": on["median_cpu_s"],
            "site_hooks_off_cpu_s": off["median_cpu_s"],
            "overhead_cpu": overhead_cpu,
            "target": HOOK_OVERHEAD_TARGET,
            "met": overhead_cpu <= HOOK_OVERHEAD_TARGET,
            "samples": timing,
        }

    def full_pipeline(self) -> dict:
        site = self.copy("pipeline")
        plain = self.timed_build(site, "pipeline-plain", project.NO_PDF)
        runs: list[dict] = []
        warm_runs: list[dict] = []
        plain_builds: list[project.Build] = []
        if self.settings.warm_up:
            plain()
        for number in range(self.settings.pipeline_runs):
            plain_builds.append(plain())
            shutil.rmtree(pipeline.pdf_cache(site), ignore_errors=True)  # cold: every PDF rendered
            dest = self.work / f"pipeline-out-{number}"
            runs.append(pipeline.run(site, dest))
            if runs[-1]["cached"]:
                raise RuntimeError(f"a cold run took {runs[-1]['cached']} PDFs from the cache "
                                   f"({pipeline.pdf_cache(site)} was not emptied)")
            # warm: the same sources again, every PDF from the cache
            warm_runs.append(pipeline.run(site, self.work / f"pipeline-warm-{number}"))
            shutil.rmtree(self.work / f"pipeline-warm-{number}", ignore_errors=True)
            if self.site_for_weight:
                shutil.rmtree(self.site_for_weight, ignore_errors=True)
            self.site_for_weight = dest
        site_s = median([b.seconds for b in plain_builds])
        site_cpu = median([b.cpu_seconds for b in plain_builds])
        total = median([r["seconds"] for r in runs])
        steps = {name: median([r["steps"][name]["seconds"] for r in runs]) for name in runs[0]["steps"]}
        steps_cpu = {name: median([r["steps"][name]["cpu_seconds"] for r in runs])
                     for name in runs[0]["steps"]}
        files = sorted({name for r in runs for name in r["pdfs"]})
        pdfs = {name: median([r["pdfs"][name] for r in runs if name in r["pdfs"]]) for name in files}
        pdfs_cpu = {name: median([r["pdfs_cpu"][name] for r in runs if name in r["pdfs_cpu"]])
                    for name in files}
        leaflets = leaflet_files(self.snapshot, files)
        setup = median([r["pdf_setup"]["seconds"] for r in runs])
        setup_cpu = median([r["pdf_setup"]["cpu_seconds"] for r in runs])
        # The leaflets' share: their own render times, plus setting WeasyPrint up (which every
        # PDF needs once), so the figure is what the leaflets would cost on their own.
        leaflets_total = median([r["pdf_setup"]["seconds"]
                                 + sum(t for f, t in r["pdfs"].items() if f in leaflets) for r in runs])
        leaflets_cpu = median([r["pdf_setup"]["cpu_seconds"]
                               + sum(t for f, t in r["pdfs_cpu"].items() if f in leaflets) for r in runs])
        pdfs_total = median([r["pdf_setup"]["seconds"] + sum(r["pdfs"].values()) for r in runs])
        website_step = steps.get("build_website")
        warm = median([r["seconds"] for r in warm_runs])
        return {
            "pipeline_s": total,
            "pipeline_cpu_s": median([r["cpu_seconds"] for r in runs]),
            "pipeline_warm_s": warm,
            "pipeline_warm_cpu_s": median([r["cpu_seconds"] for r in warm_runs]),
            "pipeline_target_s": PIPELINE_TARGET_S,
            "pipeline_met": total <= PIPELINE_TARGET_S,
            "pipeline_warm_met": warm <= PIPELINE_TARGET_S,
            "cores": os.cpu_count(),
            "site_build_s": site_s,
            "site_build_cpu_s": site_cpu,
            "pipeline_vs_site": ratio(total, site_s),
            "steps_s": steps,
            "steps_cpu_s": steps_cpu,
            "pdf_step_s": website_step - site_s if website_step is not None else None,
            "pdf_setup_s": setup,
            "pdf_setup_cpu_s": setup_cpu,
            "pdfs_s": pdfs,
            "pdfs_cpu_s": pdfs_cpu,
            "leaflets": sorted(leaflets),
            "leaflets_total_s": leaflets_total,
            "leaflets_vs_site": ratio(leaflets_total, site_s),
            "leaflets_total_cpu_s": leaflets_cpu,
            "leaflets_vs_site_cpu": ratio(leaflets_cpu, site_cpu),
            "pdfs_total_s": pdfs_total,
            "pdfs_vs_site": ratio(pdfs_total, site_s),
            "target": "all leaflets together (with WeasyPrint's set-up) take less CPU time than "
                      "the site build",
            "met": bool(leaflets) and leaflets_cpu < site_cpu,
            "samples": {"pipeline_s": [r["seconds"] for r in runs],
                        "pipeline_warm_s": [r["seconds"] for r in warm_runs],
                        "site_build_s": [b.seconds for b in plain_builds]},
        }

    def page_weight(self) -> dict:
        ours = self.site_for_weight
        source = "the full pipeline's output"
        if ours is None or not ours.exists():
            self.timed_build(self.copy("weight-ours"), "weight-ours", project.NO_PDF)()
            ours = self.work / "out-weight-ours"
            source = "a site build (the full pipeline failed)"
        default = self.copy("default-theme")
        project.edit_config(default, project.default_theme)
        self.timed_build(default, "default-theme", project.NO_PDF)()
        default_out = self.work / "out-default-theme"
        pages = weight.page_paths(ours)
        if self.settings.weight_pages is not None:
            pages = pages[: self.settings.weight_pages]
        measured = weight.measure({"ours": ours, "default": default_out}, pages)
        per_page = {}
        for path in pages:
            mine = measured["ours"].get(path)
            theirs = measured["default"].get(path)
            if mine is None or theirs is None:
                continue
            per_page[path or "/"] = {
                "ours": mine["totals"], "default": theirs["totals"],
                "ours_failed_requests": mine["failed"], "ours_other_hosts": mine["other_hosts"],
                "raw_vs_default": ratio(mine["totals"]["total"]["raw"], theirs["totals"]["total"]["raw"]),
                "gzip_vs_default": ratio(mine["totals"]["total"]["gzip"],
                                         theirs["totals"]["total"]["gzip"]),
            }
        if not per_page:
            raise RuntimeError("no page could be measured in both builds")
        heaviest_raw = max(p["raw_vs_default"] for p in per_page.values())
        heaviest_gzip = max(p["gzip_vs_default"] for p in per_page.values())
        return {
            "site_measured": source,
            "pages": per_page,
            "heaviest_raw_vs_default": heaviest_raw,
            "heaviest_gzip_vs_default": heaviest_gzip,
            "target": "no page heavier than with Material's default theme (raw and gzipped)",
            "met": heaviest_raw <= 1 and heaviest_gzip <= 1,
        }

    def first_paint(self) -> dict:
        site = self.site_for_weight
        if site is None or not site.exists():
            self.timed_build(self.copy("paint"), "paint", project.NO_PDF)()
            site = self.work / "out-paint"
        pages = slow_phone.PAGES[: self.settings.paint_pages]
        return slow_phone.measure(site, runs=self.settings.paint_runs, pages=pages)

    def offline_zip(self) -> dict:
        site = self.site_for_weight
        if site is None or not site.exists():
            raise RuntimeError("the full pipeline did not run, so there is no offline zip to weigh")
        zips = sorted(site.rglob("*.zip"))
        if not zips:
            raise RuntimeError("the full pipeline made no .zip file")
        size = sum(path.stat().st_size for path in zips)
        return {
            "files": {path.relative_to(site).as_posix(): path.stat().st_size for path in zips},
            "bytes": size,
            "target_bytes": ZIP_TARGET_BYTES,
            "met": size < ZIP_TARGET_BYTES,
        }

    def growth(self) -> dict:
        sizes = {}
        for count in self.settings.growth_sizes:
            on = self.copy(f"growth-{count}")
            off = self.copy(f"growth-{count}-nohooks", hooks_on=False)
            for site in (on, off):
                growth.generate(site, count)
            timing = alternate(
                {"hooks_on": self.timed_build(on, f"growth-{count}", project.NO_PDF),
                 "hooks_off": self.timed_build(off, f"growth-{count}-nohooks", project.NO_PDF)},
                self.settings.growth_runs if count != max(self.settings.growth_sizes) else 1,
                warm_up=False,
            )
            with_hooks, without = timing["hooks_on"], timing["hooks_off"]
            sizes[str(count)] = {
                "pages_generated": count,
                "hooks_on_s": with_hooks["median_s"],
                "hooks_off_s": without["median_s"],
                "hooks_on_cpu_s": with_hooks["median_cpu_s"],
                "hooks_off_cpu_s": without["median_cpu_s"],
                "per_page_ms": 1000 * with_hooks["median_s"] / count,
                "per_page_hooks_off_ms": 1000 * without["median_s"] / count,
                "overhead": with_hooks["median_s"] / without["median_s"] - 1,
                "overhead_cpu": with_hooks["median_cpu_s"] / without["median_cpu_s"] - 1,
                "samples": timing,
            }
            shutil.rmtree(on, ignore_errors=True)
            shutil.rmtree(off, ignore_errors=True)
        _, middle, largest = (str(size) for size in self.settings.growth_sizes)
        grow = sizes[largest]["hooks_on_cpu_s"] / sizes[middle]["hooks_on_cpu_s"]
        grow_off = sizes[largest]["hooks_off_cpu_s"] / sizes[middle]["hooks_off_cpu_s"]
        limit = FLAT_SLACK * int(largest) / int(middle)
        overhead = sizes[largest]["overhead_cpu"]
        return {
            "sizes": sizes,
            "largest_vs_middle": grow,
            "largest_vs_middle_wall": sizes[largest]["hooks_on_s"] / sizes[middle]["hooks_on_s"],
            "largest_vs_middle_hooks_off": grow_off,
            "flat_limit": limit,
            "flat_met": grow <= limit,
            "overhead_at_largest": overhead,
            "overhead_target": HOOK_OVERHEAD_TARGET,
            "overhead_met": overhead <= HOOK_OVERHEAD_TARGET,
            "met": grow <= limit and overhead <= HOOK_OVERHEAD_TARGET,
        }

    def citation_checker(self) -> dict:
        sys.path.insert(0, str(self.snapshot / "hooks"))
        pages = growth.markdown_corpus(self.snapshot / "docs", self.settings.citation_bytes)
        size = sum(len(page.encode("utf-8")) for page in pages)
        checked = checker.check_pages(pages, self.snapshot / "docs" / "data" / "code_of_practice.yml")
        rendered = checker.render_pages(pages)
        return {
            "megabytes": size / 1_000_000,
            "pages": len(pages),
            "checker_s": checked["seconds"],
            "markdown_render_s": rendered,
            "checker_vs_markdown": ratio(checked["seconds"], rendered),
            "megabytes_per_s": size / 1_000_000 / checked["seconds"],
            "citations_found": checked["citations"],
            "problems_found": checked["problems"],
        }

    def deadline_calculator(self) -> dict:
        """The calculator's own bytes (only on its page) and its answer time after a keystroke."""
        self.timed_build(self.copy("deadlines"), "deadlines", project.NO_PDF)()
        runs = 20 if self.settings.warm_up else 3
        return deadlines.measure(self.work / "out-deadlines", runs, self.settings.weight_pages)

    def many_sites(self) -> dict:
        """``make sites`` for three services against one (PDFs skipped in --quick)."""
        return many_sites.measure(self.work, self.settings.sites_pdfs, 3 if self.settings.warm_up else 1)

    def edit_to_preview(self) -> dict:
        results = {}
        for name, hooks_on in (("hooks_on", True), ("hooks_off", False)):
            site = self.copy(f"serve-{name}", hooks_on=hooks_on)
            timing = preview.edit_to_preview(site, EDITED_PAGE, self.settings.edits,
                                             self.work / f"serve-{name}.log")
            results[name] = {"median_s": median(timing["edits_s"]), **timing}
        on, off = results["hooks_on"]["median_s"], results["hooks_off"]["median_s"]
        return {
            "page": EDITED_PAGE,
            "hooks_on_s": on,
            "hooks_off_s": off,
            "hooks_on_vs_off": ratio(on, off),
            "samples": results,
        }


def leaflet_files(site: Path, files: list[str]) -> set[str]:
    """The PDFs that are leaflets: named after a page listed under ``leaflets:`` in print.yml."""
    import yaml

    config = site / "docs" / "data" / "print.yml"
    listed = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("leaflets") or []
    stems = {Path(str(page)).stem for page in listed}
    return {name for name in files if Path(name).stem in stems}


# --- the report ------------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def kilobytes(value: int) -> str:
    return f"{value / 1000:.1f} kB"


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:+.1f}%"


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def met(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: ""}[value]


def rows(results: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(figure, ours, baseline, comparison, target, met) for the printed table."""
    out: list[tuple[str, str, str, str, str, str]] = []
    share = results.get("hook_share", {})
    if share and "error" not in share:
        out.append(("Hooks' share of a website build (CPU, in hook handlers / rest)",
                    seconds(share["hooks_cpu_s"]), seconds(share["rest_cpu_s"]),
                    f"{share['share'] * 100:.1f}%", f"<= {share['target'] * 100:.0f}%", met(share["met"])))
    hook = results.get("hook_overhead", {})
    if hook and "error" not in hook:
        out.append(("Site build, hooks on / off (wall)", seconds(hook["site_hooks_on_s"]),
                    seconds(hook["site_hooks_off_s"]), percent(hook["overhead"]), "", ""))
        out.append(("Site build, hooks on / off (CPU)", seconds(hook["site_hooks_on_cpu_s"]),
                    seconds(hook["site_hooks_off_cpu_s"]), percent(hook["overhead_cpu"]),
                    "<= +10%", met(hook["met"])))
    full = results.get("full_pipeline", {})
    if full and "error" not in full:
        site = full["site_build_s"]
        out.append(("Full pipeline, PDF cache empty (wall)", seconds(full["pipeline_s"]), seconds(site),
                    times(full["pipeline_vs_site"]), f"<= {full['pipeline_target_s']:.0f} s",
                    met(full["pipeline_met"])))
        out.append(("Full pipeline, every PDF cached (wall)", seconds(full["pipeline_warm_s"]),
                    seconds(site), times(ratio(full["pipeline_warm_s"], site)),
                    f"<= {full['pipeline_target_s']:.0f} s", met(full["pipeline_warm_met"])))
        for step, value in full["steps_s"].items():
            out.append((f"  step {step}", seconds(value), seconds(site), times(ratio(value, site)),
                        "", ""))
        out.append(("  PDF step (website step - site build)", seconds(full["pdf_step_s"]),
                    seconds(site), times(ratio(full["pdf_step_s"] or 0, site)), "", ""))
        site_cpu = full["site_build_cpu_s"]
        out.append(("  PDF set-up (CPU), once for all PDFs", seconds(full["pdf_setup_cpu_s"]),
                    seconds(site_cpu), times(ratio(full["pdf_setup_cpu_s"], site_cpu)), "", ""))
        for name, value in full["pdfs_cpu_s"].items():
            kind = "leaflet" if name in full["leaflets"] else "PDF"
            out.append((f"  {kind} {name} (CPU)", seconds(value), seconds(site_cpu),
                        times(ratio(value, site_cpu)), "", ""))
        out.append(("All leaflets with set-up / site build (wall)", seconds(full["leaflets_total_s"]),
                    seconds(site), times(full["leaflets_vs_site"]), "", ""))
        out.append(("All leaflets with set-up / site build (CPU)",
                    seconds(full["leaflets_total_cpu_s"]), seconds(site_cpu),
                    times(full["leaflets_vs_site_cpu"]), "< 1x", met(full["met"])))
        out.append(("All PDFs (with booklets) / site build", seconds(full["pdfs_total_s"]),
                    seconds(site), times(full["pdfs_vs_site"]), "", ""))
    page = results.get("page_weight", {})
    if page and "error" not in page:
        for path, figures in page["pages"].items():
            ours, default = figures["ours"]["total"], figures["default"]["total"]
            out.append((f"Page {path} raw / default theme", kilobytes(ours["raw"]),
                        kilobytes(default["raw"]), times(figures["raw_vs_default"]), "<= 1x",
                        met(figures["raw_vs_default"] <= 1)))
            out.append((f"Page {path} gzip / default theme", kilobytes(ours["gzip"]),
                        kilobytes(default["gzip"]), times(figures["gzip_vs_default"]), "<= 1x",
                        met(figures["gzip_vs_default"] <= 1)))
    offline = results.get("offline_zip", {})
    if offline and "error" not in offline:
        out.append(("Offline zip (with PDFs) / 1 MB", kilobytes(offline["bytes"]),
                    kilobytes(offline["target_bytes"]),
                    times(offline["bytes"] / offline["target_bytes"]), "< 1 MB", met(offline["met"])))
    grow = results.get("growth", {})
    if grow and "error" not in grow:
        for count, figures in grow["sizes"].items():
            out.append((f"Growth {count} pages, hooks on / off (wall)", seconds(figures["hooks_on_s"]),
                        seconds(figures["hooks_off_s"]), percent(figures["overhead"]), "", ""))
            out.append((f"Growth {count} pages, hooks on / off (CPU)",
                        seconds(figures["hooks_on_cpu_s"]), seconds(figures["hooks_off_cpu_s"]),
                        percent(figures["overhead_cpu"]), "", ""))
        sizes = list(grow["sizes"])
        out.append((f"Growth {sizes[2]} / {sizes[1]} pages, hooks on / off (CPU)",
                    times(grow["largest_vs_middle"]), times(grow["largest_vs_middle_hooks_off"]), "",
                    f"<= {grow['flat_limit']:.0f}x", met(grow["flat_met"])))
        out.append((f"Hook overhead at {sizes[2]} pages (CPU)", percent(grow["overhead_at_largest"]),
                    "", "", "<= +10%", met(grow["overhead_met"])))
    cite = results.get("citation_checker", {})
    if cite and "error" not in cite:
        out.append((f"Citation checker, {cite['megabytes']:.1f} MB / Markdown render",
                    seconds(cite["checker_s"]), seconds(cite["markdown_render_s"]),
                    times(cite["checker_vs_markdown"]), "", ""))
    serve = results.get("edit_to_preview", {})
    if serve and "error" not in serve:
        out.append(("Edit-to-preview (mkdocs serve), hooks on / off", seconds(serve["hooks_on_s"]),
                    seconds(serve["hooks_off_s"]), times(serve["hooks_on_vs_off"]), "", ""))
    calc = results.get("deadline_calculator", {})
    if calc and "error" not in calc:
        out.append(("Calculator page: its script, data and styles (gzip)",
                    kilobytes(calc["calculator_gzip_bytes"]), kilobytes(calc["bytes_target"]),
                    times(calc["calculator_gzip_bytes"] / calc["bytes_target"]), "<= 15 kB",
                    met(calc["calculator_gzip_bytes"] <= calc["bytes_target"])))
        out.append((f"Calculator files on {calc['other_pages']} other pages", kilobytes(calc["other_pages_extra_bytes"]),
                    "", "", "0", met(calc["other_pages_extra_bytes"] == 0)))
        out.append(("Calculator answer after last keystroke (median / max)",
                    f"{calc['answer_ms_median']:.1f} ms", f"{calc['answer_ms_max']:.1f} ms", "",
                    "<= 50 ms", met(calc["answer_ms_max"] <= calc["latency_target_ms"])))
    many = results.get("many_sites", {})
    if many and "error" not in many:
        out.append((f"make sites, {len(many['services'])} services / each alone (mean)", seconds(many["three_services_s"]),
                    seconds(many["one_service_s"]), times(many["three_vs_one"]),
                    f"<= {many['target']}x", met(many["met"])))
        out.append(("  the same, CPU", seconds(many["three_services_cpu_s"]),
                    seconds(many["one_service_cpu_s"]), times(many["three_vs_one_cpu"]), "", ""))
        out.append(("  the same, against Wokingham alone", seconds(many["three_services_s"]),
                    seconds(many["each_service_s"]["wokingham"]), times(many["three_vs_wokingham"]), "", ""))
    paint = results.get("first_paint", {})
    if paint and "error" not in paint:
        for path, figures in paint["pages"].items():
            out.append((f"First paint {path} (FCP / LCP, slow 4G)", seconds(figures["fcp_s"]),
                        seconds(figures["lcp_s"]), "", f"FCP <= {paint['fcp_target_s']} s",
                        met(figures["fcp_s"] <= paint["fcp_target_s"])))
            out.append((f"First visit {path} (Lighthouse bytes)", kilobytes(figures["bytes"]), "",
                        "", f"<= {kilobytes(paint['bytes_target'])}",
                        met(figures["bytes"] <= paint["bytes_target"])))
    return out


def table(results: dict, errors: dict[str, str]) -> str:
    header = ("Figure", "Ours", "Baseline", "Compared", "Target", "Met")
    body = rows(results)
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in [header, tuple("-" * w for w in widths), *body]]
    for name, error in errors.items():
        lines.append(f"{name}: FAILED: {error.splitlines()[0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each (CI)")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"where to write the JSON ({RESULTS.name})")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--show", type=Path, metavar="JSON", help="print the table of an earlier run")
    parser.add_argument("--only", metavar="SECTION", action="append", choices=SECTIONS,
                        help="measure only this section (repeatable); page_weight and offline_zip "
                        "use the full_pipeline's output when it runs too")
    args = parser.parse_args(argv)
    if args.show:
        earlier = json.loads(args.show.read_text(encoding="utf-8"))
        print(table(earlier, earlier.get("errors", {})))
        return 0
    settings = QUICK if args.quick else FULL
    work = Path(tempfile.mkdtemp(prefix="site-bench-"))
    started = time.perf_counter()
    try:
        bench = Bench(settings, work)
        for name in args.only or SECTIONS:
            bench.section(name, getattr(bench, name))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report = {
        "mode": "quick" if args.quick else "full",
        "settings": settings.__dict__,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "hooks": project.hooks(bench.config_text),
        "notes": NOTES,
        "seconds": time.perf_counter() - started,
        **bench.results,
        "errors": bench.errors,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Hooks measured: {', '.join(report['hooks']) or '(none)'}")
    print(table(bench.results, bench.errors))
    print("\nNotes:\n" + "\n".join(f"- {note}" for note in NOTES))
    print(f"\nWrote {args.json} ({report['seconds']:.0f} s)")
    return 1 if bench.errors else 0


if __name__ == "__main__":
    sys.exit(main())
