"""The team page (/team/) and a personal onboarding page per new starter (/team/<person-id>/).

Both are made only when a team file exists. Names are the team's own words:
they go into the pages through the HTML templates' escaping, and into titles
escaped, since themes print titles as they are. With HANDBOOK_PUBLIC the team
file's people are left out, so neither page names anyone.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from datetime import date, timedelta

from handbook.content.catalog import Catalog, Entry
from handbook.content.model import CHECKLIST_LABELS
from handbook.content.onboarding import checklist_id, long_date
from handbook.content.team import Person, TeamFile
from handbook.content.types import recurring
from handbook.content.urls import Linker
from handbook.pages.calendars import TEAM_CALENDAR, role_calendar, scheduled
from handbook.pages.render import escape, render_html
from handbook.pages.rhythm import PAGE_DEFAULT_NOTE, core_rituals, duration_text, role_times, when_length, when_often
from handbook.pages.schedule import WEEKDAYS, When, schedule, working_days
from handbook.pages.team_view import ONBOARDING_DAYS, is_lead, onboarding, person, seats, team_actions, team_first_week

TEAM_PAGE = "team/index.md"
PHASE_DAYS = {"first-30-days": 30, "first-60-days": 60, "first-90-days": ONBOARDING_DAYS}
# The first week's reading is spread over this many working days (the handbook's suggestion).
FIRST_WEEK_DAYS = 5


def person_page(found: TeamFile, someone: Person) -> str:
    return f"team/{someone.key}.md"


def team_markdown(found: TeamFile) -> str:
    return (
        f"How {escape(found.team.name)} works: who holds each role, the week at the team's local times, each role's meeting "
        "hours, the calendars to subscribe to and where the team talks. Each ritual links to how to run it; each new starter has a page of their own.\n"
    )


@dataclass(frozen=True)
class Address:
    """Where a calendar is: the file beside the page, and with a known site address the addresses to subscribe to."""

    label: str
    path: str
    https: str | None
    webcal: str | None


def addresses(found: TeamFile, view: Catalog, site_url: str | None) -> list[Address]:
    base = site_url.rstrip("/") + "/" if site_url else None
    found_roles = [r for r in view.of_type("role") if found.team.has_role(r.stem)]
    listed = [("The whole team", TEAM_CALENDAR)] + [(r.title, role_calendar(r.stem)) for r in found_roles]
    return [
        Address(label, path, base + path if base else None, "webcal://" + (base + path).split("://", 1)[1] if base else None)
        for label, path in listed
    ]


def team_html(catalog: Catalog, view: Catalog, found: TeamFile, link: Linker, today: date, site_url: str | None) -> str:
    """The team page's sections; `site_url` is the site's address when the team (or HANDBOOK_SITE_URL) gives one."""
    whens = schedule(view, found)
    timed = [w for w in whens if w.days and w.time]
    held = {w.entry.stem for w in whens}
    # The core rituals (front matter `core`) are the handbook's suggestion for every team.
    suggested = [e for e, _ in core_rituals(view) if e.stem not in held]
    dropped = [e for e in catalog.of_type(recurring()) if found.team.drops(e.stem)]
    listed = held | {e.stem for e in suggested} | {e.stem for e in dropped}
    return render_html(
        "team.html.j2",
        link=link,
        public=found.public,
        seats=seats(view, found),
        buddy_name=lambda p: (buddy.name if (buddy := person(found, p.buddy)) else p.buddy),
        long_date=long_date,
        today=today,
        has_page=lambda p: onboarding(p, today),
        timezone=found.team.timezone,
        week=[(day, sorted(((w, _next(w, today)) for w in timed if day in w.days), key=lambda pair: pair[0].time or "")) for day in WEEKDAYS],
        untimed=[w for w in whens if not (w.days and w.time)],
        suggested=suggested,
        dropped=dropped,
        others=len([e for e in view.of_type(recurring()) if e.stem not in listed]),
        times=role_times(view, whens),
        calendared=len(scheduled(view, found)),
        addresses=addresses(found, view, site_url),
        duration=duration_text,
        length=when_length,
        often=when_often,
        default_note=PAGE_DEFAULT_NOTE if any(w.default("cadence") or w.default("duration_minutes") for w in whens) else None,
        channels=found.team.channels,
    )


def _next(when: When, today: date) -> date | None:
    """The next date of a ritual that is not held every week, so the team can see which week it falls in."""
    if when.cadence in ("daily", "weekly"):
        return None
    return when.next_on(today)


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


def person_html(catalog: Catalog, found: TeamFile, someone: Person, link: Linker, today: date) -> str:
    """A starter's page: their first week and 90-day checklist as this team has them (no ritual it does not hold)."""
    role = catalog.by_stem("role")[someone.role]
    assert someone.start is not None
    phases = [
        (CHECKLIST_LABELS[phase], someone.start + timedelta(PHASE_DAYS[phase]), [
            (checklist_id(f"{someone.key}-{role.stem}", phase, action.item.do), action) for action in actions
        ])
        for phase, actions in team_actions(catalog, found, role)
    ]
    return render_html(
        "person.html.j2",
        link=link,
        person=someone,
        started=someone.start <= today,
        role=role,
        long_date=long_date,
        buddy=person(found, someone.buddy) if someone.buddy else None,
        leads=[p for p in found.people if p.key != someone.key and is_lead(catalog.by_stem("role").get(p.role))],
        calendar=role_calendar(someone.role),
        timezone=found.team.timezone,
        channels=found.team.channels,
        days=spread(team_first_week(catalog, found, role), someone.start),
        phases=phases,
        count=sum(len(items) for _, _, items in phases),
    )


def person_title(someone: Person) -> str:
    # Themes print titles as they are: the name is escaped here, once.
    return f"Welcome, {html.escape(someone.name, quote=False)}"
