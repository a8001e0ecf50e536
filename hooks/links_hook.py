"""MkDocs glue: MkDocs' own warnings about broken links, anchors and nav entries, with their line.

MkDocs checks every link (``validation:`` in mkdocs.yml) but names only the page. A logging
filter on the loggers that give those warnings rewrites each one with the file and line of the
mistake and what to do (``links.warnings``); it stays a warning, so a strict build still fails.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from links import warnings

# The loggers of MkDocs' link and anchor checks (pages) and of its nav check.
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
rewriter = warnings.Rewriter()


class LinkLines(logging.Filter):
    """Rewrites a link, anchor or nav warning with its file and line; passes every record on."""

    def filter(self, record: logging.LogRecord) -> bool:
        better = rewriter.rewrite(record.getMessage())
        if better:
            record.msg, record.args = better, ()
        return True


def on_config(config):
    """Put the filter on MkDocs' loggers (once: ``mkdocs serve`` loads this file again on a config change)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [found for found in logger.filters if type(found).__name__ == LinkLines.__name__]:
            logger.removeFilter(old)
        logger.addFilter(LinkLines())
    return config


def on_files(files, config):
    """Take this build's page sources (an editor's pages: generated ones have no file to open)."""
    root = Path(config.config_file_path).parent
    rewriter.docs = os.path.relpath(config.docs_dir, root)
    rewriter.config_name = os.path.relpath(config.config_file_path, root)
    pages = {page.src_uri: page.content_string for page in files.documentation_pages()
             if page.abs_src_path and not page.generated_by}
    rewriter.start(pages, Path(config.config_file_path).read_text(encoding="utf-8"))
    return files
