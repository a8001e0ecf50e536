"""Run the build steps into a temporary folder and publish it, safe against crashes and signals.

- One build at a time (:mod:`publish.lock`); each build first undoes what a killed one left.
- The steps write into ``.site.building-*`` beside the destination; only when all succeed is it
  swapped in (:mod:`publish.folder`).
- Ctrl-C (SIGINT) and SIGTERM stop the build: its child processes are killed and the
  temporary folder removed, and :class:`Stopped` says so. Children (``mkdocs``) run in their
  own process group, killed as a whole, and die with the build even when it is SIGKILLed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from helpers.processes import die_with_me
from publish import folder, lock

Step = Callable[[Path], None]

_children: list[subprocess.Popen] = []


class Stopped(Exception):
    """The build was stopped by a signal (Ctrl-C, SIGTERM); ``str()`` names it."""

    def __init__(self, number: int) -> None:
        super().__init__("Ctrl-C" if number == signal.SIGINT else signal.Signals(number).name)
        self.exit_code = 128 + number  # as a shell reports a process ended by that signal


def start(command: list[str], **options: Any) -> subprocess.Popen:
    """Start a child process that :func:`build` kills if it stops, and that dies with this one."""
    process = subprocess.Popen(command, start_new_session=True, preexec_fn=die_with_me(), **options)
    _children.append(process)
    return process


def run(command: list[str], **options: Any) -> None:
    """Run a child (see :func:`start`) to the end; ``CalledProcessError`` if it fails."""
    process = start(command, **options)
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, command)


def kill_children() -> None:
    """Kill every child still running, with everything it started."""
    while _children:
        process = _children.pop()
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


def stop_children(grace: float = 10.0) -> None:
    """Ask every child still running to stop (SIGTERM: a build then removes its temporary
    folder), wait up to ``grace`` seconds, then kill what is left. A second Ctrl-C meanwhile
    is ignored: the children are already stopping."""
    with _signals(signal.SIG_IGN):
        _stop_children(grace)


def _stop_children(grace: float) -> None:
    for process in _children:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + grace  # for all of them together
    for process in _children:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            break
    kill_children()


def _stop(number: int, _frame: object) -> None:
    raise Stopped(number)


@contextmanager
def _signals(handler: Callable | int) -> Iterator[None]:
    """Handle SIGINT and SIGTERM with ``handler`` inside the block."""
    before = {number: signal.signal(number, handler) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler_before in before.items():
            signal.signal(number, handler_before)


def stopped_by_signals() -> AbstractContextManager[None]:
    """Inside the block, SIGINT and SIGTERM raise :class:`Stopped` (so ``finally`` cleans up)."""
    return _signals(_stop)


def build(dest: Path, steps: list[Step]) -> None:
    """Run every step into a temporary folder and publish it at ``dest`` only if all succeed."""
    dest = dest.resolve()
    folder.check(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with lock.held(dest):
        folder.recover(dest)
        work = Path(tempfile.mkdtemp(prefix=folder.building_prefix(dest), dir=dest.parent))
        finished = False
        try:
            for step in steps:
                step(work / "out")
            finished = True
        finally:
            with _signals(signal.SIG_IGN):  # the swap and the clean-up are never cut short
                try:
                    if finished:
                        folder.replace_folder(work / "out", dest)
                finally:
                    kill_children()
                    shutil.rmtree(work, ignore_errors=True)
