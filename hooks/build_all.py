"""Build everything into a temporary folder, then put it in place as ``site/``.

``python hooks/build_all.py`` runs each build step into a fresh folder beside the destination.
Only when every step succeeds is the old ``site/`` replaced, in one step (``publish/``): a
failed, stopped or killed build never leaves a half-written site. One build runs at a time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from typing import IO
from pathlib import Path

from localities import sites
from offline import copy as offline
from print import downloads
from publish import folder
from publish import run as publish
from safety import config_tags

PROJECT = Path(__file__).resolve().parent.parent

# The review report is for staff: written beside the site, never into it (plain_english_hook).
REPORTS_ENV = "SITE_REPORTS_DIR"
# The offline copy's own build, started beside the website's (see build_website).
_offline: tuple[subprocess.Popen, IO[bytes]] | None = None


def _mkdocs_build(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)]


def _offline_env(out: Path) -> dict[str, str]:
    """The offline build's environment; its review report (with the copy's .html addresses)
    stays in the temporary folder."""
    return {**os.environ, "SITE_OFFLINE": "true", "SITE_SKIP_PDF": "1",
            REPORTS_ENV: str(out.with_name("offline-reports"))}


def build_website(out: Path) -> None:
    """The public website (with the PDF leaflets), strict: any warning fails.

    The offline copy's build needs nothing from the website until it is zipped, so it starts
    now and runs beside it (its log is kept and printed when it is done, not mixed in).
    """
    global _offline
    log = tempfile.TemporaryFile()
    process = publish.start(_mkdocs_build(out.with_name("offline-copy")), cwd=PROJECT,
                            env=_offline_env(out), stdout=log, stderr=subprocess.STDOUT)
    _offline = (process, log)
    try:
        _run(_mkdocs_build(out), "website")
    except BaseException:  # publish.build kills the offline build
        log.close()
        _offline = None
        raise


class StepError(Exception):
    """A build step found something wrong after its tools ran; the message says what to do."""


def _did_not_build(what: str) -> StepError:
    """The error for a build that stopped, naming it in words (its own messages came first)."""
    return StepError(f"the {what} did not build (the messages above say what to fix)")


def _run(command: list[str], what: str, **options) -> None:
    """Run one MkDocs build to the end; a failure is named in words."""
    try:
        publish.run(command, cwd=PROJECT, **options)
    except subprocess.CalledProcessError:
        raise _did_not_build(what) from None


def build_offline(out: Path) -> None:
    """The offline copy: built again with Material's offline plugin, zipped into the website.

    Its build runs beside the website's (started by build_website); it is finished here,
    after the website, so it can take the PDFs from it (they are rendered once), and so the
    website can be told the zip's size, which is only known once the zip is made.
    """
    global _offline
    copy = out.with_name("offline-copy")
    if _offline is None:  # run on its own (build_website did not start it)
        _run(_mkdocs_build(copy), "offline copy", env=_offline_env(out))
    else:
        (process, log), _offline = _offline, None
        code = process.wait()
        log.seek(0)
        sys.stderr.buffer.write(log.read())
        sys.stderr.flush()
        log.close()
        if code != 0:
            raise _did_not_build("offline copy")
    offline.copy_pdfs(out, copy)
    downloads.copy_listing(out / "downloads" / "index.html", copy, copy / "downloads.html")
    zip_path = out / offline.ZIP_URL
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    offline.pack(copy, zip_path)
    size = downloads.human_size(zip_path.stat().st_size)
    if not offline.fill_size(out, size):
        raise StepError(
            f"No page of the website shows the offline copy's size ({offline.SIZE_TOKEN} not found): "
            "keep the offline copy link in overrides/main.html and {{ offline.download }} on the download page"
        )
    print(f"Offline copy: {zip_path.relative_to(out)} ({size})")


STEPS: list[publish.Step] = [build_website, build_offline]


def build(dest: Path, steps: list[publish.Step] = STEPS) -> None:
    """Run every step into a temporary folder and publish it at ``dest`` only if all succeed."""
    publish.build(dest, steps)


def start_service(dest: Path, env: dict[str, str], log: IO[bytes]) -> subprocess.Popen:
    """Start ``make site``'s build of one service into ``dest`` (make sites), its messages to ``log``."""
    return publish.start([sys.executable, __file__, str(dest)], cwd=PROJECT, env=env,
                         stdout=log, stderr=subprocess.STDOUT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", nargs="?", default=str(PROJECT / "site"), type=Path)
    parser.add_argument("--sites", action="store_true",
                        help="build every service in localities/ into DEST/<id>/ (make sites)")
    parser.add_argument("--locality", action="append",
                        help="with --sites: only this service (an id or a folder); may be repeated")
    parser.add_argument("--check-config", action="store_true",
                        help="only check mkdocs.yml for !!python tags (make serve runs this first)")
    args = parser.parse_args()
    try:
        # Before MkDocs reads mkdocs.yml: its loader would run a !!python tag.
        config_tags.check(PROJECT / "mkdocs.yml")
    except config_tags.ConfigTagError as error:
        print(f"Build refused:\n{error}", file=sys.stderr)
        return 1
    if args.check_config:
        return 0
    if args.sites:
        started = time.perf_counter()
        try:
            with publish.stopped_by_signals():  # stopped: so is each service's build; none is half-published
                results = sites.build_every(args.dest, PROJECT, start_service, REPORTS_ENV, args.locality)
        except publish.Stopped as stopped:
            publish.stop_children()
            print(f"Build stopped ({stopped}): every service kept its last good site.", file=sys.stderr)
            return stopped.exit_code
        print(sites.summary(results, time.perf_counter() - started))
        return 1 if any(built.failed for built in results) else 0
    os.environ.setdefault(REPORTS_ENV, str(args.dest.resolve().parent / "reports"))
    try:
        with publish.stopped_by_signals():
            build(args.dest)
    except folder.DestinationError as error:
        print(f"Build refused: {error}", file=sys.stderr)
        return 1
    except StepError as error:
        print(f"Build failed: {error}; {_left(args.dest)}", file=sys.stderr)
        return 1
    except publish.Stopped as stopped:
        print(f"Build stopped ({stopped}): {_left(args.dest)}", file=sys.stderr)
        return stopped.exit_code
    print(f"Built everything into {args.dest}")
    return 0


def _left(dest: Path) -> str:
    """What a build that did not finish left at ``dest``."""
    return ("the last good site was left as it was." if dest.is_dir()
            else f"nothing was published ({dest} does not exist yet).")


if __name__ == "__main__":
    sys.exit(main())
