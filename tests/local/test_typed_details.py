"""Local details typed where a {{ local.* }} marker belongs fail the build (issue 19, item 12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from local import details as local_details

PROJECT = Path(__file__).resolve().parents[2]
VALUES, _ = local_details.load(PROJECT / "localities" / "wokingham" / "local.yml")

# (typed text, the key it is, the marker the message points to)
TYPED = [
    ("0118 908 8233", "service.phone", "{{ local.phone }}"),
    ("Sendiass@wokingham.gov.uk", "service.email", "{{ local.email }}"),
    ("Wokingham SEND Information, Advice and Support Service", "service.name", "{{ local.service_name }}"),
    ("www.sendiasswokingham.org.uk", "service.website", "{{ local.website }}"),
    ("Wokingham Borough Council", "council.name", "{{ local.council }}"),
    ("Global Mediation", "mediation_provider.name", "{{ local.mediation_provider }}"),
    ("0800 064 4488", "mediation_provider.phone", "{{ local.mediation_provider_phone }}"),
    ("Wokingham", "service.area", "{{ local.area }}"),
]


@pytest.mark.parametrize("written, key", [
    ("0118 908 8233", "service.phone"), ("01189088233", "service.phone"), ("0118-908-8233", "service.phone"),
    ("+44 118 908 8233", "service.phone"), ("+44 (0)118 908 8233", "service.phone"),
    ("SENDIASS@WOKINGHAM.GOV.UK", "service.email"), ("https://www.sendiasswokingham.org.uk/", "service.website"),
    ("Wokingham  Borough\tCouncil", "council.name"),
    ("www.wokingham.gov.uk/local-offer-for-0-25-year-olds-with-additional-needs", "council.local_offer"),
])
def test_each_way_of_typing_a_detail_is_found(written: str, key: str):
    from local import typed as local_typed

    [typed] = local_typed.find(f"Call {written} today.", VALUES)
    assert (typed.key, typed.written) == (key, written)


@pytest.mark.parametrize("text", [
    "Your local SENDIASS can help.", "Ask the SEN casework practitioner.", "{{ local.phone }}",
    "Call 0118 908 8234.", "A reading of the plan.", "wokingham in lower case is not the name",
    "Go to www.sendiasswokingham.org.uk.example.org",
])
def test_generic_words_and_markers_are_not_local_details(text: str):
    from local import typed as local_typed

    assert local_typed.find(text, VALUES) == []


def _add(path: Path, text: str) -> int:
    """Append text to a file; return the line where it starts."""
    source = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(source + text, encoding="utf-8")
    return source.count("\n") + 1


def test_typed_local_details_fail_the_build_naming_file_line_and_marker(build_variant):
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        body = "".join(f"Contact {written} today.\n\n" for written, _, _ in TYPED)
        start = _add(project / "docs" / "getting-help.md", body + "Your local SENDIASS can help.\n")
        for index, (written, _, _) in enumerate(TYPED):
            lines[written] = start + 2 * index
        finder = project / "docs" / "data" / "finder.yml"
        text = finder.read_text(encoding="utf-8")
        old = "question: What did the council decide?"
        assert old in text
        lines["data"] = text[:text.index(old)].count("\n") + 1
        finder.write_text(text.replace(old, "question: What did Wokingham Borough Council decide?", 1),
                          encoding="utf-8")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log, log
    for written, key, marker in TYPED:
        pattern = (rf"getting-help\.md:{lines[written]}: [^\n]*'{re.escape(written)}' is typed here[^\n]*; "
                   rf"write {re.escape(marker)}[^\n]*'{re.escape(key)}'")
        assert re.search(pattern, log), f"no message for {written!r}:\n{log}"
    assert "'SENDIASS'" not in log
    assert re.search(rf"docs/data/finder\.yml:{lines['data']}: the council's name 'Wokingham Borough Council' "
                     r"is typed here[^\n]*write \{\{ local\.council \}\}", log), log
