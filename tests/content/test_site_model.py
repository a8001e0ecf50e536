"""The site model: every data file read once per build, every problem of every file in one run."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from project import replace_once

from content import site as content
from helpers import yaml_source

PROJECT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(path.name for path in (PROJECT / "docs" / "data").glob("*.yml"))


def test_every_data_file_problem_is_reported_in_one_run(build_variant):
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        data = project / "docs" / "data"
        lines["local"] = replace_once(project / "localities" / "wokingham" / "local.yml", "phone: 0118 908 8233", "phone: 12345")
        lines["routes"] = replace_once(data / "routes.yml", "run_by_others: false", "run_by_others: maybe")
        lines["finder"] = replace_once(data / "finder.yml", "next: spoken-to-school", "goes_to: spoken-to-school")
        lines["glossary"] = replace_once(data / "glossary.yml", "\n", "\n: : [\n")
        lines["print"] = replace_once(data / "print.yml", "leaflets:\n", "leaflet_pages: []\nleaflets:\n")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log, log
    assert re.search(rf"local\.yml:{lines['local']}: local detail 'service\.phone' '12345' is not a UK phone", log), log
    assert re.search(rf"routes\.yml:{lines['routes']}: route '[a-z-]+', field 'run_by_others': must be true or false",
                     log), log
    assert re.search(rf"finder\.yml:{lines['finder']}: .*unknown key 'goes_to'", log), log
    assert re.search(rf"glossary\.yml:{lines['glossary'] + 1}: is not valid YAML", log), log
    assert re.search(rf"print\.yml:{lines['print']}: unknown key 'leaflet_pages'", log), log
    # one error, before any page is rendered
    assert log.count("Aborted with a BuildError") <= 1
    assert "Documentation built" not in log


def test_each_data_file_is_parsed_once_per_build(tmp_path, monkeypatch):
    """A real website build in this process: every YAML parse of a data file is counted."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from project import snapshot

    project = snapshot(tmp_path / "project")
    monkeypatch.setenv("SITE_SKIP_PDF", "1")
    monkeypatch.chdir(project)
    texts = {(project / "docs" / "data" / name).read_text(encoding="utf-8"): name for name in DATA_FILES}
    texts[(project / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8")] = "local.yml"
    parsed: Counter[str] = Counter()

    def counting(function):
        def run(stream, *args, **kwargs):
            if isinstance(stream, str) and stream in texts:
                parsed[texts[stream]] += 1
            return function(stream, *args, **kwargs)
        return run

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    monkeypatch.setattr(yaml_source, "_load", counting(yaml_source._load))
    for name in ("compose", "load", "safe_load", "compose_all", "load_all", "safe_load_all"):
        monkeypatch.setattr(yaml, name, counting(getattr(yaml, name)))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert parsed == Counter([*DATA_FILES, "local.yml"]), parsed


def test_a_file_is_read_once_and_its_error_kept(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.yml", tmp_path / "bad.yml"
    good.write_text("a: 1\n", encoding="utf-8")
    bad.write_text("a: [\n", encoding="utf-8")
    calls: Counter[Path] = Counter()
    real = yaml_source.read

    def read(path: Path) -> yaml_source.Source:
        calls[path] += 1
        return real(path)

    monkeypatch.setattr(yaml_source, "read", read)
    site = content.Site(tmp_path)
    assert site.read(good) is site.read(good)
    for _ in range(2):
        with pytest.raises(yaml_source.YamlSyntaxError):
            site.read(bad)
    assert calls == Counter({good: 1, bad: 1})


def test_report_lists_every_file_under_its_heading(tmp_path):
    site = content.Site(tmp_path)
    site.keep("a.yml", None, "A is wrong", ["a.yml:1: one", "a.yml:2: two"])
    site.keep("b.yml", 3)
    site.keep("c.yml", None, "C is wrong", ["c.yml:5: three"])
    assert site.report() == "A is wrong:\n  a.yml:1: one\n  a.yml:2: two\nC is wrong:\n  c.yml:5: three"
    assert site.good("b.yml") and not site.good("a.yml") and not site.good("missing.yml")
    assert site.value("b.yml") == 3


def test_repeated_keys_and_aliases_in_data_fail_the_build_with_both_lines(build_variant):
    """Issue 19, items 6 and 10: a second ``time_limits:`` silently dropped a route's limits (and
    the error blamed finder.yml); an alias bomb made the build run forever."""
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        data = project / "docs" / "data"
        routes = (data / "routes.yml").read_text(encoding="utf-8")
        start = routes.index("  - id: complaint\n")
        lines["kept"] = routes[:routes.index("    time_limits:", start)].count("\n") + 2  # after the insert
        lines["added"] = replace_once(data / "routes.yml", "  - id: complaint\n",
                                  "  - id: complaint\n    time_limits: []\n") + 1
        lines["local"] = replace_once(project / "localities" / "wokingham" / "local.yml", "  short_name: SENDIASS\n",
                                  "  short_name: &n SENDIASS\n  area_again: *n\n") + 1

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    assert f"routes.yml:{lines['kept']}: the key 'time_limits' is here and on line {lines['added']};" in log, log
    assert f"local.yml:{lines['local']}: '*n' repeats another part of the file" in log, log
    assert "finder.yml" not in log, "the error names the file that is wrong"


def test_common_yaml_mistakes_in_data_files_are_named_where_they_are(build_variant):
    """Issue 19, item 15: an unclosed quote was reported at the next quote, lines below; a tab as
    "found character '\\t' that cannot start any token"; a pasted phone number with non-breaking
    spaces, or one written +44, was refused."""
    lines: dict[str, int] = {}

    def edit(project: Path) -> None:
        data = project / "docs" / "data"
        lines["quote"] = replace_once(data / "letters.yml", "examples].\"", "examples].")
        lines["tab"] = replace_once(data / "glossary.yml", "  - term: SEND\n", "\t- term: SEND\n")
        replace_once(project / "localities" / "wokingham" / "local.yml", "phone: 0118 908 8233", "phone: 0118\u00a0908\u00a08233")
        replace_once(project / "localities" / "wokingham" / "local.yml", "phone: 0800 064 4488", "phone: +44 800 064 4488")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    assert (f'letters.yml:{lines["quote"]}: is not valid YAML: the quote (") that opens the value on this line '
            'is not closed; close it with " at the end of the value') in log, log
    assert f"glossary.yml:{lines['tab']}: is not valid YAML: there is a tab here; use spaces, not a tab" in log, log
    assert "local.yml" not in log, log
