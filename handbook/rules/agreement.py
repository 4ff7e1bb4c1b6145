"""One answer per question: pages that take part in the same decision, or share a ritual's time, must agree.

- **A decision** (`decides` in a play's front matter) is made by one role: every
  page that names it has the same accountable role. Its outcomes are given on
  one page, the decision's owner; every other page that names it links there.
- **A ritual's time**: a timed agenda (the Minutes table under `## Agenda`)
  adds up to `duration_minutes`, and a ritual that takes a slot in another
  (`held_within`) has a row of that length in the other's agenda, linked to it.

Each disagreement is one problem on the page where it can be settled.
"""

from __future__ import annotations

from collections.abc import Mapping

from handbook.content import frontmatter
from handbook.content.agendas import timed_agenda
from handbook.content.catalog import Catalog, Entry
from handbook.content.model import Play, Ritual
from handbook.content.problems import Problem
from handbook.content.types import recurring


def agreement_problems(catalog: Catalog, docs: Mapping[str, frontmatter.Parsed]) -> list[Problem]:
    return decision_problems(catalog, docs) + agenda_problems(catalog, docs)


def _path(catalog: Catalog, entry: Entry) -> str:
    return f"{catalog.docs_label}/{entry.src_uri}"


# --- decisions -------------------------------------------------------------------------


def decision_problems(catalog: Catalog, docs: Mapping[str, frontmatter.Parsed]) -> list[Problem]:
    """Every decision named on more than one page: one accountable role, outcomes given once, the others link to them."""
    named: dict[str, list[tuple[Entry, int]]] = {}
    for entry in catalog.entries.values():
        if isinstance(entry.meta, Play):
            for index, decision in enumerate(entry.meta.decides):
                named.setdefault(decision.id, []).append((entry, index))
    problems: list[Problem] = []
    for decision, pages in sorted(named.items()):
        where = {entry.src_uri: docs[entry.src_uri].line_of(("decides", index, "id")) for entry, index in pages}
        owners = [(entry, index) for entry, index in pages if entry.meta.decides[index].outcomes]
        owner = owners[0][0] if owners else None
        first = owner or pages[0][0]
        for entry, index in owners[1:]:
            theirs, mine = owner.meta.decides[[d.id for d in owner.meta.decides].index(decision)].outcomes, entry.meta.decides[index].outcomes
            if [o.casefold() for o in mine] != [o.casefold() for o in theirs]:
                message = (f"the outcomes of '{decision}' are {_listed(theirs)} on {_path(catalog, owner)} but {_listed(mine)} here: "
                           "decide them once, there, and link to it")
            else:
                message = f"the outcomes of '{decision}' are already given on {_path(catalog, owner)}: give them once, there, and link to it"
            problems.append(Problem(_path(catalog, entry), docs[entry.src_uri].line_of(("decides", index, "outcomes")), "decides", message))
        for entry, _ in pages:
            if entry is first:
                continue
            if entry.meta.accountable != first.meta.accountable:
                problems.append(Problem(
                    _path(catalog, entry), where[entry.src_uri], "decides",
                    f"'{decision}' is made by the {_role(catalog, first.meta.accountable)} on {_path(catalog, first)} but by the "
                    f"{_role(catalog, entry.meta.accountable)} here (the accountable role): one role makes a decision, so make them agree"))
            if owner is not None and entry not in [e for e, _ in owners] and owner.src_uri not in entry.links:
                problems.append(Problem(_path(catalog, entry), where[entry.src_uri], "decides",
                                        f"'{decision}' is owned by {_path(catalog, owner)}, which gives its outcomes: link to it from this page"))
    return problems


def _listed(outcomes: list[str]) -> str:
    return ", ".join(f"'{o}'" for o in outcomes)


def _role(catalog: Catalog, role: str | None) -> str:
    entry = catalog.by_stem("role").get(role or "")
    if entry is None:
        return f"role '{role}'"
    first, _, rest = entry.title.partition(" ")
    return " ".join([first if sum(c.isupper() for c in first) > 1 else first.lower(), rest]).strip()


# --- a ritual's time -------------------------------------------------------------------


def agenda_problems(catalog: Catalog, docs: Mapping[str, frontmatter.Parsed]) -> list[Problem]:
    """Timed agendas that do not add up to their ritual's length, once the slots other rituals take in them are counted."""
    rituals = {e.stem: e for e in catalog.of_type(recurring()) if isinstance(e.meta, Ritual)}
    claims: dict[str, list[Entry]] = {}
    problems: list[Problem] = []
    for entry in rituals.values():
        slot = entry.meta.held_within
        if slot is None:
            continue
        if slot.ritual not in rituals or slot.ritual == entry.stem:
            problems.append(Problem(_path(catalog, entry), docs[entry.src_uri].line_of(("held_within", "ritual")), "held_within",
                                    f"'{slot.ritual}' is not another ritual: give the id of the ritual whose time this one takes a slot in"))
            continue
        claims.setdefault(slot.ritual, []).append(entry)
    for stem, entry in rituals.items():
        agenda = timed_agenda(entry.src_uri, entry.body)
        length = entry.meta.duration_minutes
        if agenda is None:
            for guest in claims.get(stem, []):
                if guest.meta.held_within.minutes > length:
                    problems.append(Problem(_path(catalog, guest), docs[guest.src_uri].line_of(("held_within", "minutes")), "held_within",
                                            f"{guest.meta.held_within.minutes} minutes do not fit in the {length} minutes of {_path(catalog, entry)}"))
            continue
        line = entry.body_line + agenda.line
        total, parts = agenda.minutes, [f"the timed agenda adds up to {agenda.minutes} minutes"]
        for guest in claims.get(stem, []):
            slot = guest.meta.held_within
            if any(guest.src_uri in row.links and row.minutes == slot.minutes for row in agenda.rows):
                continue
            every = "every time" if slot.every == 1 else "every second time" if slot.every == 2 else f"every {slot.every}th time"
            parts.append(f"{_path(catalog, guest)} takes {slot.minutes} minutes of it {every} with no row for it")
            total += slot.minutes
        if total != length:
            summary = "; ".join(parts) + (f", {total} in all" if len(parts) > 1 else "")
            fix = "give the slot a row of its length in the agenda, linked to its page, and shorten the others" if len(parts) > 1 else "make them agree"
            problems.append(Problem(_path(catalog, entry), line, "agenda", f"{summary}, but duration_minutes is {length}: {fix}"))
    return problems
