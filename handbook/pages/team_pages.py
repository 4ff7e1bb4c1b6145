"""The team page (/team/) and a personal onboarding page per new starter (/team/<person-id>/).

Both are made only when a team file exists. Names are the team's own words:
they go into the pages through the HTML templates' escaping, and into titles
escaped, since themes print titles as they are. With HANDBOOK_PUBLIC the team
file's people are left out, so neither page names anyone.
"""

from __future__ import annotations

import html
import math
from datetime import date, timedelta

from handbook.content.catalog import Catalog, Entry
from handbook.content.model import CHECKLIST_LABELS, CHECKLIST_PHASES, Role
from handbook.content.onboarding import checklist_id, first_week, long_date
from handbook.content.team import Person, TeamFile
from handbook.content.urls import Linker
from handbook.pages.calendars import TEAM_CALENDAR, role_calendar, scheduled_ids
from handbook.pages.render import escape, render_html
from handbook.pages.rhythm import cadence_text, duration_text, role_times
from handbook.pages.team_view import WEEKDAYS, is_lead, person, seats

TEAM_PAGE = "team/index.md"
PHASE_DAYS = {"first-30-days": 30, "first-60-days": 60, "first-90-days": 90}
# The first week's reading is spread over this many working days (the handbook's suggestion).
FIRST_WEEK_DAYS = 5


def person_page(found: TeamFile, someone: Person) -> str:
    return f"team/{someone.key}.md"


def team_markdown(found: TeamFile) -> str:
    return (
        f"How {escape(found.team.name)} works: who holds each role, the week at the team's local times, each role's meeting "
        "hours and where the team talks. Each ritual links to how to run it; each new starter has a page of their own.\n"
    )


def _week(view: Catalog, found: TeamFile) -> list[tuple[str, list[tuple[Entry, str]]]]:
    rhythm = found.team.rhythm
    timed = [e for e in view.of_type("ritual") if rhythm.get(e.stem)]
    days = []
    for day in WEEKDAYS:
        items = [(e, rhythm[e.stem].time) for e in timed if e.meta.cadence == "daily" or e.meta.day == day]
        days.append((day, sorted(items, key=lambda pair: pair[1])))
    return days


def team_html(catalog: Catalog, view: Catalog, found: TeamFile, link: Linker) -> str:
    rhythm = found.team.rhythm
    return render_html(
        "team.html.j2",
        link=link,
        public=found.public,
        seats=seats(view, found),
        buddy_name=lambda p: (buddy.name if (buddy := person(found, p.buddy)) else p.buddy),
        long_date=long_date,
        timezone=found.team.timezone,
        team_calendar=TEAM_CALENDAR,
        role_calendar=role_calendar,
        week=_week(view, found),
        unscheduled=[e for e in view.of_type("ritual") if not rhythm.get(e.stem) and e.meta.cadence not in ("per-release", "as-needed")],
        dropped=[e for e in catalog.of_type("ritual") if not found.team.holds(e.stem)],
        times=role_times(view, scheduled_ids(view, found)),
        duration=duration_text,
        often=cadence_text,
        channels=found.team.channels,
    )


def working_days(start: date, count: int) -> list[date]:
    days, day = [], start
    while len(days) < count:
        if day.weekday() < len(WEEKDAYS):
            days.append(day)
        day += timedelta(1)
    return days


def spread(entries: list[Entry], start: date) -> list[tuple[date, list[Entry]]]:
    """The reading in order, over the first working days, about the same minutes each day."""
    if not entries:
        return []
    share = math.ceil(sum(e.minutes for e in entries) / FIRST_WEEK_DAYS)
    days: list[list[Entry]] = [[]]
    for entry in entries:
        if days[-1] and sum(e.minutes for e in days[-1]) + entry.minutes > share and len(days) < FIRST_WEEK_DAYS:
            days.append([])
        days[-1].append(entry)
    return list(zip(working_days(start, len(days)), days, strict=True))


def person_html(catalog: Catalog, found: TeamFile, someone: Person, link: Linker) -> str:
    role = catalog.by_stem("role")[someone.role]
    meta = role.meta
    checklist = meta.checklist if isinstance(meta, Role) else {}
    phases = [
        (CHECKLIST_LABELS[phase], someone.start + timedelta(PHASE_DAYS[phase]), [
            (checklist_id(f"{someone.key}-{role.stem}", phase, item.do), item, catalog.get(f"{item.see}.md") if item.see else None)
            for item in checklist[phase]
        ])
        for phase in CHECKLIST_PHASES if phase in checklist
    ]
    return render_html(
        "person.html.j2",
        link=link,
        person=someone,
        role=role,
        long_date=long_date,
        buddy=person(found, someone.buddy) if someone.buddy else None,
        leads=[p for p in found.people if p.key != someone.key and is_lead(catalog.by_stem("role").get(p.role))],
        calendar=role_calendar(someone.role),
        timezone=found.team.timezone,
        channels=found.team.channels,
        days=spread(first_week(catalog, role), someone.start),
        phases=phases,
        count=sum(len(items) for _, _, items in phases),
    )


def person_title(someone: Person) -> str:
    # Themes print titles as they are: the name is escaped here, once.
    return f"Welcome, {html.escape(someone.name, quote=False)}"
