"""Material's script (35 kB compressed, plus its search worker) loads when a page needs it.

A first visit on a phone used to fetch Material's ``bundle.js`` with every page, although a
reader on a narrow screen needs it only to search or to use a keyboard shortcut. The page now
works without it:

- each table Material would wrap in its scrolling box (``table:not([class])`` in the page's
  content) comes wrapped from the build, in the same markup, so it reflows at 320 px from the
  first paint;
- Material's ``<script>`` tag is taken out, and its address goes on our ``site.js`` tag
  (``data-material``). site.js loads it on a wide screen at once (the side columns follow the
  page), and on a narrow one when someone starts to search or presses a shortcut key; until
  then site.js itself works the colour scheme switch.

This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re

CONTENT = '<div class="md-content" data-md-component="content">'
# A table Material's script wraps: one with no class attribute (tables never nest in Markdown).
TABLE = re.compile(r"<table(?![^>]*\sclass=)(?:\s[^>]*)?>.*?</table>", re.DOTALL | re.IGNORECASE)
WRAP = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'
MATERIAL = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)" defer></script>')
SITE_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/site\.js" defer>')


class ScriptNotFound(ValueError):
    """Material's script tag is on the page but ours is not, so nothing would load it."""


def wrap_tables(html: str) -> str:
    """Each table in the page's content in Material's scrolling box, as its script would put it."""
    start = html.find(CONTENT)
    if start < 0:
        return html
    content = TABLE.sub(lambda table: WRAP.format(table[0]), html[start:])
    return html[:start] + content


def on_demand(html: str) -> str:
    """The page without Material's script tag; its address is on site.js's tag for site.js to load."""
    material = MATERIAL.search(html)
    if material is None:
        return html
    ours = SITE_SCRIPT.search(html)
    if ours is None:
        raise ScriptNotFound("Material's script is on the page but assets/javascripts/site.js is not: "
                             "keep the scripts block of overrides/main.html")
    tag = ours[0][: -len(" defer>")] + f' data-material="{material["src"]}" defer>'
    html = html[: ours.start()] + tag + html[ours.end():]
    return html.replace(material[0], "", 1)
