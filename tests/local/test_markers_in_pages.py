"""Every marker left in a published page, whole or broken, fails the build at its line."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_broken_markers_fail_the_build_at_their_line(build_variant):
    """Issue 19, item 9: ``{{ local.council }`` and ``{ local.council }`` were published as typed."""
    page = PROJECT / "docs" / "privacy.md"
    line = len(page.read_text(encoding="utf-8").splitlines()) + 2

    def edit(project: Path) -> None:
        copy = project / "docs" / "privacy.md"
        copy.write_text(copy.read_text(encoding="utf-8")
                        + "\nCall {{ local.council } now. Or { local.council }.\n", encoding="utf-8")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    for broken in ("{{ local.council }", "{ local.council }"):
        assert (f"docs/privacy.md:{line}: {broken} is not a whole marker; write {{{{ local.council }}}}, "
                "two braces on each side") in log, log
