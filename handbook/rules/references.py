"""The rules between pages: every id a page names exists, titles are unique, one role is accountable."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from handbook.content import frontmatter
from handbook.content.catalog import TAGS_FILE, Parsed
from handbook.content.fields import INVOLVEMENT_LEVELS
from handbook.content.health_check import HealthCheck
from handbook.content.model import Glossary, Ritual, Role, WithRoles
from handbook.content.problems import Problem
from handbook.content.references import references
from handbook.content.team import TEAM_SOURCE
from handbook.content.types import cited, page_type
from handbook.rules.agreement import agreement_problems
from handbook.rules.anatomy import anatomy_problems, outside_asset_problems, unsafe_link_problems
from handbook.rules.glossary import glossary_problems
from handbook.rules.health_check import health_check_problems
from handbook.rules.onboarding import onboarding_problems
from handbook.rules.plays import play_problems

# Cadences on which a usual weekday means something.
_DAY_CADENCES = ("weekly", "fortnightly", "monthly", "per-sprint")
_RACI = ", ".join(INVOLVEMENT_LEVELS)
_ROLE_WHERE = {("owner",): "the owner is a role id, a file name in docs/roles/"}


def _ids(present: Iterable[str], folder: str) -> set[str]:
    return {uri[len(folder) + 1 : -len(".md")] for uri in present if uri.startswith(f"{folder}/") and uri.count("/") == 1}


def cross_problems(parsed: Parsed) -> list[Problem]:
    """Every rule between pages: known ids, unique titles, one accountable role, anatomies, onboarding, plays."""
    catalog, docs, present = parsed.catalog, parsed.docs, list(parsed.present)
    # Ids come from the files present, so one invalid page does not make every reference to it fail too.
    problems: list[Problem] = []
    roles = _ids(present, "roles")
    sources = _ids(present, page_type(cited()).folder)
    titles: dict[str, str] = {}
    pages = {uri[: -len(".md")] for uri in present}

    def check(uri: str, loc: tuple[str | int, ...], value: str, known: Iterable[str], what: str, where: str) -> None:
        if value not in known:
            close = difflib.get_close_matches(value, list(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(f"{catalog.docs_label}/{uri}", docs[uri].line_of(loc), loc[0] if isinstance(loc[0], str) else what,
                                    f"unknown {what} '{value}'{hint}: {where}"))

    for uri, entry in catalog.entries.items():
        meta, path = entry.meta, f"{catalog.docs_label}/{uri}"
        folded = meta.title.casefold()
        if folded in titles:
            problems.append(Problem(path, docs[uri].line_of(("title",)), "title", f"'{meta.title}' is already the title of {catalog.docs_label}/{titles[folded]}"))
        else:
            titles[folded] = uri
        for index, tag in enumerate(getattr(meta, "tags", []) if catalog.tags_read else []):
            check(uri, ("tags", index), tag, catalog.tags, "tag", f"tags are listed in {catalog.docs_label}/{TAGS_FILE}")
        for index, source in enumerate(getattr(meta, "sources", []) if not page_type(entry.type).cited else []):
            # A page the team writes may cite the team's own decision instead of a source document.
            check(uri, ("sources", index), source, sources | {TEAM_SOURCE}, "source",
                  f"source ids are the file names in docs/sources/, or '{TEAM_SOURCE}' for the team's own decision")
        # Every field typed as a role id (owner, roles, parties, involved, concerns, an exercise's parts), found by its type.
        for loc, role in references(meta, "roles"):
            check(uri, loc, role, roles, "role", _ROLE_WHERE.get(loc, "role ids are the file names in docs/roles/"))
        if isinstance(meta, WithRoles) and (problem := _accountable_problem(meta, docs[uri], path)) is not None:
            problems.append(problem)
        if isinstance(meta, Ritual) and meta.day is not None and meta.cadence not in _DAY_CADENCES:
            problems.append(Problem(path, docs[uri].line_of(("day",)), "day",
                                    f"a ritual held {meta.cadence.replace('-', ' ')} has no usual weekday: remove the line"
                                    f" (a day goes with the cadences {', '.join(_DAY_CADENCES)})"))
        problems += anatomy_problems(entry.type, entry.body, docs[uri].body_line, path)
        problems += outside_asset_problems(entry.body, docs[uri].body_line, path)
        problems += unsafe_link_problems(entry.body, docs[uri].body_line, path)
        if isinstance(meta, Glossary):
            problems += glossary_problems(catalog, uri, meta, docs[uri], sources, present)
        if isinstance(meta, HealthCheck):
            problems += health_check_problems(path, meta, docs[uri], sources, present)
        problems += play_problems(entry, docs[uri], path, check, pages)
        if isinstance(meta, Role):
            problems += onboarding_problems(catalog, uri, meta, docs[uri], present)
    return problems + agreement_problems(catalog, docs)


def _accountable_problem(meta: WithRoles, doc: frontmatter.Parsed, path: str) -> Problem | None:
    owners = [role for role, level in meta.roles.items() if level == "accountable"]
    if len(owners) == 1:
        return None
    if not owners:
        return Problem(path, doc.line_of(("roles",)), "roles",
                       f"no role is accountable: mark exactly one role 'accountable' (the one who owns the outcome); levels are {_RACI}")
    return Problem(path, doc.line_of(("roles", owners[1])), "roles",
                   f"{len(owners)} roles are accountable ({', '.join(owners)}): exactly one may be; make the others responsible or consulted")
