"""Hover definitions for glossary terms, written into each page's Markdown.

On every page, the first occurrence of each glossary term (or one of its
other spellings) becomes `<abbr title="definition" tabindex="0">`, so the
definition shows on hover and on keyboard focus. Later occurrences stay plain
text, and nothing inside headings, links, code or existing abbreviations is
touched. It is written into the Markdown source, as inline HTML, so that any
engine shows it: no Markdown extension of the handbook's own is needed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TermIndex:
    """Every spelling of every term, compiled once per build."""

    pattern: re.Pattern[str] | None
    # lower-cased spelling -> (term key, definition)
    spellings: dict[str, tuple[str, str]]
    # How many distinct terms there are: a page that has marked them all stops looking.
    terms: int = 0

    @classmethod
    def build(cls, terms: Iterable[tuple[str, Iterable[str], str]]) -> TermIndex:
        """From (term, other spellings, definition) triples."""
        spellings: dict[str, tuple[str, str]] = {}
        exact: list[str] = []
        folded: list[str] = []
        for term, aka, definition in terms:
            for name in (term, *aka):
                name = " ".join(name.split())
                if not name or name.casefold() in spellings:
                    continue
                spellings[name.casefold()] = (term.casefold(), " ".join(definition.split()))
                # "MLOps", "RAG": capitals after the first letter are part of the word, so match the case.
                (exact if any(c.isupper() for c in name[1:]) else folded).append(name)
        if not spellings:
            return cls(None, {})

        def alternation(names: list[str]) -> str:
            return _trie_pattern(sorted({n.casefold() if names is folded else n for n in names}))

        parts = []
        if exact:
            parts.append(f"(?:{alternation(exact)})")
        if folded:
            parts.append(f"(?i:{alternation(folded)})")
        return cls(re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"), spellings, len({key for key, _ in spellings.values()}))


def _trie_pattern(names: list[str]) -> str:
    """One pattern for many names, shared prefixes written once: "a(?:ccuracy|/b test)".

    It matches what the plain alternation of the names matches, longest first
    (each optional tail is greedy), but Python's regex engine no longer tries
    every name at every position of every paragraph.
    """
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return pattern(trie)


# What a term may not be marked inside, on a line of Markdown: code, links and images (their text is a link's),
# footnote references, inline HTML tags (and the text of the elements listed below), attribute lists, bare addresses.
_PROTECTED = re.compile(
    r"(?P<code>(`+).+?(?<!`)\2(?!`))"
    r"|(?P<link>!?\[(?:[^\[\]]|\[[^\]]*\])*\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<note>\[\^[^\]]+\])"
    r"|(?P<tag></?(?P<name>[A-Za-z][\w-]*)\b[^>]*>)"
    r"|(?P<attrs>\{[:#.][^}]*\})"
    r"|(?P<url>https?://\S+)"
)
# Elements whose text is not marked when written inline in Markdown.
_INLINE_SKIP = frozenset({"a", "abbr", "code", "kbd", "button", "script", "style"})
# Lines that are not running text: headings, admonition and details titles, reference definitions, table rules, HTML.
_NOT_PROSE = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|\[[^\]^][^\]]*\]:|\|?\s*:?-{3,}|<)")


def mark_terms(markdown: str, index: TermIndex | None) -> str:
    """The first occurrence of each glossary term in a page's running text, written as <abbr title="..." tabindex="0">.

    Nothing is marked in code (fenced or inline), headings, links, titles of admonitions, a definition list's terms,
    inline HTML elements such as links and abbreviations, or lines of HTML. A page that has every term marked stops.
    """
    if index is None or index.pattern is None:
        return markdown
    from handbook.content.markdown import scan

    lines = markdown.split("\n")
    seen: set[str] = set()
    prose = {line.index for line in scan(markdown) if line.kind == "prose"}
    for number, text in enumerate(lines):
        if len(seen) >= index.terms:
            break
        if number not in prose or _NOT_PROSE.match(text) or _is_term_line(lines, number):
            continue
        lines[number] = _mark_line(text, index, seen)
    return "\n".join(lines)


def _is_term_line(lines: list[str], number: int) -> bool:
    """A definition list's term: the line before one that starts with ": "."""
    return number + 1 < len(lines) and lines[number + 1].startswith(": ") and bool(lines[number].strip())


def _mark_line(text: str, index: TermIndex, seen: set[str]) -> str:
    out, position, inside = [], 0, []
    for match in _PROTECTED.finditer(text):
        out.append(_mark_text(text[position : match.start()], index, seen) if not inside else text[position : match.start()])
        out.append(match.group(0))
        position = match.end()
        if match.group("tag") and match.group("name").lower() in _INLINE_SKIP and not match.group(0).endswith("/>"):
            if match.group(0).startswith("</"):
                if inside:
                    inside.pop()
            else:
                inside.append(match.group("name").lower())
    out.append(_mark_text(text[position:], index, seen) if not inside else text[position:])
    return "".join(out)


def _mark_text(text: str, index: TermIndex, seen: set[str]) -> str:
    if not text or len(seen) >= index.terms:
        return text
    out, position = [], 0
    for match in index.pattern.finditer(text):
        key, definition = index.spellings[match.group(0).casefold()]
        if key in seen:
            continue
        seen.add(key)
        out.append(text[position : match.start()])
        out.append(f'<abbr title="{html.escape(definition, quote=True)}" tabindex="0">{match.group(0)}</abbr>')
        position = match.end()
    out.append(text[position:])
    return "".join(out)
