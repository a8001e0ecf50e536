"""Material's script on demand, at build time (hooks/first_paint/material_script.py): tables
wrapped as its script would wrap them, and its tag handed to site.js. The browser side is
tests/phone/test_phone_material_on_demand.py."""

from __future__ import annotations

import re

import pytest

from first_paint import material_script

CONTENT = material_script.CONTENT
SITE_JS = '<script src="../assets/javascripts/site.js" defer></script>'
BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>'


def test_tables_in_the_content_are_wrapped_as_material_wraps_them():
    page = (f'<table><tr><td>header</td></tr></table>{CONTENT}<p>x</p>'
            '<table>\n<caption>Time</caption><tr><td>1</td></tr></table>'
            '<table class="routes-table"><tr><td>2</td></tr></table>'
            '<table id="t"><tr><td>3</td></tr></table><div class="tablet">y</div>')
    out = material_script.wrap_tables(page)
    wrap = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
    assert out.startswith("<table><tr>")  # outside the content: Material leaves it
    assert f"{wrap}<table>\n<caption>Time</caption><tr><td>1</td></tr></table></div></div>" in out
    assert f'{wrap}<table id="t"><tr><td>3</td></tr></table></div></div>' in out
    assert '<table class="routes-table">' in out and out.count(wrap) == 2
    assert '<div class="tablet">y</div>' in out


def test_a_page_without_content_is_left_alone():
    assert material_script.wrap_tables("<table></table>") == "<table></table>"


def test_materials_tag_goes_and_its_address_is_handed_to_site_js():
    out = material_script.on_demand(f"<body>{BUNDLE}{SITE_JS}</body>")
    assert out == ('<body><script src="../assets/javascripts/site.js" '
                   'data-material="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script></body>')


def test_a_page_without_materials_script_is_left_alone():
    assert material_script.on_demand(f"<body>{SITE_JS}</body>") == f"<body>{SITE_JS}</body>"


def test_materials_script_without_ours_is_an_error():
    with pytest.raises(material_script.ScriptNotFound, match="overrides/main.html"):
        material_script.on_demand(f"<body>{BUNDLE}</body>")


def test_every_built_page_hands_materials_script_to_site_js(site):
    pages = sorted(site.glob("**/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<script src="[^"]*/bundle\.', html), page
        assert re.search(r'<script src="[^"]*site\.js" data-material="[^"]*/bundle\.[0-9a-f]+\.min\.js" defer>', html), page
        content = html[html.index(CONTENT):]
        bare = re.findall(r'(?<!<div class="md-typeset__table">)<table(?![^>]*\sclass=)', content, re.IGNORECASE)
        assert not bare, page
