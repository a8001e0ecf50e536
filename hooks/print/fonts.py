"""The fonts the print stylesheets name must be installed before any PDF is rendered.

Without them WeasyPrint falls back to whatever it finds, and with no fonts at all it crashes
after minutes of work. ``fc-list`` (fontconfig, which WeasyPrint itself uses) says which
families are installed. No MkDocs here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)", re.IGNORECASE)
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit", "initial"}
# Where the families our print stylesheets name come from, for the message.
PACKAGES = {"DejaVu Sans": "fonts-dejavu-core"}


class FontsMissing(Exception):
    """A font the print stylesheets name is not installed; the message says which and what to do."""


def families(css: str) -> list[str]:
    """The named (not generic) font families in ``css``, in name order."""
    names = {name.strip().strip("\"'") for match in FONT_FAMILY.finditer(css) for name in match[1].split(",")}
    return sorted(name for name in names if name and name.lower() not in GENERIC)


def check(templates: Path) -> None:
    """Raise :class:`FontsMissing` unless every family the stylesheets in ``templates`` name is installed."""
    missing = []
    for css in sorted(templates.glob("*.css")):
        for family in families(css.read_text(encoding="utf-8")):
            try:
                found = subprocess.run(["fc-list", "--format", "%{family}\n", family],
                                       capture_output=True, text=True, check=False).stdout
            except OSError:
                raise FontsMissing("fontconfig's fc-list is not installed, so the fonts for the PDFs cannot be "
                                   "found: install Debian's fontconfig (make site does)") from None
            if not found.strip():
                package = PACKAGES.get(family)
                how = f"install Debian's {package} (make site does)" if package else "install it, or name another"
                missing.append(f"{css.name} names the font '{family}', which is not installed: {how}")
    if missing:
        raise FontsMissing("The PDFs cannot be made:\n" + "\n".join(f"  {m}" for m in missing))
