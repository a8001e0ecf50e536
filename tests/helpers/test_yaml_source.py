"""yaml_source: the data of a YAML text, the line of any node by key path, syntax errors."""

import pytest

from helpers import yaml_source

TEXT = """\
# a comment
title: Routes
routes:
  - id: mediation
    cost: free
    links:
      - text: A
        url: https://a.example
      - text: B
  - id: appeal
    cost: none
title: Again
"""


@pytest.mark.parametrize(
    ("keys", "line"),
    [
        ((), 1),
        (("routes",), 3),
        (("routes", 0), 4),
        (("routes", 0, "cost"), 5),
        (("routes", 0, "links", 1), 9),
        (("routes", 0, "links", 1, "text"), 9),
        (("routes", 1), 10),
        (("routes", 1, "cost"), 11),
        (("title",), 12),  # a repeated key: the last one, as in the data
        # not there: the nearest parent's line, else 1
        (("routes", 1, "links"), 10),
        (("routes", 0, "links", 5), 6),
        (("routes", 7, "cost"), 3),
        (("routes", "id"), 3),
        (("title", "x"), 12),
        (("missing",), 1),
        ((0,), 1),
    ],
)
def test_line_of_key_path(keys, line):
    assert yaml_source.parse(TEXT).line_of(*keys) == line


def test_repeated_key_uses_the_last_one_that_has_the_path():
    source = yaml_source.parse("a:\n  b: 1\nc: 2\na:\n  d: 3\n")
    assert source.data == {"a": {"d": 3}, "c": 2}
    assert [source.line_of("a", key) for key in ("b", "d", "x")] == [2, 5, 4]


def test_data_is_what_safe_load_gives():
    source = yaml_source.parse(TEXT)
    assert source.data["routes"][0]["links"][1] == {"text": "B"} and source.data["title"] == "Again"
    assert yaml_source.parse("").data is None and yaml_source.parse("").line_of("a") == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3),
        ("a: 1\n\tb: 2\n", 2),
        ("a: 1\nb: 2\n  c: 3\n", 3),
        ("a: !!python/name:os.system x\n", 1),
    ],
)
def test_syntax_error_names_the_line_and_the_fix(text, line):
    with pytest.raises(yaml_source.YamlSyntaxError) as caught:
        yaml_source.parse(text)
    assert caught.value.line == line
    assert caught.value.message == f"is not valid YAML: {caught.value}; fix the YAML syntax"
    assert f"line {line}," in str(caught.value)  # the parser's own message, unchanged


def test_compose_gives_the_node_tree_or_the_syntax_error():
    assert yaml_source.compose("") is None
    assert yaml_source.compose("a: 1\n").value[0][0].value == "a"
    with pytest.raises(yaml_source.YamlSyntaxError) as caught:
        yaml_source.compose("a: 1\nb: [1, 2\nc: 3\n")
    assert caught.value.line == 3


def test_read_reads_the_file(tmp_path):
    path = tmp_path / "data.yml"
    path.write_text(TEXT, encoding="utf-8")
    assert yaml_source.read(path).line_of("routes", 1, "id") == 10
    with pytest.raises(OSError):
        yaml_source.read(tmp_path / "missing.yml")
