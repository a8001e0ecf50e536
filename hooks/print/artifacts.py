"""Mark a tagged PDF's running headers and footers as Artifacts (PDF/UA-1).

WeasyPrint tags the text of page-margin boxes (the running footer) as structure elements that
the structure tree does not reach: a screen reader finds text that belongs to no part of the
document. This step rewrites each such marked-content sequence as
``/Artifact <</Type /Pagination>> BDC … EMC``, renumbers the page's remaining marked content
so its numbers stay contiguous, and drops the orphan elements from the ParentTree (they are
then left out of the file). The same input always gives the same bytes. This module knows
nothing about MkDocs or WeasyPrint.
"""

from __future__ import annotations

import io
import re

import pikepdf

MARKED_START = re.compile(rb"^(?P<tag>/[A-Za-z0-9]+)\n<</MCID (?P<mcid>\d+)>>\nBDC$", re.MULTILINE)
ARTIFACT = b"/Artifact\n<</Type /Pagination>>\nBDC"


class UnexpectedContent(Exception):
    """A page's content is not written the way this step reads it."""


def reachable_elements(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """The object ids of every structure element reached from the StructTreeRoot."""
    seen: set[tuple[int, int]] = set()
    pending = [pdf.Root.StructTreeRoot.get("/K")]
    while pending:
        kid = pending.pop()
        if isinstance(kid, pikepdf.Array):
            pending.extend(kid)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            if kid.objgen in seen:
                continue
            seen.add(kid.objgen)
            pending.append(kid.get("/K"))
    return seen


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    """The ParentTree as a flat {key: value} mapping (WeasyPrint writes one /Nums array)."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _renumber(kids: pikepdf.Object, numbers: dict[int, int]) -> pikepdf.Object:
    """A structure element's /K with its marked-content numbers renumbered."""
    if isinstance(kids, int):
        return numbers.get(int(kids), kids)
    if isinstance(kids, pikepdf.Array):
        return pikepdf.Array([numbers[int(k)] if isinstance(k, int) else k for k in kids])
    return kids


def _rewrite_content(content: bytes, orphans: set[int], numbers: dict[int, int]) -> bytes:
    """The page's content with orphan sequences as pagination Artifacts, the rest renumbered.

    WeasyPrint writes each marked-content start on three lines of its own (``/Span``,
    ``<</MCID 3>>``, ``BDC``) and text as hex strings, so those lines are rewritten in place:
    much faster than parsing every instruction, and every other byte stays as WeasyPrint wrote it.
    A start written any other way stops the build rather than leave it untagged."""

    def rewritten(match: re.Match[bytes]) -> bytes:
        mcid = int(match["mcid"])
        if mcid in orphans:
            return ARTIFACT
        return b"%s\n<</MCID %d>>\nBDC" % (match["tag"], numbers[mcid])

    result, rewritten_count = MARKED_START.subn(rewritten, content)
    if (left := content.count(b"/MCID") - rewritten_count) != 0:
        raise UnexpectedContent(
            f"{left} marked-content sequence(s) not written as "
            "'/Tag', '<</MCID n>>', 'BDC' on lines of their own: WeasyPrint's output has changed; "
            "check print/artifacts.py against it")
    return result


def mark_running_artifacts(pdf_bytes: bytes) -> bytes:
    """The PDF with every marked-content sequence outside the structure tree as an Artifact."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        reachable = reachable_elements(pdf)
        tree = parent_tree(pdf)
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            if key is None or not isinstance(tree.get(int(key)), pikepdf.Array):
                continue
            elements = tree[int(key)]
            orphans = {i for i, e in enumerate(elements) if e.objgen not in reachable}
            if not orphans:
                continue
            kept = [i for i in range(len(elements)) if i not in orphans]
            numbers = {old: new for new, old in enumerate(kept)}
            page.contents_coalesce()
            content = page.obj.Contents.read_bytes()
            page.obj.Contents = pdf.make_stream(_rewrite_content(content, orphans, numbers))
            renumbered: set[tuple[int, int]] = set()
            for old in kept:
                element = elements[old]
                if element.objgen not in renumbered:
                    renumbered.add(element.objgen)
                    element.K = _renumber(element.K, numbers)
            nums = pdf.Root.StructTreeRoot.ParentTree.Nums
            index = next(i for i in range(0, len(nums), 2) if int(nums[i]) == int(key))
            nums[index + 1] = pikepdf.Array([elements[old] for old in kept])
        out = io.BytesIO()
        pdf.save(out, compress_streams=True, deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
