"""The Nu Html Checker (vnu-jar from npm, pinned in package.json; Java from Debian's
default-jre-headless) finds no errors on any page of the website or of the offline copy.
One Java process checks every page at once."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from phone_pages import PROJECT, html_pages

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_of_both_outputs_is_valid_html(site: Path, offline_copy: Path) -> None:
    java = shutil.which("java")
    assert java, "no Java: install Debian's default-jre-headless (make test does)"
    assert VNU.exists(), f"no {VNU}: run npm ci (make test does)"
    pages = html_pages(site) + html_pages(offline_copy)
    assert len(pages) > 60 and any(p.is_relative_to(offline_copy) for p in pages)
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(done.stderr)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"]
    report = [f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors[:40]]
    assert not errors, f"{len(errors)} HTML error(s), the first {len(report)}:\n" + "\n".join(report)
