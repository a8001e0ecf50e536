"""Paint a page without waiting for stylesheets or scripts from the network.

Each page gets, inline in its ``<head>``, the rules of its stylesheets (Material's and ours,
read from the built site) that can apply to its own markup: a rule stays if the page holds
every class, id, element and attribute one of its selectors names, once loosened: without
pseudo-classes, pseudo-elements and the colour-scheme attributes the page's scripts switch, so
hover, focus and dark-mode rules stay too. Custom properties nothing kept uses are left out.
The full stylesheets still load, after the inline rules and in their first order, without
blocking the first paint (``media="print"`` switched to ``all`` when loaded; ``<noscript>``
for browsers without scripts): once loaded they give the same cascade as before, and they
bring the rules only scripts need (search results, states). External scripts are deferred.
This module knows nothing about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import tinycss2

HEAD = re.compile(r"<head\b[^>]*>.*?</head>", re.DOTALL | re.IGNORECASE)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"\s*/?>')
SCRIPT = re.compile(r"<script (?P<attrs>[^>]*\bsrc=\"[^\"]+\"[^>]*)>")
# Pseudo-classes and pseudo-elements (with their arguments), and the attributes that set the
# colour scheme: left out when deciding whether a selector can apply to the page.
PSEUDO = re.compile(r"::?[-a-zA-Z]+(\((?:[^()]|\([^()]*\))*\))?")
SCHEME = re.compile(r"\[data-md-color-(scheme|media)(=[^\]]*)?\]")
VAR = re.compile(r"var\(\s*(--[-\w]+)")
ATTRIBUTE = re.compile(r"\[\s*(?P<name>[-\w]+)\s*(?:(?P<op>[~|^$*]?=)\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\]\s]+))?[^\]]*\]")
TAG = re.compile(r"<(?P<name>[a-zA-Z][-\w]*)(?P<attrs>[^>]*)>")
ATTRIBUTE_IN_TAG = re.compile(r"(?P<name>[-\w:]+)(?:\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s>]+))?")
TOP_LEVEL_COMMA = re.compile(r",(?![^()]*\))")
KEPT_AT_RULES = {"font-face", "keyframes", "-webkit-keyframes", "property"}
GROUPING_AT_RULES = {"media", "supports", "layer", "container"}


def loosened(selector: str) -> str:
    """The selector without pseudo-classes, pseudo-elements or colour-scheme attributes (one
    that stood alone, as in ``ul>:first-child``, becomes ``*``)."""
    selector = SCHEME.sub(lambda m: "*" if _stands_alone(m) else "", selector)
    return PSEUDO.sub(lambda m: "*" if _stands_alone(m) else "", selector).strip() or "*"


def _stands_alone(match: re.Match[str]) -> bool:
    """Whether the matched part of a selector is a whole compound selector on its own."""
    before = match.string[: match.start()].rstrip(" ")
    return not before or before[-1] in ">+~(,"


@dataclass(frozen=True)
class Rule:
    """A rule of a stylesheet; a grouping at-rule (@media, @supports) holds its inner rules."""

    node: object
    inner: tuple[Rule, ...] | None
    text: str  # the rule as CSS (for a grouping at-rule: its opening, up to the brace)
    declarations: tuple[Declaration, ...] = ()  # a style rule's, if it sets custom properties
    prelude: str = ""  # a style rule's selectors as CSS (serialized once, not once a page)


@dataclass(frozen=True)
class Declaration:
    """One declaration of a style rule: the custom property it sets (if any), as CSS, and the
    custom properties its value uses."""

    custom: str | None
    text: str
    uses: frozenset[str]


@dataclass(frozen=True)
class Sheet:
    """A parsed stylesheet, and for each style rule (by id) what each of its loosened selectors
    needs the page to have: classes, ids, element names and attributes (see ``needs``).

    ``by_need`` files each selector's needs under one of them (the rarest kind: an attribute
    value, an id or class, an attribute, then an element), so a page looks only at the selectors
    filed under something it holds; ``always``: rules with a selector that needs nothing."""

    rules: tuple[Rule, ...]
    needs: dict[int, tuple[frozenset[str], ...]]
    by_need: dict[str, list[tuple[int, frozenset[str]]]]
    always: frozenset[int]


def _filed_under(need: frozenset[str]) -> str:
    """The part of a selector's needs it is filed under: the one fewest pages hold."""
    return min(need, key=lambda part: (0 if "=" in part else 1 if part[0] in ".#" else
                                       2 if part[0] == "[" else 3, part))


