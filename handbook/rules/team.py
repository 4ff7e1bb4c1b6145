"""The team file against the pages: known roles and rituals, people with one id each, buddies who are people."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from handbook.content.catalog import Catalog
from handbook.content.problems import ContentError, Problem
from handbook.content.team import Slot, TeamFile
from handbook.content.team_file import read_team
from handbook.content.types import page_type, recurring

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CADENCE_WORDS = {"per-release": "before each release", "as-needed": "when needed"}


def _hint(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def team_problems(found: TeamFile, catalog: Catalog) -> list[Problem]:
    team, path = found.team, found.path
    roles = set(catalog.by_stem("role"))
    rituals = set(catalog.by_stem(recurring()))
    problems: list[Problem] = []

    def problem(loc: tuple[object, ...], message: str) -> None:
        problems.append(Problem(path, found.line_of(*loc), ".".join(str(part) for part in loc), message))

    for index, role in enumerate(team.roles or []):
        if role not in roles:
            problem(("roles", index), f"unknown role '{role}'{_hint(role, roles)}: role ids are the file names in docs/roles/")
    team_roles = set(team.roles) if team.roles is not None else roles
    for role, cover in team.covers.items():
        if role not in roles:
            problem(("covers", role), f"unknown role '{role}'{_hint(role, roles)}: role ids are the file names in docs/roles/")
        elif role in team_roles:
            problem(("covers", role), f"'{role}' is one of the team's roles: list here only roles the team does not have")
        if cover not in team_roles:
            problem(("covers", role), f"'{cover}' is not one of the team's roles: name one of {', '.join(sorted(team_roles))}")
    ids: dict[str, int] = {}
    named: dict[str, list[str]] = {}
    for person in team.people:
        named.setdefault(person.name.casefold(), []).append(person.key)
    for index, person in enumerate(team.people):
        if person.role not in roles:
            problem(("people", index, "role"), f"unknown role '{person.role}'{_hint(person.role, roles)}: role ids are the file names in docs/roles/")
        elif person.role not in team_roles:
            problem(("people", index, "role"), f"'{person.role}' is not one of the team's roles: add it to `roles` or give another role")
        if person.key in ids:
            first = team.people[ids[person.key]]
            where = f"{first.name}, line {found.line_of('people', ids[person.key])}"
            if person.id is None:
                fix = f"give one of them an `id`, such as {person.key}-2"
            else:
                fix = "give each a different `id`"
            problem(("people", index, "id" if person.id else "name"), f"two people have the id '{person.key}' (the first is {where}): {fix}")
        ids.setdefault(person.key, index)
    for index, person in enumerate(team.people):
        if person.buddy is None:
            continue
        # Two people of one name are ambiguous only with different ids (the same id is reported above).
        by_name = list(dict.fromkeys(named.get(person.buddy.casefold(), [])))
        buddy = person.buddy if person.buddy in ids else (by_name[0] if len(by_name) == 1 else None)
        if len(by_name) > 1 and person.buddy not in ids:
            problem(("people", index, "buddy"), f"{len(by_name)} people are called '{person.buddy}': name the buddy by id ({', '.join(by_name)})")
        elif buddy is None and person.buddy in roles:
            problem(("people", index, "buddy"), f"'{person.buddy}' is a role, not a person: a buddy is one person, named by their id or name in `people`")
        elif buddy is None:
            problem(("people", index, "buddy"), f"'{person.buddy}' is not a person on the team{_hint(person.buddy, [*ids, *(p.name for p in team.people)])}: use the id or name of someone in `people`")
        elif buddy == person.key:
            problem(("people", index, "buddy"), "a person cannot be their own buddy: name someone else in `people`")
    for ritual, slot in team.rhythm.items():
        if ritual not in rituals:
            problem(("rhythm", ritual), f"unknown ritual '{ritual}'{_hint(ritual, rituals)}: ritual ids are the file names in docs/rituals/")
        elif isinstance(slot, Slot):
            for field, message in slot_problems(slot, catalog.by_stem(recurring())[ritual].meta.cadence):
                problem(("rhythm", ritual, field) if field else ("rhythm", ritual), message)
    for index, page in enumerate(team.leave_out):
        if (why := leave_out_problem(page, catalog)) is not None:
            problem(("leave_out", index), why)
    return problems


def leave_out_problem(path: str, catalog: Catalog) -> str | None:
    """Why the team file cannot leave this page out, or None: a page the handbook has, and one a team can do without."""
    entry = catalog.entries.get(path)
    if entry is None:
        return f"no page docs/{path}{_hint(path, catalog.entries)}: give the path of one of the handbook's pages under docs/"
    kind = page_type(entry.type)
    if kind.start:
        return "the home page cannot be left out: every site opens on it"
    if entry.type == "role":
        return f"'{entry.stem}' is a role: leave a role out by listing the team's roles under `roles` without it"
    if kind.recurs:
        return f"'{entry.stem}' is a ritual: leave it out with `{entry.stem}: false` under `rhythm`"
    return None


def slot_problems(slot: Slot, page_cadence: str) -> list[tuple[str | None, str]]:
    """(field, or None for the ritual's own line; message) for a ritual's time in the team file that makes no one schedule."""
    found: list[tuple[str | None, str]] = []
    cadence = slot.cadence or page_cadence
    if slot.day is not None and slot.days:
        found.append(("days", "give `day` for one weekday or `days` for several, not both"))
    days = slot.days or ([slot.day] if slot.day else [])
    if not days and cadence != "daily":
        found.append((None, 'give the `day` (or `days`) it is held on, such as {day: thursday, time: "15:00"}'))
    if cadence in ("per-release", "as-needed"):
        found.append(("cadence" if slot.cadence else "time",
                      f"a ritual held {CADENCE_WORDS[cadence]} has no fixed place in the week: write `true` for it, or give the `cadence` the team holds it at, such as weekly"))
    if slot.first is not None:
        weekday = WEEKDAY_NAMES[slot.first.weekday()]
        if weekday not in (days or WEEKDAY_NAMES[:5]):
            held_on = " or ".join(days) if days else "a working day"
            found.append(("first", f"{slot.first.isoformat()} is a {weekday.capitalize()}, but the ritual is held on {held_on}: give a date on one of its days"))
    return found


def load_team(
    path: Path, label: str, catalog: Catalog, root: Path | None = None, environ: Mapping[str, str] = os.environ,
) -> TeamFile | None:
    """The team file checked on its own and against the pages; None without one; ContentError with every problem.
    With `root`, the project: the file must be inside it, and the environment's settings are checked too."""
    found, problems = read_team(path, label, environ, root)
    if found is not None:
        problems = team_problems(found, catalog)
    if problems:
        raise ContentError(problems)
    return found
