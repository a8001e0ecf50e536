"""MkDocs' warnings about links, anchors and the nav, said as ``file:line: what is wrong; what to do``.

MkDocs names the page of a broken link, never its line. :class:`Rewriter` knows each page's
source (and mkdocs.yml's) and rewrites such a warning with the line the link is on. A warning
it does not know is left as it is. This module knows nothing about MkDocs' objects.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

PAGE = r"^Doc file '(?P<page>[^']+)' contains "
MISSING = re.compile(PAGE + r"a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among "
                     r"documentation files\.(?: Did you mean '(?P<suggest>[^']+)'\?)?$")
OWN_ANCHOR = re.compile(PAGE + r"a link '(?P<link>[^']+)', but there is no such anchor on this page\.")
OTHER_ANCHOR = re.compile(PAGE + r"a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not "
                          r"contain an anchor '(?P<anchor>[^']+)'\.")
NOT_A_PAGE = re.compile(PAGE + r"an (?P<kind>unrecognized relative|absolute) link '(?P<link>[^']+)', "
                        r"it was left as is\.(?: Did you mean '(?P<suggest>[^']+)'\?)?$")
NAV_MISSING = re.compile(r"^A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, "
                         r"which is not found in the documentation files\.$")
NAV_OMITTED = re.compile(r'^The following pages exist in the docs directory, but are not included in the '
                         r'"nav" configuration:\n(?P<pages>(?:  - .+\n?)+)$')

HEADING_ID = "a heading's id is its words in lower case joined by hyphens, or set one with {#id} after it"


@dataclass
class Rewriter:
    """Page sources by ``src_uri`` (as MkDocs names them), shown as ``docs/…``, and mkdocs.yml."""

    docs: str = "docs"
    pages: dict[str, str] = field(default_factory=dict)
    config_name: str = "mkdocs.yml"
    config_text: str = ""
    _seen: Counter[tuple[str, str]] = field(default_factory=Counter)

    def start(self, pages: dict[str, str], config_text: str) -> None:
        """A new build: these page sources and this mkdocs.yml."""
        self.pages, self.config_text = pages, config_text
        self._seen.clear()

    def _where(self, page: str, link: str) -> str:
        """``docs/page.md:line`` of the link (its next one, when MkDocs warns about it again)."""
        if page not in self.pages:
            return f"{page} (generated page)"
        found = _lines(self.pages[page], link)
        nth = self._seen[(page, link)]
        self._seen[(page, link)] += 1
        at = f":{found[min(nth, len(found) - 1)]}" if found else ""
        return f"{self.docs}/{page}{at}"

    def rewrite(self, message: str) -> str | None:
        """The warning with its file and line, and what to do; None if it is not one of these."""
        if found := MISSING.match(message):
            suggest = f" (did you mean '{found['suggest']}'?)" if found["suggest"] else ""
            return (f"{self._where(found['page'], found['link'])}: the link '{found['link']}' leads to no page "
                    f"of the site{suggest}; link to a page's .md file in docs/, written from this page")
        if found := OWN_ANCHOR.match(message):
            return (f"{self._where(found['page'], found['link'])}: the link '{found['link']}' leads to no "
                    f"heading on this page; {HEADING_ID}")
        if found := OTHER_ANCHOR.match(message):
            return (f"{self._where(found['page'], found['link'])}: the page {found['target']} has no heading "
                    f"'{found['anchor']}'; {HEADING_ID}")
        if found := NOT_A_PAGE.match(message):
            suggest = f"'{found['suggest']}'" if found["suggest"] else "its .md file"
            return (f"{self._where(found['page'], found['link'])}: the link '{found['link']}' is not to a page's "
                    f".md file; link to {suggest}, written from this page")
        if found := NAV_MISSING.match(message):
            line = _lines(self.config_text, found["link"])
            at = f":{line[0]}" if line else ""
            return (f"{self.config_name}{at}: the nav names '{found['link']}', which is not a file in "
                    f"{self.docs}/; correct the name or remove the line")
        if found := NAV_OMITTED.match(message):
            pages = [line.strip()[2:] for line in found["pages"].splitlines()]
            return "\n".join(f"{self.docs}/{page}: the page is not in the nav; add it to nav in "
                             f"{self.config_name}, or delete it if nobody needs it" for page in pages)
        return None


def _lines(source: str, link: str) -> list[int]:
    """Lines of ``source`` where ``link`` is written as a link target (else anywhere), in order."""
    target = re.compile(r"(?:\]\(|\]:\s*|href=[\"']|<|:\s+|-\s+)" + re.escape(link) + r"(?=[)\s\"'>#]|$)")
    lines = source.splitlines()
    found = [number for number, line in enumerate(lines, start=1) if target.search(line)]
    return found or [number for number, line in enumerate(lines, start=1) if link in line]
