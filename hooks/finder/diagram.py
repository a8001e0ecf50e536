"""Draw the "Which route fits?" flow for the service's staff: Graphviz DOT text, and SVG.

The SVG is drawn at build time by Graphviz's ``dot`` (the Debian package ``graphviz``, which
``make site`` installs); nothing is loaded from the web. No MkDocs here.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections.abc import Callable

from finder.flow import Flow
from finder.pages import RouteInfo


class DiagramError(RuntimeError):
    """Graphviz is missing or failed; the message says what to do."""


def _label(text: str, width: int) -> str:
    """A DOT label: wrapped, with quotes and backslashes escaped."""
    safe = text.replace("\\", "\\\\").replace('"', '\\"')
    return "\\n".join(textwrap.wrap(safe, width)) or " "


def dot(flow: Flow, routes: dict[str, RouteInfo], link: Callable[[str], str]) -> str:
    """The flow as a Graphviz digraph; ``link(page_id)`` gives each node's address."""
    lines = [
        "digraph finder {",
        f'  label="{_label(flow.title, 60)}"; labelloc=t; rankdir=LR; fontname="DejaVu Sans";',
        '  node [fontname="DejaVu Sans", fontsize=11]; edge [fontname="DejaVu Sans", fontsize=9];',
    ]
    for q in flow.questions.values():
        label = _label(f"{q.title}: {q.question}", 32)
        lines.append(f'  "{q.id}" [shape=box, label="{label}", URL="{link(q.id)}"];')
    for r in flow.results.values():
        names = "; ".join(f"{n}. {routes[s.route].name}" for n, s in enumerate(r.steps, start=1))
        label = _label(f"{r.title} ({names})", 32)
        lines.append(
            f'  "{r.id}" [shape=box, style="rounded,bold", label="{label}", URL="{link(r.id)}"];'
        )
    for q in flow.questions.values():
        for a in q.answers:
            lines.append(f'  "{q.id}" -> "{a.next}" [label="{_label(a.text, 24)}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def svg(dot_text: str) -> bytes:
    """Draw DOT text as SVG with Graphviz's ``dot``."""
    program = shutil.which("dot")
    if program is None:
        raise DiagramError(
            "Graphviz 'dot' was not found, so the route finder diagram cannot be drawn; "
            "run 'make site' (it installs the Debian package graphviz) or 'apt-get install graphviz'"
        )
    done = subprocess.run([program, "-Tsvg"], input=dot_text.encode(), capture_output=True)
    if done.returncode != 0:
        raise DiagramError(f"Graphviz could not draw the route finder diagram: {done.stderr.decode()}")
    return done.stdout
