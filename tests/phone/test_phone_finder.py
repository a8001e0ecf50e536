""""Which route fits?" on a phone: question pages like GOV.UK's (a back link at the top, one
question, large answers); result pages lead with what to do first and its time limits; steps
that send you to the mediation adviser say how to reach them; time-limit tables have captions."""

from __future__ import annotations

import pytest
import yaml
from phone_pages import PROJECT

FINDER = yaml.safe_load((PROJECT / "docs" / "data" / "finder.yml").read_text(encoding="utf-8"))
LOCAL = yaml.safe_load((PROJECT / "localities" / "wokingham" / "local.yml").read_text(encoding="utf-8"))

QUESTION = """() => {
  const article = document.querySelector('article.md-content__inner');
  const first = [...article.children].find(el => !['A', 'SCRIPT'].includes(el.tagName) && el.textContent.trim());
  const back = first && first.querySelector('a');
  const answers = [...article.querySelectorAll('.finder-answers a')].map(a => a.getBoundingClientRect());
  return {
    firstIsBack: !!first && first.classList.contains('finder-backlink'),
    backText: back ? back.textContent.trim() : null,
    backHeight: back ? back.getBoundingClientRect().height : 0,
    h1: article.querySelectorAll('h1').length,
    headedBeforeAnswers: [...article.querySelectorAll('h2, h3')].filter(h =>
      h.compareDocumentPosition(article.querySelector('.finder-answers')) & Node.DOCUMENT_POSITION_FOLLOWING).length,
    answers: answers.map(r => [r.width, r.height]),
    contentWidth: article.getBoundingClientRect().width,
    pageWidth: document.documentElement.scrollWidth,
  };
}"""

RESULT = """() => {
  const article = document.querySelector('article.md-content__inner');
  const text = el => el.textContent.replace(/\\s+/g, ' ').trim();
  const heads = [...article.querySelectorAll('h1, h2')].map(text);
  const order = [...article.querySelectorAll('h2, .finder-first, table, .finder-contact')]
    .map(el => el.tagName === 'H2' ? 'h2:' + text(el)
      : el.tagName !== 'TABLE' ? el.className
      : el.caption && text(el.caption) === 'Time limits running now' ? 'clock' : 'table');
  const lead = [];
  for (let el = article.querySelector('h2').nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) lead.push(text(el));
  return {
    firstIsBack: article.querySelector('.finder-backlink') !== null
      && article.querySelector('.finder-backlink').compareDocumentPosition(article.querySelector('h1')) === Node.DOCUMENT_POSITION_FOLLOWING,
    heads,
    order,
    leadText: lead.join(' '),
    captions: [...article.querySelectorAll('table')].map(t => t.caption ? text(t.caption) : null),
    strongLimits: [...article.querySelectorAll('strong')].filter(s => text(s).startsWith('Time limits')).length,
    contacts: [...article.querySelectorAll('.finder-contact')].map(c => [text(c), [...c.querySelectorAll('a')].map(a => a.getAttribute('href'))]),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("question", list(FINDER["questions"]))
def test_question_pages_work_like_govuk_question_pages(open_page, outputs, question: str) -> None:
    page = open_page(outputs["site"](f"route-finder/{question}/"), 320, 640)
    found = page.evaluate(QUESTION)
    assert found["firstIsBack"] and found["backText"].startswith("Back"), found
    assert found["backHeight"] >= 24
    assert found["h1"] == 1 and found["headedBeforeAnswers"] == 0, "one question, and nothing else headed"
    assert len(found["answers"]) == len(FINDER["questions"][question]["answers"])
    for width, height in found["answers"]:
        assert height >= 44 and width >= 0.95 * found["contentWidth"], (width, height)
    assert found["pageWidth"] <= 320


def adviser_steps(result: dict) -> list[bool]:
    return ["mediation adviser" in step["first"].lower() for step in result["routes"]]


@pytest.mark.browser
@pytest.mark.parametrize("result", [r for r, data in FINDER["results"].items() if data.get("routes")])
def test_result_pages_lead_with_what_to_do_first_and_the_time_limit(open_page, outputs, result: str) -> None:
    data = FINDER["results"][result]
    found = open_page(outputs["site"](f"route-finder/{result}/"), 390, 844).evaluate(RESULT)
    assert found["firstIsBack"], "the back link comes before the heading"
    assert found["heads"][1] == "What to do first", found["heads"]
    order = found["order"]
    routes_heading = order.index("h2:The routes that fit, in the order to try them")
    lead = order[:routes_heading]
    # A clock already running (a decision letter's time limits) comes before anything else.
    if lead[0] == "clock":
        lead = lead[1:]
    assert lead[:2] == ["h2:What to do first", "finder-first"], order
    # The first route's time limits (a captioned table, or a sentence saying there are none).
    assert "Time limits" in found["leadText"], found["leadText"]
    assert all(found["captions"]), "a time-limit table without a caption"
    # "Time limits: <route>", "Time limits running now" (a clock) or "Time limits explained: <page>".
    assert all(c.startswith("Time limits") for c in found["captions"]), found["captions"]
    assert found["strongLimits"] == 0, "a bold paragraph stands in for a table caption"
    expected = adviser_steps(data)
    assert len(found["contacts"]) == sum(expected)
    if expected[0]:
        assert "finder-contact" in lead, "how to contact the mediation adviser is not with what to do first"
    provider_tel = "tel:+44" + LOCAL["mediation_provider"]["phone"].replace(" ", "")[1:]
    for text, links in found["contacts"]:
        assert "decision letter" in text and LOCAL["mediation_provider"]["name"] in text
        assert provider_tel in links and LOCAL["mediation_provider"]["website"] in links
