"""Type indexes at /roles/, /rituals/, /practices/ and every other type's folder: a table of its pages.

Which types get one, their summaries and their columns come from the registry
(`handbook.content.types`); the table is `templates/type_index.md.j2`.
"""

from __future__ import annotations

from handbook.content.catalog import Catalog, Entry
from handbook.content.exercises import group_size
from handbook.content.fields import INVOLVEMENT_LABELS
from handbook.content.types import page_types
from handbook.pages.render import Trusted, render_file


def _unknown(column: str) -> str:
    raise ValueError(f"unknown index column '{column}': add it to templates/type_index.md.j2")


def type_index_pages(catalog: Catalog) -> dict[str, str]:
    """Docs path ("rituals/index.md") -> the index page's body, for every type with an index."""
    roles = catalog.by_stem("role")

    def leads(entry: Entry) -> list[Entry]:
        return [roles[r] for r, level in entry.meta.roles.items() if level == "accountable" and r in roles]

    def used_in(entry: Entry) -> list[Entry]:
        return [page for ref in entry.meta.used_in if (page := catalog.get(f"{ref}.md")) is not None]

    helpers = {
        "leads": leads,
        "used_in": used_in,
        "role_entries": lambda ids: [roles[r] for r in ids if r in roles],
        "group_size": group_size,
        "raise_unknown": _unknown,
        "raci": Trusted(", ".join(INVOLVEMENT_LABELS.values()).lower()),
        # An owner no source assigns is marked "(proposed)" in the index (see handbook.tools.owners).
        "proposed": lambda entry: "roles" in getattr(entry.meta, "suggested", []),
        "any_proposed": lambda entries: any("roles" in getattr(e.meta, "suggested", []) for e in entries),
    }
    pages = {}
    for page_type in page_types():
        if page_type.index is None:
            continue
        uri = f"{page_type.folder}/index.md"
        body = render_file("type_index.md.j2", here=uri, index=page_type.index, entries=catalog.of_type(page_type.name), **helpers)
        pages[uri] = body
    return pages
