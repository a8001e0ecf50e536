"""Read a file an editor saved: UTF-8 text, or a message naming the line that is not.

Notepad and older Windows editors save "ANSI" (Windows-1252): ``St Helen’s – £0`` becomes
bytes that are not UTF-8. :func:`read` and :func:`decode` turn that, and a missing or unreadable
file, into :class:`Unreadable`, whose ``line`` and ``message`` make ``file:line: message``.
"""

from __future__ import annotations

from pathlib import Path

# How much of a line the message quotes.
QUOTE_LENGTH = 60


class Unreadable(ValueError):
    """A file that cannot be read as text; ``message`` says what is wrong and what to do."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line

    @property
    def message(self) -> str:
        """What is wrong and what to do, for a message that starts with the file and line."""
        return str(self)


def decode(data: bytes) -> str:
    """``data`` as UTF-8 text (a leading byte order mark dropped); raises :class:`Unreadable`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        start = data.rfind(b"\n", 0, error.start) + 1
        end = data.find(b"\n", error.start)
        shown = data[start:end if end >= 0 else len(data)].decode("cp1252", errors="replace").strip()
        if len(shown) > QUOTE_LENGTH:
            shown = shown[:QUOTE_LENGTH] + "…"
        raise Unreadable(
            f"is not saved as UTF-8 (this line, read as Windows-1252, says \"{shown}\"); save the "
            "file as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8) and build again", line
        ) from None


def read(path: Path) -> str:
    """The text of ``path``; raises :class:`Unreadable` if it is missing, unreadable or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise Unreadable("the file is missing; every build needs it: restore it (for example "
                         "with git checkout) or write it as the README describes") from None
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror}); check it is a file you may read") from None
    return decode(data)
