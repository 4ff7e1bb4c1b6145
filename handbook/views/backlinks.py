"""Backlinks: for every page, the pages whose body links to it. One pass over all links."""

from __future__ import annotations

from collections import defaultdict

from handbook.content.catalog import Catalog, Entry


def backlinks(catalog: Catalog) -> dict[str, list[Entry]]:
    linked_from: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries.values():
        for target in entry.links:
            linked_from[target].append(entry)
    for entries in linked_from.values():
        entries.sort(key=lambda e: e.title.casefold())
    return linked_from
