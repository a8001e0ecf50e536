"""The pages as an editor saved them: UTF-8 text, and front matter that can be read.

MkDocs cannot read a page saved as Windows-1252, and it drops front matter that is not YAML
without a word (the hooks would then say a key is missing when it is there). Both are named
here, each at its line, before any page is rendered. No MkDocs here.
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers import front_matter, text_file


def unreadable(pages: list[Path], project: Path) -> list[str]:
    """``file:line: message`` for each page that is not UTF-8 text."""
    problems = []
    for path in pages:
        try:
            text_file.decode(path.read_bytes())
        except text_file.Unreadable as error:
            problems.append(f"{os.path.relpath(path, project)}:{error.line}: {error.message}")
    return problems


def front_matter_problems(pages: list[Path], project: Path) -> list[str]:
    """``file:line: message`` for each problem of each page's front matter (pages are UTF-8)."""
    return [f"{os.path.relpath(path, project)}:{line}: {message}"
            for path in pages
            for line, message in front_matter.problems(text_file.decode(path.read_bytes()))]
