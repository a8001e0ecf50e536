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


@pytest.mark.parametrize("name", ["localities/wokingham/local.yml", "docs/data/routes.yml", "docs/data/finder.yml",
                                  "docs/data/print.yml"])
def test_a_missing_data_file_is_named(build_variant, name):
    log = _log(build_variant(lambda project: (project / name).unlink()))
    if name.startswith("localities/"):  # the service's folder holds nothing: it is named as missing
        assert re.search(rf"there is no service 'wokingham': no \S*{re.escape(name)}", log), log[-3000:]
    else:
        assert re.search(rf"{re.escape(name)}:1: the file is missing; .*restore it", log), log[-3000:]


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


def test_a_route_written_as_text_says_how_to_write_it(build_variant):
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "routes.yml"
        text = path.read_text(encoding="utf-8")
        start = text.index("  - id: first-steps\n")
        path.write_text(text[:start] + "  - first-steps\n" + text[text.index("  - id: complaint\n"):],
                        encoding="utf-8")

    log = _log(build_variant(edit))
    line = (PROJECT / "docs" / "data" / "routes.yml").read_text(encoding="utf-8").splitlines().index(
        "  - id: first-steps") + 1
    assert (f"routes.yml:{line}: route 'first-steps' is written as text; write each route as "
            "'- id: first-steps' followed by its fields") in log, log[-3000:]
    assert "number 1" not in log


def test_route_data_without_routes_says_what_to_add(build_variant):
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "routes.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("\nroutes:\n", "\nroute_list:\n", 1), encoding="utf-8")

    log = _log(build_variant(edit))
    assert re.search(r"routes\.yml:1: has no 'routes:' list; start the list of routes with a line "
                     r"'routes:' \(see README", log), log[-3000:]


def test_local_service_written_as_text_says_how_to_write_it(build_variant):
    def edit(project: Path) -> None:
        path = project / "localities" / "wokingham" / "local.yml"
        text = path.read_text(encoding="utf-8")
        start, end = text.index("service:\n"), text.index("council:\n")
        path.write_text(text[:start] + "service: Wokingham SENDIASS\n" + text[end:], encoding="utf-8")

    log = _log(build_variant(edit))
    line = (PROJECT / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8").splitlines().index("service:") + 1
    assert (f"local.yml:{line}: 'service' is written as 'Wokingham SENDIASS', not as its details; put each "
            "of them (name, short_name, area, phone, email, website) on a line of its own, indented "
            "under 'service:'") in log, log[-3000:]
