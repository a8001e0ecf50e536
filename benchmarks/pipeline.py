"""The full pipeline (website with PDFs, then the offline copy) timed step by step.

``hooks/build_all.py`` of the snapshot runs in its own Python process with each of its STEPS
wrapped in a timer, exactly as ``make site`` runs them. Each PDF's render time (wall and
CPU) is read from the PDF hook's log ("PDF <file>: <n> pages in <s> s (CPU <s> s)"), and so is
the time it takes to set WeasyPrint up once for all of them ("PDF set-up … in …").
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import project

DRIVER = """
import json, resource, sys, time
sys.path.insert(0, "hooks")
import build_all
from pathlib import Path

timings = {}

def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def timed(step):
    def run(out):
        started, used = time.perf_counter(), cpu()
        step(out)
        timings[step.__name__] = {"seconds": time.perf_counter() - started, "cpu_seconds": cpu() - used}
    return run

build_all.build(Path(sys.argv[1]), steps=[timed(step) for step in build_all.STEPS])
print("STEP-TIMINGS " + json.dumps(timings))
"""
PDF_LINE = re.compile(
    r"PDF (?P<file>\S+?): (?P<pages>\d+) pages in (?P<seconds>[\d.]+) s \(CPU (?P<cpu>[\d.]+) s\)"
)
SETUP_LINE = re.compile(r"PDF set-up \([^)]*\) in (?P<seconds>[\d.]+) s \(CPU (?P<cpu>[\d.]+) s\)")
PDF_CACHE = Path(".cache") / "pdfs"  # the PDF hook's cache, in the project folder


def pdf_cache(site: Path) -> Path:
    """The PDF cache a build of ``site`` uses: in the project that its build_all.py belongs to
    (a clone links hooks/ to the snapshot, and build_all builds the project it sits in)."""
    return (site / "hooks").resolve().parent / PDF_CACHE


def run(site: Path, dest: Path) -> dict:
    """Run the snapshot's build_all into ``dest``: wall and CPU time in all and per step, and
    each PDF's render time."""
    cpu = project.children_cpu()
    started = time.perf_counter()
    done = subprocess.run([project.PYTHON, "-c", DRIVER, str(dest)], cwd=site,
                          env=project.BASE_ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    cpu_seconds = project.children_cpu() - cpu
    output = done.stdout + done.stderr
    if done.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise RuntimeError(f"hooks/build_all.py failed (exit {done.returncode}):\n{tail}")
    steps = json.loads(output.split("STEP-TIMINGS ", 1)[1].splitlines()[0])
    pdfs = {m["file"]: float(m["seconds"]) for m in PDF_LINE.finditer(output)}
    pdfs_cpu = {m["file"]: float(m["cpu"]) for m in PDF_LINE.finditer(output)}
    setups = list(SETUP_LINE.finditer(output))
    setup = {"seconds": sum(float(m["seconds"]) for m in setups),
             "cpu_seconds": sum(float(m["cpu"]) for m in setups)}
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "steps": steps, "pdfs": pdfs,
            "pdfs_cpu": pdfs_cpu, "pdf_setup": setup, "cached": output.count("unchanged: from the cache")}
