"""Unmarked figures: durations, counts and percentages in a page's text with no footnote and no suggestion box.

A figure a reader may take as fact is either a source's (cited by a footnote in
the same paragraph) or the handbook's own default (inside a `!!! suggestion`
callout, or labelled "the handbook suggests"). `python -m handbook figures`
lists the others, one line each, as `docs/<path>.md:<line>: figure: '<figure>' ...`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handbook.content.catalog import Catalog, Entry
from handbook.content.markdown import prose_lines
from handbook.content.problems import Problem
from handbook.content.types import instruction_types

# "15 minutes", "two weeks", "60%", "3 of 10", "a day" is too vague to count.
_NUMBER = (r"(?<![\w-])(?:\d+(?:[.,]\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
           r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|hundred)")
_FIGURE = re.compile(
    rf"{_NUMBER}(?:\s*(?:–|-|to)\s*{_NUMBER})?\s*(?:%|per ?cent\b|minutes?\b|mins?\b|hours?\b|days?\b|weeks?\b|months?\b|quarters?\b|years?\b|times\b|x\b)",
    re.IGNORECASE,
)
FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_SUGGESTION = re.compile(r"handbook(?:'s)? (?:own )?(?:suggest|default)", re.IGNORECASE)
# A suggestion box holds the handbook's own defaults; an example box, a worked example the handbook invented.
CALLOUT = re.compile(r"^(?:!!!|\?\?\?\+?)\s+(?:suggestion|example)\b")


def outside_callouts(body: str) -> Iterator[tuple[int, str]]:
    """(0-based index, line) of every prose line outside code and outside suggestion and example callouts."""
    in_callout = False
    for index, line in prose_lines(body):
        if CALLOUT.match(line):
            in_callout = True
            continue
        if in_callout and (not line.strip() or line.startswith(("    ", "\t"))):
            continue
        in_callout = False
        yield index, line


def _paragraphs(entry: Entry) -> Iterator[tuple[int, str]]:
    """(first line, text) of each paragraph outside code and outside suggestion callouts and footnote definitions."""
    lines, start = [], 0
    for index, line in outside_callouts(entry.body):
        if not line.strip() or line.startswith(("#", "[^")):
            if lines:
                yield start, " ".join(lines)
            lines = []
            continue
        if not lines:
            start = index
        lines.append(line)
    if lines:
        yield start, " ".join(lines)


def unmarked(entry: Entry, docs_label: str = "docs") -> list[Problem]:
    found = []
    for index, text in _paragraphs(entry):
        if FOOTNOTE.search(text) or _SUGGESTION.search(text):
            continue
        for match in _FIGURE.finditer(text):
            found.append(Problem(f"{docs_label}/{entry.src_uri}", entry.body_line + index, "figure",
                                 f"'{match.group()}' has no footnote and no suggestion box: cite its source or label it as the handbook's suggestion"))
    return found


def unmarked_figures(catalog: Catalog, kinds: tuple[str, ...] | None = None) -> list[Problem]:
    """Every unmarked figure on the pages that give instructions (the registry's `instructions`: stories and sources
    report, so they are left out)."""
    chosen = kinds if kinds is not None else instruction_types()
    return [problem for kind in chosen for entry in catalog.of_type(kind) for problem in unmarked(entry, catalog.docs_label)]
