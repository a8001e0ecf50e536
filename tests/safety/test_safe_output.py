"""Issue 19, unsafe output: hostile or mistaken data never reaches a page as live markup.

Each case builds an edited copy of the project (``build_variant``) with the exact input the
issue reports, and checks the real output: either the build stops naming the file and line
(and no traceback), or the value is shown as text.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from project import snapshot

from helpers import safe_text

PROJECT = Path(__file__).resolve().parents[2]

SCRIPT = "<script>alert(1)</script>"


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def local_value(key: str, value: str):
    """An edit that sets one value of localities/wokingham/local.yml (written as a YAML single-quoted string)."""
    quoted = "'" + value.replace("'", "''") + "'"

    def edit(project: Path) -> None:
        path = project / "localities" / "wokingham" / "local.yml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        section, name = key.split(".")
        inside = False
        for number, line in enumerate(lines):
            if not line.startswith(" "):
                inside = line.startswith(f"{section}:")
            elif inside and line.strip().startswith(f"{name}:"):
                lines[number] = f"  {name}: {quoted}\n"
                break
        else:
            raise AssertionError(key)
        path.write_text("".join(lines), encoding="utf-8")

    return edit


def relax_plain_english(project: Path) -> None:
    """Budgets no page can exceed, so a test of escaping is not stopped by sentence lengths."""
    path = project / "docs" / "data" / "plain_english.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in (("max_sentence_words", 500), ("max_average_sentence_words", 500),
                       ("max_long_word_percent", 100), ("min_reading_ease", 0)):
        text = re.sub(rf"(?m)^(\s*{key}:).*$", rf"\g<1> {value}", text)
    path.write_text(text, encoding="utf-8")


def assert_refused(result, where: str, *words: str) -> None:
    """The build failed naming ``where`` (file:line) and each of ``words``, with no traceback."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(rf"{re.escape(where)}:\d+", output), output
    for word in words:
        assert word in output, output
    assert "Traceback" not in output, output


def built(tmp_path: Path, page: str) -> str:
    return (tmp_path / "out" / page).read_text(encoding="utf-8")


# 1. Script from data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("service.email", '"><svg/onload=alert(1)>@evil.com', ["service.email", "not an email address"]),
        ("service.email", "mailto:Sendiass@wokingham.gov.uk", ["service.email", "starts with 'mailto:'"]),
        ("service.phone", "tel:0118 908 8233", ["service.phone", "starts with 'tel:', but the site makes the link itself"]),
        ("service.website", "https://www.sendiasswokingham.org.uk/<script>", ["service.website", "https://"]),
        ("service.website", "https://www.sendiasswokingham.org.uk/a page", ["service.website", "space"]),
        ("council.local_offer", "https://www.wokingham.gov.uk/)[text](javascript:alert(1))",
         ["council.local_offer", "https://"]),
        ("mediation_provider.website", "https://localhost/", ["mediation_provider.website", "real host"]),
    ],
)
def test_bad_addresses_in_local_details_stop_the_build(build_variant, key, value, words):
    assert_refused(build_variant(local_value(key, value)), "localities/wokingham/local.yml", *words)


def test_text_in_local_details_is_shown_as_text(build_variant, tmp_path):
    def edit(project: Path) -> None:
        service = "Wokingham SEND Information, Advice and Support Service"
        local_value("service.name", f"{service}{SCRIPT}")(project)
        local_value("mediation_provider.name", "Global Mediation[x](javascript:alert(1))")(project)
        relax_plain_english(project)  # markup makes sentences long; this test is about escaping

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    escaped = "Support Service&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escaped in built(tmp_path, "index.html").split('<footer', 1)[1]  # the footer
    contacts = built(tmp_path, "contacts/index.html")
    assert escaped in contacts.split('<footer', 1)[0]  # a {{ local.service_name }} marker
    assert "Global Mediation&#91;x&#93;(javascript:alert(1)) is an independent" in contacts
    for html in (built(tmp_path, "index.html"), contacts):
        assert SCRIPT not in html and 'href="javascript:' not in html


