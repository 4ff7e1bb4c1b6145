"""Hover definitions for glossary terms: a Python-Markdown extension.

On every page, the first occurrence of each glossary term (or one of its
other spellings) becomes `<abbr title="definition" tabindex="0">`, so the
definition shows on hover and on keyboard focus. Later occurrences stay plain
text, and nothing inside headings, links, code or existing abbreviations is
touched. It works on the element tree after inline parsing, so no HTML is
parsed back with regular expressions; the one regular expression matches
plain text against the term list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Never add a definition inside these (a heading's text is its anchor and its title).
_SKIP = frozenset({"a", "abbr", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "button", "summary", "dt"})
# Generated blocks that only list other pages.
_SKIP_CLASSES = frozenset({"md-tags", "hb-tags", "admonition-title", "hb-glossary"})


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


class _FirstOccurrence(Treeprocessor):
    def __init__(self, md: Markdown, index: Callable[[], TermIndex | None]) -> None:
        super().__init__(md)
        self._index = index

    def run(self, root: ET.Element) -> None:
        index = self._index()
        if index is None or index.pattern is None:
            return
        self._walk(root, index, set())

    def _walk(self, element: ET.Element, index: TermIndex, seen: set[str]) -> None:
        if len(seen) >= index.terms or element.tag in _SKIP or _SKIP_CLASSES.intersection((element.get("class") or "").split()):
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, new = self._mark(element.text, index, seen)
            for position, child in enumerate(new):
                element.insert(position, child)
        for child in list(element):
            self._walk(child, index, seen)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, new = self._mark(child.tail, index, seen)
                at = list(element).index(child) + 1
                for offset, node in enumerate(new):
                    element.insert(at + offset, node)

    @staticmethod
    def _mark(text: str, index: TermIndex, seen: set[str]) -> tuple[str, list[ET.Element]]:
        """Split text at the first occurrence of each unseen term: (text before, [abbr with tails])."""
        head, nodes, start = None, [], 0
        for match in index.pattern.finditer(text):
            key, definition = index.spellings[match.group(0).casefold()]
            if key in seen:
                continue
            seen.add(key)
            abbr = ET.Element("abbr", {"title": definition, "tabindex": "0"})
            abbr.text = match.group(0)
            if head is None:
                head = text[: match.start()]
            else:
                nodes[-1].tail = text[start : match.start()]
            nodes.append(abbr)
            start = match.end()
        if head is None:
            return text, []
        nodes[-1].tail = text[start:]
        return head, nodes


class GlossaryTerms(Extension):
    """`index` is called per page: it returns this build's TermIndex (or None before one exists)."""

    def __init__(self, index: Callable[[], TermIndex | None]) -> None:
        super().__init__()
        self._index = index

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20), before the table of contents reads headings (5).
        md.treeprocessors.register(_FirstOccurrence(md, self._index), "handbook-glossary-terms", 15)
