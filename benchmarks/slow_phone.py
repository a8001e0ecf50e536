"""First paint on a slow phone: Lighthouse 12 in mobile mode (simulated slow 4G) on a few pages.

The built site is served from 127.0.0.1 by a small static server that compresses text with gzip,
as a real host would. Lighthouse is pinned in ``benchmarks/lighthouse/package.json`` and
installed there with ``npm ci`` the first time the benchmark runs: the site build never needs
it. Chromium is Debian's (``CHROME_PATH``).
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
from pathlib import Path

from weight import CHROMIUM, QuietHandler, served

LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
# The home page, a route page, the comparison and a result of the route finder.
PAGES = ("", "mediation/", "compare-routes/", "route-finder/try-mediation/")
FCP_TARGET_S = 1.2
BYTES_TARGET = 60_000
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(QuietHandler):
    """Static files; text compressed with gzip when the browser accepts it."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def gzip_served(folder: Path):  # noqa: ANN201 - a context manager
    """``folder`` served with gzip on 127.0.0.1 (a free port); yields the base URL."""
    return served(folder, GzipHandler)


def install_lighthouse() -> Path:
    """The pinned Lighthouse, installed into benchmarks/lighthouse/ if it is not there yet."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                       cwd=LIGHTHOUSE_DIR, check=True, capture_output=True)
    return LIGHTHOUSE


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile, simulated slow 4G): paint times, bytes, blocking resources."""
    command = [
        str(install_lighthouse()), url, "--output=json", "--output-path=stdout", "--quiet",
        "--only-categories=performance", "--form-factor=mobile", "--throttling-method=simulate",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    report = json.loads(subprocess.run(command, env=env, check=True, capture_output=True,
                                       text=True).stdout)
    audits = report["audits"]
    blocking = audits["render-blocking-resources"].get("details", {}).get("items", [])
    return {
        "fcp_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "score": round(report["categories"]["performance"]["score"] * 100),
        "render_blocking": [item["url"].removeprefix(url) for item in blocking],
    }


def measure(site: Path, runs: int = 1, pages: tuple[str, ...] = PAGES) -> dict:
    """Lighthouse on each page of the built ``site`` (the median of ``runs`` runs), with the
    targets and whether each page meets them."""
    results = {}
    with gzip_served(site) as base:
        for page in pages:
            samples = [lighthouse(base + page) for _ in range(runs)]
            middle = sorted(samples, key=lambda r: r["fcp_s"])[len(samples) // 2]
            results[page or "/"] = {**middle, "fcp_samples_s": [r["fcp_s"] for r in samples],
                                    "met": middle["fcp_s"] <= FCP_TARGET_S
                                    and middle["bytes"] <= BYTES_TARGET}
    return {
        "pages": results,
        "fcp_target_s": FCP_TARGET_S,
        "bytes_target": BYTES_TARGET,
        "met": all(r["met"] for r in results.values()),
    }


if __name__ == "__main__":
    import sys

    print(json.dumps(measure(Path(sys.argv[1])), indent=2))
