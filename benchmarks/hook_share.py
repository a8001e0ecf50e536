"""The hooks' share of a website build: CPU inside our hook event handlers against the rest.

Builds the website (PDFs skipped) in this one process: a warm-up build, then ``--runs``
builds, each from a fresh ``load_config``. Every event handler of a hook file listed in
mkdocs.yml is wrapped in a CPU timer (``time.process_time``: other load on the machine hardly
changes it). A build's share is the CPU inside those handlers divided by the CPU of the rest
of the build (loading the config included); the figure is the median share.

    .venv/bin/python benchmarks/hook_share.py [--runs 5] [--config mkdocs.yml]

prints one line of JSON (the last line of its output).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

TARGET = 0.25


def _timed(method: Callable, name: str, spent: dict[str, float]) -> Callable:
    def run(*args, **kwargs):
        started = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    for attribute in ("mkdocs_priority",):
        if hasattr(method, attribute):
            setattr(run, attribute, getattr(method, attribute))
    return run


def build_once(config_file: Path, out: str) -> dict:
    """One website build; CPU seconds in all, and inside each hook's event handlers."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    hooks_dir = str(config_file.parent / "hooks")
    started = time.process_time()
    config = load_config(str(config_file), site_dir=out, strict=False)
    spent: dict[str, float] = defaultdict(float)
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            source = getattr(getattr(method, "__code__", None), "co_filename", "")
            if os.path.dirname(source) == hooks_dir:
                name = f"{Path(source).name}:on_{event}"
                methods[index] = _timed(method, name, spent)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    total = time.process_time() - started
    hooks = sum(spent.values())
    return {"cpu_s": total, "hooks_cpu_s": hooks, "rest_cpu_s": total - hooks,
            "share": hooks / (total - hooks), "handlers": dict(spent)}


def measure(config_file: Path, runs: int, warm_up: bool = True) -> dict:
    """The median share of ``runs`` builds (after a warm-up build), and each build's figures."""
    os.environ["SITE_SKIP_PDF"] = "1"
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(config_file.parent)
    builds = []
    with tempfile.TemporaryDirectory(prefix="hook-share-") as out:
        if warm_up:
            build_once(config_file, out)
        for _ in range(runs):
            builds.append(build_once(config_file, out))
    handlers = {name: statistics.median(b["handlers"].get(name, 0.0) for b in builds)
                for name in sorted({n for b in builds for n in b["handlers"]})}
    share = statistics.median(b["share"] for b in builds)
    return {
        "share": share,
        "target": TARGET,
        "met": share <= TARGET,
        "runs": runs,
        "hooks_cpu_s": statistics.median(b["hooks_cpu_s"] for b in builds),
        "rest_cpu_s": statistics.median(b["rest_cpu_s"] for b in builds),
        "samples": [b["share"] for b in builds],
        "handlers_cpu_s": dict(sorted(handlers.items(), key=lambda item: -item[1])),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-warm-up", action="store_true")
    parser.add_argument("--config", type=Path, default=Path(__file__).resolve().parent.parent / "mkdocs.yml")
    args = parser.parse_args()
    import logging
    logging.disable(logging.WARNING)  # the builds' own log lines are not the figure
    result = measure(args.config.resolve(), args.runs, not args.no_warm_up)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
