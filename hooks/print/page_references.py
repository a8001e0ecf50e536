"""Keep pydyf's list of page references while a PDF is written, instead of rebuilding it.

pydyf's ``PDF.page_references`` builds a new tuple of every page's reference each time it is
read. WeasyPrint's PDF/UA tagging reads it once for each tagged box, so writing a tagged
document takes time in proportion to pages × boxes: about 0.8 s of CPU in the large-print
booklet's 11 s. Pages are only ever appended to a PDF (``PDF.add_page``), so a list kept
while the number of pages is unchanged is exactly the list pydyf would build: the PDF's bytes
do not change (tests/print/test_page_references.py renders with and without and compares).

Applied only to the pydyf version this project pins, whose property it replaces; with any
other version pydyf is left as it is (correct, only slower) and the test says to look again.
This module knows nothing about MkDocs.
"""

from __future__ import annotations

PINNED = "0.13.0"


def _kept_page_references(pdf) -> tuple[bytes, ...]:
    """Every page's reference (``b"<n> 0 R"``), rebuilt only when a page has been added."""
    kids = pdf.pages["Kids"]
    kept = pdf.__dict__.get("_kept_page_references")
    if kept is None or kept[0] != len(kids):
        kept = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_kept_page_references"] = kept
    return kept[1]


def keep_page_references() -> bool:
    """Replace ``pydyf.PDF.page_references`` with the kept list; whether it was replaced."""
    import pydyf

    if pydyf.__version__ != PINNED:
        return False
    if getattr(pydyf.PDF.page_references, "fget", None) is not _kept_page_references:
        pydyf.PDF.page_references = property(_kept_page_references)
    return True
