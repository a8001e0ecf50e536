"""The marker finder and expander, on real Markdown."""

from helpers.markers import Marker, MarkerError, advice, body_offset, expand, find, leftovers


def test_finds_markers_with_line_numbers_and_arguments():
    text = "Intro\n\nCall {{ local.phone }} now.\n{{ routes.differences(mediation) }}\n"
    assert find(text) == [
        Marker("local", "phone", None, 3, "{{ local.phone }}"),
        Marker("routes", "differences", "mediation", 4, "{{ routes.differences(mediation) }}"),
    ]


def test_ignores_fenced_and_inline_code():
    text = "```\n{{ local.phone }}\n```\nUse `{{ local.email }}` like this: {{ local.website }}\n"
    assert [m.key for m in find(text)] == ["website"]


def test_tilde_fences_and_namespace_filter():
    text = "~~~md\n{{ local.a }}\n~~~\n{{ local.b }} {{ routes.c }}\n"
    assert [m.key for m in find(text, "local")] == ["b"]


def test_expand_replaces_and_reports_every_bad_marker():
    text = "A {{ local.good }} B {{ local.bad }}\n{{ local.worse }}\n"
    reported = []

    def render(marker):
        if marker.key != "good":
            raise MarkerError(f"no {marker.key}")
        return "GOOD"

    out = expand(text, "local", render, lambda m, msg: reported.append((m.line, msg)))
    assert out == "A GOOD B {{ local.bad }}\n{{ local.worse }}\n"
    assert reported == [(1, "no bad"), (2, "no worse")]


def test_expand_leaves_other_namespaces():
    text = "{{ routes.comparison }}\n"
    assert expand(text, "local", lambda m: "X", lambda m, s: None) == text


def test_body_offset_counts_front_matter_and_blank_lines():
    source = "---\ntitle: A\nlast_reviewed: 2026-11-28\n---\n\n\n# Heading\n{{ local.x }}\n"
    body = source.split("---\n", 2)[2].lstrip("\n")
    assert body_offset(source) == 6
    marker = find(body)[0]
    assert source.splitlines()[marker.line + body_offset(source) - 1] == "{{ local.x }}"
    assert body_offset("# No front matter\n") == 0


def test_leftovers_names_every_whole_or_broken_marker_with_its_line():
    """Issue 19, item 9: ``{{ local.council }`` and ``{ local.council }`` were published as typed."""
    text = "Call {{ local.council } now.\nOr { local.council }.\n{{ local.fax }} and local.x }}\n"
    assert leftovers(text) == [
        (1, "{{ local.council }"), (2, "{ local.council }"), (3, "{{ local.fax }}"), (3, "}}"),
    ]
    assert leftovers("A heading { .class } and {#id} and {: .x }\n") == []


def test_advice_says_what_is_wrong_and_what_to_do():
    assert advice("{{ local.council }") == "is not a whole marker; write {{ local.council }}, two braces on each side"
    assert advice("{ local.council }") == advice("{{ local.council }")
    assert advice("{{ local.fax }}").startswith("was not filled in; check its spelling")
    assert advice("}}").startswith("is part of a marker; complete it")
