"""Publishing survives crashes, signals and a second build (issue 19, items 13 and 16).

Each fault is real: ``hooks/build_all.py`` (or its ``build`` with a stand-in step) runs in its
own process and the test sends it a signal with ``os.kill``. PDFs are skipped to keep it quick.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from project import snapshot

PROJECT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "SITE_SKIP_PDF": "1", "NO_MKDOCS_2_WARNING": "1"}
LAST_GOOD = "the last good site"

# build_all.build with one stand-in step, in a process of its own: argv[1] is the destination.
DRIVER = """
import os, signal, sys, time
from pathlib import Path
sys.path.insert(0, {hooks!r})
import build_all
dest = Path(sys.argv[1])
{setup}
def step(out):
    {step}
build_all.build(dest, [step])
"""
NEW_SITE = "out.mkdir(); (out / 'index.html').write_text('the new site')"
# Any rename that moves the published folder away is the moment a crash would split the swap.
KILL_WHEN_SITE_MOVES = """
real_rename = Path.rename
def rename(self, target):
    moved = real_rename(self, target)
    if self == dest.resolve():
        os.kill(os.getpid(), signal.SIGKILL)
    return moved
Path.rename = rename
"""


def _driver(dest: Path, step: str, setup: str = "") -> subprocess.Popen:
    code = DRIVER.format(hooks=str(PROJECT / "hooks"), setup=setup, step=step)
    return subprocess.Popen([sys.executable, "-c", code, str(dest)], env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _last_good(tmp_path: Path) -> Path:
    dest = tmp_path / "published" / "site"
    dest.mkdir(parents=True)
    (dest / "index.html").write_text(LAST_GOOD, encoding="utf-8")
    return dest


def _broken_project(tmp_path: Path) -> Path:
    """A copy of the project whose build fails at once (an unknown marker)."""
    project = snapshot(tmp_path / "project")
    page = project / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ local.fax }}\n", encoding="utf-8")
    return project


def _build_all(project: Path, dest: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(project / "hooks" / "build_all.py"), str(dest)],
                            env=ENV, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _descendants(pid: int) -> set[int]:
    """Every living process started by ``pid``, and by those, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        children = {child for child, of in parents.items() if of == parent}
        todo.extend(children - found)
        found |= children
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition: Callable[[], object], seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)


def _building(dest: Path) -> list[Path]:
    return sorted(dest.parent.glob(f".{dest.name}.building-*"))


def _start_and_wait_for_mkdocs(tmp_path: Path) -> tuple[subprocess.Popen, Path, set[int]]:
    """build_all of a good copy, once the website's and the offline copy's mkdocs are running."""
    dest = _last_good(tmp_path)
    build = _build_all(snapshot(tmp_path / "project"), dest)
    _wait_for(lambda: len(_descendants(build.pid)) >= 2 and _building(dest))
    time.sleep(2)  # mkdocs is under way
    return build, dest, _descendants(build.pid)


@pytest.mark.parametrize(("number", "said"), [(signal.SIGINT, "Ctrl-C"), (signal.SIGTERM, "SIGTERM")])
def test_ctrl_c_and_sigterm_stop_the_build_and_clean_up(tmp_path, number, said):
    build, dest, children = _start_and_wait_for_mkdocs(tmp_path)
    os.kill(build.pid, number)
    _, err = build.communicate(timeout=60)

    assert build.returncode == 128 + number, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    assert f"Build stopped ({said}): the last good site was left as it was." in err
    assert (dest / "index.html").read_text(encoding="utf-8") == LAST_GOOD
    assert _building(dest) == []
    _wait_for(lambda: not any(_alive(pid) for pid in children), 10)


def test_sigkill_takes_mkdocs_with_it_and_the_next_build_clears_what_it_left(tmp_path):
    build, dest, children = _start_and_wait_for_mkdocs(tmp_path)
    os.kill(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    _wait_for(lambda: not any(_alive(pid) for pid in children), 10)
    assert _building(dest), "a killed build cannot clean up after itself"

    page = tmp_path / "project" / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ local.fax }}\n", encoding="utf-8")
    _, err = _build_all(tmp_path / "project", dest).communicate(timeout=120)
    assert "the last good site was left as it was" in err, err[-3000:]
    assert _building(dest) == []
    assert (dest / "index.html").read_text(encoding="utf-8") == LAST_GOOD