def test_html_in_the_finder_is_shown_as_text(build_variant, tmp_path):
    def edit(project: Path) -> None:
        path = project / "docs" / "data" / "finder.yml"
        replace_line(path, "      (EHC) needs assessments and EHC plans.\n",
                     f"      (EHC) needs assessments and EHC plans. {SCRIPT} <img src=x onerror=alert(1)>\n")
        replace_line(path, "Read about [school exclusions](exclusion.md).",
                     "Read about [school exclusions](javascript:alert(1)).")
        relax_plain_english(project)

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    question = built(tmp_path, "route-finder/about/index.html")
    assert "</abbr> plans. &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in question
    assert SCRIPT not in question and "<img src=x" not in question
    every_page = "".join(p.read_text() for p in (tmp_path / "out" / "route-finder").rglob("*.html"))
    assert 'href="javascript:' not in every_page
    assert "&#91;school exclusions&#93;(javascript:alert(1))" in every_page  # shown as text


def test_html_in_the_glossary_is_shown_as_text(build_variant, tmp_path):
    def edit(project: Path) -> None:
        replace_line(project / "docs" / "data" / "glossary.yml",
                     "      most others of the same age.",
                     f"      most others of the same age. {SCRIPT}")
        relax_plain_english(project)

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    glossary = built(tmp_path, "glossary/index.html")
    assert "same age. &lt;script&gt;alert(1)&lt;/script&gt;" in glossary and SCRIPT not in glossary


def test_markdown_text_keeps_markers_and_safe_links_only():
    text = safe_text.markdown_text(
        "See [a page](ehc-plan.md), [b](javascript:alert(1)), {{ local.service }} {: onclick=x }",
        links=True,
    )
    assert "[a page](ehc-plan.md)" in text and "{{ local.service }}" in text
    assert "[b](javascript" not in text and "{: onclick" not in text


# 2. Local files in public PDFs --------------------------------------------------------------

ATTACHMENT = '<a rel="attachment" href="file:///etc/hostname">Notes</a>'


def add_to_page(page: str, text: str):
    """An edit that appends ``text`` to a page of docs/; the page then has that many lines."""

    def edit(project: Path) -> None:
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")

    return edit


def lines_of(page: str) -> int:
    return len((PROJECT / "docs" / page).read_text(encoding="utf-8").rstrip("\n").splitlines())


def test_an_attachment_of_a_local_file_stops_the_build_with_its_line(build_variant):
    result = build_variant(add_to_page("mediation.md", ATTACHMENT))
    assert_refused(result, "mediation.md", "attaches a file to the PDFs", "file:///etc/hostname")
    assert f"mediation.md:{lines_of('mediation.md') + 2} (built as mediation/index.html" in result.stderr


def pdf_attachments(pdf: bytes) -> int:
    return pdf.count(b"/EmbeddedFile")


