"""A page's front matter, checked as the data files are, each problem at its line in the page.

MkDocs drops front matter that is not valid YAML without a word, and the page is then built
with none: its title and review dates vanish. Markers are not filled in there, so one would be
published as typed. :func:`problems` names each case. This module knows nothing about MkDocs.
"""

from __future__ import annotations

from helpers import markers, yaml_source

MARKER_HERE = (
    "is in the front matter, where markers are not filled in: it would be shown as typed "
    "(in the browser tab and the page header); write the words themselves"
)
NOT_SETTINGS = "the front matter is not 'key: value' lines; write one setting per line, such as title: Privacy"


def problems(page: str) -> list[tuple[int, str]]:
    """(line in the page file, what is wrong and what to do) for each problem of its front matter."""
    found = markers.FRONT_MATTER.match(page)
    if not found:
        return []
    text, first = found[1], 2  # the front matter starts on the line after "---"
    comments = {number for number, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith("#")}
    marked = [(first + line - 1, f"{marker} {MARKER_HERE}")
              for line, marker in markers.leftovers(text) if line not in comments]
    try:
        data = yaml_source.parse(text).data
    except yaml_source.YamlSyntaxError as error:
        line = first + error.line - 1
        return marked if any(where == line for where, _ in marked) else [(line, error.message), *marked]
    return marked if isinstance(data, dict) else [(first, NOT_SETTINGS), *marked]
