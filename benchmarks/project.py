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

import yaml
from mkdocs.utils.meta import get_data

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "docs", "localities", "hooks", "overrides", "package.json"]
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


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (it must be there) once in a snapshot's file; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


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


# What the hooks give the rest of the build, captured from one build with them (PDFs skipped):
# the values they put into config.extra for the templates and the files they add (both after
# every on_files: the local details reach config.extra there, from the site model), and each page as the hooks hand it to Markdown: its Markdown after the
# last on_page_markdown, and the review dates the plain-English hook puts into its meta.
HOOKS_PROBE = """
import base64, json, sys, tempfile
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=tempfile.mkdtemp(), strict=False)
found = {"extra": {}, "files": {}, "pages": {}}

def keep_files(files, config):
    found["extra"] = dict(config.extra)
    found["files"] = {f.src_uri: base64.b64encode(f.content_bytes).decode() for f in files if f.generated}
    return files

def keep_page(markdown, page, config, files):
    found["pages"][page.file.src_uri] = {"markdown": markdown, "review": page.meta.get("review")}
    return markdown

for event, keep in (("files", keep_files), ("page_markdown", keep_page)):
    config.plugins.events[event].append(keep)  # after every hook
config.plugins.on_startup(command="build", dirty=False)
build(config)
json.dump(found, sys.stdout, default=str)
"""


def hooks_output(project: Path) -> dict:
    """What the hooks hand to the rest of a build (see HOOKS_PROBE): ``extra``, the generated
    ``files`` (bytes by path) and ``pages`` (Markdown and review dates by path)."""
    done = subprocess.run([PYTHON, "-c", HOOKS_PROBE], cwd=project, env={**BASE_ENV, **NO_PDF},
                          capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"the build with hooks failed:\n{done.stderr[-2000:]}")
    found = json.loads(done.stdout)
    files = {path: base64.b64decode(data) for path, data in found["files"].items()}
    return {"extra": found["extra"], "files": files, "pages": found["pages"]}


def _frozen_page(source: str, markdown: str, review: dict | None) -> str:
    """A page file: the source's front matter (plus the review dates the hooks would add to
    the page's meta) and the Markdown the hooks made of the page."""
    _, meta = get_data(source)
    if review is not None:
        meta = {**meta, "review": review}
    front = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n" if meta else ""
    return front + markdown


def hooks_off(project: Path) -> None:
    """Empty the ``hooks:`` list of a copy, keeping everything the hooks hand to the build.

    The values the hooks put in ``config.extra`` (read by the theme overrides) are written into
    the config; the files the hooks generate are written into ``docs/``; and every page is
    rewritten as the hooks hand it to Markdown (markers expanded, citations linked,
    abbreviations defined, review dates in its meta). So the same templates render the same
    pages with the same content, and no hook code runs: the difference is what the hooks'
    own code costs.
    """
    output = hooks_output(project)
    edit_config(project, lambda text: with_extra(without_hooks(text), output["extra"]))
    docs = project / "docs"
    for path, content in output["files"].items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for path, page in output["pages"].items():
        target = docs / path
        target.write_text(_frozen_page(target.read_text(encoding="utf-8"), page["markdown"],
                                       page["review"]), encoding="utf-8")


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
