"""A role's onboarding as data: its first-week reading and the ids of its checklist's ticks."""

from __future__ import annotations

import hashlib
from datetime import date

from handbook.content.catalog import Catalog, Entry
from handbook.content.model import Role


def first_week(catalog: Catalog, role_entry: Entry) -> list[Entry]:
    """The role's hand-chosen reading for the first week, in its order (validated in catalog.py)."""
    meta = role_entry.meta
    refs = meta.first_week if isinstance(meta, Role) else []
    return [entry for ref in dict.fromkeys(refs) if (entry := catalog.get(f"{ref}.md")) is not None]


def checklist_id(role: str, phase: str, action: str) -> str:
    # From the text, so reordering the list keeps each tick; rewording an action clears it.
    digest = hashlib.sha1(f"{phase}\n{action}".encode()).hexdigest()[:8]
    return f"hb-{role}-{digest}"


def long_date(day: date) -> str:
    """23 November 2026, in every locale."""
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def noun(title: str) -> str:
    """A title inside a sentence: "Data scientist" -> "data scientist"; "MLOps engineer" and "AI team lead" keep their capitals."""
    first, _, rest = title.partition(" ")
    if sum(c.isupper() for c in first) <= 1:
        first = first[:1].casefold() + first[1:]
    return f"{first} {rest}".strip()
