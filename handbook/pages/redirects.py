"""Redirects for moved pages: each old URL in `aliases` points at the page's current URL."""

from __future__ import annotations

from handbook.content.catalog import Catalog


def redirect_map(catalog: Catalog) -> dict[str, str]:
    """mkdocs-redirects' map: old Markdown path -> current Markdown path.

    "/rituals/standup/" becomes "rituals/standup.md"; aliases are validated
    URL paths, so the old path stays inside the site.
    """
    return {
        f"{alias.strip('/')}.md": entry.src_uri
        for entry in catalog.entries.values()
        for alias in getattr(entry.meta, "aliases", [])
    }
