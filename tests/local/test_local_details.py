"""Local details: every bad value is reported with file, line and key; good ones render."""

from pathlib import Path

import pytest
import yaml

from local import details as local_details

PROJECT = Path(__file__).resolve().parents[2]
REAL = PROJECT / "localities" / "wokingham" / "local.yml"


def write(tmp_path: Path, changes: dict[str, object]) -> Path:
    data = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    for key, value in changes.items():
        section, name = key.split(".")
        if value is None:
            del data[section][name]
        else:
            data[section][name] = value
    path = tmp_path / "local.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_the_real_file_is_valid():
    values, problems = local_details.load(REAL)
    assert problems == []
    assert values["service.phone"] == "0118 908 8233"


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("service.email", "not-an-email", "is not an email address"),
        ("service.phone", "12345", "is not a UK phone number"),
        ("service.phone", "+1 555 0100", "is not a UK phone number"),
        ("service.website", "http://www.example.org.uk", "is not an https:// address"),
        ("council.local_offer", "www.example.gov.uk", "is not an https:// address"),
        ("mediation_provider.name", "", "is missing or empty"),
        ("council.name", None, "is missing or empty"),
    ],
)
def test_each_bad_value_is_named(tmp_path, key, value, expected):
    _, problems = local_details.load(write(tmp_path, {key: value}))
    assert [p.key for p in problems] == [key]
    assert expected in problems[0].message
    assert "write" in problems[0].message  # says what to do


def test_every_problem_is_reported_at_once_with_lines(tmp_path):
    path = write(tmp_path, {"service.email": "x", "service.phone": "1", "service.website": "ftp://a"})
    _, problems = local_details.load(path)
    assert {p.key for p in problems} == {"service.email", "service.phone", "service.website"}
    lines = path.read_text().splitlines()
    for problem in problems:
        assert problem.key.split(".")[1] in lines[problem.line - 1]
        assert str(problem).startswith(f"{path}:{problem.line}: local detail '{problem.key}'")


def test_broken_yaml_is_reported(tmp_path):
    path = tmp_path / "local.yml"
    path.write_text("service:\n  name: [unclosed\n", encoding="utf-8")
    _, problems = local_details.load(path)
    assert len(problems) == 1 and "not valid YAML" in problems[0].message


def test_rendering():
    values, _ = local_details.load(REAL)
    rendered = local_details.LocalDetails(values).markers()
    assert rendered["phone"] == "[0118 908 8233](tel:+441189088233)"
    assert rendered["email"] == "[Sendiass@wokingham.gov.uk](mailto:Sendiass@wokingham.gov.uk)"
    assert rendered["website_address"] == "www.sendiasswokingham.org.uk"
    assert rendered["local_offer_address"] == (
        "www.wokingham.gov.uk/local-offer-for-0-25-year-olds-with-additional-needs"
    )


def test_opening_hours_are_optional_and_checked_when_given(tmp_path):
    """The leaflet gives no opening hours, so the real file has none; given ones must be days and times."""
    values, problems = local_details.load(REAL)
    assert "service.opening_hours" not in values and problems == []
    details = local_details.LocalDetails(values).markers()
    assert details["phone_and_hours"] == "[0118 908 8233](tel:+441189088233)"
    assert "opening_hours" not in details

    good = write(tmp_path, {"service.opening_hours": "Monday to Friday, 9:30am to 4pm"})
    values, problems = local_details.load(good)
    assert problems == []
    assert local_details.LocalDetails(values).markers()["phone_and_hours"] == (
        "[0118 908 8233](tel:+441189088233) (Monday to Friday, 9:30am to 4pm)"
    )


@pytest.mark.parametrize("value", ["Office hours", "9am to 5pm", "Weekdays", ""])
def test_opening_hours_without_a_day_and_a_time_are_named(tmp_path, value):
    path = write(tmp_path, {"service.opening_hours": value})
    _, problems = local_details.load(path)
    assert [p.key for p in problems] == ["service.opening_hours"]
    assert "write the days and times" in problems[0].message
    assert "opening_hours" in path.read_text().splitlines()[problems[0].line - 1]


@pytest.mark.parametrize(
    ("written", "shown", "link"),
    [
        # Issue 19, item 15: pasted with non-breaking spaces, the number was refused while the
        # message showed an identical-looking one.
        ("0118\u00a0908\u00a08233", "0118 908 8233", "tel:+441189088233"),
        ("0118\u202f908\u20098233", "0118 908 8233", "tel:+441189088233"),
        # A UK number written +44 was refused.
        ("+44 118 908 8233", "+44 118 908 8233", "tel:+441189088233"),
        ("+44 (0)118 908 8233", "+44 (0)118 908 8233", "tel:+441189088233"),
    ],
)
def test_uk_numbers_as_people_write_them_are_accepted(tmp_path, written, shown, link):
    values, problems = local_details.load(write(tmp_path, {"service.phone": written}))
    assert problems == []
    assert values["service.phone"] == shown
    assert local_details.LocalDetails(values).markers()["phone"] == f"[{shown}]({link})"
