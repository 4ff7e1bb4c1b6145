"""The handbook as one team sees it: its roles, its people, and who covers a role it lacks.

`team_catalog` is the catalog the matrix and the packs are made from when a
team file exists: the role pages the team does not have and the rituals it set
to false are left out. When the team holds each ritual is in
`handbook.pages.schedule`. The pages themselves all stay (their addresses are
a contract); the page sections say what the team has.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta

from handbook.content.catalog import Catalog, Entry, ordered_roles
from handbook.content.model import CHECKLIST_PHASES, ChecklistItem, Role
from handbook.content.onboarding import first_week, noun
from handbook.content.team import Person, TeamFile
from handbook.content.types import recurring


def is_lead(role: Entry | None) -> bool:
    """The team's lead holds a leadership role (the AI team lead)."""
    return role is not None and role.meta.family == "leadership"


def team_catalog(catalog: Catalog, found: TeamFile) -> Catalog:
    """The catalog without the roles the team does not have, the rituals it set to false and the pages it leaves out."""
    team = found.team
    entries = {
        uri: entry for uri, entry in catalog.entries.items()
        if not (entry.type == "role" and not team.has_role(entry.stem)) and not (entry.type == recurring() and team.drops(entry.stem))
        and not team.leaves_out(uri)
    }
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


@dataclass(frozen=True)
class Cover:
    """The team's role that does the work of a role it does not have; `guessed` when the team file does not say."""

    role: Entry
    guessed: bool


def cover(catalog: Catalog, found: TeamFile, role: str) -> Cover | None:
    """As the file's `covers` says; else the handbook's guess: the team's first role of the same family, else its lead."""
    roles = catalog.by_stem("role")
    if role in found.team.covers:
        named = roles.get(found.team.covers[role])
        return Cover(named, False) if named else None
    mine = [r for r in ordered_roles(catalog) if found.team.has_role(r.stem)]
    family = roles[role].meta.family if role in roles else None
    guess = next((r for r in mine if r.meta.family == family), None) or next((r for r in mine if is_lead(r)), None)
    return Cover(guess, True) if guess else None


# --- a starter's onboarding, as the team has it ------------------------------

# A role's checklist runs to day 90: until then a starter keeps their page.
ONBOARDING_DAYS = 90


def onboarding(someone: Person, today: date) -> bool:
    """Starting, or joined less than 90 days ago: they have an onboarding page."""
    return someone.start is not None and today <= someone.start + timedelta(ONBOARDING_DAYS)


def _names(entry: Entry) -> list[str]:
    """How a text may name a role or a ritual: its title (a role's also without "AI"), its other names of several words or
    in capitals (PM, ML engineer; not "designer"), and a ritual's hyphenated last word (stand-up, post-mortem, check-in)."""
    title = entry.title
    names = [title, title.removeprefix("AI ")]
    names += [other for other in getattr(entry.meta, "also_called", []) if " " in other or other.isupper()]
    last = title.split()[-1]
    if entry.type == recurring() and "-" in last:
        names.append(last)
    return list(dict.fromkeys(names))


def _named(text: str, entry: Entry) -> bool:
    for name in _names(entry):
        flags = 0 if name.isupper() else re.IGNORECASE
        if re.search(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])", text, flags):
            return True
    return False


@dataclass(frozen=True)
class Action:
    """A checklist action as a starter on this team reads it: `note` says who covers a role the team does not have."""

    item: ChecklistItem
    see: Entry | None
    note: str = ""


def _absent(catalog: Catalog, found: TeamFile, item: ChecklistItem) -> tuple[list[Entry], list[Entry]]:
    """The rituals the team does not hold and the roles it does not have that an action names or points to."""
    see = catalog.get(f"{item.see}.md") if item.see else None
    rituals = [r for r in catalog.of_type(recurring()) if not found.team.holds(r.stem) and (r is see or _named(item.do, r))]
    roles = [r for r in catalog.of_type("role") if not found.team.has_role(r.stem) and (r is see or _named(item.do, r))]
    return rituals, roles


def team_actions(catalog: Catalog, found: TeamFile, role: Entry) -> list[tuple[str, list[Action]]]:
    """(phase, actions) of the role's checklist without what names a ritual the team does not hold; an action that names
    a role the team lacks says who covers it, or is left out when nobody does."""
    checklist = role.meta.checklist if isinstance(role.meta, Role) else {}
    phases = []
    for phase in CHECKLIST_PHASES:
        actions = []
        for item in checklist.get(phase, []):
            rituals, roles = _absent(catalog, found, item)
            covers = [cover(catalog, found, r.stem) for r in roles]
            if rituals or None in covers:
                continue
            note = " ".join(_cover_note(missing, by) for missing, by in zip(roles, covers, strict=True) if by is not None)
            actions.append(Action(item, catalog.get(f"{item.see}.md") if item.see else None, note))
        if actions:
            phases.append((phase, actions))
    return phases


def _cover_note(missing: Entry, by: Cover) -> str:
    if by.guessed:
        return f"This team has no {noun(missing.title)}; the handbook's guess is that the {noun(by.role.title)} covers that work."
    return f"This team has no {noun(missing.title)}: the {noun(by.role.title)} covers that work."


def team_first_week(catalog: Catalog, found: TeamFile, role: Entry) -> list[Entry]:
    """The role's first-week reading without the rituals the team does not hold and the roles it does not have."""
    return [
        e for e in first_week(catalog, role)
        if not (e.type == recurring() and not found.team.holds(e.stem)) and not (e.type == "role" and not found.team.has_role(e.stem))
    ]
