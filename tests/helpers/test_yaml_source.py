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
other: Again
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
        (("title",), 2),
        (("other",), 12),
        # not there: the nearest parent's line, else 1
        (("routes", 1, "links"), 10),
        (("routes", 0, "links", 5), 6),
        (("routes", 7, "cost"), 3),
        (("routes", "id"), 3),
        (("other", "x"), 12),
        (("missing",), 1),
        ((0,), 1),
    ],
)
def test_line_of_key_path(keys, line):
    assert yaml_source.parse(TEXT).line_of(*keys) == line


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # Issue 19, item 10: a second block silently replaced the first.
        ("a:\n  b: 1\nc: 2\na:\n  d: 3\n", 4, "the key 'a' is here and on line 1"),
        ("routes:\n  - id: x\n    time_limits: [a]\n    cost: free\n    time_limits: [b]\n", 5,
         "the key 'time_limits' is here and on line 3"),
        # Item 6: an alias bomb (each level doubles the one before) and 30,000 nested brackets.
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 2, "'*a' repeats another part of the file"),
        ("a: " + "[" * 30000 + "]" * 30000 + "\n", 1, "lists and mappings are nested more than 64 deep"),
    ],
)
def test_data_files_refuse_repeated_keys_aliases_and_deep_nesting(text, line, message):
    with pytest.raises(yaml_source.YamlSyntaxError) as caught:
        yaml_source.parse(text)
    assert caught.value.line == line
    assert caught.value.message.startswith(message), caught.value.message


def test_nesting_that_data_needs_is_kept():
    text = "a:\n" + "".join("  " * depth + f"k{depth}:\n" for depth in range(1, 20)) + "  " * 20 + "v: 1\n"
    assert yaml_source.parse(text).line_of("a", "k1", "k2") == 3


def test_data_is_what_safe_load_gives():
    source = yaml_source.parse(TEXT)
    assert source.data["routes"][0]["links"][1] == {"text": "B"} and source.data["other"] == "Again"
    assert yaml_source.parse("").data is None and yaml_source.parse("").line_of("a") == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3),
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
    with pytest.raises(yaml_source.Unreadable):
        yaml_source.read(tmp_path / "missing.yml")


LETTER = """\
letters:
  - id: one
    body:
      - "I am worried because [say what worries you].
      - >-
        I would like to meet you to talk about this. I would like us to look at
        [your child's name]'s needs, the help they get now, and how it is working.
      - "I can meet on [days and times that suit you]."
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # Issue 19, item 15: an unclosed quote was reported where the next quote is (far below).
        (LETTER, 4, 'is not valid YAML: the quote (") that opens the value on this line is not closed; '
                    'close it with " at the end of the value'),
        ("a: 'it''s\nb: 2\n", 1, "is not valid YAML: the quote (') that opens the value on this line"),
        # A tab was "found character '\\t' that cannot start any token".
        ("a: 1\n\tb: 2\n", 2, "is not valid YAML: there is a tab here; use spaces, not a tab"),
        ("a:\n  - x\n\t- y\n", 3, "is not valid YAML: there is a tab here; use spaces, not a tab"),
        # Item 14: a colon in a value, a value that starts with a bracket, a date that does not exist.
        ("title: Privacy\ndescription: Privacy: this website sets no cookies\n", 2,
         'is not valid YAML: the value has a colon and a space (": ") in it; put the whole value in quotes: '
         'description: "Privacy: this website sets no cookies"'),
        ("to: {{ local.council }}\n", 1,
         'is not valid YAML: a value that starts with "{" is read as YAML, not text; put the whole value '
         'in quotes: to: "{{ local.council }}"'),
        ("title: [draft] Mediation\n", 1, 'is not valid YAML: a value that starts with "[" is read as YAML, not text; put the whole '
         'value in quotes: title: "[draft] Mediation"'),
        ('say: He said: "no"\n', 1, 'is not valid YAML: the value has a colon and a space (": ") in it; '
         "put the whole value in quotes: say: 'He said: \"no\"'"),
        # An apostrophe inside single quotes ends the value early.
        ("a: 1\ntext: 'It's fine'\n", 2, "is not valid YAML: the value's quotes end early, at the ' inside it; "
         'put the whole value in quotes this way: text: "It\'s fine"'),
        ('- "He said "no" to it"\n', 1, "is not valid YAML: the value's quotes end early, at the \" inside it; "
         "put the whole value in quotes this way: - 'He said \"no\" to it'"),
        ("last_reviewed: 2026-02-30\n", 1, "'2026-02-30' is not a real date; write a date that exists, as YYYY-MM-DD"),
    ],
)
def test_common_mistakes_are_named_at_their_line_with_the_fix(text, line, message):
    with pytest.raises(yaml_source.YamlSyntaxError) as caught:
        yaml_source.parse(text)
    assert (caught.value.line, caught.value.message[:len(message)]) == (line, message)
