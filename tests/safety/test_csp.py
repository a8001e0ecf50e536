"""The Content-Security-Policy (issue 19, item 18): a <meta> first in every page of both outputs,
only this site's own files, inline scripts and styles by their hashes on the website; and in
Chromium nothing the site does is blocked by it (every page, search, the calculator). The offline
copy under its policy is opened from disk by tests/offline/ (any blocked script is a console error)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from safety import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
FIRST_LOAD = re.compile(r"<(script|style|link)\b", re.IGNORECASE)
WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));"""


def policies(root: Path) -> Iterator[tuple[Path, str, list[str]]]:
    for page in sorted(root.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        yield page, text, META.findall(text)


@pytest.mark.parametrize("output", ["site", "offline"])
def test_every_page_has_one_policy_before_anything_it_loads(site: Path, offline_copy: Path, output: str) -> None:
    root = site if output == "site" else offline_copy.parent  # the zip's top: its start page too
    count = 0
    for page, text, found in policies(root):
        count += 1
        assert len(found) == 1, page
        first = FIRST_LOAD.search(text)
        assert first is None or text.index(found[0]) < first.start(), f"{page}: the policy comes after {first[0]}"
        policy = found[0]
        assert "default-src 'self'" in policy or "default-src 'none'" in policy, page
        assert "object-src 'none'" in policy or "default-src 'none'" in policy, page
        assert not re.search(r"https?:|\*", policy), f"{page}: the policy allows another host"
        if output == "site":
            assert "'unsafe-inline'" not in policy, page
    assert count > 50


def test_the_hashes_are_those_of_the_page_itself() -> None:
    page = ("<html><head><meta charset=\"utf-8\"><script>var a=1</script><script src=\"x.js\"></script>"
            "<script type=\"application/json\">{}</script><style>p{}</style>"
            "<link rel=\"stylesheet\" href=\"s.css\" media=\"print\" onload=\"this.media='all'\"></head></html>")
    out = csp.with_policy(page, offline=False)
    (policy,) = META.findall(out)
    assert out.index(policy) < out.index("<script>")
    # sha256 of "var a=1", "p{}" and "this.media='all'", base64 (as browsers compute them).
    assert "script-src 'self' 'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='" in policy
    assert "'unsafe-hashes' 'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='" in policy
    assert "style-src 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='" in policy
    assert policy.count("sha256-") == 3, "the JSON data block is not a script to allow"
    offline = META.findall(csp.with_policy(page, offline=True))[0]
    assert "sha256-" not in offline and "script-src 'self' 'unsafe-inline'" in offline


@pytest.mark.browser
def test_nothing_the_site_does_is_blocked(browser, site: Path, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=False)
    context.add_init_script(WATCH)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for page in sorted(site.rglob("index.html")):
        path = page.parent.relative_to(site).as_posix()
        tab.goto(site_url + ("" if path == "." else path + "/"))
        assert tab.evaluate("document.documentElement.classList.contains('js')"), path
        assert tab.evaluate("window.__violations") == [], path
    # Search (the index and its worker) and the calculator, under the policy, on a wide screen
    # (where "/" goes to the search box).
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(site_url)
    tab.keyboard.press("/")
    tab.locator("input.md-search__input").press_sequentially("mediation")
    tab.locator(".md-search-result__item > a").first.wait_for()
    tab.goto(site_url + "when-is-my-deadline/")
    for part, value in zip(("day", "month", "year"), ("31", "10", "2026")):
        tab.fill(f"#letter-{part}", value)
    tab.keyboard.press("Enter")
    tab.locator("#deadline-result p").first.wait_for()
    # The colour scheme switch works, and the choice is all the site keeps (privacy page).
    tab.goto(site_url)
    scheme = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    tab.locator("[data-md-component='palette'] label:not([hidden])").first.click()
    tab.locator(f"body:not([data-md-color-scheme='{scheme}'])").wait_for()  # no eval: the policy forbids it
    kept = tab.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert kept and all(key.endswith("__palette") for key in kept), kept
    assert tab.evaluate("window.__violations") == []
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()


def test_privacy_page_says_what_the_browser_keeps(site: Path) -> None:
    text = " ".join(re.sub(r"<[^>]+>", " ", (site / "privacy" / "index.html").read_text(encoding="utf-8")).split())
    assert "light and dark colours, your browser remembers your choice" in text
    assert "local storage" in text and "This is not a cookie" in text