def test_weasyprint_reads_only_files_of_the_build(tmp_path):
    from weasyprint import HTML

    from print.fetch import build_files_only, refusal

    site = tmp_path / "site"
    (site / "img").mkdir(parents=True)
    (site / "img" / "own.txt").write_text("ours", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("the build machine's name", encoding="utf-8")
    (site / "img" / "link.txt").symlink_to(secret)
    html = "".join(f'<a rel="attachment" href="{href}">x</a>'
                   for href in (secret.as_uri(), "img/link.txt", "img/own.txt"))
    fetcher = build_files_only([site])
    pdf = HTML(string=html, base_url=site.as_uri() + "/", url_fetcher=fetcher).write_pdf()
    assert pdf_attachments(pdf) == 1  # only the site's own file
    assert b"build machine" not in pdf
    assert refusal(secret.as_uri(), [site]) and refusal((site / "img" / "link.txt").as_uri(), [site])
    assert refusal("https://example.org/a.png", [site]) and refusal("ftp://x/a", [site])
    assert refusal((site / "img" / "own.txt").as_uri(), [site]) is None


# 3. Requests to other hosts -----------------------------------------------------------------

HOSTILE_MARKUP = [
    ('<img src="\\\\evil.example/x.png" alt="x">', "\\\\evil.example/x.png"),
    ('<table background="https://evil.example/t.png"><tr><th>a</th></tr></table>', "https://evil.example/t.png"),
    ('<svg><image href="https://evil.example/i.png"/></svg>', "https://evil.example/i.png"),
    ('<a href="contacts.md" ping="https://evil.example/p">Contacts</a>', "https://evil.example/p"),
    ('<meta http-equiv="refresh" content="5; url=https://evil.example/">', "https://evil.example/"),
    ('<img srcset="a.png 1x, https://evil.example/b.png 2x" alt="x">', "https://evil.example/b.png"),
    ('<p style="background: url(https://evil.example/c.png)">Text.</p>', "https://evil.example/c.png"),
    ('<pre class="mermaid">graph TD; A-->B</pre>', "Mermaid diagram"),
    ('<a href="javascript:alert(1)">Click here.</a>', "javascript:alert(1)"),
]


@pytest.mark.parametrize(("markup", "named"), HOSTILE_MARKUP)
def test_the_website_build_refuses_what_a_page_must_not_load(build_variant, markup, named):
    result = build_variant(add_to_page("privacy.md", markup))
    assert_refused(result, "privacy.md", named, "(built as privacy/index.html, line")
    assert f"privacy.md:{lines_of('privacy.md') + 2} " in result.stderr


def test_the_offline_build_uses_the_same_check(build_variant, monkeypatch):
    monkeypatch.setenv("SITE_OFFLINE", "true")
    result = build_variant(add_to_page("privacy.md", HOSTILE_MARKUP[0][0]))
    assert_refused(result, "privacy.md", "\\\\evil.example/x.png", "(built as privacy.html, line")


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<script src="assets/x.js"></script>', []),
        ('<a href="https://www.gov.uk/">GOV.UK</a>', []),
        ('<link rel="canonical" href="https://example.org/">', []),
        ('<img src="data:image/png;base64,AAAA">', []),
        ('<meta http-equiv="refresh" content="0; url=site/index.html">', []),
        ('<script src="https://unpkg.com/iframe-worker/shim"></script>', [(1, "https://unpkg.com/iframe-worker/shim")]),
        ('<script src="site.js" data-material="assets/b.js"></script>', []),
        ('<script src="site.js" data-material="https://cdn.example/b.js"></script>', [(1, "https://cdn.example/b.js")]),
        ('<p>\n<img src="//cdn.example.org/a.png">', [(2, "//cdn.example.org/a.png")]),
        ('<img src="https:\\\\x.example/a.png">', [(1, "https:\\\\x.example/a.png")]),
        ('<img src=" h\tttps://x.example/a.png">', [(1, "h\tttps://x.example/a.png")]),
        ('<link rel="stylesheet" href="http://fonts.example/a.css">', [(1, "http://fonts.example/a.css")]),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">', [(1, "https://fonts.gstatic.com")]),
        ('<base href="https://x.example/">', [(1, "https://x.example/")]),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', [(1, "https://www.youtube.com/embed/x")]),
        ('<video poster="https://x.example/p.png"></video>', [(1, "https://x.example/p.png")]),
        ('<object data="https://x.example/o.swf"></object>', [(1, "https://x.example/o.swf")]),
        ('<form action="https://x.example/f"><button formaction="//y.example/">Go</button></form>',
         [(1, "https://x.example/f"), (1, "//y.example/")]),
        ('<svg><use xlink:href="https://x.example/s.svg#a"/></svg>', [(1, "https://x.example/s.svg#a")]),
        ("<style>@import 'https://x.example/a.css';</style>", [(1, "https://x.example/a.css")]),
        ("<div style=\"background: url('https://x.example/b.png')\"></div>", [(1, "https://x.example/b.png")]),
        ('<p onclick="go()">x</p>', [(1, "onclick=")]),
        ('<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
         [(1, "data:text/html,<script>alert(1)</script>")]),
    ],
)
def test_every_way_html_loads_or_runs_something(html, found):
    from safety import loads

    assert [(f.line, f.what) for f in loads.in_html(html)] == found


@pytest.mark.parametrize(
    ("css", "found"),
    [
        ("a{background:url(../images/a.png)}", []),
        ("""a{--i:url("data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>")}""", []),
        ("a{}\nb{background:url(https://x.example/a.png)}", [(2, "https://x.example/a.png")]),
        ('@import "//x.example/a.css";', [(1, "//x.example/a.css")]),
        ("a{background:url(\\\\x.example/a.png)}", [(1, "\\\\x.example/a.png")]),
    ],
)
def test_stylesheets_load_nothing_from_another_host(css, found):
    from safety import loads

    assert [(f.line, f.what) for f in loads.in_css(css)] == found


# 4. Stray files -----------------------------------------------------------------------------

STRAY = ["index.md.bak", "~$notes.docx", "privacy.md.swp", "index.md~", "Thumbs.db",
         "local-copy.yml", "data-backup/routes.yml"]


