"""The letter as an editable Word document (.docx, made with python-docx), byte for byte the same
on every build.

python-docx stamps the time into the document's properties and into each part of the zip;
both are fixed here (the date the letters were last reviewed; 1980-01-01 in the zip), so the
same letters always give the same bytes. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import datetime
import io
import zipfile

import docx
from docx.shared import Pt

from letters.layout import blocks
from letters.model import Letter

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FONT = "Arial"


def word_document(letter: Letter, reviewed: str, author: str) -> bytes:
    """The .docx file's bytes: one paragraph per block, lines broken inside it, subject in bold."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    for block in blocks(letter):
        paragraph = document.add_paragraph()
        for number, line in enumerate(block.lines):
            run = paragraph.add_run(line)
            run.bold = block.subject
            if number < len(block.lines) - 1:
                run.add_break()
    when = datetime.datetime.fromisoformat(reviewed).replace(tzinfo=datetime.timezone.utc)
    properties = document.core_properties
    properties.title = letter.title
    properties.subject = letter.subject
    properties.author = author
    properties.last_modified_by = author
    properties.comments = f"Model letter. Relies on: {letter.relies_on}"
    properties.keywords = ""
    properties.category = "Model letter"
    properties.revision = 1
    properties.created = when
    properties.modified = when
    properties.last_printed = when
    saved = io.BytesIO()
    document.save(saved)
    return _fixed_zip(saved.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every member's time fixed (python-docx writes the clock time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
