"""Read a YAML data file once: its data, and the line of any node for error messages.

``parse`` returns a :class:`Source`: ``data`` (as ``yaml.safe_load`` gives it) and
``line_of(*keys)``, the line of the node at a key path of mapping keys and list indexes,
for example ``line_of("routes", 3, "cost")``. Any YAML error becomes :class:`YamlSyntaxError`
with the line it is on; a file that is missing or not UTF-8, :class:`Unreadable` (its base).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers import text_file, yaml_messages
from helpers.text_file import Unreadable

Key = str | int


class YamlSyntaxError(Unreadable):
    """The text is not valid YAML; ``line`` is where the mistake is (1 if unknown).

    ``str()`` of it is the parser's own message, unchanged; :attr:`message` says it in plain
    words where the mistake is a common one (:mod:`helpers.yaml_messages`).
    """

    def __init__(self, error: yaml.YAMLError, text: str = "") -> None:
        mark = getattr(error, "problem_mark", None)
        super().__init__(str(error), mark.line + 1 if mark else 1)
        self._explained = yaml_messages.explain(error, text)
        if self._explained:
            self.line = self._explained[0]

    @property
    def message(self) -> str:
        """What is wrong and what to do, for a message that starts with the file and line."""
        if isinstance(self.__cause__, DataError):
            return str(self.__cause__.problem)
        if self._explained:
            return f"is not valid YAML: {self._explained[1]}"
        return f"is not valid YAML: {self}; fix the YAML syntax"


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 10 times faster
# Lists and mappings inside each other: the data files need fewer than 10 levels. Far deeper
# nesting (thousands of brackets) crashes the parser's tree builder, so it is refused first.
MAX_DEPTH = 64
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class DataError(yaml.MarkedYAMLError):
    """Valid YAML that a data file must not hold (an alias, a repeated key, deep nesting)."""


def _refuse_unsafe_shapes(text: str) -> None:
    """Refuse aliases (``*name``: an alias bomb expands without limit) and nesting deeper than
    :data:`MAX_DEPTH`, reading the parser's events, before any tree is built."""
    depth = 0
    for event in yaml.parse(text, Loader=FAST_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise DataError(problem=f"'*{event.anchor}' repeats another part of the file (a YAML alias); "
                            "write the value out in full instead", problem_mark=event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataError(problem=f"lists and mappings are nested more than {MAX_DEPTH} deep; "
                                "check the brackets and indentation", problem_mark=event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _refuse_impossible_date(node: yaml.ScalarNode) -> None:
    """Refuse a date that does not exist (2026-02-30): the parser would stop with no line."""
    found = yaml.constructor.SafeConstructor.timestamp_regexp.match(node.value)
    try:
        datetime.date(int(found["year"]), int(found["month"]), int(found["day"]))
    except (TypeError, ValueError):
        raise DataError(problem=f"'{node.value}' is not a real date; write a date that exists, as YYYY-MM-DD",
                        problem_mark=node.start_mark) from None


def _refuse_repeated_keys_and_bad_dates(root: yaml.Node | None) -> None:
    """Refuse a key written twice in one mapping (YAML would silently keep only the last value)
    and a date that does not exist."""
    todo = [root] if root is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value in seen:
                    first = seen[key.value].start_mark.line + 1
                    raise DataError(problem=f"the key '{key.value}' is here and on line {first}; the second "
                                    "would silently replace the first: merge them or rename one",
                                    problem_mark=key.start_mark)
                if isinstance(key, yaml.ScalarNode):
                    seen[key.value] = key
                todo.append(value)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif node.tag == TIMESTAMP:
            _refuse_impossible_date(node)


def _load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree of ``text`` and the data built from it, in one pass of the fast parser.

    Aliases, deep nesting, repeated keys and impossible dates are refused first
    (:class:`DataError`). On a syntax error the text is parsed again by PyYAML's own parser, whose
    message also shows the offending line, and that error is raised as :class:`YamlSyntaxError`
    (which says a common mistake in plain words).
    """
    loader = FAST_LOADER(text)
    try:
        _refuse_unsafe_shapes(text)
        root = loader.get_single_node()
        _refuse_repeated_keys_and_bad_dates(root)
        return root, loader.construct_document(root) if root is not None else None
    except DataError as error:
        raise YamlSyntaxError(error) from error
    except yaml.YAMLError as fast_error:
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise YamlSyntaxError(error, text) from error
        raise YamlSyntaxError(fast_error, text) from fast_error
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
        """
        return _find(self.root, keys, 1)[1]

    def strings(self) -> Iterator[tuple[str, range]]:
        """Every text value in the file, with the (0-based) file lines it spans."""
        count = len(self.text.splitlines())
        stack = [self.root]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                stack.extend(value for _, value in node.value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
            elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
                yield node.value, range(node.start_mark.line, min(node.end_mark.line + 1, count))

    def line_holding(self, words: str, span: range, ignore_case: bool = False) -> int:
        """The first (1-based) line in ``span`` that holds ``words``; else the span's first line."""
        lines = self.text.splitlines()
        fold = str.lower if ignore_case else str
        return next((n + 1 for n in span if fold(words) in fold(lines[n])), span.start + 1)


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
    """Read ``path`` (UTF-8) and :func:`parse` it; :class:`Unreadable` if it is missing, cannot
    be read or is not UTF-8."""
    return parse(text_file.read(path))


# How a loader gets a file's Source: :func:`read`, or the site model's read-once cache.
Reader = Callable[[Path], Source]


def unreadable(path: Path, error: Unreadable) -> str:
    """The message for a data file that cannot be read or is not YAML: ``file:line: …``."""
    return f"{path}:{error.line}: {error.message}"
