"""Every finder result that leads to an appeal links the deadline calculator (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

LEADS_TO_APPEAL = {"appeal-placement", "get-mediation-advice", "not-sure", "register-appeal", "try-mediation"}
LINK = re.compile(r'<a href="([^"]*when-is-my-deadline/)">Work out your deadline</a>')


def _article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def test_results_that_lead_to_an_appeal_link_the_deadline_page(site: Path) -> None:
    linked = set()
    for page in sorted((site / "route-finder").glob("*/index.html")):
        found = LINK.search(_article(page.read_text(encoding="utf-8")))
        if found:
            linked.add(page.parent.name)
            assert (page.parent / found.group(1) / "index.html").resolve().is_file()
    assert linked == LEADS_TO_APPEAL


def test_home_page_warning_links_the_deadline_page(site: Path) -> None:
    warning = _article((site / "index.html").read_text(encoding="utf-8")).split('class="site-warning"', 1)[1]
    warning = warning.split("</div>", 1)[0]
    assert 'href="when-is-my-deadline/"' in warning
    assert "within 2 months after the council sent it" in warning
    assert "of the letter" not in warning
