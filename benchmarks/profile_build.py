"""Profile one site build in-process with cProfile (CPU time, so other load on the machine
does not skew it) and print where the time goes: each hook file's share, then the top
functions.

    .venv/bin/python benchmarks/profile_build.py [--pdf] [--top 30] [--save build.prof]

Builds the project as it is into a temporary folder (PDFs skipped unless --pdf).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def hook_shares(stats: pstats.Stats) -> dict[str, float]:
    """CPU seconds spent inside each file of hooks/ (its own code and what it calls is not
    split out: this is time with a hooks/ function on top of the stack)."""
    shares: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        if f"{os.sep}hooks{os.sep}" in filename:
            shares[Path(filename).name] += own
    return dict(sorted(shares.items(), key=lambda item: -item[1]))


def event_totals(stats: pstats.Stats) -> dict[str, float]:
    """CPU seconds under each hook event function (cumulative: everything it calls)."""
    totals: dict[str, float] = {}
    for (filename, _, function), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if f"{os.sep}hooks{os.sep}" in filename and function.startswith("on_"):
            totals[f"{Path(filename).name}:{function}"] = cumulative
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", action="store_true", help="render the PDFs too")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--save", type=Path, help="also write the raw profile here")
    parser.add_argument("--config", type=Path, default=PROJECT / "mkdocs.yml")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if not args.pdf:
        os.environ["SITE_SKIP_PDF"] = "1"
    os.chdir(args.config.parent)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tempfile.mkdtemp(prefix="site-profile-")
    profile = cProfile.Profile(time.process_time)
    started = time.process_time()
    profile.enable()
    config = load_config(str(args.config), site_dir=out, strict=False)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        profile.disable()
    total = time.process_time() - started
    stats = pstats.Stats(profile, stream=sys.stdout)
    if args.save:
        stats.dump_stats(args.save)
    print(f"Build: {total:.2f} s CPU\n\nUnder each hook event (cumulative CPU s):")
    for name, seconds in event_totals(stats).items():
        print(f"  {seconds:7.2f}  {name}")
    print("\nOwn time in hooks/ files (CPU s):")
    for name, seconds in hook_shares(stats).items():
        print(f"  {seconds:7.2f}  {name}")
    print()
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
