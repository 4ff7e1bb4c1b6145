"""The team file against the pages: known roles and rituals, people with one id each, buddies who are people."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from handbook.content.catalog import Catalog
from handbook.content.problems import ContentError, Problem
from handbook.content.team import TeamFile, read_team


def _hint(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def team_problems(found: TeamFile, catalog: Catalog) -> list[Problem]:
    team, path = found.team, found.path
    roles = set(catalog.by_stem("role"))
    rituals = set(catalog.by_stem("ritual"))
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
    names = {person.name.casefold(): person.key for person in team.people}
    for index, person in enumerate(team.people):
        if person.role not in roles:
            problem(("people", index, "role"), f"unknown role '{person.role}'{_hint(person.role, roles)}: role ids are the file names in docs/roles/")
        elif person.role not in team_roles:
            problem(("people", index, "role"), f"'{person.role}' is not one of the team's roles: add it to `roles` or give another role")
        if person.key in ids:
            problem(("people", index, "name"), f"two people have the id '{person.key}' (the first is person {ids[person.key]}): give one of them an `id`")
        ids.setdefault(person.key, index)
    for index, person in enumerate(team.people):
        if person.buddy is None:
            continue
        buddy = person.buddy if person.buddy in ids else names.get(person.buddy.casefold())
        if buddy is None:
            problem(("people", index, "buddy"), f"'{person.buddy}' is not a person on the team{_hint(person.buddy, [*ids, *(p.name for p in team.people)])}: use the id or name of someone in `people`")
        elif buddy == person.key:
            problem(("people", index, "buddy"), "a person cannot be their own buddy: name someone else in `people`")
    for ritual, slot in team.rhythm.items():
        if ritual not in rituals:
            problem(("rhythm", ritual), f"unknown ritual '{ritual}'{_hint(ritual, rituals)}: ritual ids are the file names in docs/rituals/")
        elif slot is not False and slot.day is None and not slot.days:
            cadence = slot.cadence or catalog.by_stem("ritual")[ritual].meta.cadence
            if cadence != "daily":
                problem(("rhythm", ritual), "give the `day` (or `days`) it is held on, such as {day: thursday, time: \"15:00\"}")
    return problems


def load_team(path: Path, label: str, catalog: Catalog) -> TeamFile | None:
    """The team file checked on its own and against the pages; None without one; ContentError with every problem."""
    found, problems = read_team(path, label)
    if found is not None:
        problems = team_problems(found, catalog)
    if problems:
        raise ContentError(problems)
    return found