def _rules(nodes: list) -> tuple[Rule, ...]:
    rules = []
    for node in nodes:
        grouping = node.type == "at-rule" and node.content is not None and (
            node.lower_at_keyword in GROUPING_AT_RULES)
        inner = _rules(tinycss2.parse_rule_list(node.content, True, True)) if grouping else None
        text = (f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}{{" if grouping
                else node.serialize())
        prelude = tinycss2.serialize(node.prelude).strip() if node.type == "qualified-rule" else ""
        rules.append(Rule(node, inner, text, _declarations(node), prelude))
    return tuple(rules)


def _declarations(node) -> tuple[Declaration, ...]:
    """A style rule's declarations, when one of them sets a custom property (else none)."""
    if node.type != "qualified-rule" or "--" not in tinycss2.serialize(node.content):
        return ()
    found = []
    for item in tinycss2.parse_declaration_list(node.content, True, True):
        if item.type != "declaration":
            continue
        value = tinycss2.serialize(item.value).strip()
        important = "!important" if item.important else ""
        custom = item.name if item.name.startswith("--") else None
        found.append(Declaration(custom, f"{item.name}:{value}{important}",
                                 frozenset(VAR.findall(value))))
    return tuple(found)


@lru_cache(maxsize=16)
def parsed(css: str) -> Sheet:
    """The stylesheet parsed once per build (every page shares Material's)."""
    rules = _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    needs: dict[int, tuple[frozenset[str], ...]] = {}

    def add(rule: Rule) -> None:
        if rule.inner is not None:
            for inner in rule.inner:
                add(inner)
        elif rule.node.type == "qualified-rule":
            selectors = TOP_LEVEL_COMMA.split(rule.prelude)
            needs[id(rule)] = tuple(selector_needs(loosened(s)) for s in selectors)

    for rule in rules:
        add(rule)
    by_need: dict[str, list[tuple[int, frozenset[str]]]] = {}
    always = set()
    for rule, selectors in needs.items():
        for need in selectors:
            if need:
                by_need.setdefault(_filed_under(need), []).append((rule, need))
            else:
                always.add(rule)
    return Sheet(rules, needs, by_need, frozenset(always))


def kept_rules(css: str, matched: set[int]) -> list[Rule]:
    """The style rules of a stylesheet that the page may match, in order."""
    sheet = parsed(css)
    kept: list[Rule] = []

    def collect(rules: tuple[Rule, ...]) -> None:
        for rule in rules:
            if rule.inner is not None:
                collect(rule.inner)
            elif id(rule) in matched:
                kept.append(rule)

    collect(sheet.rules)
    return kept


def used_properties(kept: list[Rule]) -> set[str]:
    """Custom properties the kept rules use, following custom properties that use others."""
    used = {name for r in kept if not r.declarations for name in VAR.findall(r.text)}
    used |= {n for r in kept for d in r.declarations if d.custom is None for n in d.uses}
    custom = [d for r in kept for d in r.declarations if d.custom]
    while new := {n for d in custom if d.custom in used for n in d.uses} - used:
        used |= new
    return used


def used_css(css: str, kept: set[int], properties: set[str]) -> str:
    """The stylesheet reduced to the ``kept`` rules (grouping at-rules kept around them),
    without declarations of custom properties not in ``properties`` (Material's many icons)."""

    def keep(rule: Rule) -> str:
        node = rule.node
        if rule.inner is not None:
            inner = "".join(keep(r) for r in rule.inner)
            return f"{rule.text}{inner}}}" if inner else ""
        if node.type == "qualified-rule":
            if id(rule) not in kept:
                return ""
            if not rule.declarations:
                return rule.text
            body = ";".join(d.text for d in rule.declarations
                            if d.custom is None or d.custom in properties)
            return f"{rule.prelude}{{{body}}}" if body else ""
        return rule.text if node.type == "at-rule" and (
            node.lower_at_keyword in KEPT_AT_RULES) else ""

    return "".join(keep(rule) for rule in parsed(css).rules)


def selector_needs(selector: str) -> frozenset[str]:
    """What a page must hold for the selector to match somewhere in it: ``.class``, ``#id``,
    element names, ``[attribute]`` and ``[attribute=value]``. A page with all of them may still
    not match (their places are not checked): the test keeps a rule too many, never too few."""
    found = set()
    for attribute in ATTRIBUTE.finditer(selector):
        found.add(f"[{attribute['name']}]")
        if attribute["op"] == "=":
            found.add(f"[{attribute['name']}={attribute['value'].strip(chr(34) + chr(39))}]")
    rest = ATTRIBUTE.sub(" ", selector)
    found.update(f".{name}" for name in re.findall(r"\.(-?[_a-zA-Z][-\w]*)", rest))
    found.update(f"#{name}" for name in re.findall(r"#(-?[_a-zA-Z][-\w]*)", rest))
    found.update(name.lower() for name in re.findall(r"(?:^|[\s>+~(,])([a-zA-Z][-\w]*)", rest))
    return frozenset(found)


def page_has(html: str) -> set[str]:
    """Everything the page holds that a selector can need (see ``selector_needs``)."""
    found = set()
    for tag in TAG.finditer(html):
        found.add(tag["name"].lower())
        for attribute in ATTRIBUTE_IN_TAG.finditer(tag["attrs"]):
            name, value = attribute["name"].lower(), attribute["value"] or ""
            value = value.strip(chr(34) + chr(39))
            found.update((f"[{name}]", f"[{name}={value}]"))
            if name == "class":
                found.update(f".{c}" for c in value.split())
            elif name == "id":
                found.add(f"#{value}")
    return found


def matched_rules(html: str, stylesheets: list[str]) -> set[int]:
    """The rules of these stylesheets with a loosened selector the page may match."""
    has = page_has(html)
    matched: set[int] = set()
    for css in stylesheets:
        sheet = parsed(css)
        matched |= sheet.always
        for part in has & sheet.by_need.keys():
            matched.update(rule for rule, need in sheet.by_need[part] if need <= has)
    return matched


def fast_first_paint(html: str, read: Callable[[str], str | None]) -> str:
    """The page with its stylesheets' used rules inline and nothing blocking its first paint.

    ``read`` gives a stylesheet's text from its address as written in the page, or None if it
    is not one of the site's own files (that link is left as it is)."""
    head = HEAD.search(html)
    if not head:
        return html
    links = [(m, read(m["href"])) for m in STYLESHEET.finditer(head[0])]
    local = [(m, css) for m, css in links if css is not None]
    new_head = SCRIPT.sub(_deferred, head[0])
    if local:
        matched = matched_rules(html, [css for _, css in local])
        kept = [rule for _, css in local for rule in kept_rules(css, matched)]
        properties, ids = used_properties(kept), {id(rule) for rule in kept}
        inline = "".join(used_css(css, ids, properties) for _, css in local)
        for number, (link, _) in enumerate(local):
            href = link["href"]
            lazy = (f'<link rel="stylesheet" href="{href}" media="print" '
                    f"onload=\"this.media='all'\"><noscript>{link[0]}</noscript>")
            if number == 0:
                lazy = f"<style>{inline}</style>{lazy}"
            new_head = new_head.replace(link[0], lazy, 1)
    body = SCRIPT.sub(_deferred, html[head.end():])
    return html[: head.start()] + new_head + body


def _deferred(script: re.Match[str]) -> str:
    attrs = script["attrs"]
    if re.search(r"\b(defer|async)\b|type=\"module\"", attrs):
        return script[0]
    return f"<script {attrs} defer>"
