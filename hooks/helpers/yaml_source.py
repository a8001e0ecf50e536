"""Read a YAML data file once: its data, and the line of any node for error messages.

``parse`` returns a :class:`Source`: ``data`` (as ``yaml.safe_load`` gives it) and
``line_of(*keys)``, the line of the node at a key path of mapping keys and list indexes,
for example ``line_of("routes", 3, "cost")``. Any YAML error becomes :class:`YamlSyntaxError`
with the line it is on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Key = str | int


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; ``line`` is where the parser stopped (1 if unknown).

    ``str()`` of it is the parser's own message, unchanged.
    """

    def __init__(self, error: yaml.YAMLError) -> None:
        super().__init__(str(error))
        mark = getattr(error, "problem_mark", None)
        self.line: int = mark.line + 1 if mark else 1

    @property
    def message(self) -> str:
        """What is wrong and what to do, for a message that starts with the file and line."""
        return f"is not valid YAML: {self}; fix the YAML syntax"


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 10 times faster


def _load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree of ``text`` and the data built from it, in one pass of the fast parser.

    On an error the text is parsed again by PyYAML's own parser, whose message also shows the
    offending line, and that error is raised as :class:`YamlSyntaxError`.
    """
    loader = FAST_LOADER(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as fast_error:
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise YamlSyntaxError(error) from error
        raise YamlSyntaxError(fast_error) from fast_error
    finally:
        loader.dispose()


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` (None if empty); raises :class:`YamlSyntaxError`."""
    return _load(text)[0]


@dataclass(frozen=True)
class Source:
    """The data of one YAML text and its node tree, to ask the line of any node."""

    data: Any
    root: yaml.Node | None
    text: str = ""

    def line_of(self, *keys: Key) -> int:
        """Line of the node at ``keys``; else of its nearest parent found; else 1.

        A mapping key's line is the line of the key; a list item's, the line of the item.
        With a repeated key, the last one that holds the deepest part of the path counts.
        """
        return _find(self.root, keys, 1)[1]


def _find(node: yaml.Node | None, keys: tuple[Key, ...], line: int) -> tuple[int, int]:
    """How many of ``keys`` lead down from ``node``, and the line of the deepest one reached."""
    if not keys:
        return 0, line
    key, rest = keys[0], keys[1:]
    children: list[tuple[int, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        children = [(k.start_mark.line + 1, v) for k, v in node.value if k.value == key]
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
        items = node.value[key:key + 1] if key >= 0 else []
        children = [(item.start_mark.line + 1, item) for item in items]
    best = (0, line)
    for child_line, child in reversed(children):
        depth, found = _find(child, rest, child_line)
        if depth + 1 > best[0]:
            best = (depth + 1, found)
    return best


def parse(text: str) -> Source:
    """The data and node tree of ``text``; raises :class:`YamlSyntaxError`."""
    root, data = _load(text)
    return Source(data, root, text)


def read(path: Path) -> Source:
    """Read ``path`` (UTF-8) and :func:`parse` it; ``OSError`` if it cannot be read."""
    return parse(path.read_text(encoding="utf-8"))


# How a loader gets a file's Source: :func:`read`, or the site model's read-once cache.
Reader = Callable[[Path], Source]


def unreadable(path: Path, error: OSError | YamlSyntaxError) -> str:
    """The message for a data file that cannot be read or is not YAML: ``file:line: …``."""
    if isinstance(error, YamlSyntaxError):
        return f"{path}:{error.line}: {error.message}"
    return f"{path}: cannot be read ({error}); check the file exists and is UTF-8 text"
