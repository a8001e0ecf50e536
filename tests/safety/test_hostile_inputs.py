"""Issue 19, "Done when": a list of hostile and broken inputs, each checked three ways.

Either the build fails, naming the file and line, with no traceback, or the output shows the input
escaped. Either way the last good site/ is left exactly as it was when the build fails, and no
output holds a script, a ``javascript:`` link, a foreign address to load or an attached file.

The inputs go in three builds (``make site``'s own entry point, hooks/build_all.py, PDFs skipped):
every broken data file together, every broken page together (so each build must name every
problem in one run), and every hostile value that is shown as text together.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from project import snapshot

Edit = Callable[[Path], None]
SCRIPT = "<script>alert(1)</script>"


def replace(name: str, old: str, new: str) -> Edit:
    """Replace ``old`` (it must be there) in ``docs/<name>``."""
    def edit(project: Path) -> None:
        path = project / "docs" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def append(name: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / "docs" / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


# (what, the edit, the file and a pattern the build's message must name it with)
BROKEN_DATA = [
    ("an email that breaks out of its attribute",
     replace("../localities/wokingham/local.yml", "email: Sendiass@wokingham.gov.uk", 'email: "\\"><svg/onload=alert(1)>@evil.com"'),
     r"local\.yml:\d+: .*service\.email"),
    ("a web address that becomes a javascript: link",
     replace("../localities/wokingham/local.yml", "website: https://www.sendiasswokingham.org.uk",
             "website: https://x.example/)[text](javascript:alert(1)"),
     r"local\.yml:\d+: .*service\.website"),
    ("a time limit that disagrees with its legal fact",
     replace("data/routes.yml", "limit: Within 2 months", "limit: Within 6 months"),
     r"routes\.yml:\d+: says 6 months, but the fact"),
    ("a fact nobody recorded", replace("data/routes.yml", "fact: Judicial review", "fact: A fact I made up"),
     r"routes\.yml:\d+: 'fact: A fact I made up' is not in"),
    ("a key written twice",
     replace("data/finder.yml", "    title: What it is about\n", "    title: What it is about\n    title: Again\n"),
     r"finder\.yml:\d+: the key 'title' is here and on line \d+"),
    ("an alias bomb",
     append("data/glossary.yml", "\nbomb_a: &a [x, x, x, x, x, x, x, x, x]\nbomb_b: &b [*a, *a, *a, *a, *a]\n"),
     r"glossary\.yml:\d+: '\*a' repeats another part of the file"),
    ("30,000 nested brackets", append("data/print.yml", "\ndeep: " + "[" * 30000 + "]" * 30000 + "\n"),
     r"print\.yml:\d+: lists and mappings are nested more than 64 deep"),
    ("front matter MkDocs would drop",
     replace("privacy.md", "description: This website does not use cookies, analytics or tracking.",
             "description: Privacy: this website does not use cookies."),
     r"privacy\.md:3: .*quotes"),
    ("a date that does not exist", replace("contacts.md", "last_reviewed: 20", "last_reviewed: 2026-02-30\nx_was: 20"),
     r"contacts\.md:\d+: '2026-02-30' is not a real date"),
]

BROKEN_PAGES = [
    ("a local file attached to the PDFs",
     append("contacts.md", '\n<a rel="attachment" href="file:///etc/hostname">x</a>\n'), r"contacts\.md:\d+"),
    ("a picture from another host by a backslash address",
     append("complaints.md", '\n<img alt="x" src="\\\\evil.example/x.png">\n'), r"complaints\.md:\d+"),
    ("a Mermaid diagram (the theme would fetch a script from a CDN)",
     append("mediation.md", '\n<pre class="mermaid">graph TD; A-->B</pre>\n'), r"mediation\.md:\d+"),
    ("a Code paragraph nobody checks", append("appeals.md", "\nSee 11.999 of the Code.\n"), r"appeals\.md:\d+"),
    ("a broken marker", append("first-steps.md", "\nAsk { local.council } for help.\n"),
     r"first-steps\.md:\d+: \{ local\.council \}"),
    ("a second h1", append("getting-help.md", "\n# Another title\n"), r"getting-help\.md:\d+"),
    ("a phone number typed where the marker belongs", append("young-people.md", "\nRing 0118 908 8233.\n"),
     r"young-people\.md:\d+: .*local\.phone"),
    ("a language mark that is not a language", append("timescales.md", "\nBore da.\n{ lang=\"not a tag\" }\n"),
     r"timescales\.md:\d+"),
]

# (what, the edit, the page it shows on, the text it must show as, escaped)
SHOWN_AS_TEXT = [
    ("HTML in the finder", replace("data/finder.yml", "It makes decisions about education, health and care",
                                   f"It makes decisions {SCRIPT} about education, health and care"),
     "route-finder/about/index.html", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("HTML in the glossary", replace("data/glossary.yml", "compared with\n      most others of the same age.",
                                     "compared with\n      most others. <img src=x onerror=alert(1)>"),
     "glossary/index.html", "&lt;img src=x onerror=alert(1)&gt;"),
]


def build(project: Path, dest: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "hooks" / "build_all.py"), str(dest)], cwd=project,
                          capture_output=True, text=True,
                          env={**os.environ, "SITE_SKIP_PDF": "1", "NO_MKDOCS_2_WARNING": "1"})


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def unsafe(folder: Path, good: Path) -> list[str]:
    """What in the output could run, load from elsewhere or attach a file, beyond the good build's."""
    found = []
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        before = (good / page.relative_to(folder)).read_text(encoding="utf-8")
        if text.count("<script") != before.count("<script"):
            found.append(f"{page.name}: a script")
        found += [f"{page.name}: {m[0]}" for m in re.finditer(r"javascript:|rel=\"attachment\"|file:///|"
                                                                r"(?:src|href|srcset)=\"(?:https?:)?//", text)
                  if m[0] not in before]
    return found


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """A snapshot of the project and its last good site/ (built once), with the site's files."""
    root = tmp_path_factory.mktemp("hostile")
    project = snapshot(root / "project")
    dest = root / "published" / "site"
    done = build(project, dest)
    assert done.returncode == 0, done.stderr[-3000:]
    return project, dest, tree(dest)


