"""MkDocs glue for safe publishing, in both builds (website and offline copy).

- ``mkdocs.yml``: a ``!!python`` tag is refused with its line. MkDocs has already read the file
  by now, so this is a late second check for a plain ``mkdocs build``; the build entry point
  ``hooks/build_all.py`` (``make site``, ``make serve``) refuses it before MkDocs reads it.
- Files: only what a page, the theme or a declared asset needs is published; the rest is left
  out and listed. A file that is a symbolic link out of ``docs/`` or ``overrides/`` stops the build.
- Output: every built HTML page and stylesheet is read with an HTML parser; anything it would
  fetch from another host, run, or attach to a PDF stops the build, naming the page and line.
- Links: MkDocs checks every link (``validation:`` in mkdocs.yml) but names only the page; a
  logging filter on its loggers rewrites each link, anchor or nav warning with the file and line
  of the mistake and what to do (links/warnings.py). It stays a warning, so --strict still fails.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from links import warnings
from safety import config_tags, loads, published

log = logging.getLogger("mkdocs.plugins.safety")

# The loggers of MkDocs' link and anchor checks (pages) and of its nav check.
LINK_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
rewriter = warnings.Rewriter()


class LinkLines(logging.Filter):
    """Rewrites a link, anchor or nav warning with its file and line; passes every record on."""

    def filter(self, record: logging.LogRecord) -> bool:
        better = rewriter.rewrite(record.getMessage())
        if better:
            record.msg, record.args = better, ()
        return True

# built file -> (page source, its Markdown), for naming the source of a problem
sources: dict[str, tuple[str, str]] = {}


@event_priority(100)
def on_config(config):
    """Refuse !!python tags; put the link filter on MkDocs' loggers (once: ``mkdocs serve``
    loads this file again on a config change)."""
    try:
        config_tags.check(Path(config.config_file_path))
    except config_tags.ConfigTagError as error:
        raise PluginError(str(error)) from error
    for name in LINK_LOGGERS:
        logger = logging.getLogger(name)
        for old in [found for found in logger.filters if type(found).__name__ == LinkLines.__name__]:
            logger.removeFilter(old)
        logger.addFilter(LinkLines())
    return config


def _folders(config) -> list[Path]:
    folders = [Path(config.docs_dir)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    return folders


@event_priority(-100)
def on_files(files, config):
    """Refuse links out of docs/ and overrides/; leave out what nobody needs, and list it."""
    folders = _folders(config)
    docs = folders[0]
    escaping, left_out, candidates = [], [], []
    for file in list(files):
        if file.generated_by is not None or not file.abs_src_path or file.inclusion.is_excluded():
            continue
        path = Path(file.abs_src_path)
        folder = next((f for f in folders if path.is_relative_to(f)), None)
        if folder is not None and published.escapes(path, folder):
            escaping.append(f"{path} is a link to {path.resolve()}, outside {folder.name}/; "
                            "copy the file into the folder instead")
        elif published.is_stray(file.src_uri):
            left_out.append(file)
        elif folder == docs and not file.is_documentation_page():
            candidates.append(file)
    if escaping:
        raise PluginError("Files that lead out of the project:\n" + "\n".join(f"  {e}" for e in escaping))
    too_long = published.oversized({page.src_uri: len(page.content_bytes) for page in files.documentation_pages()
                                     if page.generated_by is None and page.abs_src_path})
    if too_long:
        raise PluginError("Pages too long to publish:\n" + "\n".join(f"  {e}" for e in too_long))
    pages = {page.src_uri: page.content_string for page in files.documentation_pages()}
    declared = [str(css) for css in config.extra_css] + [
        str(getattr(script, "path", script)) for script in config.extra_javascript
    ]
    texts = {**pages, **{f.src_uri: f.content_string for f in candidates
                         if f.src_uri in declared and f.src_uri.endswith(".css")}}
    needed = published.needed([f.src_uri for f in candidates], texts, declared)
    left_out += [file for file in candidates if file.src_uri not in needed]
    for file in left_out:
        files.remove(file)
    if left_out:
        log.info("Left out of the site (no page, theme or declared asset needs them): %s",
                 ", ".join(sorted(file.src_uri for file in left_out)))
    sources.clear()
    sources.update({page.dest_uri: (page.src_uri, pages[page.src_uri])
                    for page in files.documentation_pages()})
    _start_link_lines(files, config)
    return files


def _start_link_lines(files, config) -> None:
    """Give the link filter this build's page sources (an editor's pages: generated ones have
    no file to open)."""
    root = Path(config.config_file_path).parent
    rewriter.docs = os.path.relpath(config.docs_dir, root)
    rewriter.config_name = os.path.relpath(config.config_file_path, root)
    pages = {page.src_uri: page.content_string for page in files.documentation_pages()
             if page.abs_src_path and not page.generated_by}
    rewriter.start(pages, Path(config.config_file_path).read_text(encoding="utf-8"))


def _where(built: str, finding: loads.Finding) -> str:
    if built not in sources:
        return f"{built}:{finding.line}"
    page, markdown = sources[built]
    line = loads.source_line(markdown, finding.what)
    at = f":{line}" if line else ""
    return f"{page}{at} (built as {built}, line {finding.line})"


@event_priority(-300)
def on_post_build(config):
    """After every other hook and plugin: nothing built may fetch, run or attach anything."""
    found = loads.in_folder(Path(config.site_dir))
    if found:
        raise PluginError(
            "Pages that would load, run or attach something they must not:\n"
            + "\n".join(f"  {_where(built, finding)}: {finding.problem}" for built, finding in found)
        )
