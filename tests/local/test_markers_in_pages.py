"""Every marker left in a published page, whole or broken, fails the build at its line."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_broken_markers_fail_the_build_at_their_line(build_variant):
    """Issue 19, item 9: ``{{ local.council }`` and ``{ local.council }`` were published as typed,
    and so was a marker in a title."""
    page = PROJECT / "docs" / "privacy.md"
    line = len(page.read_text(encoding="utf-8").splitlines()) + 2
    nav = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("  - Privacy: privacy.md") + 1

    def edit(project: Path) -> None:
        copy = project / "docs" / "privacy.md"
        copy.write_text(copy.read_text(encoding="utf-8")
                        + "\nCall {{ local.council } now. Or { local.council }.\n", encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  - Privacy: privacy.md", "  - Privacy at {{ local.council }}: privacy.md"), encoding="utf-8")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    for broken in ("{{ local.council }", "{ local.council }"):
        assert (f"docs/privacy.md:{line}: {broken} is not a whole marker; write {{{{ local.council }}}}, "
                "two braces on each side") in log, log
    # a marker in a nav title: on every page, named once, in the file it is in
    nav_title = (f"mkdocs.yml:{nav}: {{{{ local.council }}}} is in mkdocs.yml, where markers are not filled in; "
                 "write the words themselves")
    assert log.count(nav_title) == 1, log
