"""The glossary: its lettered term list, and the term index behind hover definitions.

Terms live in the glossary page's front matter. `term_index` feeds the
Markdown extension in `glossary_terms.py`, which marks the first occurrence
of each term on a page.
"""

from __future__ import annotations

import re
from itertools import groupby

from handbook.content.catalog import Catalog, Entry
from handbook.content.model import Glossary, Term
from handbook.content.urls import Linker
from handbook.pages.render import render_html
from handbook.views.glossary_terms import TermIndex

GLOSSARY = "glossary.md"


def glossary_entry(catalog: Catalog) -> Entry | None:
    entry = catalog.get(GLOSSARY)
    return entry if entry is not None and isinstance(entry.meta, Glossary) else None


def terms(catalog: Catalog) -> list[Term]:
    entry = glossary_entry(catalog)
    return sorted(entry.meta.terms, key=lambda t: t.term.casefold()) if entry else []


def term_id(term: Term) -> str:
    """The anchor of a term on the glossary page, as the toc extension made it from the old headings."""
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", term.term).strip().lower())


def _letter(term: Term) -> str:
    first = term.term[:1].upper()
    return first if first.isalpha() else "#"


def term_list(catalog: Catalog, link: Linker) -> str:
    """The glossary page's terms as HTML: an A–Z bar, then a definition list per letter."""
    titles = {uri: entry.title for uri, entry in catalog.entries.items()}
    groups = [(letter, list(items)) for letter, items in groupby(terms(catalog), key=_letter)]
    return render_html("glossary_terms.html.j2", link=link, groups=groups, titles=titles, term_id=term_id)


def search_words(catalog: Catalog) -> dict[str, list[str]]:
    """What readers type for a page, by docs path: each glossary term and its other spellings and abbreviations, on the
    page the term's `see` names ("DoD", "retro" and "drift" lead to the pages that explain them)."""
    words: dict[str, list[str]] = {}
    for term in terms(catalog):
        if term.see is not None:
            words.setdefault(f"{term.see}.md", []).extend([term.term, *term.aka])
    return {uri: list(dict.fromkeys(found)) for uri, found in words.items()}


def term_index(catalog: Catalog) -> TermIndex:
    return TermIndex.build((t.term, t.aka, t.definition) for t in terms(catalog))
