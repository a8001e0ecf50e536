"""Check Code of Practice citations and quotations against the registry.

Each problem says what is wrong and what to do, with the nearest existing paragraph or the
section the author probably meant. This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citations import quotes as citations_quotes
from citations.parse import Citation, Para, Range, range_text, words
from citations.registry import Edition

REGISTRY_FILE = "docs/data/code_of_practice.yml"
CROSS_REFERENCE = "{{ citations.cross_reference }}"


@dataclass(frozen=True)
class Problem:
    """One problem with one citation: where, as written, what is wrong, what to do."""

    line: int
    written: str
    what: str
    fix: str

    def message(self, where: str) -> str:
        return (f"{where}:{self.line}: Code of Practice citation '{self.written}': "
                f"{self.what}; {self.fix}")


def _about(edition: Edition, para: Para) -> str:
    return f"{para} ({edition.describe(para, para)})"


def _unknown(edition: Edition, para: Para) -> tuple[str, str] | None:
    """(what is wrong, what to do) if the paragraph is not in the registry."""
    chapter = edition.chapters.get(para.chapter)
    if chapter is None:
        known = _known_chapters(edition)
        what = f"chapter {para.chapter} is not in the registry of the {edition.name} edition"
        guesses = [Para(c, para.number) for c in edition.chapters]
        meant = [g for g in guesses if edition.known(g)]
        if meant:
            return what, f"did you mean {_about(edition, meant[0])}? The registry knows chapter {known}"
        return what, f"the registry knows chapter {known} only"
    if edition.known(para):
        return None
    nearest = edition.nearest(para)
    return (
        f"paragraph {para} is not in the registry (chapter {chapter.number} runs from "
        f"{chapter.first} to {chapter.last} as far as anyone has checked)",
        f"the nearest known paragraph is {_about(edition, nearest)}; if the Code really has "
        f"{para}, check it in the Code itself and add it to {REGISTRY_FILE} with its source",
    )


def _range_problems(edition: Edition, first: Para, last: Para) -> list[tuple[str, str]]:
    found = []
    if first.chapter != last.chapter:
        section = edition.section(first)
        meant = f" (did you mean {section.range_text}, {section.title}?)" if section else ""
        found.append((f"the range {range_text(first, last)} crosses from chapter {first.chapter} "
                      f"to chapter {last.chapter}",
                      f"keep each range inside one chapter, or cite each chapter separately{meant}"))
    for para in dict.fromkeys((first, last)):
        unknown = _unknown(edition, para)
        if unknown:
            found.append(unknown)
    if found:
        return found
    if last < first:
        section = edition.section(last)
        hint = f" ({section.title})" if section else ""
        return [(f"the range {range_text(first, last)} runs backwards",
                 f"write it as {last} to {first}{hint}")]
    for para in dict.fromkeys((first, last)):
        section = edition.section(para)
        if section and not section.subject_known:
            found.append((
                f"nobody has checked what paragraph {para} is about (paragraphs "
                f"{section.range_text}: subject not verified in the registry)",
                f"check {section.range_text} in the Code itself and record the section's title "
                f"and source in {REGISTRY_FILE} before citing it, or cite a paragraph whose "
                "subject is known",
            ))
    return found


def _known_chapters(edition: Edition) -> str:
    return ", ".join(f"{c.number} ({c.first} to {c.last}, {c.title})" for c in edition.chapters.values())


def _chapter_problem(edition: Edition, number: int) -> tuple[str, str] | None:
    """(what is wrong, what to do) if a cited chapter is not in the registry."""
    if number in edition.chapters:
        return None
    return (f"chapter {number} is not in the registry of the {edition.name} edition",
            f"the registry knows chapter {_known_chapters(edition)} only; check the chapter "
            "number in the Code itself")


def _loose_number(citation: Citation) -> tuple[str, str]:
    meant = citation.malformed.guess if citation.malformed and citation.malformed.guess else citation.text
    return (f"{citation.text} looks like a paragraph of the Code but is not written as a citation, "
            "so nobody checks it",
            f"write paragraph {meant} or ({meant}) and the build checks and links it; if it is not "
            f"the Code, write it so it cannot be taken for it (a time as {meant}am, a sum as £{meant})")


def _about_the_code(citation: Citation, edition: Edition) -> bool:
    """A number with nothing around it that names the Code (``see 11.45``, ``1.5 to 2.5``) is
    taken for the Code's only when it is in a chapter the registry knows."""
    if citation.form not in ("bare", "number"):
        return True
    chapters = {int(number) for number in re.findall(r"(\d+)\.", citation.text)}
    return any(chapter in edition.chapters for chapter in chapters)


