"""Editor mistakes that used to end in a Python traceback (issue 19, item 13) get a message that
names the file and line, says what is wrong and what to do, and lists every problem in one run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(path.name for path in (PROJECT / "docs" / "data").glob("*.yml"))
NOTEPAD_LINE = "St Helen’s – £0"  # as Notepad saves it: Windows-1252 ("ANSI")


def _log(result) -> str:
    log = result.stdout + result.stderr
    assert result.returncode != 0, log[-3000:]
    assert "Traceback" not in log, log[-3000:]
    return log


@pytest.mark.parametrize("name", ["local.yml", "routes.yml", "finder.yml", "print.yml"])
def test_a_missing_data_file_is_named(build_variant, name):
    log = _log(build_variant(lambda project: (project / "docs" / "data" / name).unlink()))
    assert re.search(rf"docs/data/{re.escape(name)}:1: the file is missing; .*restore it", log), log[-3000:]


def test_pages_and_data_files_saved_as_windows_1252_are_all_named_in_one_run(build_variant):
    def edit(project: Path) -> None:
        page = project / "docs" / "privacy.md"
        text = page.read_text(encoding="utf-8") + f"\n{NOTEPAD_LINE}\n"
        page.write_bytes(text.encode("utf-8").replace(NOTEPAD_LINE.encode("utf-8"), NOTEPAD_LINE.encode("cp1252")))
        for name in DATA_FILES:
            path = project / "docs" / "data" / name
            path.write_bytes(f"# {NOTEPAD_LINE}\n".encode("cp1252") + path.read_bytes())

    log = _log(build_variant(edit))
    lines = len((PROJECT / "docs" / "privacy.md").read_text(encoding="utf-8").splitlines()) + 2
    wrong = f': is not saved as UTF-8 \\(this line, read as Windows-1252, says "(# )?{NOTEPAD_LINE}"\\); save'
    assert re.search(rf"docs/privacy\.md:{lines}{wrong}", log), log[-3000:]
    for name in DATA_FILES:
        assert re.search(rf"{re.escape(name)}:1{wrong}", log), (name, log[-3000:])
