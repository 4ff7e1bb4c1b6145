"""The books: which pages each PDF holds, part by part (the whole handbook, and one onboarding pack per role)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from handbook.content.catalog import Catalog
from handbook.content.settings import Settings
from handbook.content.types import BOOK_PARTS, page_types
from handbook.pages.outputs import Output, outputs
from handbook.views.role_views import first_week, owned_rituals, pack_name

TITLE = "Cross-Functional AI Team Handbook"


@dataclass(frozen=True)
class Part:
    title: str
    urls: tuple[str, ...]


@dataclass(frozen=True)
class Book:
    name: str  # file stem: "handbook" or a role's pack name, e.g. "compliance-partner"
    title: str
    subtitle: str
    parts: tuple[Part, ...]
    # Other file stems the same PDF is also written under, so that earlier download links keep working.
    aliases: tuple[str, ...] = ()
    id: str = ""  # the role id of a pack, for --only
    # A pack stays short: its pages' "Linked from" lists point mostly outside it.
    backlinks: bool = True
    # Reading minutes by URL, the same figure the role pages give (`Entry.minutes`); generated pages are counted from the print.
    minutes: Mapping[str, int] = field(default_factory=dict)

    @property
    def urls(self) -> list[str]:
        return [url for part in self.parts for url in part.urls]


def handbook_book(catalog: Catalog, title: str = TITLE, planned: Iterable[Output] | None = None) -> Book:
    """The whole handbook, part by part (`BOOK_PARTS`): each type's index and pages go in its registry entry's part.

    The generated pages that ask for the book (`Output.pdf`: the rhythm, the matrix) open the Reference part:
    `planned`, the build's outputs (default: the catalog's own, with no team).
    """
    urls: dict[str, list[str]] = {title: [] for title in BOOK_PARTS}
    urls["Reference"] += [output.url for output in (planned if planned is not None else outputs(catalog, Settings())) if output.pdf]
    for page_type in page_types():
        if page_type.book is None:
            continue
        index = [f"/{page_type.folder}/"] if page_type.index is not None else []
        urls[page_type.book] += index + [e.url for e in catalog.of_type(page_type.name)]
    return Book("handbook", title, "The whole handbook", tuple(Part(title, tuple(found)) for title, found in urls.items()), minutes=_minutes(catalog))


def role_book(catalog: Catalog, role_id: str, title: str = TITLE) -> Book:
    """The role page (with its 90-day checklist), its first-week reading in order, the rituals it runs or works in,
    then the tools it runs: the pages of types that go in their owner's pack (`PageType.pack`, such as the health check's worksheet)."""
    role = catalog.by_stem("role")[role_id]
    week = [e.url for e in first_week(catalog, role)]
    rituals = [e.url for e in owned_rituals(catalog, role_id) if e.url not in week]
    tools = [e.url for t in page_types() if t.pack for e in catalog.of_type(t.name) if e.meta.owner == role_id and e.url not in week]
    parts = [Part("Your role", (role.url,)), Part("Your first week", tuple(week)), Part("Rituals you run or work in", tuple(rituals)),
             Part("Tools you run", tuple(tools))]
    name = pack_name(role)
    # A pack keeps every name it was published under: its role id, and the ids of the role's old addresses.
    folder = posixpath.dirname(role.src_uri)
    old_ids = [alias.strip("/").rpartition("/")[2] for alias in role.meta.aliases if alias.strip("/").startswith(f"{folder}/")]
    aliases = tuple(n for n in dict.fromkeys([role_id, *old_ids]) if n != name)
    return Book(name, f"Onboarding pack: {role.title}", title, tuple(p for p in parts if p.urls),
                aliases=aliases, id=role_id, backlinks=False, minutes=_minutes(catalog))


def _minutes(catalog: Catalog) -> dict[str, int]:
    return {entry.url: entry.minutes for entry in catalog.entries.values()}


# --- one page of the site into a section of the book -----------------------------