def check_citation(citation: Citation, edition: Edition) -> list[Problem]:
    """Every problem with one citation (none if it is good, or if it is not the Code's)."""
    if not _about_the_code(citation, edition):
        return []
    if citation.form == "number":
        return [Problem(citation.line, citation.text, *_loose_number(citation))]
    problems: list[tuple[str, str]] = []
    if citation.chapter is not None and (unknown := _chapter_problem(edition, citation.chapter)):
        problems.append(unknown)
    if citation.malformed:
        fix = "write a paragraph number such as 11.45, or a range such as 11.13 to 11.38"
        guess = citation.malformed.guess
        if guess:
            try:
                para = Para.parse(guess)
                known = edition.known(para)
            except ValueError:
                known = False
            fix = f"did you mean {_about(edition, para)}?" if known else f"did you mean {guess}?"
        problems.append((f"{citation.malformed.message}, so it cannot be read", fix))
    for first, last in citation.ranges:
        problems.extend(_range_problems(edition, first, last))
    if citation.in_link:
        problems.append(("it is inside a link",
                         "remove that link: the build links every citation to the Code itself"))
    return [Problem(citation.line, citation.text, what, fix) for what, fix in problems]


def check_quotation(quote: citations_quotes.Quotation, edition: Edition) -> list[Problem]:
    """Does an attributed quotation match the paragraph's known wording?"""
    written = f"paragraph {quote.para}"
    try:
        para = Para.parse(quote.para)
    except ValueError:
        return []  # the attribution itself is reported as a malformed citation
    if not edition.known(para):
        return []  # reported as an unknown paragraph
    parts = edition.texts(para)
    verbatim = [p.text for p in parts if p.verbatim in (True, "leaflet")]
    if not parts:
        return [Problem(quote.first_line, written,
                        f"the registry holds no wording for {para}, so this quotation cannot be "
                        "checked",
                        f"add the paragraph's wording with its source to {REGISTRY_FILE}, or say "
                        "it in your own words without quotation formatting")]
    if not verbatim:
        return [Problem(quote.first_line, written,
                        f"the registry holds only a paraphrase of {para}, not the Code's words",
                        "say it in your own words without quotation formatting")]
    difference = citations_quotes.mismatch(list(quote.blocks), verbatim)
    if difference is None:
        return []
    sources = sorted({s for p in parts if p.verbatim in (True, "leaflet") for s in p.sources})
    return [Problem(quote.first_line, written,
                    f"the quotation does not match the known wording of {para}: {difference}",
                    f"copy the wording from {REGISTRY_FILE} (sources: {', '.join(sources)}); you "
                    "may leave out whole sentences at the start or end and mark a gap with …")]


def _inside(first: Para, last: Para, covered: list[Range]) -> bool:
    return any(a <= first and last <= b for a, b in covered)


def check_scope(citation: Citation, page: str, covered: list[Range],
                owners: dict[str, list[Range]]) -> Problem | None:
    """A warning when a route page cites paragraphs outside the sections its route covers."""
    outside = [(a, b) for a, b in citation.ranges if not _inside(a, b, covered)]
    if not outside or citation.malformed:
        return None
    elsewhere = sorted(
        other for other, ranges in owners.items()
        if other != page and all(_inside(a, b, ranges) for a, b in outside)
    )
    belongs = f"; {words(outside)} belongs with {', '.join(elsewhere)}" if elsewhere else ""
    return Problem(
        citation.line, citation.text,
        f"{words(outside)} is outside the paragraphs this route page covers ({words(covered)}, "
        f"from docs/data/routes.yml){belongs}",
        f"cite a paragraph this page covers, or if it is a deliberate cross-reference add "
        f"{CROSS_REFERENCE} on the same line",
    )
