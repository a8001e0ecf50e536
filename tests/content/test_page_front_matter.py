"""Page front matter is read as the build reads data files: every problem at its line, in one run."""

from pathlib import Path

from project import replace_once


def test_front_matter_problems_are_named_at_their_lines(build_variant):
    """Issue 19, items 9 and 14: a marker in a title was published as typed; one that starts a
    value, a colon in a value or a date that does not exist dropped the front matter, and the
    build then said last_reviewed was "missing"."""
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        docs = project / "docs"
        lines["title"] = replace_once(docs / "privacy.md", "title: Privacy", "title: Privacy at {{ local.council }}")
        lines["start"] = replace_once(docs / "mediation.md", "description: ", "description: {{ local.service }} and ")
        lines["colon"] = replace_once(docs / "accessibility.md", "description: ",
                                  "description: Privacy: this website and ")
        lines["date"] = replace_once(docs / "complaints.md", "last_reviewed: 2026-12-02", "last_reviewed: 2026-02-30")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    marker = "is in the front matter, where markers are not filled in"
    assert f"docs/privacy.md:{lines['title']}: {{{{ local.council }}}} {marker}" in log, log
    assert f"docs/mediation.md:{lines['start']}: {{{{ local.service }}}} {marker}" in log, log
    assert (f'docs/accessibility.md:{lines["colon"]}: is not valid YAML: the value has a colon and a space (": ") '
            'in it; put the whole value in quotes: description: "Privacy: this website and ') in log, log
    assert f"docs/complaints.md:{lines['date']}: '2026-02-30' is not a real date" in log, log
    assert "missing" not in log, log
