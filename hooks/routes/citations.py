"""Code of Practice citations in the route data: found, and checked against the registry.

No MkDocs here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from citations import parse as citations_parse
from citations.parse import Range
from routes.model import Route

# text -> (the Code of Practice citations in it, as written; what is wrong with any of them)
CitationCheck = Callable[[str], tuple[list[str], list[str]]]


def citations_found(text: str) -> tuple[list[str], list[str]]:
    """Without a registry, citations are found but not checked (the registry's problems are reported)."""
    return [citation.text for citation in citations_parse.find_in_text(text)], []


def citation_check(known: Callable[[citations_parse.Para], bool]) -> CitationCheck:
    """A :data:`CitationCheck` reading citations with the citation parser.

    ``known`` says whether a paragraph is in the Code of Practice registry (``edition.known``).
    """

    def check(text: str) -> tuple[list[str], list[str]]:
        found, wrong = [], []
        for citation in citations_parse.find_in_text(text):
            found.append(citation.text)
            if citation.malformed:
                guess = f"; did you mean {citation.malformed.guess}?" if citation.malformed.guess else ""
                wrong.append(f"citation '{citation.text}': {citation.malformed.message}{guess}")
                continue
            for first, last in citation.ranges:
                if last < first:
                    wrong.append(f"citation '{citation.text}': {first} to {last} runs backwards")
                for para in sorted({first, last}):
                    if not known(para):
                        wrong.append(
                            f"citation '{citation.text}': paragraph {para} is not in the Code of "
                            "Practice registry (docs/data/code_of_practice.yml); check the number"
                        )
        return found, wrong

    return check


def route_pages(routes: list[Route]) -> dict[str, list[Range]]:
    """Which paragraphs each route page covers (``page`` and ``code_paragraphs`` of each route)."""
    covered: dict[str, list[Range]] = defaultdict(list)
    for route in routes:
        paragraphs = route.entries.get("code_paragraphs")
        if route.anchor is None and paragraphs and paragraphs.kind == "text":
            for citation in citations_parse.find_in_text(paragraphs.text):
                covered[route.page].extend(citation.ranges)
    return dict(covered)
