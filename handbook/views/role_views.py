"""A role page as a new hire's welcome: first week, first 90 days, then where the role appears.

The welcome (a lead paragraph when the page has no introduction of its own,
then a welcome sentence, both Markdown and searched) and the path (the
first-week reading and the 90-day checklist, HTML) go right after the role's
introduction; the reference (rituals and practices by RACI level, stories,
myths, HTML) goes after the role's own text. Generated headings carry
`data-search-exclude`: they repeat other pages' titles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.content.catalog import Catalog, Entry
from handbook.content.fields import INVOLVEMENT_LABELS, INVOLVEMENT_LEVELS
from handbook.content.markdown import heading, prose_lines
from handbook.content.model import CHECKLIST_LABELS, CHECKLIST_PHASES, Role, WithRoles
from handbook.content.onboarding import checklist_id, first_week, noun
from handbook.content.type_parts import RoleList
from handbook.content.types import PageType, page_type, page_types, recurring
from handbook.content.urls import Linker, page_id
from handbook.pages.render import render_file, render_html
from handbook.pages.rhythm import RHYTHM, duration_text, role_hours


def _level_rank(level: str) -> int:
    return INVOLVEMENT_LEVELS.index(level)


def involvements(catalog: Catalog, role: str, kind: str) -> list[tuple[Entry, str]]:
    """(page, level) for every page of a kind that names the role, by level then title."""
    found = [
        (entry, entry.meta.roles[role])
        for entry in catalog.of_type(kind)
        if isinstance(entry.meta, WithRoles) and role in entry.meta.roles
    ]
    return sorted(found, key=lambda pair: (_level_rank(pair[1]), pair[0].title.casefold()))


def by_level(pairs: list[tuple[Entry, str]]) -> list[tuple[str, list[Entry]]]:
    grouped: dict[str, list[Entry]] = {}
    for entry, level in pairs:
        grouped.setdefault(level, []).append(entry)
    return list(grouped.items())


@dataclass
class RoleSection:
    """A section of a role page: the pages of one or more types that name the role (see PageType.role_list)."""

    listing: RoleList
    kinds: list[PageType] = field(default_factory=list)
    # With RACI levels: (the type, the level, its heading for the reader, the pages); else the pages alone.
    levels: list[tuple[PageType, str, str, list[Entry]]] = field(default_factory=list)
    pages: list[Entry] = field(default_factory=list)

    @property
    def recurs(self) -> bool:
        return any(kind.recurs for kind in self.kinds)


def role_sections(catalog: Catalog, role: str) -> list[RoleSection]:
    """Every section the registry gives role pages, in reading order: the pages that name the role, by level or not."""
    sections: dict[str, RoleSection] = {}
    for kind in page_types():
        listing = kind.role_list
        if listing is None:
            continue
        section = sections.setdefault(listing.id, RoleSection(listing))
        section.kinds.append(kind)
        if kind.raci is not None:
            section.levels += [(kind, level, kind.raci.levels[level], entries) for level, entries in by_level(involvements(catalog, role, kind.name))]
        else:
            section.pages += [e for e in catalog.of_type(kind.name) if any(role in getattr(e.meta, name, []) for name in listing.fields)]
    return list(sections.values())


def minutes(entries: list[Entry]) -> int:
    return sum(entry.minutes for entry in entries)


def owned_rituals(catalog: Catalog, role: str) -> list[Entry]:
    """Rituals the role runs or brings work to: accountable first, then responsible."""
    return [entry for entry, level in involvements(catalog, role, recurring()) if level in ("accountable", "responsible")]


def pack_name(role_entry: Entry) -> str:
    """The file stem of a role's PDF pack, from its title: "Compliance partner" -> "compliance-partner"."""
    return page_id(role_entry.title) or role_entry.stem


def as_role(title: str) -> str:
    """ "Data scientist" -> "a data scientist"; "MLOps engineer" -> "an MLOps engineer"; "UX and product designer" -> "a UX and product designer"."""
    first = title.partition(" ")[0]
    if sum(c.isupper() for c in first) > 1:
        # An initialism is said letter by letter: "an M...", "a U...".
        article = "an" if first[0] in "AEFHILMNORSX" else "a"
    else:
        article = "an" if first[:1].casefold() in "aeio" else "a"
    return f"{article} {noun(title)}"


def split_intro(markdown: str) -> tuple[str, str]:
    """(the text before the body's first heading, the rest)."""
    for index, line in prose_lines(markdown):
        if heading(line) is not None:
            lines = markdown.split("\n")
            return "\n".join(lines[:index]), "\n".join(lines[index:])
    return markdown, ""


def abbreviations(entry: Entry) -> list[str]:
    """What people type for a role, such as PM, DS, MLE: its short label and other names, where they are initialisms."""
    meta = entry.meta
    names = [getattr(meta, "short", ""), *getattr(meta, "also_called", [])]
    return list(dict.fromkeys(n for n in names if 2 <= len(n) <= 5 and n.isupper()))


def role_welcome(entry: Entry, *, lead: bool) -> str:
    """The lead paragraph (when asked for) and the welcome sentence, as Markdown.

    The sentence names the role's abbreviations, so that a search for "PM" or "MLE" finds the role's page first.
    """
    return render_file("role_welcome.md.j2", summary=entry.meta.summary if lead else None, as_role=as_role(entry.title),
                       abbreviations=abbreviations(entry))


def role_path(catalog: Catalog, entry: Entry, link: Linker) -> str:
    """The first-week reading and the 90-day checklist, as HTML."""
    meta = entry.meta
    steps = first_week(catalog, entry)
    checklist = meta.checklist if isinstance(meta, Role) else {}
    phases = [
        (CHECKLIST_LABELS[phase], [
            (checklist_id(entry.stem, phase, item.do), item, catalog.get(f"{item.see}.md") if item.see else None)
            for item in checklist[phase]
        ])
        for phase in CHECKLIST_PHASES
        if phase in checklist
    ]
    return render_html(
        "role_path.html.j2",
        link=link,
        role=entry.stem,
        steps=steps,
        total=minutes(steps),
        phases=phases,
        count=sum(len(items) for _, items in phases),
        type_label=lambda step: page_type(step.type).singular,
    )


def role_view(catalog: Catalog, entry: Entry, link: Linker) -> str:
    """The reference below the role's own text, as HTML: rituals and practices by level, stories, myths."""
    role = entry.stem
    rituals = catalog.of_type(recurring())
    free_days = [e for e in rituals if not e.meta.meeting and e.meta.day]
    return render_html(
        "role_reference.html.j2",
        link=link,
        hours=role_hours(catalog, role),
        has_core=any(e.meta.core for e in rituals),
        duration=duration_text,
        rhythm=RHYTHM,
        free_day=free_days[0] if free_days else None,
        labels=INVOLVEMENT_LABELS,
        sections=role_sections(catalog, role),
    )
