"""PDFs come from the cache only when nothing that goes into them changed, and render in parallel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from print import cache as print_cache
from print import pdfs as print_pdfs
from print import plan as print_plan
from print import render as print_render

PROJECT = Path(__file__).resolve().parents[2]
CONTENT = '<h1 id="t">Title</h1><p>Some words.</p><p><img src="../picture.svg" alt="A square"></p>'
SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="{}"/></svg>'


class Setup:
    """A one-page site, its own copy of the print templates and code, and a cache."""

    def __init__(self, root: Path) -> None:
        self.templates = root / "templates"
        shutil.copytree(PROJECT / "overrides" / "print", self.templates)
        self.site_dir = root / "site"
        self.site_dir.mkdir()
        (self.site_dir / "picture.svg").write_text(SQUARE.format("black"), encoding="utf-8")
        self.code = root / "code.py"
        self.code.write_text("# our print code\n", encoding="utf-8")
        self.font = root / "font.ttf"
        self.font.write_bytes(b"font, version 1")
        self.cache = print_cache.Cache(root / "cache")
        self.content = CONTENT

    def make(self, processes: int = 1) -> dict[str, bool]:
        """Make the PDFs; which of them came from the cache."""
        page = print_plan.PrintPage("a.md", "a/", "A page", self.content, "2026-11-28")
        documents = print_plan.plan(print_plan.PrintConfig(("a.md",), ()), [page], "Site", "Service")
        service = print_render.Service("Service", "S", "0118 908 8233", "https://www.example.org")
        site = print_render.Site("Site", None, self.site_dir, service, {page.url: page})
        printer = print_render.Printer(self.templates, site)
        made, _ = print_pdfs.make_all(printer, documents, self.cache, [self.code], processes)
        self.pdfs = {pdf.document.file: pdf.pdf for pdf in made}
        return {pdf.document.file: pdf.cached for pdf in made}


@pytest.fixture
def setup(tmp_path: Path, monkeypatch) -> Setup:
    made = Setup(tmp_path)
    real_fonts = print_cache.font_files
    monkeypatch.setattr(print_cache, "font_files", lambda css: [*real_fonts(css), made.font])
    return made


def test_unchanged_inputs_come_from_the_cache_with_the_same_bytes(setup: Setup) -> None:
    assert not any(setup.make().values())
    first = setup.pdfs
    assert all(setup.make().values())
    assert setup.pdfs == first


@pytest.mark.parametrize("change", ["html", "css", "template", "font", "image", "weasyprint", "code"])
def test_a_change_to_any_input_renders_again(setup: Setup, monkeypatch, change: str) -> None:
    setup.make()
    if change == "html":
        setup.content = CONTENT.replace("Some words.", "Other words.")
    elif change == "css":
        css = setup.templates / "print.css"
        css.write_text(css.read_text(encoding="utf-8") + "\np { letter-spacing: 0.1pt; }\n", encoding="utf-8")
    elif change == "template":
        html = setup.templates / "leaflet.html"
        html.write_text(html.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "font":
        setup.font.write_bytes(b"font, version 2")
    elif change == "image":
        (setup.site_dir / "picture.svg").write_text(SQUARE.format("white"), encoding="utf-8")
    elif change == "weasyprint":
        real = print_cache.importlib.metadata.version
        monkeypatch.setattr(print_cache.importlib.metadata, "version",
                            lambda name: "0.0-other" if name == "weasyprint" else real(name))
    elif change == "code":
        setup.code.write_text("# our print code, changed\n", encoding="utf-8")
    cached = setup.make()
    if change in ("html", "image"):
        assert cached == {"booklet.pdf": False, "booklet-large-print.pdf": False, "a.pdf": False}
    elif change == "template":
        assert cached["a.pdf"] is False  # leaflet.html: booklets use booklet.html, also in the key
    else:
        assert not any(cached.values()), cached


def test_parallel_workers_make_the_same_bytes(setup: Setup) -> None:
    setup.make(processes=2)
    parallel = setup.pdfs
    setup.cache.keep_only(set())
    assert not any(setup.make(processes=1).values())
    assert setup.pdfs == parallel


def test_the_real_fonts_are_in_the_key() -> None:
    css = (PROJECT / "overrides" / "print" / "print.css").read_text(encoding="utf-8")
    names = {path.name for path in print_cache.font_files(css)}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"} <= names, names


def test_the_cache_keeps_only_this_builds_pdfs(setup: Setup) -> None:
    setup.make()
    setup.content = CONTENT.replace("Some words.", "Other words.")
    setup.make()
    assert len(list(setup.cache.folder.glob("*.pdf"))) == 3