def test_only_what_is_needed_is_published(build_variant, tmp_path):
    def edit(project: Path) -> None:
        docs = project / "docs"
        for name in STRAY:
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text("staff only", encoding="utf-8")
        (project / "overrides" / "main.html.bak").write_text("old", encoding="utf-8")
        (project / "overrides" / "Thumbs.db").write_text("x", encoding="utf-8")
        (docs / "images").mkdir()
        (docs / "images" / "used.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
        (docs / "images" / "unused.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
        add_to_page("privacy.md", "![A used picture](images/used.svg){ width=1 }")(project)

    result = build_variant(edit)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    published = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert "images/used.svg" in published
    for name in [*STRAY, "images/unused.svg", "main.html.bak", "Thumbs.db"]:
        assert name not in published
        assert name in result.stderr  # listed in the build log
    assert not any(name.endswith(".map") for name in published)  # source maps
    assert not any(name.startswith("print/") for name in published)  # print stylesheets


def test_a_symlink_out_of_docs_stops_the_build(build_variant):
    result = build_variant(lambda project: (project / "docs" / "hostname.txt").symlink_to("/etc/hostname"))
    assert result.returncode != 0
    assert "docs/hostname.txt is a link to /etc/hostname, outside docs/" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_print_stylesheets_stay_out_of_the_website():
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    import pdf_hook

    config = load_config(str(PROJECT / "mkdocs.yml"))
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)  # as `mkdocs build` does
    assert [f for f in files if f.src_uri == "print/print.css"]
    files = pdf_hook.on_files(files, config)
    assert not [f.src_uri for f in files if f.src_uri.startswith("print/")]


# 5. Code in mkdocs.yml ----------------------------------------------------------------------

PYTHON_TAG = 'extra_css: !!python/object/apply:os.system ["echo owned > {marker}"]'


def test_build_all_refuses_a_python_tag_before_mkdocs_reads_the_file(tmp_path):
    project = snapshot(tmp_path / "project")
    marker = tmp_path / "owned"
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra_css:\n  - assets/stylesheets/site.css",
                                   PYTHON_TAG.format(marker=marker)), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index(PYTHON_TAG.format(marker=marker)) + 1
    result = subprocess.run([sys.executable, str(project / "hooks" / "build_all.py"), str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: !!python/object/apply:os.system would run Python code" in result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists() and not (tmp_path / "site").exists()


def test_a_direct_mkdocs_build_also_fails_on_a_python_tag(build_variant):
    def edit(project: Path) -> None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "extra:\n  generator: false", "extra:\n  generator: false\n  x: !!python/name:os.getcwd"), encoding="utf-8")

    assert_refused(build_variant(edit), "mkdocs.yml", "!!python/name:os.getcwd")


# 17. Hygiene: nothing private is published --------------------------------------------------

DOUBT = re.compile(r"not confirmed|unconfirmed|not verified|unverified|to be checked|TODO|FIXME", re.IGNORECASE)


def test_no_built_file_holds_editorial_doubt(site):
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".txt", ".xml", ".svg", ".dot", ".js") and path.is_file():
            if path.parts[-3:-1] == ("assets", "javascripts") or "lunr" in path.parts:
                continue  # the theme's own code
            found = DOUBT.search(path.read_text(encoding="utf-8", errors="replace"))
            assert found is None, (path, found)


def test_the_review_report_is_beside_the_site_not_in_it(site):
    assert not list(site.rglob("review-report.*"))
    assert (site.parent / "reports" / "review-report.json").is_file()
    with zipfile.ZipFile(site / "downloads" / "sen-disagreements-offline.zip") as archive:
        names = archive.namelist()
    assert not [n for n in names if "review-report" in n or n.endswith(".map")]


def test_only_the_builds_own_stylesheet_switch_may_run_a_handler() -> None:
    """first_paint's non-blocking stylesheet passes; any other handler, even on a link, does not."""
    from safety import loads

    ours = '<link rel="stylesheet" href="a.css" media="print" onload="this.media=\'all\'">'
    assert loads.in_html(ours) == []
    for html in (
        '<link rel="stylesheet" href="a.css" onload="alert(1)">',
        '<link rel="preload" href="a.css" onload="this.media=\'all\'">',
        '<img src="a.png" alt="" onload="this.media=\'all\'">',
    ):
        assert [f.what for f in loads.in_html(html)] == ["onload="], html


def test_a_page_of_megabytes_stops_the_build_before_anything_is_rendered(build_variant):
    """Issue 19, item 6: a 5 MB page kept the booklets busy for over 15 minutes and 2.5 GB."""
    def edit(project: Path) -> None:
        (project / "docs" / "pasted.md").write_text("# Pasted\n\n" + "word " * 1_000_000,
                                                    encoding="utf-8")

    result = build_variant(edit)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    assert "docs/pasted.md: 5.0 MB, more than a page can be (300 kB)" in log, log[-2000:]
