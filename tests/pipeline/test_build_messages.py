"""What ``make site`` (hooks/build_all.py) says when a build fails: words, not a Python list."""

import sys

import build_all


def test_a_failed_build_is_named_in_words(tmp_path, monkeypatch, capsys):
    """Issue 19, item 15: it said "Build failed (['mkdocs', 'build'])"."""
    monkeypatch.setenv(build_all.REPORTS_ENV, str(tmp_path / "reports"))
    monkeypatch.setattr(build_all, "_mkdocs_build", lambda site_dir: [sys.executable, "-c", "raise SystemExit(1)"])
    monkeypatch.setattr(build_all, "build", lambda dest: build_all.build_offline(tmp_path / "out"))
    (tmp_path / "site").mkdir()  # the last good site
    monkeypatch.setattr(sys, "argv", ["build_all.py", str(tmp_path / "site")])
    assert build_all.main() == 1
    assert capsys.readouterr().err == (
        "Build failed: the offline copy did not build (the messages above say what to fix); "
        "the last good site was left as it was.\n"
    )
