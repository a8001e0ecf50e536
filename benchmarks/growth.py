"""Generated sites of many route-like pages, and a large body of Markdown for the citation checker.

Each generated page is a copy of one of the site's real route pages (the ones that cite the Code
of Practice), with its own title, plus a table whose cells hold citations and a local-details
marker, so every hook has work to do on it. The real pages stay in the site because the data
files (routes, finder, print) name them.
"""

from __future__ import annotations

import re
from pathlib import Path

import project

FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)
TITLE = re.compile(r"^title:.*$", re.MULTILINE)
HEADING = re.compile(r"^# .*$", re.MULTILINE)
CITATION = re.compile(
    r"\((?:1\d|[1-9])\.\d{1,3}\)|\b(?:paragraphs?|sections?)\s+\d{1,2}\.\d{1,3}"
    r"(?:\s+(?:to|and)\s+\d{1,2}\.\d{1,3})*",
    re.IGNORECASE,
)
NAV_SECTION = "Generated routes"
# Pages per navigation sub-section. With Material's navigation.prune (mkdocs.yml) a page's HTML
# holds the top of the navigation and its own sub-section, not every link of the site.
PER_SECTION = 25
# Says a route page cites outside its route on purpose; a generated page is no route page.
ROUTE_ONLY = re.compile(r"\s*\{\{\s*citations\.cross_reference\s*\}\}")


def route_pages(docs: Path) -> list[tuple[str, str]]:
    """(file name, Markdown) of the real pages that cite the Code of Practice, by name."""
    found = []
    for path in sorted(docs.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if CITATION.search(text):
            found.append((path.name, text))
    return found


def table(citations: list[str]) -> str:
    """A Markdown table with one citation per row and a marker in every row."""
    rows = [
        "| Step | What the Code of Practice says | Who can help |",
        "| --- | --- | --- |",
    ]
    for number, citation in enumerate(citations or ["(no citation on this page)"], start=1):
        rows.append(f"| {number} | See {citation}. | {{{{ local.service }}}} on {{{{ local.phone }}}} |")
    return "\n".join(rows)


def page(number: int, source: str) -> str:
    """One generated page: a real route page with its own title and a citations table."""
    title = f"Generated route {number}"
    citations = list(dict.fromkeys(m.group(0) for m in CITATION.finditer(source)))[:6]
    text = TITLE.sub(f"title: {title}", source, count=1)
    text = HEADING.sub(f"# {title}", text, count=1)
    text = ROUTE_ONLY.sub("", text)
    return f"{text.rstrip()}\n\n## At a glance\n\n{table(citations)}\n"


def generate(site: Path, count: int) -> list[str]:
    """Write ``count`` route-like pages into ``site/docs`` and add them to the navigation, in
    sub-sections of :data:`PER_SECTION` pages."""
    sources = route_pages(site / "docs")
    if not sources:
        raise RuntimeError("no page in docs/ cites the Code of Practice to model generated pages on")
    names = []
    for number in range(1, count + 1):
        name = f"generated-route-{number:04d}.md"
        _, source = sources[(number - 1) % len(sources)]
        (site / "docs" / name).write_text(page(number, source), encoding="utf-8")
        names.append(name)
    project.edit_config(site, lambda text: project.with_nav_section(text, NAV_SECTION, names, PER_SECTION))
    return names


def markdown_corpus(docs: Path, size: int) -> list[str]:
    """Real route pages repeated until they add up to ``size`` bytes of UTF-8 Markdown."""
    sources = [text for _, text in route_pages(docs)]
    corpus: list[str] = []
    total = 0
    while total < size:
        text = sources[len(corpus) % len(sources)]
        corpus.append(text)
        total += len(text.encode("utf-8"))
    return corpus
