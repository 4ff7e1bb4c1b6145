"""Provenance: the sources of every page, and the pages drawn from every source."""

from __future__ import annotations

from collections import defaultdict

from handbook.content.catalog import Catalog, Entry
from handbook.content.types import page_type, rank


def drawn_from(catalog: Catalog) -> dict[str, list[Entry]]:
    """Source id -> the pages that cite it, in type order then title."""
    pages: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries.values():
        if page_type(entry.type).cited:
            continue
        cited = set(getattr(entry.meta, "sources", []))
        for term in getattr(entry.meta, "terms", []):
            cited.update(term.sources)
        for source in cited:
            pages[source].append(entry)
    for entries in pages.values():
        entries.sort(key=lambda e: (rank(e.type), e.title.casefold()))
    return pages
