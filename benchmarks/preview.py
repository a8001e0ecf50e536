"""Edit-to-preview: how long ``mkdocs serve`` takes to show a change to one page.

``mkdocs serve`` runs on a copy of the project on 127.0.0.1 (a free port). Once it serves the
page, a line with a unique word is added to the page's Markdown, and the served page is polled
until the word appears. The time runs from the write to the first response that shows it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import project

POLL_SECONDS = 0.05
STARTUP_TIMEOUT = 300.0
CHANGE_TIMEOUT = 300.0


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, word: str | None, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until ``url`` answers (and contains ``word``, if given)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode})")
        text = fetch(url)
        if text is not None and (word is None or word in text):
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} did not show the change within {timeout:.0f} s")


def edit_to_preview(site: Path, page: str, edits: int, log: Path) -> dict:
    """Start ``mkdocs serve`` on ``site`` and time ``edits`` changes to ``docs/<page>``.

    Returns the start-up time (first build and serve) and each edit's time to preview.
    """
    port = project.free_port()
    path = page.removesuffix(".md").removesuffix("index")
    url = f"http://127.0.0.1:{port}/{path}/" if path else f"http://127.0.0.1:{port}/"
    source = site / "docs" / page
    original = source.read_text(encoding="utf-8")
    with log.open("w") as output:
        server = subprocess.Popen(
            [project.PYTHON, "-m", "mkdocs", "serve", "--no-strict", "-a", f"127.0.0.1:{port}"],
            cwd=site, env=project.BASE_ENV, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            startup = wait_for(url, None, STARTUP_TIMEOUT, server)
            times = []
            for number in range(1, edits + 1):
                word = f"benchmark{number}x{time.time_ns()}"
                source.write_text(f"{original.rstrip()}\n\nEdited: {word}\n", encoding="utf-8")
                times.append(wait_for(url, word, CHANGE_TIMEOUT, server))
                time.sleep(0.5)  # let the watcher settle before the next edit
            return {"startup_s": startup, "edits_s": times}
        finally:
            source.write_text(original, encoding="utf-8")
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
