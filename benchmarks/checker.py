"""The citation checker alone on a large body of Markdown, beside Python-Markdown on the same.

The checker is what the citations hook does to each page's Markdown to find problems: find
the citations (citations_parse), check each against the registry (citations_check), find the
quotations (citations_quotes) and check their wording. The baseline renders the same pages
with Python-Markdown and the site's extensions, the work the build does with them anyway.
"""

from __future__ import annotations

import time
from pathlib import Path

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
              "pymdownx.superfences"]


def check_pages(pages: list[str], registry_file: Path) -> dict:
    """Run the checker over every page; seconds taken, citations found, problems found."""
    from citations import check as citations_check
    from citations import parse as citations_parse
    from citations import quotes as citations_quotes
    from citations import registry as citations_registry

    registry, problems = citations_registry.load(registry_file)
    if registry is None:
        raise RuntimeError(f"{registry_file} cannot be used: {problems[:3]}")
    edition = registry.edition()
    found = complaints = 0
    started = time.perf_counter()
    for markdown in pages:
        citations = citations_parse.find(markdown, edition.id)
        found += len(citations)
        for citation in citations:
            complaints += len(citations_check.check_citation(citation, edition))
        for quote in citations_quotes.find(markdown):
            complaints += len(citations_check.check_quotation(quote, edition))
    return {"seconds": time.perf_counter() - started, "citations": found, "problems": complaints}


def render_pages(pages: list[str]) -> float:
    """Seconds Python-Markdown (the site's extensions) takes to render every page."""
    import markdown

    renderer = markdown.Markdown(extensions=EXTENSIONS)
    started = time.perf_counter()
    for text in pages:
        renderer.reset()
        renderer.convert(text)
    return time.perf_counter() - started
