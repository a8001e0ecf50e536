"""The deadline calculator's budgets: extra bytes on its page, none on the others, and how
soon the answer appears after the last keystroke (measured in Chromium)."""

from __future__ import annotations

import datetime
import gzip
import statistics
from pathlib import Path
from urllib.parse import urlsplit

from weight import CHROMIUM, CHROMIUM_ARGS, page_paths, served

PAGE = "when-is-my-deadline/"
MARK = "/assets/javascripts/deadlines"  # deadlines.js and deadlines-data.js
STYLE = "/assets/stylesheets/deadlines.css"
BYTES_TARGET = 15_000
LATENCY_TARGET_MS = 50.0
# Times the answer: from the last key going down to the result region changing.
TIMER = """() => {
  const result = document.getElementById('deadline-result');
  window.__answered = [];
  document.addEventListener('keydown', () => { window.__key = performance.now(); }, true);
  new MutationObserver(() => window.__answered.push(performance.now() - window.__key))
    .observe(result, {childList: true, subtree: true, characterData: true});
}"""


def _extra(browser, url: str) -> dict[str, int]:
    """Raw and gzipped bytes of the calculator's own files that ``url`` loads."""
    context = browser.new_context(service_workers="block")
    found = {"raw": 0, "gzip": 0, "requests": 0}
    try:
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        for response in responses:
            path = urlsplit(response.url).path
            if MARK in path or path.endswith(STYLE):
                body = response.body()
                found["raw"] += len(body)
                found["gzip"] += len(gzip.compress(body, compresslevel=6, mtime=0))
                found["requests"] += 1
    finally:
        context.close()
    return found


def _latencies(browser, url: str, runs: int) -> list[float]:
    """Milliseconds from the last keystroke of a date to the answer, for ``runs`` dates."""
    page = browser.new_page()
    try:
        page.goto(url)
        page.evaluate(TIMER)
        times = []
        start = datetime.date(datetime.date.today().year - 1, 1, 3)
        for n in range(runs):
            day = start + datetime.timedelta(days=11 * n)
            page.fill("#letter-day", str(day.day))
            page.fill("#letter-month", str(day.month))
            page.fill("#letter-year", "")
            page.evaluate("window.__answered = []")
            page.focus("#letter-year")
            page.keyboard.type(str(day.year))
            page.wait_for_function("window.__answered.length > 0")
            times.append(page.evaluate("window.__answered[0]"))
        return times
    finally:
        page.close()


def measure(site: Path, runs: int, other_pages: int | None) -> dict:
    """The figures for ``site`` (a built website)."""
    from playwright.sync_api import sync_playwright

    others = [p for p in page_paths(site) if p != PAGE]
    if other_pages is not None:
        others = others[:other_pages]
    with sync_playwright() as playwright, served(site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            extra = _extra(browser, base + PAGE)
            elsewhere = {path or "/": _extra(browser, base + path) for path in others}
            times = _latencies(browser, base + PAGE, runs)
        finally:
            browser.close()
    bytes_elsewhere = sum(v["raw"] for v in elsewhere.values())
    return {
        "calculator_raw_bytes": extra["raw"],
        "calculator_gzip_bytes": extra["gzip"],
        "bytes_target": BYTES_TARGET,
        "other_pages": len(elsewhere),
        "other_pages_extra_bytes": bytes_elsewhere,
        "answer_ms_median": statistics.median(times),
        "answer_ms_max": max(times),
        "latency_target_ms": LATENCY_TARGET_MS,
        "met": extra["gzip"] <= BYTES_TARGET and bytes_elsewhere == 0 and max(times) <= LATENCY_TARGET_MS,
    }
