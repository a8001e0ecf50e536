"""The site model: every data file under ``docs/data/`` read once per build, checked once.

Each capability knows what its own data file means (``routes/data.py`` reads ``routes.yml``,
``finder/flow.py`` reads ``finder.yml`` …). The model is what they share, as MkDocs' ``Files``
is for pages:

- :meth:`Site.read` parses a file the first time anyone asks for it and hands every later
  caller the same :class:`~helpers.yaml_source.Source` (its data and the line of every value),
  so no data file is parsed twice in a build;
- :meth:`Site.keep` stores what a capability made of a file, with the problems it found;
  other capabilities take that value (:meth:`Site.value`) instead of reading the file again;
- :meth:`Site.report` gives every problem of every file together, each with file and line,
  so one run names them all before any page is rendered.

This module knows nothing about MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from helpers import yaml_source


class Site:
    """The data files of one build, what each capability made of them, and their problems."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._read: dict[Path, yaml_source.Source | yaml_source.Unreadable] = {}
        self._values: dict[str, Any] = {}
        self._problems: dict[str, tuple[str, list[str]]] = {}

    def path(self, name: str) -> Path:
        """The file ``name`` (``routes.yml``) in the data folder."""
        return self.data_dir / name

    def files(self) -> list[Path]:
        """Every data file (``*.yml``), in name order."""
        return sorted(self.data_dir.glob("*.yml"))

    def read(self, path: Path) -> yaml_source.Source:
        """The file's data and lines, parsed on the first call only.

        A file that is missing, not UTF-8 or not YAML raises the same
        :class:`~helpers.yaml_source.Unreadable` on every call.
        """
        if path not in self._read:
            try:
                self._read[path] = yaml_source.read(path)
            except yaml_source.Unreadable as error:
                self._read[path] = error
        found = self._read[path]
        if isinstance(found, Exception):
            raise found
        return found

    def keep(self, name: str, value: Any, heading: str = "", problems: Iterable[object] = ()) -> None:
        """Store what a capability made of ``name``; its problems are reported under ``heading``."""
        self._values[name] = value
        listed = [str(problem) for problem in problems]
        if listed:
            self._problems[name] = (heading, listed)

    def good(self, name: str) -> bool:
        """Whether ``name`` was kept with no problem."""
        return name in self._values and name not in self._problems

    def value(self, name: str) -> Any:
        """What a capability made of ``name`` (see :meth:`keep`)."""
        return self._values[name]

    def report(self) -> str:
        """Every problem found so far, grouped under each file's heading; empty if none."""
        return "\n".join(heading + ":\n" + "\n".join(f"  {p}" for p in listed)
                         for heading, listed in self._problems.values())


_current: Site | None = None


def start(data_dir: Path) -> Site:
    """A fresh model for a new build (``mkdocs serve`` builds again on every change)."""
    global _current
    _current = Site(data_dir)
    return _current


def current() -> Site:
    """The model of the build under way."""
    if _current is None:
        raise RuntimeError("the site model is not loaded: hooks/content_hook.py must come first in mkdocs.yml")
    return _current
