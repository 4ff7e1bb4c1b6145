"""Unlabelled owner claims: who owns, runs or decides something, stated as fact with no source and no label.

The sources assign few owners. Where a page says a role owns a practice,
runs a meeting or makes a call, the sentence either cites the source that
says so (a footnote in the same paragraph or list item) or is labelled as the
handbook's proposal: inside a `!!! suggestion` callout, by the words "the
handbook proposes" (or "the handbook's proposal", "suggests", "default"), or
in a section whose first paragraph carries that label. A play's front matter
says the same: `roles` is listed in `suggested` unless a footnoted sentence
names its accountable role as owner.

`python -m handbook figures` lists these with the unmarked figures, one line
each, as `docs/<path>.md:<line>: owner: '<claim>' ...`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from handbook.content.catalog import Catalog, Entry
from handbook.content.markdown import heading
from handbook.content.model import Play
from handbook.content.problems import Problem
from handbook.content.types import instruction_types
from handbook.tools.figures import FOOTNOTE, outside_callouts

# Owning, being accountable, running the meeting, making the call.
_CLAIM = re.compile(
    r"(?<!your )(?<!their )(?<!its )(?<!our )(?<!my )(?<!his )(?<!her )(?<!team's )\b(?:owns?|owned by|(?:is|are) accountable|makes? the calls?|decides?|has the final say"
    r"|runs? (?:it|them|(?:the )?\[[^\]]+\]\((?:\.\./)?rituals/"
    r"|the (?:\[?[a-z -]{0,30}?)(?:meeting|meetings|review|session|sessions|showcase|sync|workshop|post-mortem|retrospective|stand-up|check-in|exercise|demo|planning)s?))\b",
    re.IGNORECASE,
)
# Who: a link to a role page, or the words a page uses for its people.
_ROLE_LINK = re.compile(r"\]\((?:\.\./)?roles/(?P<role>[a-z0-9-]+)\.md")
_ROLE_WORD = re.compile(
    r"\b(?:the lead|leads?|product managers?|PMs?|(?:data |research )?scientists?|(?:ML|MLOps|data|software|backend|machine learning) engineers?"
    r"|designers?|sponsors?|compliance (?:partner|team)|facilitators?)\b",
    re.IGNORECASE,
)
LABEL = re.compile(r"handbook(?:'s)? (?:own )?(?:propos|suggest|recommend|default)", re.IGNORECASE)
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\[(])")


@dataclass(frozen=True)
class Unit:
    """A paragraph or a list item: what a footnote or a label applies to."""

    line: int  # 0-based, within the body
    text: str
    labelled: bool  # by a suggestion callout or by its section's opening label


def units(body: str) -> Iterator[Unit]:
    lines: list[str] = []
    start, section_label, first_in_section = 0, False, True

    def flush() -> Unit | None:
        return Unit(start, " ".join(lines), section_label) if lines else None

    for index, line in outside_callouts(body):
        found = heading(line)
        if found is not None or not line.strip() or line.startswith("[^") or _ITEM.match(line):
            if (unit := flush()) is not None:
                if first_in_section:
                    section_label, first_in_section = bool(LABEL.search(unit.text)), False
                    unit = Unit(unit.line, unit.text, section_label)
                yield unit
            lines = []
            if found is not None and found[0] <= 2:
                section_label, first_in_section = False, True
            if found is not None or not line.strip() or line.startswith("[^"):
                continue
        if not lines:
            start = index
        lines.append(line.strip())
    if (unit := flush()) is not None:
        yield unit


def _names_role(text: str, role_page: bool) -> bool:
    # On a role page the reader is the role, so "Run the review" is a claim about that role.
    return role_page or bool(_ROLE_LINK.search(text) or _ROLE_WORD.search(text))


def claims(entry: Entry) -> Iterator[tuple[int, str]]:
    """(0-based body line, sentence) of every owner claim with neither a footnote nor a label."""
    for unit in units(entry.body):
        if unit.labelled or FOOTNOTE.search(unit.text) or LABEL.search(unit.text):
            continue
        for sentence in _SENTENCE.split(unit.text):
            if _CLAIM.search(sentence) and _names_role(sentence, entry.type == "role"):
                yield unit.line, sentence


def _shorten(text: str, limit: int = 90) -> str:
    plain = re.sub(r"\]\([^)]*\)", "]", text).replace("**", "")
    return plain if len(plain) <= limit else plain[: limit - 3].rstrip() + "..."


def unlabelled(entry: Entry, docs_label: str = "docs") -> list[Problem]:
    path = f"{docs_label}/{entry.src_uri}"
    found = [
        Problem(path, entry.body_line + line, "owner",
                f"'{_shorten(sentence)}' has no footnote and no label: cite the source that assigns it, or say it is the handbook's proposal")
        for line, sentence in claims(entry)
    ]
    meta = entry.meta
    if isinstance(meta, Play) and "roles" not in meta.suggested and meta.accountable and not _cited_owner(entry, meta.accountable):
        found.append(Problem(path, entry.line_of("roles"), "roles",
                             f"'{meta.accountable}' is shown as accountable on a source's word, but no footnoted sentence names it as owner: "
                             "cite the source there, or list roles in suggested to show it as the handbook's proposal"))
    return found


def _cited_owner(entry: Entry, role: str) -> bool:
    """A footnoted paragraph or item that names the accountable role in an owner claim."""
    return any(FOOTNOTE.search(u.text) and _CLAIM.search(u.text) and f"roles/{role}.md" in u.text for u in units(entry.body))


def unlabelled_owners(catalog: Catalog, kinds: tuple[str, ...] | None = None) -> list[Problem]:
    """Every unlabelled owner claim on the pages that give instructions (the registry's `instructions`: stories and
    reports tell what happened)."""
    chosen = kinds if kinds is not None else instruction_types()
    return [problem for kind in chosen for entry in catalog.of_type(kind) for problem in unlabelled(entry, catalog.docs_label)]
