"""MkDocs glue for Code of Practice citations: check them, link them, list them.

Runs after the routes hook, so citations in generated tables are checked and linked too.
Problems are warnings on ``mkdocs.plugins.citations`` ("file:line: ...; what to do"), so
``mkdocs build --strict`` fails with the full list. See citations/parse.py (forms recognised),
citations/check.py (rules), citations/page.py (one page) and citations/render.py (output).
"""

from __future__ import annotations

import logging

from mkdocs.structure.files import File

from citations import page as citations_page
from citations import registry as citations_registry
from citations import render as citations_render
from citations.parse import Range
from content import site as content
from routes import citations as routes_citations
from helpers import yaml_source

log = logging.getLogger("mkdocs.plugins.citations")

REGISTRY_FILE = "code_of_practice.yml"
# Registries of sources, never published as text: the Code's own paragraphs, and the legal facts
# (whose legal sources cite schedules and paragraphs of other laws).
NOT_PUBLISHED = (REGISTRY_FILE, "legal_facts.yml")
REFERENCES_PAGE = "code-of-practice-references.md"
TABLE_PLACEHOLDER = '<div class="cop-references-table"></div>'
REFERENCES_MARKDOWN = """---
title: Code of Practice references
description: Every paragraph of the SEND Code of Practice that this site refers to, and the pages that refer to it.
last_reviewed: {last_reviewed}
review_interval_months: {review_interval_months}
---

# Code of Practice references

SEND stands for special educational needs and disability. This page lists each part of the SEND
Code of Practice that this site uses. It also shows which pages use each part. If the Code
changes, we check those pages.

{placeholder}
"""

registry: citations_registry.Registry | None = None
# page (src_uri) -> the ranges its route covers, from docs/data/routes.yml
route_pages: dict[str, list[Range]] = {}
# edition id -> range -> pages (src_uri) that cite it
cited: dict[str, dict[Range, set[str]]] = {}


def on_files(files, config):
    """Before any page: check citations in the data files (parsed once, by the site model) and
    add the "Code of Practice references" page, filled in by on_env once every page is read."""
    global registry, route_pages
    site = content.current()
    registry = site.value(REGISTRY_FILE)
    cited.clear()
    if registry is None:
        return files  # content_hook reports the registry's problems
    route_pages = routes_citations.route_pages(site.value("routes.yml"))
    for path in site.files():
        if path.name not in NOT_PUBLISHED:
            try:
                source = site.read(path)
            except yaml_source.Unreadable:
                continue  # content_hook reports the syntax error with its line
            for warning in citations_page.check_data_file(source, f"docs/data/{path.name}", registry.edition()):
                log.warning(warning)
    text = REFERENCES_MARKDOWN.format(last_reviewed=registry.last_reviewed,
                                      review_interval_months=registry.review_interval_months,
                                      placeholder=TABLE_PLACEHOLDER)
    files.append(File.generated(config, REFERENCES_PAGE, content=text))
    return files


def on_page_markdown(markdown, page, config, files):
    """After the routes hook made its tables: check, link and list the page's citations."""
    if page.file.src_uri == REFERENCES_PAGE:
        return markdown
    where, source = page.file.src_uri, page.file.content_string
    edition, warnings = citations_page.edition_for(
        registry, page.meta.get(citations_page.EDITION_KEY), source, where)
    checked = citations_page.check_page(markdown, source, where, edition, route_pages)
    for warning in warnings + checked.warnings:
        log.warning(warning)
    for cited_range in checked.ranges:
        cited.setdefault(edition.id, {}).setdefault(cited_range, set()).add(where)
    return checked.markdown


def on_env(env, config, files):
    """Once every page's content is made, before the templates: fill in the references page."""
    page = files.get_file_from_path(REFERENCES_PAGE).page
    tables = []
    for edition_id in sorted(cited) or [registry.current]:
        rows: dict[Range, list[citations_render.CitingPage]] = {}
        for cited_range, sources in cited.get(edition_id, {}).items():
            rows[cited_range] = [
                citations_render.CitingPage(
                    files.get_file_from_path(src).page.title or src,
                    files.get_file_from_path(src).url_relative_to(page.file),
                )
                for src in sources
            ]
        tables.append(citations_render.references_table(rows, registry.edition(edition_id)))
    page.content = page.content.replace(TABLE_PLACEHOLDER, "\n".join(tables))
    return env
