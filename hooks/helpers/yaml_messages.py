"""Plain words for the YAML mistakes editors make most, at the line where they made them.

PyYAML's messages name its own states ("found character '\\t' that cannot start any token")
and often the line where it gave up, not where the mistake is: an unclosed quote runs on to
the next quote, far below. :func:`explain` turns the common cases into what is wrong and what
to do; anything else keeps the parser's own message.
"""

from __future__ import annotations

import re

import yaml

# The start of a line up to its value: indentation, "- " list markers, then "key: ".
VALUE_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)*(?:[^\s\"'#{\[][^:#]*:\s+)?)(?P<value>\S.*?)\s*$")


def quoted(value: str) -> str:
    """``value`` as a YAML quoted string, double quotes when it has none of its own."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """The line a quoted value opens on, when its quote is not closed there.

    Either the file ends inside the quotes, or the quotes ran on over line breaks and closed
    at the next quote, just before the place where the parser stopped.
    """
    opening = error.context_mark if error.context == "while scanning a quoted scalar" else None
    stop = error.problem_mark
    if opening is None and stop is not None:
        try:
            for token in yaml.scan(text, Loader=yaml.SafeLoader):
                if token.start_mark.line > stop.line:
                    break
                runs_on = token.start_mark.line < token.end_mark.line == stop.line
                if isinstance(token, yaml.ScalarToken) and not token.plain and runs_on:
                    opening = token.start_mark
        except yaml.YAMLError:
            pass
    if opening is None:
        return None
    quote = text[opening.index]
    return opening.line + 1, (f"the quote ({quote}) that opens the value on this line is not closed; "
                              f"close it with {quote} at the end of the value")


def _quote_inside(lead: str, value: str, mark: yaml.Mark) -> tuple[int, str] | None:
    """A value in quotes that holds the same quote mark (an apostrophe: 'It's fine'), which ends it early."""
    quote = value[0]
    if not (len(lead) < mark.column and quote in value[1:mark.column - len(lead)]):
        return None
    inner = value[1:-1] if value.endswith(quote) else value[1:]
    fixed = f"{lead.strip()} {quoted(inner)}".strip()
    return mark.line + 1, (f"the value's quotes end early, at the {quote} inside it; "
                           f"put the whole value in quotes this way: {fixed}")


def explain(error: yaml.YAMLError, text: str) -> tuple[int, str] | None:
    """(line, what is wrong and what to do) for a common mistake, else None."""
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return None
    mark, problem = error.problem_mark, error.problem or ""
    if "'\\t'" in problem or "tab" in problem:
        return mark.line + 1, "there is a tab here; use spaces, not a tab"
    quote = _unclosed_quote(text, error)
    if quote:
        return quote
    lines = text.splitlines()
    found = VALUE_LINE.match(lines[mark.line]) if mark.line < len(lines) else None
    if not found:
        return None
    lead, value = found["lead"], found["value"]
    if value[0] in "\"'":
        return _quote_inside(lead, value, mark)
    fixed = f"{lead.strip()} {quoted(value)}".strip()
    if value[0] in "{[":
        return mark.line + 1, (f'a value that starts with "{value[0]}" is read as YAML, not text; '
                               f"put the whole value in quotes: {fixed}")
    if problem.startswith("mapping values are not allowed") and mark.column >= len(lead):
        return mark.line + 1, ('the value has a colon and a space (": ") in it; '
                               f"put the whole value in quotes: {fixed}")
    return None
