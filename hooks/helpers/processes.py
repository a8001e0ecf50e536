"""Child processes that end with the process that started them, even when it is killed."""

from __future__ import annotations

import ctypes
import functools
import os
import signal
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: nothing to ask for
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def die_with_me() -> Callable[[], None]:
    """A function for a child to run first (``preexec_fn``, a pool's ``initializer``): Linux
    kills the child with SIGKILL when this process ends, however it ends."""
    return functools.partial(_die_with, os.getpid())
