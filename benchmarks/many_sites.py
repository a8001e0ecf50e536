"""``make sites`` for three services against one (issue 18): each service is a whole build.

A fresh snapshot of the project (a real copy: hooks/build_all.py builds the project it sits in)
gets three services: Wokingham, the tests' fictional one and a second
fictional one with other names and numbers (so none of its PDFs comes from another's cache).
Both runs start with the PDF cache emptied: every PDF of every service is rendered. The target is
judged on wall time; CPU time (the command and its children) is given beside it, as other work
on the machine hardly changes it.
"""

from __future__ import annotations

import shutil
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


def measure(work: Path, pdfs: bool) -> dict:
    """One service, then three, each built as ``make sites`` builds them."""
    site = project.snapshot(work / "sites-project")
    services = add_services(site)
    env = {**project.BASE_ENV, **({} if pdfs else project.NO_PDF)}
    one, one_cpu = timed_sites(site, work / "sites-one", env, ["wokingham"])
    three, three_cpu = timed_sites(site, work / "sites-three", env, services)
    return {
        "services": services,
        "pdfs": pdfs,
        "one_service_s": one,
        "three_services_s": three,
        "three_vs_one": three / one,
        "one_service_cpu_s": one_cpu,
        "three_services_cpu_s": three_cpu,
        "three_vs_one_cpu": three_cpu / one_cpu,
        "target": TARGET,
        "met": three / one <= TARGET,
    }
