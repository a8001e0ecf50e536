"""The template every model letter shares, and the letter made from it as text and as HTML.

The layout is the same for every letter: the parent's address and the date (blanks), who it
is to, the greeting, a subject line, the letter's own paragraphs and the sign-off. A letter is
a list of :class:`Block` (each a paragraph of lines); the page, the plain-text file and the
Word document are all made from that one list. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from letters.model import BLANK, Letter

SENDER = ("[your name]", "[your address]", "[your phone number or email address]")
DATE = "[the date]"
SIGN_OFF = ("Yours sincerely,", "", "[your name]")


@dataclass(frozen=True)
class Block:
    """One paragraph of the letter: its lines, and whether it is the subject line (bold)."""

    lines: tuple[str, ...]
    subject: bool = False


def blocks(letter: Letter) -> list[Block]:
    """The whole letter, in reading order."""
    return [
        Block(SENDER),
        Block((DATE,)),
        Block(letter.recipient),
        Block((letter.greeting,)),
        Block((letter.subject,), subject=True),
        *(Block((paragraph,)) for paragraph in letter.body),
        Block(SIGN_OFF),
    ]


def plain_text(letter: Letter) -> str:
    """The letter as plain text: paragraphs separated by a blank line, Windows line ends.

    Windows line ends, so the file opens with its lines in every text editor.
    """
    paragraphs = ["\n".join(block.lines) for block in blocks(letter)]
    return ("\n\n".join(paragraphs) + "\n").replace("\n", "\r\n")


def _marked(text: str) -> str:
    """Escaped text with each blank in a span, so it stands out (the brackets stay as text)."""
    out, last = [], 0
    for match in BLANK.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(f'<span class="letter-blank">{html.escape(match[0])}</span>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def page_html(letter: Letter, label_id: str) -> str:
    """The letter as HTML for its web page: ordinary text in a labelled region, easy to copy."""
    paragraphs = []
    for block in blocks(letter):
        inner = "<br>\n".join(_marked(line) for line in block.lines)
        paragraphs.append(f"<p><strong>{inner}</strong></p>" if block.subject else f"<p>{inner}</p>")
    body = "\n".join(paragraphs)
    return f'<div class="letter" role="region" aria-labelledby="{label_id}">\n{body}\n</div>'