def test_a_kill_during_the_swap_leaves_a_whole_site(tmp_path):
    dest = _last_good(tmp_path)
    driver = _driver(dest, NEW_SITE, KILL_WHEN_SITE_MOVES)
    driver.communicate(timeout=60)

    assert (dest / "index.html").read_text(encoding="utf-8") in {LAST_GOOD, "the new site"}


def test_where_the_swap_takes_two_renames_the_next_build_puts_back_a_site_a_kill_left_aside(tmp_path):
    dest = _last_good(tmp_path)
    no_exchange = KILL_WHEN_SITE_MOVES + "from publish import folder\nfolder.exchange = lambda first, second: False\n"
    _driver(dest, NEW_SITE, no_exchange).communicate(timeout=60)
    assert not dest.exists()  # killed between the two renames

    _, err = _build_all(_broken_project(tmp_path), dest).communicate(timeout=120)
    assert "the last good site was left as it was" in err, err[-3000:]
    assert (dest / "index.html").read_text(encoding="utf-8") == LAST_GOOD
    assert sorted(path.name for path in dest.parent.iterdir() if path.name != "reports") == [".site.lock", "site"]


def test_a_second_build_waits_for_the_first_and_says_who_holds_it(tmp_path):
    dest = _last_good(tmp_path)
    first = _driver(dest, "print('building', flush=True); time.sleep(120)")
    assert first.stdout.readline() == "building\n"
    second = _build_all(_broken_project(tmp_path), dest)
    time.sleep(8)
    assert second.poll() is None, second.communicate()[1][-3000:]  # still waiting

    os.kill(first.pid, signal.SIGTERM)
    first.wait(timeout=30)
    _, err = second.communicate(timeout=120)
    assert f"Another build is writing {dest} (process {first.pid}, started " in err, err[-3000:]
    assert "waiting for it to finish" in err
    assert "the last good site was left as it was" in err
    assert (dest / "index.html").read_text(encoding="utf-8") == LAST_GOOD


def test_a_file_where_the_site_goes_is_refused_before_building(tmp_path):
    dest = tmp_path / "site"
    dest.write_text("not a folder", encoding="utf-8")
    started = time.monotonic()
    _, err = _build_all(_broken_project(tmp_path), dest).communicate(timeout=120)

    assert "Traceback" not in err, err[-3000:]
    assert f"Build refused: {dest} is a file, not a folder; move or delete it, or build into another folder" in err
    assert time.monotonic() - started < 10
    assert dest.read_text(encoding="utf-8") == "not a folder"


def test_ctrl_c_stops_make_sites_and_each_service_keeps_its_last_good_site(tmp_path):
    """make sites runs each service's build in a process of its own: stopping it stops them,
    and each cleans up after itself (SIGTERM first, so none is left half-built)."""
    project = snapshot(tmp_path / "project")
    dest = tmp_path / "sites" / "wokingham"
    dest.mkdir(parents=True)
    (dest / "index.html").write_text(LAST_GOOD, encoding="utf-8")
    build = subprocess.Popen([sys.executable, str(project / "hooks" / "build_all.py"), "--sites",
                              str(dest.parent), "--locality", "wokingham"],
                             env=ENV, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for(lambda: len(_descendants(build.pid)) >= 3 and _building(dest))
    time.sleep(2)  # the service's mkdocs builds are under way
    children = _descendants(build.pid)
    os.kill(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=60)

    assert build.returncode == 128 + signal.SIGINT, err[-3000:]
    assert "Building documentation" in out, "the stopped build's messages were not shown"
    assert "Traceback" not in err, err[-3000:]
    assert "Build stopped (Ctrl-C): every service kept its last good site." in err
    assert (dest / "index.html").read_text(encoding="utf-8") == LAST_GOOD
    assert _building(dest) == []
    _wait_for(lambda: not any(_alive(pid) for pid in children), 10)
