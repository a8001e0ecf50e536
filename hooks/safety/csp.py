"""A Content-Security-Policy for every page, as a ``<meta>`` at the top of its ``<head>``.

The browser may load only this site's own files (``'self'``; pictures also from ``data:``, which
the theme's icons are), nothing from another host, no plugins, no forms. On the website a page
may run only the inline scripts and styles it was built with, each allowed by its SHA-256 hash,
computed here from the finished page (Material's own inline scripts, the first-paint CSS, the
handler that switches a stylesheet on once loaded). The offline copy allows inline scripts
instead of hashes: its search runs in a frame whose script the theme writes as the page runs
(the iframe-worker shim), so no hash can be known at build time; it still loads nothing but its
own files. README, "Safe editing", gives the same policy as a header for common hosts. This
module knows nothing about MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style>", re.DOTALL | re.IGNORECASE)
HANDLER = re.compile(r"""\son[a-z]+=(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""", re.IGNORECASE)
TYPE = re.compile(r"""\stype=["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
META = '<meta http-equiv="Content-Security-Policy" content="{}">'
# What every page may load, on both outputs.
COMMON = ("default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'",
          "form-action 'none'")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _inline_scripts(page: str) -> list[str]:
    """The text of every script the page runs from its own markup (not data blocks, not files)."""
    found = []
    for match in SCRIPT.finditer(page):
        attrs = match["attrs"]
        kind = TYPE.search(attrs)
        if " src=" not in f" {attrs}" and (kind["type"].lower() if kind else "") in SCRIPT_TYPES:
            found.append(match["body"])
    return found


def policy(page: str, offline: bool) -> str:
    """The policy for one finished page."""
    if offline:
        scripts, styles = "'self' 'unsafe-inline'", "'self' 'unsafe-inline'"
    else:
        inline = sorted({_hash(body) for body in _inline_scripts(page)})
        handlers = sorted({_hash(html.unescape(m["double"] if m["double"] is not None else m["single"]))
                           for m in HANDLER.finditer(page)})
        scripts = " ".join(["'self'", *inline, *(["'unsafe-hashes'", *handlers] if handlers else [])])
        styles = " ".join(["'self'", *sorted({_hash(m["body"]) for m in STYLE.finditer(page)})])
    return "; ".join([COMMON[0], f"script-src {scripts}", f"style-src {styles}", *COMMON[1:]])


def with_policy(page: str, offline: bool) -> str:
    """The page with its policy first in ``<head>`` (after the character set), so it covers every
    script and stylesheet; a page without ``<head>`` is returned as it was."""
    meta = META.format(html.escape(policy(page, offline), quote=False).replace("\"", "&quot;"))
    anchor = CHARSET.search(page) or HEAD.search(page)
    if anchor is None:
        return page
    return page[: anchor.end()] + meta + page[anchor.end():]
