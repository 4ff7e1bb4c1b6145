"""The handbook as one team sees it: its roles, the rituals it holds, when it holds them.

`team_catalog` is the catalog the matrix, the rhythm and the calendars are
made from when a team file exists: the role pages the team does not have and
the rituals it does not hold are left out, and each ritual the team schedules
carries the team's cadence, length and day. The pages themselves all stay
(their addresses are a contract); the page sections say what the team has.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import get_args

from handbook.content.catalog import Catalog, Entry, ordered_roles
from handbook.content.fields import Weekday
from handbook.content.model import Ritual
from handbook.content.team import Person, Slot, TeamFile

WEEKDAYS: tuple[str, ...] = get_args(Weekday)


def is_lead(role: Entry | None) -> bool:
    """The team's lead holds a leadership role (the AI team lead)."""
    return role is not None and role.meta.family == "leadership"


def held(ritual: Ritual, slot: Slot) -> Ritual:
    """A ritual's front matter with the team's schedule in it: cadence, length and day."""
    update: dict[str, object] = {}
    days = slot.days or ([slot.day] if slot.day else [])
    if len(set(days)) == len(WEEKDAYS):
        update.update(cadence="daily", day=None)
    elif days:
        update.update(day=days[0], cadence=slot.cadence or ("weekly" if ritual.cadence == "daily" else ritual.cadence))
    if slot.cadence:
        update["cadence"] = slot.cadence
    if slot.duration_minutes:
        update["duration_minutes"] = slot.duration_minutes
    # What the team decided is no longer the handbook's suggestion.
    update["suggested"] = [name for name in ritual.suggested if name not in update]
    return ritual.model_copy(update=update)


def team_catalog(catalog: Catalog, found: TeamFile) -> Catalog:
    team = found.team
    entries: dict[str, Entry] = {}
    for uri, entry in catalog.entries.items():
        if entry.type == "role" and not team.has_role(entry.stem):
            continue
        if entry.type == "ritual":
            if not team.holds(entry.stem):
                continue
            slot = team.rhythm.get(entry.stem)
            if slot:
                entry = dataclasses.replace(entry, meta=held(entry.meta, slot))
        entries[uri] = entry
    return dataclasses.replace(catalog, entries=entries)


@dataclass(frozen=True)
class Seat:
    """A role of the team with the people in it; an empty seat is an open position."""

    role: Entry
    people: list[Person]


def seats(catalog: Catalog, found: TeamFile) -> list[Seat]:
    roles = [role for role in ordered_roles(catalog) if found.team.has_role(role.stem)]
    return [Seat(role, [p for p in found.people if p.role == role.stem]) for role in roles]


def people_of(found: TeamFile | None, role: str) -> list[Person]:
    return [p for p in found.people if p.role == role] if found else []


def person(found: TeamFile, key: str) -> Person | None:
    """A person by id or by name."""
    return next((p for p in found.people if p.key == key or p.name.casefold() == key.casefold()), None)


def cover(catalog: Catalog, found: TeamFile, role: str) -> Entry | None:
    """The team's role that covers the work of a role it does not have: as the file says, else the same family, else the lead."""
    roles = catalog.by_stem("role")
    if role in found.team.covers:
        return roles.get(found.team.covers[role])
    mine = [r for r in ordered_roles(catalog) if found.team.has_role(r.stem)]
    family = roles[role].meta.family if role in roles else None
    return next((r for r in mine if r.meta.family == family), None) or next((r for r in mine if is_lead(r)), None) or (mine[0] if mine else None)
