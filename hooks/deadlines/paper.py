"""The "Work out your deadline" box for printed leaflets: steps in words, blanks to fill in,
and the calculator's address (with a QR code)."""

from __future__ import annotations

import re
from html import escape

import segno

BLANK = ('<span class="deadline-blank" style="display:inline-block;min-width:40mm;'
         'border-bottom:1px solid currentColor">&#8203;</span>')
STEPS = (
    "Write the date the council sent its decision letter: {blank}",
    "Add 2 months. Keep the same day of the month: 10 March becomes 10 May. "
    "If that month is too short, use its last day: 31 December becomes 28 February (29 in a leap year). "
    "Write it here: {blank}",
    "If you have a mediation certificate, and your appeal is about more than the school or college named, "
    "add 1 month to the date it was issued in the same way: {blank}. "
    "Use whichever of the two dates is later.",
    "If your date is from 25 December to 1 January, use the first working day after 1 January. "
    "If it is in August, use the first working day after 31 August.",
    "If your date is a Saturday, Sunday or bank holiday, use the next working day.",
    "Your last day to register your appeal, by 5pm: {blank}",
)


def box(address: str, title: str, online: bool) -> str:
    """HTML of the box; ``online`` says whether ``address`` is the calculator page itself."""
    steps = "".join(f"<li>{step.format(blank=BLANK)}</li>" for step in STEPS)
    if online:
        where = f"Or let our website work it out for you: “{escape(title)}” at {escape(address)}"
    else:
        where = f"Or find “{escape(title)}” on our website: {escape(address)}"
    qr = segno.make(address, error="m").svg_inline(
        scale=3, border=2, title=f"QR code. {where}", omitsize=False, svgclass="qr-code"
    )
    return (
        '<aside class="deadline-paper" aria-labelledby="deadline-paper-title" '
        'style="border:2px solid currentColor;padding:3mm 4mm;margin:4mm 0;break-inside:avoid">'
        '<h2 id="deadline-paper-title">Work out your deadline</h2>'
        f"<ol>{steps}</ol>"
        "<p>Do not wait for the last day. Posting takes time, and the date on the letter may not be "
        "the day it was sent. If you are not sure, contact us.</p>"
        f'<figure class="qr">{qr}<figcaption>{where}.</figcaption></figure>'
        "</aside>"
    )


def insert(content: str, heading_id: str, box_html: str) -> str | None:
    """``content`` with the box at the end of the section under the heading ``heading_id``
    (before the next heading of the same or a higher level); None if there is no such heading."""
    found = re.search(rf'<h([1-6])[^>]*\bid="{re.escape(heading_id)}"', content)
    if not found:
        return None
    after = re.compile(rf"<h[1-{found.group(1)}][\s>]").search(content, found.end())
    at = after.start() if after else len(content)
    return content[:at] + box_html + "\n" + content[at:]
