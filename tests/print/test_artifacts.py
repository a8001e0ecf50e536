"""Running footers as Artifacts (print/artifacts.py): the content stream rewritten line by line."""

from __future__ import annotations

import pytest

from print.artifacts import UnexpectedContent, _rewrite_content

# As WeasyPrint writes a page: marked content for the page's text, then the running footer's.
CONTENT = (
    b"q\n/P\n<</MCID 0>>\nBDC\n<0012>Tj\nEMC\n"
    b"/Span\n<</MCID 1>>\nBDC\n<0013>Tj\nEMC\n"
    b"/Artifact\nBMC\n57.19 384.65 242.63 161. re\nf\nEMC\n"
    b"/P\n<</MCID 2>>\nBDC\n<0014>Tj\nEMC\nQ\n"
)


def test_the_footer_becomes_a_pagination_artifact_and_the_rest_is_renumbered() -> None:
    rewritten = _rewrite_content(CONTENT, orphans={1}, numbers={0: 0, 2: 1})
    assert rewritten == (
        b"q\n/P\n<</MCID 0>>\nBDC\n<0012>Tj\nEMC\n"
        b"/Artifact\n<</Type /Pagination>>\nBDC\n<0013>Tj\nEMC\n"
        b"/Artifact\nBMC\n57.19 384.65 242.63 161. re\nf\nEMC\n"
        b"/P\n<</MCID 1>>\nBDC\n<0014>Tj\nEMC\nQ\n"
    )


def test_a_page_without_orphans_keeps_its_bytes() -> None:
    assert _rewrite_content(CONTENT, orphans=set(), numbers={0: 0, 1: 1, 2: 2}) == CONTENT


@pytest.mark.parametrize("written", [
    b"/P <</MCID 0>> BDC\n<0012>Tj\nEMC\n",  # on one line
    b"/P\n<</MCID 0 /Lang (en)>>\nBDC\n<0012>Tj\nEMC\n",  # more in the dictionary
])
def test_a_marked_content_start_written_another_way_stops_the_build(written: bytes) -> None:
    with pytest.raises(UnexpectedContent, match="WeasyPrint's output has changed"):
        _rewrite_content(written, orphans={0}, numbers={})
