"""Refuse ``!!python/…`` tags in ``mkdocs.yml`` before MkDocs reads it.

MkDocs reads its configuration with a YAML loader that runs ``!!python/object/apply:…`` and
the like, so a pasted line could run any command on the build machine. The build entry point
(``hooks/build_all.py``, which ``make site`` and ``make serve`` use) calls :func:`check` first.
The tags MkDocs itself offers (``!ENV``, ``!relative``) are fine. No MkDocs here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PYTHON_TAG = "tag:yaml.org,2002:python/"


class ConfigTagError(ValueError):
    """``mkdocs.yml`` holds a tag that would run code; the message names the line."""


def _events(text: str):  # noqa: ANN202 - yaml's event stream
    return yaml.parse(text, Loader=yaml.SafeLoader)


def python_tags(text: str) -> list[tuple[int, str]]:
    """(line, tag) of every ``!!python`` tag, found by parsing (comments and strings ignored)."""
    found = []
    for event in _events(text):
        tag = getattr(event, "tag", None)
        if tag and (tag.startswith(PYTHON_TAG) or tag.startswith("!!python")):
            found.append((event.start_mark.line + 1, "!!" + tag.removeprefix("tag:yaml.org,2002:")))
    return found


def check(path: Path) -> None:
    """Raise :class:`ConfigTagError` naming each ``!!python`` tag in ``path`` with its line."""
    try:
        found = python_tags(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return  # MkDocs reports the syntax error itself, with its line
    if found:
        raise ConfigTagError(
            "\n".join(
                f"{path}:{line}: {tag} would run Python code while the site is built; remove it "
                "(mkdocs.yml holds settings only: see README, \"Safe editing\")"
                for line, tag in found
            )
        )
