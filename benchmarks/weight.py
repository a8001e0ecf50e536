"""Page weight: what a first visit to each page transfers, from Chromium's network log.

Each built site is served on 127.0.0.1 from a thread. Every page is opened in a fresh browser
context (empty cache: a first visit), and every response the page and its workers receive is
counted once: its body as served (raw) and gzip-compressed (what a server with compression
would send). The site's own server sends no compression, so both figures are measured here.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
KINDS = {
    "document": "html", "stylesheet": "css", "script": "js", "image": "images", "font": "fonts",
}
SETTLE_MS = 300  # after network idle, for late loads (search index, icons)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def served(folder: Path, handler_class: type | None = None) -> Iterator[str]:
    """``folder`` served over HTTP on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site: Path) -> list[str]:
    """URL paths of the site's pages (directory URLs), home first; 404.html left out."""
    paths = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        paths.append("" if relative == "." else relative + "/")
    return sorted(paths, key=lambda p: (p != "", p))


def kind(resource_type: str, url: str) -> str:
    """html, css, js, images, fonts or other."""
    if resource_type in KINDS:
        return KINDS[resource_type]
    path = urlsplit(url).path
    if path.endswith(".js"):
        return "js"
    if path.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    if path.endswith((".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico")):
        return "images"
    return "other"


def empty_totals() -> dict[str, dict[str, int]]:
    return {name: {"raw": 0, "gzip": 0, "requests": 0}
            for name in ("html", "css", "js", "images", "fonts", "other", "total")}


def visit(browser, url: str) -> dict:
    """Bytes one first visit to ``url`` transfers, by kind, raw and gzipped; and any failures."""
    context = browser.new_context(service_workers="block")
    responses = []
    failed: list[str] = []
    context.on("response", lambda response: responses.append(response))
    context.on("requestfailed", lambda request: failed.append(request.url))
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(SETTLE_MS)
        totals = empty_totals()
        outside = []
        for response in responses:
            if not response.url.startswith(url.split("/", 3)[0] + "//" + urlsplit(url).netloc):
                outside.append(response.url)
            try:
                body = response.body()
            except Exception:  # redirects and aborted loads have no body
                continue
            packed = len(gzip.compress(body, compresslevel=6, mtime=0))
            for name in (kind(response.request.resource_type, response.url), "total"):
                totals[name]["raw"] += len(body)
                totals[name]["gzip"] += packed
                totals[name]["requests"] += 1
        return {"totals": totals, "failed": failed, "other_hosts": outside}
    finally:
        context.close()


def measure(sites: dict[str, Path], pages: list[str] | None = None) -> dict[str, dict[str, dict]]:
    """For each named site, the first-visit weight of each page (the first site's page list)."""
    from playwright.sync_api import sync_playwright

    first = next(iter(sites.values()))
    paths = pages if pages is not None else page_paths(first)
    results: dict[str, dict[str, dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, folder in sites.items():
                with served(folder) as base:
                    results[name] = {path: visit(browser, base + path) for path in paths
                                     if (folder / path / "index.html").exists()}
        finally:
            browser.close()
    return results
