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

import pikepdf

PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})


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


def _rewrite_content(page: pikepdf.Page, orphans: set[int], numbers: dict[int, int]) -> bytes:
    """The page's content with orphan sequences as pagination Artifacts, the rest renumbered."""
    instructions = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
            mcid = operands[1].get("/MCID")
            if mcid is not None and int(mcid) in orphans:
                operands = [pikepdf.Name.Artifact, PAGINATION]
            elif mcid is not None:
                operands = [operands[0], pikepdf.Dictionary(MCID=numbers[int(mcid)])]
        instructions.append(pikepdf.ContentStreamInstruction(operands, operator))
    return pikepdf.unparse_content_stream(instructions)


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
            page.obj.Contents = pdf.make_stream(_rewrite_content(page, orphans, numbers))
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
