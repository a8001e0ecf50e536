"""Which service a build is for, and where its folder is.

Every value that belongs to one service lives in its folder, ``localities/<id>/`` (its
``local.yml``). A build is for the service named by ``SITE_LOCALITY`` (an id, or the path of a
folder that holds a ``local.yml``, such as the tests' fictional service); when that is unset,
for the one named in ``localities/default.yml``. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

ENV = "SITE_LOCALITY"
FOLDER = "localities"
DEFAULT_FILE = "default.yml"
DETAILS = "local.yml"


class LocalityError(Exception):
    """The build names a service that has no folder; the message names those that exist."""


def ids(project: Path) -> list[str]:
    """Every service with a folder of its own, in name order."""
    return sorted(path.parent.name for path in (project / FOLDER).glob(f"*/{DETAILS}"))


def default_id(project: Path) -> str:
    """The service ``localities/default.yml`` names (one line: ``default: <id>``)."""
    path = project / FOLDER / DEFAULT_FILE
    try:
        chosen = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("default")
    except (OSError, yaml.YAMLError, AttributeError) as error:
        raise LocalityError(f"{path}: cannot be read ({error}); write one line: default: <id>") from error
    if not isinstance(chosen, str) or not chosen.strip():
        raise LocalityError(f"{path}:1: 'default' is missing; write one line: default: <id>")
    return chosen.strip()


def chosen(project: Path, environ: dict[str, str] | None = None) -> str:
    """The id or folder this build is for: ``SITE_LOCALITY``, else the default."""
    value = (os.environ if environ is None else environ).get(ENV, "").strip()
    return value or default_id(project)


def folder(project: Path, locality: str) -> Path:
    """The folder of ``locality`` (an id under localities/, or a folder's path)."""
    if "/" in locality or locality in (".", ".."):
        path = (project / locality).resolve()
    else:
        path = project / FOLDER / locality
    if not (path / DETAILS).is_file():
        known = ", ".join(ids(project)) or "none"
        raise LocalityError(
            f"there is no service '{locality}': no {path / DETAILS}. The services are the folders "
            f"of {project / FOLDER} ({known}); build one of them (make site LOCALITY=<id>, or set {ENV}), "
            f"or give the path of a folder holding a {DETAILS}"
        )
    return path


def details_file(project: Path, environ: dict[str, str] | None = None) -> Path:
    """The ``local.yml`` of the service this build is for."""
    return folder(project, chosen(project, environ)) / DETAILS
