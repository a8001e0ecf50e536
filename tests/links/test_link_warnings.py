"""Broken links, anchors and nav entries are named at their line (issue 19, item 15)."""

from pathlib import Path

from links import warnings

PROJECT = Path(__file__).resolve().parents[2]
EXTRA = "---\ntitle: Extra\ndescription: A page.\nlast_reviewed: 2026-11-28\nreview_interval_months: 12\n---\n\n# Extra\n"


def test_broken_links_anchors_and_nav_entries_are_named_at_their_line(build_variant):
    """MkDocs' own warnings named the page only ("Doc file 'privacy.md' contains a link …")."""
    page = len((PROJECT / "docs" / "privacy.md").read_text(encoding="utf-8").splitlines())
    nav = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("  - Privacy: privacy.md") + 2

    def edit(project: Path) -> None:
        privacy = project / "docs" / "privacy.md"
        privacy.write_text(privacy.read_text(encoding="utf-8") + "\nSee [the rules](nope.md) and [this part](#no-such).\n"
                           "\nAlso [mediation](mediation.md#nope).\n", encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  - Privacy: privacy.md\n", "  - Privacy: privacy.md\n  - Missing: missing.md\n"), encoding="utf-8")
        (project / "docs" / "extra.md").write_text(EXTRA, encoding="utf-8")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    for expected in (
        f"docs/privacy.md:{page + 2}: the link 'nope.md' leads to no page of the site; link to a page's .md file",
        f"docs/privacy.md:{page + 2}: the link '#no-such' leads to no heading on this page; a heading's id is",
        f"docs/privacy.md:{page + 4}: the page mediation.md has no heading '#nope'; a heading's id is",
        f"mkdocs.yml:{nav}: the nav names 'missing.md', which is not a file in docs/; correct the name",
        "docs/extra.md: the page is not in the nav; add it to nav in mkdocs.yml",
    ):
        assert expected in log, log


def test_each_warning_about_the_same_link_names_its_next_line():
    rewriter = warnings.Rewriter()
    message = "Doc file 'a.md' contains a link 'b.md', but the target is not found among documentation files."
    rewriter.start({"a.md": "# A\n\n[x](b.md)\n\n[y](b.md)\n"}, "")
    assert [rewriter.rewrite(message).split(":")[1] for _ in range(3)] == ["3", "5", "5"]
    assert rewriter.rewrite("Something else.") is None


def test_links_that_are_not_to_a_page_file_are_named_with_what_to_write():
    rewriter = warnings.Rewriter()
    rewriter.start({"a.md": "# A\n\nSee [b](b/) and [c](/c.md).\n"}, "")
    assert rewriter.rewrite("Doc file 'a.md' contains an unrecognized relative link 'b/', it was left as is. "
                            "Did you mean 'b.md'?") == (
        "docs/a.md:3: the link 'b/' is not to a page's .md file; link to 'b.md', written from this page")
    assert rewriter.rewrite("Doc file 'a.md' contains an absolute link '/c.md', it was left as is.") == (
        "docs/a.md:3: the link '/c.md' is not to a page's .md file; link to its .md file, written from this page")
    assert rewriter.rewrite("Doc file 'made.md' contains a link '#x', but there is no such anchor on this page.") == (
        "made.md (generated page): the link '#x' leads to no heading on this page; a heading's id is its words in lower case "
        "joined by hyphens, or set one with {#id} after it")
