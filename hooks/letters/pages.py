"""The letters' pages (Markdown for MkDocs to render) and their download files.

- ``letters/index.md``: every letter, who it is to and when to use it;
- ``letters/<id>.md``: one letter, shown in full as text, with its two downloads;
- ``downloads/letters/<id>.docx`` and ``.txt``: the files, made here so their sizes are known
  before any page is written (the pages and the download page list them).

This module knows nothing about MkDocs.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from letters.document import word_document
from letters.layout import page_html, plain_text
from letters.model import Letter, Letters

FOLDER = "letters"
FILES = "downloads/letters"
INDEX = f"{FOLDER}/index.md"
LETTER_HEADING_ID = "letter-text"

# bytes -> a size as people read it (the download page's own wording)
Sizer = Callable[[int], str]


@dataclass(frozen=True)
class LetterFile:
    """One download: where it goes in the site, its name on the pages, and its bytes."""

    uri: str
    label: str
    content: bytes


def page_uri(letter: Letter) -> str:
    """Where a letter's page is in docs/: letters/ask-for-mediation.md."""
    return f"{FOLDER}/{letter.id}.md"


def files(letters: Letters, author: str) -> dict[str, list[LetterFile]]:
    """Each letter's downloads (Word, then plain text), by letter id."""
    made: dict[str, list[LetterFile]] = {}
    for letter in letters.letters:
        made[letter.id] = [
            LetterFile(f"{FILES}/{letter.id}.docx", "Word document",
                       word_document(letter, letters.last_reviewed, author)),
            LetterFile(f"{FILES}/{letter.id}.txt", "Plain text",
                       plain_text(letter).encode("utf-8")),
        ]
    return made


def _escape(text: str) -> str:
    """Plain text for Markdown: square brackets (the blanks) shown as written, never as links."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _front_matter(title: str, description: str, letters: Letters) -> str:
    return (f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n"
            f"last_reviewed: {letters.last_reviewed}\n"
            f"review_interval_months: {letters.review_interval_months}\n---\n\n")


def download_list(made: list[LetterFile], from_uri: str, size: Sizer) -> str:
    """A Markdown list of a letter's downloads, linked from the page ``from_uri``, with sizes."""
    here = posixpath.dirname(from_uri)
    return "\n".join(
        f"- [{item.label}]({posixpath.relpath(item.uri, here or '.')}) "
        f"({size(len(item.content))})"
        for item in made
    )


def relies_on(letter: Letter) -> str:
    """What the letter relies on, in Markdown sentences: the Code (checked and linked by the
    citations capability) and the law, linked to where it was read."""
    parts = []
    if letter.code:
        parts.append("It uses the special educational needs and disability (SEND) Code of "
                     f"Practice, {letter.code}.")
    if letter.law:
        parts.append(f"It uses the law: [{letter.law}]({letter.law_source}).")
    return " ".join(parts)


def letter_page(letter: Letter, letters: Letters, made: list[LetterFile], size: Sizer, help_text: str) -> str:
    """The Markdown of one letter's page."""
    uri = page_uri(letter)
    return (
        _front_matter(letter.title, f"A model letter to {letter.to}. Copy it, or download it "
                      "to change it.", letters)
        + f"# {letter.title}\n\n"
        f"**Who it is to:** {_escape(letter.to)}\n\n"
        f"**When to use it:** {_escape(letter.when)}\n\n"
        f"**What it relies on:** {relies_on(letter)}\n\n"
        "## How to use this letter\n\n"
        "Change each part in square brackets, such as \\[your child's name\\], to your own "
        "words. Add anything else that matters to you. Keep a copy of what you send, and write "
        "down the date you sent it.\n\n"
        "You can download the letter to change it on your computer or phone:\n\n"
        f"{download_list(made, uri, size)}\n\n"
        "You can also select the letter below and copy it.\n\n"
        f"## The letter {{#{LETTER_HEADING_ID}}}\n\n"
        f"{page_html(letter, LETTER_HEADING_ID)}\n\n"
        "## Help with this letter\n\n"
        f"{help_text}\n"
    )


def index_page(letters: Letters, made: dict[str, list[LetterFile]], size: Sizer, help_text: str) -> str:
    """The Markdown of the page that lists every letter."""
    items = []
    for letter in letters.letters:
        link = posixpath.relpath(page_uri(letter), FOLDER)
        items.append(f"- [{letter.title}]({link}). To: {_escape(letter.to)}.")
    return (
        _front_matter("Model letters", "Letters you can copy or download and change: to the "
                      "school, the council and the mediation adviser.", letters)
        + "# Model letters\n\n"
        "These letters can help you ask for something in writing. Each one has gaps in square "
        "brackets for your own details, such as \\[your child's name\\]. You can copy a letter "
        "from its page, or download it as a Word document or as plain text.\n\n"
        "Writing things down gives you a record. Keep a copy of each letter you send, and write "
        "down the date.\n\n"
        "## The letters\n\n"
        + "\n".join(items) + "\n\n"
        "## Help with letters\n\n"
        f"{help_text}\n"
    )


def downloads_markdown(letters: Letters, made: dict[str, list[LetterFile]], from_uri: str, size: Sizer) -> str:
    """The list of every letter's downloads for the download page (``{{ letters.downloads }}``)."""
    lines = []
    here = posixpath.dirname(from_uri) or "."
    for letter in letters.letters:
        files_here = ", ".join(
            f"[{item.label}]({posixpath.relpath(item.uri, here)}) ("
            f"{size(len(item.content))})"
            for item in made[letter.id]
        )
        lines.append(f"- {letter.title}: {files_here}")
    return "\n".join(lines)
