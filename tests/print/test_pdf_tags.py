"""The built PDFs' tags: every piece of text is in the structure tree or is an Artifact
(PDF/UA-1), table rows do not split across pages and header rows repeat."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from print.artifacts import mark_running_artifacts, parent_tree, reachable_elements

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def pdfs(site: Path) -> list[Path]:
    found = sorted((site / "downloads").glob("*.pdf"))
    assert len(found) >= 8
    return found


def untagged_content(pdf: pikepdf.Pdf) -> list[str]:
    """Every marked-content number that does not lead to the structure tree, and every text
    shown outside marked content (other than an Artifact), as "page N: what"."""
    reachable = reachable_elements(pdf)
    tree = parent_tree(pdf)
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        elements = tree.get(int(page.obj.get("/StructParents", -1)))
        open_sequences: list[tuple[str, int | None]] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            operator = str(operator)
            if operator in ("BDC", "BMC"):
                properties = operands[1] if operator == "BDC" else None
                mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
                if mcid is not None:
                    mcid = int(mcid)
                    if elements is None or mcid >= len(elements):
                        problems.append(f"page {number}: MCID {mcid} is not in the ParentTree")
                    elif elements[mcid].objgen not in reachable:
                        problems.append(f"page {number}: MCID {mcid} is outside the structure tree")
                open_sequences.append((str(operands[0]), mcid))
            elif operator == "EMC":
                open_sequences.pop()
            elif operator in TEXT_OPERATORS and not any(
                tag == "/Artifact" or mcid is not None for tag, mcid in open_sequences
            ):
                problems.append(f"page {number}: text outside marked content")
    return problems


def elements_in_order(element: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """The structure elements under ``element``, in reading order."""
    found = []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            found.append(kid)
            found.extend(elements_in_order(kid))
    return found


def has_content(element: pikepdf.Dictionary) -> bool:
    """Whether any marked content (text or image) hangs below this element."""
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary) and has_content(kid)):
            return True
    return False


def cells(row: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    return [k for k in row.K if isinstance(k, pikepdf.Dictionary) and k.S in ("/TH", "/TD")]


def page_of(pdf: pikepdf.Pdf, element: pikepdf.Dictionary) -> int:
    return pdf.pages.index(pikepdf.Page(element.Pg)) + 1


def table_parts(pdf: pikepdf.Pdf) -> list[tuple[pikepdf.Dictionary, list[pikepdf.Dictionary]]]:
    """Each page's part of each table (WeasyPrint tags it as a table of its own), with its
    body rows, in reading order."""
    parts = []
    for element in elements_in_order(pdf.Root.StructTreeRoot):
        if element.S == "/Table":
            groups = [k for k in element.K if isinstance(k, pikepdf.Dictionary)]
            body = [e for g in groups if g.S != "/THead" for e in elements_in_order(g) if e.S == "/TR"]
            body += [g for g in groups if g.S == "/TR"]
            parts.append((element, body))
    return parts


def is_continued(row: pikepdf.Dictionary) -> bool:
    """A row continued from the page before: its first cell (the row's label) is empty while
    another cell has text (WeasyPrint tags each page's part of a split row as its own row)."""
    row_cells = cells(row)
    return bool(row_cells) and not has_content(row_cells[0]) and any(map(has_content, row_cells[1:]))


def split_rows(pdf: pikepdf.Pdf) -> list[str]:
    """Rows split across pages, except a row taller than a page (it began at the top of a
    page, as the first row of its table's part there, and still did not fit)."""
    parts = table_parts(pdf)
    rows = [(row, index == 0) for _, body in parts for index, row in enumerate(body)]
    return [f"row on page {page_of(pdf, row)}"
            for (before, began_page), (row, _) in zip(rows, rows[1:])
            if is_continued(row) and not began_page]


def header_missing_on_continued_tables(pdf: pikepdf.Pdf) -> list[str]:
    """Parts of a table with a header row, continued on a new page, without that header row.
    A table's caption is only on its first part: a part without one continues the table before.
    WeasyPrint leaves the header off above a row taller than a page: that is allowed."""
    found = []
    head_expected = False
    parts = table_parts(pdf)
    for (table, body), (_, next_body) in zip(parts, parts[1:] + [(None, [])]):
        kinds = {str(k.S) for k in table.K if isinstance(k, pikepdf.Dictionary)}
        if "/Caption" in kinds:
            head_expected = "/THead" in kinds
            continue
        oversized = len(body) == 1 and next_body and is_continued(next_body[0])
        if head_expected and "/THead" not in kinds and not oversized:
            found.append(f"table on page {page_of(pdf, table)}")
    return found


def test_every_text_is_in_the_structure_tree_or_an_artifact(site):
    for path in pdfs(site):
        with pikepdf.open(path) as pdf:
            assert untagged_content(pdf) == [], path.name


def test_running_footer_is_a_pagination_artifact(site):
    with pikepdf.open(site / "downloads" / "mediation.pdf") as pdf:
        for page in pdf.pages:
            artifacts = [
                operands for operands, operator in pikepdf.parse_content_stream(page)
                if str(operator) == "BDC" and operands[0] == pikepdf.Name.Artifact
                and operands[1].get("/Type") == pikepdf.Name.Pagination
            ]
            assert artifacts, "the footer of every page is a pagination Artifact"


def test_marking_artifacts_is_deterministic_and_idempotent(site):
    data = (site / "downloads" / "mediation.pdf").read_bytes()
    assert mark_running_artifacts(data) == mark_running_artifacts(data)
    with pikepdf.open(site / "downloads" / "mediation.pdf") as pdf:
        numbers = [len(v) for v in parent_tree(pdf).values() if isinstance(v, pikepdf.Array)]
        assert all(n > 0 for n in numbers)


def test_no_table_row_splits_across_pages(site):
    for path in pdfs(site):
        with pikepdf.open(path) as pdf:
            assert split_rows(pdf) == [], path.name


def test_header_rows_repeat_on_every_page_of_a_table(site):
    with pikepdf.open(site / "downloads" / "booklet.pdf") as pdf:
        continued = [e for e in elements_in_order(pdf.Root.StructTreeRoot)
                     if e.S == "/Table" and "/Caption" not in {str(k.S) for k in e.K
                                                             if isinstance(k, pikepdf.Dictionary)}]
        assert continued, "the booklet has tables that continue on a new page"
    for path in pdfs(site):
        with pikepdf.open(path) as pdf:
            assert header_missing_on_continued_tables(pdf) == [], path.name