def broken_build(good, cases, tmp_path: Path) -> str:
    """Build the good project with every case's edit; it must fail and leave site/ as it was."""
    project, dest, files = good
    copy = snapshot(tmp_path / "project")
    for _, edit, _ in cases:
        edit(copy)
    done = build(copy, dest)
    log = done.stdout + done.stderr
    assert done.returncode != 0, "the build passed"
    assert "Traceback" not in log, log[-3000:]
    assert tree(dest) == files, "the last good site changed"
    assert not [p for p in dest.parent.iterdir() if p.name not in ("site", "reports", ".site.lock")], \
        "a half-written folder"
    return log


def test_every_broken_data_file_is_named_in_one_run(good, tmp_path) -> None:
    log = broken_build(good, BROKEN_DATA, tmp_path)
    missing = [what for what, _, pattern in BROKEN_DATA if not re.search(pattern, log)]
    assert not missing, f"not named with file and line: {missing}\n{log[-6000:]}"


def test_every_broken_page_is_named_in_one_run(good, tmp_path) -> None:
    log = broken_build(good, BROKEN_PAGES, tmp_path)
    missing = [what for what, _, pattern in BROKEN_PAGES if not re.search(pattern, log)]
    assert not missing, f"not named with file and line: {missing}\n{log[-6000:]}"


def test_hostile_values_are_shown_as_text_and_nothing_unsafe_is_published(good, tmp_path) -> None:
    _, good_site, _ = good
    copy = snapshot(tmp_path / "project")
    for _, edit, _, _ in SHOWN_AS_TEXT:
        edit(copy)
    dest = tmp_path / "out" / "site"
    done = build(copy, dest)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    for what, _, page, escaped in SHOWN_AS_TEXT:
        assert escaped in (dest / page).read_text(encoding="utf-8"), what
    assert unsafe(dest, good_site) == []
