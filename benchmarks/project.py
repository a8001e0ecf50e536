"""A snapshot of the project to benchmark, its config variants, and one timed build.

Every benchmark works on a copy of the sources taken once at the start, so pages or hooks
that change while it runs cannot skew one side of a comparison. Variants of ``mkdocs.yml``
are made by editing its text (it holds ``!ENV`` tags that a YAML round trip would lose).
"""

from __future__ import annotations

import base64
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "docs", "hooks", "overrides", "package.json"]
PYTHON = sys.executable
BASE_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The website alone: PDFs are timed on their own (full pipeline), never inside "the site".
NO_PDF = {"SITE_SKIP_PDF": "1"}


def snapshot(dest: Path) -> Path:
    """Copy the project's sources (not its outputs) to ``dest``; node_modules is linked."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    modules = PROJECT / "node_modules"
    if modules.exists():
        (dest / "node_modules").symlink_to(modules)
    return dest


def clone(source: Path, dest: Path) -> Path:
    """Another copy of a snapshot (docs copied, everything else linked)."""
    dest.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name in ("docs", "mkdocs.yml"):
            copy = shutil.copytree if entry.is_dir() else shutil.copy2
            copy(entry, dest / entry.name)
        else:
            (dest / entry.name).symlink_to(entry.resolve())
    return dest


def _material_languages() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "partials" / "languages"


MATERIAL_LANGUAGES = _material_languages()


# --- editing mkdocs.yml as text ---------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def block(lines: list[str], key: str, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Line span [start, end) of ``key:`` and everything nested under it; None if absent.

    Top-level keys are searched unless ``within`` (a parent's span) is given.
    """
    first, last = within if within else (0, len(lines))
    depth = None if within is None else _indent(lines[first]) + 1
    pattern = re.compile(rf"^(\s*){re.escape(key)}:(\s|$)")
    for number in range(first + (1 if within else 0), last):
        match = pattern.match(lines[number])
        if not match or (depth is None and match[1]) or (depth is not None and len(match[1]) < depth):
            continue
        indent = len(match[1])
        end = number + 1
        while end < last:
            line = lines[end]
            if _is_content(line) and (
                _indent(line) < indent
                or (_indent(line) == indent and not line.lstrip().startswith("- "))
            ):
                break
            end += 1
        while end > number + 1 and not _is_content(lines[end - 1]):
            end -= 1
        return number, end
    return None


def hooks(text: str) -> list[str]:
    """The hook files listed in a mkdocs.yml text, in order."""
    lines = text.splitlines()
    span = block(lines, "hooks")
    if span is None:
        return []
    return [m[1] for line in lines[span[0] + 1:span[1]] if (m := re.match(r"^\s*-\s*(\S+)", line))]


def without_hooks(text: str) -> str:
    """The same config with the ``hooks:`` list emptied."""
    lines = text.splitlines()
    span = block(lines, "hooks")
    if span is None:
        return text
    return "\n".join(lines[:span[0]] + ["hooks: []"] + lines[span[1]:]) + "\n"


def default_theme(text: str) -> str:
    """Material's default look: no custom_dir overrides, no extra_css, default palette (and
    English if the overrides supplied the site's language)."""
    lines = text.splitlines()
    for key in ("custom_dir", "palette"):
        theme = block(lines, "theme")
        span = theme and block(lines, key, theme)
        if span:
            del lines[span[0]:span[1]]
    span = block(lines, "extra_css")
    if span:
        del lines[span[0]:span[1]]
    theme = block(lines, "theme")
    span = theme and block(lines, "language", theme)
    if span:
        language = lines[span[0]].split(":", 1)[1].strip().strip("'\"")
        if not (MATERIAL_LANGUAGES / f"{language}.html").exists():
            # The overrides ship this language's partial; Material's own nearest is English.
            lines[span[0]] = lines[span[0]].split(":", 1)[0] + ": en"
    return "\n".join(lines) + "\n"


