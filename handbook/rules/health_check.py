"""The health check's attributes: unique ids and names, known sources, plays that are pages a team can act on."""

from __future__ import annotations

import difflib

from handbook.content import frontmatter
from handbook.content.health_check import HealthCheck
from handbook.content.problems import Problem
from handbook.content.types import prescribed


def _play_kinds() -> str:
    """ "a ritual, practice, ... or field report": the types the registry lets a health check prescribe."""
    labels = [t.singular[0].lower() + t.singular[1:] for t in prescribed()]
    return f"a {', '.join(labels[:-1])} or {labels[-1]}"


def health_check_problems(
    path: str, meta: HealthCheck, doc: frontmatter.Parsed, sources: set[str], present: list[str]
) -> list[Problem]:
    problems: list[Problem] = []
    pages = sorted(uri[: -len(".md")] for uri in present if uri.endswith(".md"))
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for index, attribute in enumerate(meta.attributes):
        where = ("attributes", index)
        name = f"attributes.{index}"
        if attribute.id in ids:
            problems.append(Problem(path, doc.line_of((*where, "id")), f"{name}.id", f"'{attribute.id}' is already the id of attribute {ids[attribute.id]}: give each attribute its own"))
        ids.setdefault(attribute.id, index)
        folded = attribute.name.casefold()
        if folded in names:
            problems.append(Problem(path, doc.line_of((*where, "name")), f"{name}.name", f"'{attribute.name}' is already the name of attribute {names[folded]}"))
        names.setdefault(folded, index)
        for number, source in enumerate(attribute.sources):
            line = doc.line_of((*where, "sources", number))
            if source not in sources:
                close = difflib.get_close_matches(source, sorted(sources), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(path, line, f"{name}.sources", f"unknown source '{source}'{hint}: source ids are the file names in docs/sources/"))
            elif source not in meta.sources:
                problems.append(Problem(path, line, f"{name}.sources", f"'{source}' is not among the page's sources: add it to `sources` so the page cites it"))
        seen: set[str] = set()
        for number, play in enumerate(attribute.plays):
            line = doc.line_of((*where, "plays", number, "see"))
            field = f"{name}.plays.{number}.see"
            folder = play.see.split("/", 1)[0]
            if f"{play.see}.md" not in present:
                close = difflib.get_close_matches(play.see, pages, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(path, line, field, f"unknown page '{play.see}'{hint}: use folder/id of an existing page, e.g. rituals/retrospective"))
            elif folder not in {t.folder for t in prescribed()}:
                problems.append(Problem(path, line, field, f"'{play.see}' is not a page a team can act on: a play is {_play_kinds()}"))
            if play.see in seen:
                problems.append(Problem(path, line, field, f"'{play.see}' is already a play of this attribute: keep one"))
            seen.add(play.see)
    return problems
