"""pydyf's page references, kept while a PDF is written (print/page_references.py): the same bytes."""

from __future__ import annotations

import io

import pikepdf
import pydyf
import pytest
from weasyprint import HTML

from print import page_references

# Enough text for several pages, links between them (the outline and link annotations read the
# page references too) and headings, lists and a table for the tags.
DOCUMENT = "".join(
    f'<h2 id="part-{n}">Part {n}</h2><p>{"Words in a paragraph. " * 60}</p>'
    f'<ul><li><a href="#part-{(n + 3) % 12}">To part {(n + 3) % 12}</a></li></ul>'
    f"<table><tr><th>Route</th><td>Time limit {n}</td></tr></table>"
    for n in range(12)
)


def _pydyf_own(pdf) -> tuple[bytes, ...]:
    """What pydyf 0.13.0's property returns, rebuilt on every read."""
    return tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])


def _render() -> bytes:
    return HTML(string=f"<html lang='en'><title>T</title><body>{DOCUMENT}</body></html>").write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=b"0" * 32)


def test_the_pinned_pydyf_gets_the_kept_list() -> None:
    # Fails when pydyf is upgraded: check that PDF.page_references is still a property that
    # only grows with add_page, then move PINNED.
    assert page_references.keep_page_references() is True
    assert pydyf.PDF.page_references.fget is page_references._kept_page_references


def test_a_tagged_pdf_has_the_same_bytes_with_the_kept_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pydyf.PDF, "page_references", property(_pydyf_own))
    own = _render()
    assert page_references.keep_page_references() is True
    kept = _render()
    assert len(pikepdf.open(io.BytesIO(own)).pages) >= 3
    assert kept == own


def test_the_list_grows_with_each_page_added() -> None:
    page_references.keep_page_references()
    pdf = pydyf.PDF()
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(first) == 1
    assert pdf.page_references == _pydyf_own(pdf)
    assert len(pdf.page_references) == 2


def test_another_pydyf_version_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pydyf.PDF, "page_references", property(_pydyf_own))
    monkeypatch.setattr(pydyf, "__version__", "0.14.0")
    assert page_references.keep_page_references() is False
    assert pydyf.PDF.page_references.fget is _pydyf_own
