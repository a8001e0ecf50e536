"""Fixtures for the phone tests (issue 20): both outputs of the real build, opened in Debian's
Chromium at phone sizes. The build itself (``site``), ``offline_copy``, ``browser`` and
``site_url`` come from tests/conftest.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from phone_pages import SCHEMES


@pytest.fixture(scope="session")
def outputs(site_url: str, offline_copy: Path) -> dict[str, Callable[[str], str]]:
    """For each output, the address of a page given its website path ("" for home, "a/b/")."""

    def offline(path: str) -> str:
        name = (path.rstrip("/") or "index") + ".html"
        return (offline_copy / name).as_uri()

    return {"site": lambda path: site_url + path, "offline": offline}


Open = Callable[..., "playwright.sync_api.Page"]  # noqa: F821


@pytest.fixture
def open_page(browser) -> Iterator[Open]:
    """Open an address at a viewport size and colour scheme, as a first visit; wait for Material."""
    contexts = []

    def visit(url: str, width: int, height: int, scheme: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        context.add_init_script("try { localStorage.clear(); } catch (e) {}")
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function("document.documentElement.classList.contains('js')")
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == SCHEMES[scheme], f"{url}: {scheme} shows as {shown}"
        return page

    yield visit
    for context in contexts:
        context.close()
