"""MkDocs glue for the offline copy.

The offline build is ``mkdocs build`` with ``SITE_OFFLINE=true``, which turns on Material's
``offline`` plugin (see mkdocs.yml). Then this hook ships the iframe-worker shim from
node_modules as a local polyfill (so the plugin adds nothing from a CDN), strips what a copy
on disk never uses, writes the start file and fails the build if a page would load anything
from another host. In both builds it expands ``{{ offline.download }}`` and gives templates
``config.extra.offline_copy``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from helpers import markers
from offline import copy as offline

log = logging.getLogger("mkdocs.plugins.offline")

active = False
sources: dict[str, str] = {}


@event_priority(100)
def on_config(config):
    """Before Material's offline plugin sees the config: point its polyfill at our local shim."""
    global active
    plugin = config.plugins.get("material/offline")
    active = bool(plugin and plugin.config.enabled)
    config.extra["offline_copy"] = {
        "active": active,
        "zip_url": offline.ZIP_URL,
        "zip_size": offline.SIZE_TOKEN,
    }
    if active:
        polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
        config.extra["polyfills"] = [*polyfills, offline.SHIM_URL]
    return config


def on_files(files, config):
    """In the offline build, add the pinned iframe-worker shim from node_modules to the site."""
    if not active:
        return files
    sources.clear()
    sources.update({file.dest_uri: file.src_uri for file in files.documentation_pages()})
    shim = Path(config.config_file_path).parent / offline.SHIM_SOURCE
    if not shim.is_file():
        raise PluginError(
            f"{shim} is missing: the offline copy needs the iframe-worker shim for search; "
            "run `npm ci` (package.json pins iframe-worker)"
        )
    files.append(File.generated(config, offline.SHIM_URL, abs_src_path=str(shim)))
    return files


@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    """Expand ``{{ offline.download }}``: the zip link and how to use it, or an offline-copy note.

    Runs before the other hooks expand their markers into several lines, so the line numbers
    it reports are still those of the file.
    """

    def render(marker: markers.Marker) -> str:
        if marker.key != "download" or marker.argument is not None:
            raise markers.MarkerError("unknown offline marker; the only one is {{ offline.download }}")
        href = get_relative_url(offline.ZIP_URL, page.url)
        return offline.download_section(active, href, offline.SIZE_TOKEN, config.site_url)

    offset = markers.body_offset(page.file.content_string)

    def report(marker: markers.Marker, message: str) -> None:
        log.warning("%s:%d: %s: %s", page.file.src_uri, offset + marker.line, marker.text, message)

    return markers.expand(markdown, "offline", render, report)


@event_priority(-200)
def on_post_build(config):
    """In the offline build, after Material's plugins: strip, check for remote loads, add the start file."""
    if not active:
        return
    site = Path(config.site_dir)
    search = config.plugins.get("material/search")
    languages = list(search.config.lang) if search else ["en"]
    removed = offline.strip(site, languages)
    log.info("Offline copy: left out %d files not needed offline", len(removed))
    for built, line, url in offline.remote_loads(site):
        where = f"{sources[built]} (built as {built}, line {line})" if built in sources else f"{built}:{line}"
        log.warning(
            "%s: loads %s from another host, which the offline copy must not; save the file in "
            "docs/ and refer to it there, or make it an ordinary link",
            where,
            url,
        )
    (site / offline.START_FILE).write_text(offline.start_page(config.site_name), encoding="utf-8")
