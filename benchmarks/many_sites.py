"""``make sites`` for three services against one (issue 18): each service is a whole build.

A fresh snapshot of the project (a real copy: hooks/build_all.py builds the project it sits in)
gets three services: Wokingham, the tests' fictional one and a second fictional one with other
names and numbers (so none of its PDFs comes from another's cache). Every run starts with the
PDF cache emptied: every PDF of every service is rendered. "One service" is the mean of the three
services each built alone; the medians of three runs (one in --quick) are compared. The target
is judged on wall time; CPU time (the command and its children) is given beside it, as other
work on the machine hardly changes it.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
from pathlib import Path

import project

FICTIONAL = project.PROJECT / "tests" / "localities" / "fictional"
TARGET = 3.2  # three services may take at most 3.2 times one
# the second fictional service: the first with every name and number changed
RENAMED = {"Exampleshire": "Sampleton", "exampleshire": "sampleton", "960123": "960321", "960456": "960654"}


def add_services(site: Path) -> list[str]:
    """Add the two fictional services to the snapshot's localities/; return every id."""
    localities = site / "localities"
    shutil.copytree(FICTIONAL, localities / "fictional")
    text = (FICTIONAL / "local.yml").read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        text = text.replace(old, new)
    shutil.copytree(FICTIONAL, localities / "sampleton")  # its logo and own page too
    (localities / "sampleton" / "local.yml").write_text(text, encoding="utf-8")
    return sorted(path.parent.name for path in localities.glob("*/local.yml"))


def timed_sites(site: Path, dest: Path, env: dict[str, str], only: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds ``make sites`` takes (``build_all.py --sites``) for the services in
    ``only``."""
    shutil.rmtree(site / ".cache" / "pdfs", ignore_errors=True)
    command = [project.PYTHON, "hooks/build_all.py", "--sites", str(dest)]
    command += [arg for service in only for arg in ("--locality", service)]
    cpu, started = project.children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    seconds, cpu_seconds = time.perf_counter() - started, project.children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError("make sites failed:\n" + "\n".join((done.stdout + done.stderr).splitlines()[-12:]))
    return seconds, cpu_seconds


def measure(work: Path, pdfs: bool, runs: int = 1) -> dict:
    """Each service alone, then the three together, each built as ``make sites`` builds them;
    ``runs`` times, the medians. "One service" is the mean of the three built alone: the
    fictional services have a page, a logo and opening hours that Wokingham has not, so their
    sites are bigger; the ratio against Wokingham alone is given beside it."""
    site = project.snapshot(work / "sites-project")
    services = add_services(site)
    env = {**project.BASE_ENV, **({} if pdfs else project.NO_PDF)}
    alone: dict[str, list[tuple[float, float]]] = {service: [] for service in services}
    threes = []
    for _ in range(runs):
        for service in services:
            alone[service].append(timed_sites(site, work / f"sites-{service}", env, [service]))
        threes.append(timed_sites(site, work / "sites-three", env, services))
    each = {service: statistics.median(wall for wall, _ in timings) for service, timings in alone.items()}
    each_cpu = {service: statistics.median(cpu for _, cpu in timings) for service, timings in alone.items()}
    one, one_cpu = statistics.mean(each.values()), statistics.mean(each_cpu.values())
    three, three_cpu = (statistics.median(values) for values in zip(*threes))
    return {
        "services": services,
        "pdfs": pdfs,
        "runs": runs,
        "each_service_s": each,
        "one_service_s": one,
        "three_services_s": three,
        "three_vs_one": three / one,
        "three_vs_wokingham": three / each["wokingham"],
        "one_service_cpu_s": one_cpu,
        "three_services_cpu_s": three_cpu,
        "three_vs_one_cpu": three_cpu / one_cpu,
        "samples_s": {"three": [wall for wall, _ in threes],
                      **{service: [wall for wall, _ in timings] for service, timings in alone.items()}},
        "target": TARGET,
        "met": three / one <= TARGET,
    }
