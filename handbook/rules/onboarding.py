"""A role page's onboarding: the first-week reading and the 90-day checklist."""

from __future__ import annotations

import difflib

from handbook.content import frontmatter
from handbook.content.catalog import Catalog
from handbook.content.model import (
    CHECKLIST_MIN_ITEMS,
    CHECKLIST_PHASES,
    FIRST_WEEK_MAX_MINUTES,
    Role,
)
from handbook.content.problems import Problem


def _page_hint(ref: str, present: list[str]) -> str:
    close = difflib.get_close_matches(ref, [uri[: -len(".md")] for uri in present if uri.endswith(".md")], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def onboarding_problems(catalog: Catalog, uri: str, meta: Role, doc: frontmatter.Parsed, present: list[str]) -> list[Problem]:
    """The first-week path and the 90-day checklist of a role page."""
    problems: list[Problem] = []
    path = f"{catalog.docs_label}/{uri}"
    seen: set[str] = set()
    for index, ref in enumerate(meta.first_week):
        line = doc.line_of(("first_week", index))
        if f"{ref}.md" not in present:
            problems.append(Problem(path, line, "first_week", f"unknown page '{ref}'{_page_hint(ref, present)}: use folder/id of a page in {catalog.docs_label}/, e.g. practices/baseline-first"))
        elif f"{ref}.md" == uri:
            problems.append(Problem(path, line, "first_week", f"'{ref}' is this role page: the path lists the pages to read after it"))
        elif ref in seen:
            problems.append(Problem(path, line, "first_week", f"'{ref}' is listed twice: keep one"))
        seen.add(ref)
    minutes = sum(entry.minutes for ref in dict.fromkeys(meta.first_week) if (entry := catalog.get(f"{ref}.md")) is not None)
    if minutes > FIRST_WEEK_MAX_MINUTES:
        problems.append(Problem(path, doc.line_of(("first_week",)), "first_week",
                                f"about {minutes} minutes of reading; the first week holds at most {FIRST_WEEK_MAX_MINUTES}: drop a page or choose shorter ones"))
    if meta.checklist:
        line = doc.line_of(("checklist",))
        missing = [phase for phase in CHECKLIST_PHASES if phase not in meta.checklist]
        if missing:
            problems.append(Problem(path, line, "checklist", f"no actions for {', '.join(missing)}: give each of {', '.join(CHECKLIST_PHASES)} at least one"))
        count = sum(len(items) for items in meta.checklist.values())
        if count < CHECKLIST_MIN_ITEMS:
            problems.append(Problem(path, line, "checklist", f"{count} actions; give at least {CHECKLIST_MIN_ITEMS} across {', '.join(CHECKLIST_PHASES)}"))
        actions: set[str] = set()
        for phase, items in meta.checklist.items():
            for index, item in enumerate(items):
                if item.do.casefold() in actions:
                    problems.append(Problem(path, doc.line_of(("checklist", phase, index)), f"checklist.{phase}.{index}", "this action is already in the checklist: keep one"))
                actions.add(item.do.casefold())
                if item.see is not None and f"{item.see}.md" not in present:
                    problems.append(Problem(path, doc.line_of(("checklist", phase, index, "see")), f"checklist.{phase}.{index}.see",
                                            f"unknown page '{item.see}'{_page_hint(item.see, present)}: use folder/id, e.g. rituals/daily-stand-up"))
    return problems
