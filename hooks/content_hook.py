"""MkDocs glue for the site model: every data file read and checked once per build.

First in mkdocs.yml's hooks list. ``on_config`` starts the model with the service's local details
(``localities/<id>/local.yml``); ``on_files`` reads each file in docs/data through it and keeps
what each capability made of it (``content.site.current()``). A page that is not UTF-8 stops the
build in ``on_files``, with every problem found by then; each page's front matter is checked too
(``content.pages``). ``on_nav`` reports every problem of every file together, before any page is
rendered.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from citations import registry as citations_registry
from content import legal_facts
from content import pages as content_pages
from content import site as content
from deadlines import build as deadlines
from finder import check as finder_check
from finder import flow as finder_flow
from finder import pages as finder_pages
from letters import model as letters_model
from local import details as local_details
from localities import folders as localities
from plain_english import glossary, outdated_terms, readability
from print import plan as print_plan
from routes import citations as routes_citations
from routes import data as routes_data

ROUTES_HEADING = "The route data (data/routes.yml in docs/) is wrong; fix each problem and build again"
LETTERS_HEADING = "The model letters (docs/data/letters.yml) are wrong; fix each problem and build again"
PAGES_HEADING = "Some pages are not saved as UTF-8 text; save each as UTF-8 and build again"
FINDER_HEADING = "The route finder (docs/data/finder.yml) is wrong; fix each problem and build again"
FACTS_HEADING = "A time limit disagrees with the legal facts (docs/data/legal_facts.yml); fix each and build again"
FRONT_MATTER_HEADING = "The front matter of pages (between the --- lines at the top) is wrong; fix each problem"
STATING_FACTS = ("routes.yml", "deadlines.yml")  # the data files whose time limits name a legal fact


def on_config(config):
    """Start the site model with the local details of the service this build is for."""
    site = content.start(Path(config.docs_dir) / "data")
    try:
        path = localities.details_file(Path(config.config_file_path).parent)
    except localities.LocalityError as error:
        raise PluginError(str(error)) from error
    values, problems = local_details.load(path, site.read)
    site.keep("local.yml", values, "Local details are wrong", problems)
    site.keep("locality", path.parent.name)  # the service's folder name (its PDF cache, …)
    return config


def on_files(files, config):
    """Read every data file once; keep what each capability makes of it, and its problems.

    A page that is not UTF-8 stops the build here, with every problem found so far: the hooks
    after this one read the pages.
    """
    site = content.current()
    project = Path(config.config_file_path).parent
    sources = [Path(page.abs_src_path) for page in files.documentation_pages()
               if page.abs_src_path and not page.generated_by]
    site.keep("pages", None, PAGES_HEADING, content_pages.unreadable(sources, project))
    registry, problems = citations_registry.load(site.path("code_of_practice.yml"), site.read)
    site.keep("code_of_practice.yml", registry, "The Code of Practice registry is wrong", problems)
    _routes(site, {file.src_uri for file in files.documentation_pages()})
    shown = Path(os.path.relpath(site.path("finder.yml"), project))
    _finder(site, shown, {file.src_uri for file in files.documentation_pages()})
    _plain_english(site)
    found, problems = deadlines.load(site.path("deadlines.yml"), "docs/data/deadlines.yml", site.read)
    site.keep("deadlines.yml", found, "The deadline data is wrong; fix each problem and build again", problems)
    _letters(site)
    facts, problems = legal_facts.load_checked(site, STATING_FACTS)
    site.keep("legal_facts.yml", facts, FACTS_HEADING, problems)
    if not site.good("pages"):
        _stop(site, None)
    site.keep("front matter", None, FRONT_MATTER_HEADING, content_pages.front_matter_problems(sources, project))
    return files


def _routes(site: content.Site, pages: set[str]) -> None:
    """routes.yml, checked against the pages, the local details and the Code of Practice registry."""
    plain = local_details.plain_markers(site.value("local.yml"))
    registry = site.value("code_of_practice.yml")
    check = routes_citations.citation_check(registry.edition().known) if registry else routes_citations.citations_found
    routes, problems = routes_data.load(site.path("routes.yml"), pages, plain, check, site.read)
    timescales, more = routes_data.load_timescales(site.path("routes.yml"), pages, plain, check, site.read)
    site.keep("timescales", timescales)
    site.keep("routes.yml", routes, ROUTES_HEADING, problems + more)


def _finder(site: content.Site, shown: Path, pages: set[str]) -> None:
    """finder.yml, checked against the route data, the pages and the registry (once they are good)."""
    flow, problems = finder_flow.load(site.path("finder.yml"), shown, site.read)
    registry = site.value("code_of_practice.yml")
    checked = flow is not None and not problems and registry is not None and site.good("routes.yml")
    if checked:
        routes = finder_pages.route_info(site.value("routes.yml"))
        known = {rid: set(route.time_limits) for rid, route in routes.items()}
        limits = set(finder_pages.all_limits(site.value("routes.yml"), site.value("timescales")))
        check = finder_check.citation_check(registry.edition())
        problems = finder_check.check(flow, known, check, pages, limits)
    site.keep("finder.yml", flow if checked and not problems else None, FINDER_HEADING, problems)


def _letters(site: content.Site) -> None:
    """letters.yml, with the service's plain-text local details filled in."""
    plain = local_details.plain_markers(site.value("local.yml"))
    letters, problems = letters_model.load(site.path("letters.yml"), plain, site.read)
    site.keep("letters.yml", None if problems else letters, LETTERS_HEADING, problems)


def _plain_english(site: content.Site) -> None:
    """plain_english.yml, glossary.yml and outdated_terms.yml: one heading for the three."""
    problems = []
    for name, load, error in (
        ("plain_english.yml", readability.load_budgets, readability.BudgetsError),
        ("glossary.yml", glossary.load, glossary.GlossaryError),
        ("outdated_terms.yml", outdated_terms.load, outdated_terms.OutdatedTermsError),
    ):
        try:
            site.keep(name, load(site.path(name), site.read))
        except error as found:
            site.keep(name, None)
            problems.append(str(found))
    site.keep("plain English", None, "Plain English data is wrong", problems)


def on_nav(nav, config, files):
    """Check print.yml; stop the build naming every problem of every file.

    print.yml is checked against the navigation only when the other files are good: a broken
    file leaves out the pages made from it, and the navigation would be wrong.
    """
    site = content.current()
    _stop(site, None if site.report() else [page.file.src_uri for page in nav.pages])
    return nav


def _stop(site: content.Site, nav_order: list[str] | None) -> None:
    """Check print.yml (against ``nav_order`` if known); stop the build if any file is wrong."""
    print_config, problems = print_plan.load(site.path("print.yml"), nav_order, site.read)
    site.keep("print.yml", print_config, "Print settings are wrong", problems)
    report = site.report()
    if report:
        raise PluginError(report)
