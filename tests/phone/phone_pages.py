"""Shared values for the phone tests (issue 20)."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PHONES = ((320, 568), (360, 640), (390, 844))  # CSS px: small, common Android, common iPhone
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme


def html_pages(root: Path) -> list[Path]:
    """Every HTML page of a built output, in a stable order (theme assets left out)."""
    return sorted(p for p in root.rglob("*.html") if "assets" not in p.relative_to(root).parts)
