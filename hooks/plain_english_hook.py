"""MkDocs glue for the plain English and currency checks.

On every page: readability budgets, abbreviations (glossary, first use, <abbr> markup),
outdated terms, and review dates. Generates the Glossary page and writes the review report
(review-report.json and review-report.csv) beside the site, in reports/ (or SITE_REPORTS_DIR).
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from content import site as content
from helpers import prose
from plain_english import glossary, outdated_terms, readability, review_dates

log = logging.getLogger("mkdocs.plugins.plain_english")

GLOSSARY_PAGE = "glossary.md"
REPORTS_ENV = "SITE_REPORTS_DIR"
LOCAL_NAMES = ("service_name", "service_area", "council_name", "council_casework_role", "mediation_provider_name")


class State:
    """What this build took from the site model, and what pages have reported so far."""

    budgets: readability.Budgets
    glossary: glossary.Glossary
    terms: list[outdated_terms.Term]
    today: object
    names: tuple[str, ...]
    reviews: dict[str, review_dates.Review]
    review_problems: list[str]


state = State()


def on_config(config):
    """Work out today's date (``SITE_REVIEW_TODAY`` may set it); a bad date stops the build."""
    try:
        state.today = review_dates.today()
    except ValueError as error:
        raise PluginError(f"Plain English data is wrong:\n  {error}") from error
    return config


def on_files(files, config):
    """Take the budgets, glossary and outdated terms from the site model; add the Glossary page."""
    site = content.current()
    state.budgets = site.value("plain_english.yml")
    state.glossary = site.value("glossary.yml")
    state.terms = site.value("outdated_terms.yml")
    state.reviews = {}
    state.review_problems = []
    if not site.good("plain English"):
        return files  # content_hook reports the problems
    state.glossary.add_old_abbreviations([pair for term in state.terms for pair in term.abbreviations])
    # Words not counted as hard: glossary terms (explained), old and current names from
    # outdated_terms.yml, and the names in local details (another service's names would
    # change the scores of the same text).
    local = config.extra.get("local", {})
    old_names = [name for term in state.terms for name in (*term.match, *term.current_match)]
    state.names = tuple(state.glossary.terms() + old_names + [local[k] for k in LOCAL_NAMES if local.get(k)])
    renamed = [(t.old, t.current, t.since or "") for t in state.terms if t.confidence == "verified"]
    content_text = glossary.render_page(state.glossary, renamed)
    files.append(File.generated(config, GLOSSARY_PAGE, content=content_text))
    return files


def _where(page, config) -> str:
    """The page's file as an editor finds it (generated pages say which hook made them)."""
    if page.file.generated_by or not page.file.abs_src_path:
        return f"{page.file.src_uri} (generated page)"
    return os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)


def _line_mapper(page, markdown: str):
    """Turn a line of the Markdown this hook sees into a line of the page's source file.

    The map is worked out on the first call only: most pages have no problem to report.
    """

    @functools.cache
    def mapping() -> tuple[dict[int, int], int]:
        source = page.file.content_string
        body, _ = get_data(source)
        offset = source[: len(source) - len(body)].count("\n") if source.endswith(body) else 0
        return prose.line_map(body, markdown), offset

    def source_line(line: int) -> int:
        lines, offset = mapping()
        return lines.get(line, line) + offset

    return source_line


def _check_review(page, where: str) -> None:
    result = review_dates.check(page.meta, state.today)
    if isinstance(result, list):
        extra = "; a generated page gets it from its generator's front matter" if page.file.generated_by else ""
        for problem in result:
            message = f"{where}: {problem}{extra}"
            state.review_problems.append(message)  # listed together, once, by on_post_build
        return
    last, interval, due = result
    overdue = state.today > due
    review = review_dates.Review(page.file.src_uri, page.title or "", page.url, last, interval, due, overdue)
    state.reviews[page.file.src_uri] = review
    page.meta["review"] = review.template_values()
    if overdue:
        log.warning(review.overdue_message(where))


def on_page_markdown(markdown, page, config, files):
    where = _where(page, config)
    source_line = _line_mapper(page, markdown)
    _check_review(page, where)
    blocks = prose.blocks(markdown)
    stats = readability.measure(blocks, state.budgets.long_word_syllables, state.names)
    for problem in readability.check(stats, state.budgets):
        worst = "; ".join(readability.describe(s, source_line(s.line)) for s in problem.worst)
        log.warning("%s: %s (docs/data/plain_english.yml). Hardest sentences: %s", where, problem.message, worst)
    for problem in glossary.check(blocks, state.glossary):
        log.warning("%s:%d: %s", where, source_line(problem.line), problem.message)
    for problem in outdated_terms.check(blocks, state.terms):
        log.warning("%s:%d: %s", where, source_line(problem.line), problem.message)

    return f"{markdown.rstrip()}\n\n{state.glossary.abbr_definitions(markdown)}\n"


def on_post_build(config):
    """Write the review report; fail the build if any page had no usable review data."""
    reviews = sorted(state.reviews.values(), key=lambda r: r.page)
    reports = review_dates.reports_folder(os.environ.get(REPORTS_ENV), Path(config.site_dir))
    reports.mkdir(parents=True, exist_ok=True)
    report = review_dates.report_json(reviews, state.today, config.extra.get("local", {}).get("review_by"))
    (reports / "review-report.json").write_text(report, encoding="utf-8")
    (reports / "review-report.csv").write_text(review_dates.report_csv(reviews), encoding="utf-8")
    if state.review_problems:
        raise PluginError(
            "Pages without usable review data:\n" + "\n".join(f"  {p}" for p in state.review_problems)
        )
