"""Put a finished build where the published folder is, in one step a crash cannot split.

On Linux the new folder and ``site/`` swap places in one system call (``renameat2`` with
``RENAME_EXCHANGE``): at every moment ``site/`` is a whole folder, the old one or the new one.
Where that call is missing (another system, a file system without it) the old folder is
renamed aside and the new one put in its place; a crash between the two is undone by
:func:`recover` at the start of the next build. Temporary folders beside the destination are
named here too, so that the next build can remove any a killed build left behind.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h
# errno values that mean "this system or file system cannot exchange": use two renames instead
NOT_SUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


class DestinationError(Exception):
    """The destination cannot hold the site (it is a file); the message says what to do."""


def building_prefix(dest: Path) -> str:
    """The name every temporary build folder for ``dest`` starts with (``.site.building-``)."""
    return f".{dest.name}.building-"


def _aside(dest: Path) -> Path:
    """Where the fallback swap keeps the old folder for a moment (``.site.old``)."""
    return dest.with_name(f".{dest.name}.old")


def check(dest: Path) -> None:
    """Refuse a destination that is a file, or inside one, before anything is built."""
    for path in (dest, *dest.parents):
        if path.exists() and not path.is_dir():
            raise DestinationError(f"{path} is a file, not a folder; move or delete it, or build into "
                                   "another folder: python hooks/build_all.py FOLDER")


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False if this system cannot (nothing is changed)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in NOT_SUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def replace_folder(new: Path, dest: Path) -> None:
    """Put ``new`` where ``dest`` is; the old folder is removed once the new one is in place."""
    if not dest.exists():
        new.rename(dest)
    elif exchange(new, dest):
        shutil.rmtree(new)  # the old site, now at the new one's path
    else:
        aside = _aside(dest)
        if aside.exists():
            shutil.rmtree(aside)
        dest.rename(aside)
        new.rename(dest)
        shutil.rmtree(aside)


def recover(dest: Path) -> None:
    """Undo a crash of an earlier build: put back a site left aside by the fallback swap, and
    remove the temporary folders it left. Call it only while holding the build lock."""
    aside = _aside(dest)
    if aside.is_dir() and not dest.exists():
        aside.rename(dest)
    for leftover in [aside, *dest.parent.glob(building_prefix(dest) + "*")]:
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
