"""One build at a time per destination: a lock file beside it (``.site.lock``).

The lock is an ``flock`` on that file, so the system drops it when its holder ends, however it
ends (a crash or SIGKILL included): a lock is never left behind. A second build waits for the
first and says which process it waits for. The file holds the holder's process id and start
time; it stays between builds.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def lock_path(dest: Path) -> Path:
    """The lock file of ``dest`` (``.site.lock`` beside ``site/``)."""
    return dest.with_name(f".{dest.name}.lock")


@contextmanager
def held(dest: Path) -> Iterator[None]:
    """Hold the build lock of ``dest`` for the ``with`` block; wait (and say so) while another has it."""
    with open(lock_path(dest), "a+", encoding="utf-8") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.seek(0)
            holder = file.read().strip() or "another process"
            print(f"Another build is writing {dest} ({holder}); waiting for it to finish "
                  "(Ctrl-C stops this one).", file=sys.stderr, flush=True)
            fcntl.flock(file, fcntl.LOCK_EX)
        file.seek(0)
        file.truncate()
        file.write(f"process {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        file.flush()
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)