def with_nav_section(text: str, title: str, pages: list[str], per_section: int) -> str:
    """Add a section at the end of the navigation holding these pages in sub-sections of
    ``per_section`` pages each ("Pages 1 to 25", …), as a large site would group them."""
    lines = text.splitlines()
    span = block(lines, "nav")
    if span is None:
        raise ValueError("mkdocs.yml has no nav: to add the generated pages to")
    items = [line for line in lines[span[0] + 1:span[1]] if _is_content(line)]
    pad = " " * (_indent(items[0]) if items else 2)
    added = [f"{pad}- {title}:"]
    for first in range(0, len(pages), per_section):
        group = pages[first:first + per_section]
        added.append(f"{pad}    - Pages {first + 1} to {first + len(group)}:")
        added += [f"{pad}        - {page}" for page in group]
    return "\n".join(lines[:span[1]] + added + lines[span[1]:]) + "\n"


def with_extra(text: str, extra: dict) -> str:
    """The config with its ``extra:`` block replaced by these values (JSON is YAML)."""
    lines = text.splitlines()
    span = block(lines, "extra")
    new = [f"extra: {json.dumps(extra)}"]
    if span is None:
        return text.rstrip("\n") + "\n" + new[0] + "\n"
    return "\n".join(lines[:span[0]] + new + lines[span[1]:]) + "\n"


# What the hooks give the build before any page is rendered: the values they put into
# config.extra for the templates (after every on_config) and the files they add (on_files).
HOOKS_PROBE = """
import base64, json, sys
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
config = load_config("mkdocs.yml")
config.plugins.on_startup(command="build", dirty=False)
config = config.plugins.on_config(config)
files = config.plugins.on_files(get_files(config), config=config)
added = {f.src_uri: base64.b64encode(f.content_bytes).decode() for f in files if f.generated}
json.dump({"extra": dict(config.extra), "files": added}, sys.stdout, default=str)
"""


def hooks_output(project: Path) -> dict:
    """``config.extra`` as the theme sees it once the hooks' ``on_config`` have run, and the
    files (pages, images, scripts) the hooks' ``on_files`` add, by path."""
    done = subprocess.run([PYTHON, "-c", HOOKS_PROBE], cwd=project, env={**BASE_ENV, **NO_PDF},
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the hooks failed before rendering any page:\n{done.stderr[-2000:]}")
    found = json.loads(done.stdout)
    return {"extra": found["extra"],
            "files": {path: base64.b64decode(data) for path, data in found["files"].items()}}


def hooks_off(project: Path) -> None:
    """Empty the ``hooks:`` list of a copy, keeping what the hooks hand to the rest of the build.

    The values the hooks put in ``config.extra`` (read by the theme overrides) are written into
    the config, and the pages and files the hooks generate are written into ``docs/`` as they
    are before rendering, so the same templates render the same set of pages. No hook code
    runs in the build. Markers stay unexpanded, so this build is only fit for timing (and
    would fail ``--strict``).
    """
    output = hooks_output(project)
    edit_config(project, lambda text: with_extra(without_hooks(text), output["extra"]))
    for path, content in output["files"].items():
        target = project / "docs" / path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def edit_config(project: Path, change) -> None:
    """Rewrite ``project/mkdocs.yml`` through ``change(text) -> text``."""
    config = project / "mkdocs.yml"
    config.write_text(change(config.read_text(encoding="utf-8")), encoding="utf-8")


# --- building -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    """One finished build: how long it took, whether it worked, and what it printed."""

    seconds: float
    cpu_seconds: float
    ok: bool
    log: str


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_build(project: Path, out: Path, env: dict[str, str] | None = None) -> Build:
    """``mkdocs build --no-strict`` of ``project`` into ``out``, timed as a user would (wall clock,
    Python start-up and imports included), and the CPU time it used."""
    command = [PYTHON, "-m", "mkdocs", "build", "--no-strict", "--clean", "--site-dir", str(out)]
    cpu = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=project, env={**BASE_ENV, **(env or {})},
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    return Build(seconds, children_cpu() - cpu, done.returncode == 0, done.stdout + done.stderr)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
