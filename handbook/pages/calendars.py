"""The team's rhythm as iCalendar files: /team/rhythm.ics and one per role, made with the `icalendar` library.

Each ritual the team holds on fixed days (`handbook.pages.schedule`) is one
event that recurs as the team holds it: on every weekday it lists, every week
or every second week, or on the same weekday of the month, at the team's local
time, with its length and a description linking the ritual's page. The time
zone is written as calendar programs write it (`handbook.pages.timezones`).

A calendar that is subscribed to is read again and again, so two builds must
give the same events: each UID is the ritual's id and the team's, and each
series is anchored by the team's first date or by a fixed week (see
`handbook.pages.schedule`), never by the day of the build. Rituals held before
each release or when needed follow events, not the calendar, and are left out.
Every text is escaped for iCalendar by the library (`;`, `,`, `\\` and line breaks).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vText

from handbook.content.catalog import Catalog
from handbook.content.team import TeamFile
from handbook.content.urls import page_id
from handbook.pages.schedule import ATTENDING, When, schedule
from handbook.pages.timezones import vtimezone

TEAM_CALENDAR = "team/rhythm.ics"
# The time zone is written for the years a subscribed calendar is likely to be read in.
ZONE_YEARS = 10


def role_calendar(role: str) -> str:
    return f"team/rhythm-{role}.ics"


def scheduled(catalog: Catalog, found: TeamFile) -> list[When]:
    """The rituals the team holds on fixed days that recur with the calendar, meetings only."""
    return [w for w in schedule(catalog, found) if w.recurs and w.time and w.meeting]


def calendar(found: TeamFile, whens: list[When], name: str, site_url: str, today: date, zone_part: Timezone | None = None) -> str:
    """An iCalendar file with one recurring event per ritual; `today` is the first day a series without a first date starts.
    `zone_part`: the VTIMEZONE, when the caller has made it for all its calendars (it takes a tenth of a second to check)."""
    zone_name = found.team.timezone
    zone = ZoneInfo(zone_name)
    team_id = page_id(found.team.name) or "team"
    cal = Calendar()
    cal.add("prodid", "-//Cross-Functional AI Team Handbook//Team rhythm//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # X- properties have no type of their own: written as TEXT, so the library escapes them too.
    cal.add("x-wr-calname", vText(name))
    cal.add("x-wr-timezone", vText(zone_name))
    starts = [(w, start) for w in whens if (start := w.start(today)) is not None]
    cal.add_component(zone_part or zone_of(found, whens, today))
    for when, start in starts:
        hour, minute = (int(part) for part in (when.time or "09:00").split(":"))
        event = Event()
        event.add("uid", f"{when.entry.stem}.{team_id}@handbook")
        event.add("dtstamp", datetime.combine(today, time(), ZoneInfo("UTC")))
        event.add("summary", when.entry.title)
        event.add("dtstart", datetime.combine(start, time(hour, minute), zone))
        event.add("duration", timedelta(minutes=when.minutes))
        event.add("rrule", when.rule())
        url = site_url.rstrip("/") + when.entry.url
        event.add("description", f"{when.entry.meta.summary}\n\nHow to run it: {url}")
        event.add("url", url)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def zone_of(found: TeamFile, whens: list[When], today: date) -> Timezone:
    """The team's time zone for events from the earliest series start through ZONE_YEARS after this year."""
    first_year = min([today.year, *(start.year for w in whens if (start := w.start(today)) is not None)])
    return vtimezone(found.team.timezone, first_year, today.year + ZONE_YEARS)


def calendars(catalog: Catalog, found: TeamFile, site_url: str, today: date) -> dict[str, str]:
    """Site path -> iCalendar text: the whole team's, then one per role of the team."""
    whens = scheduled(catalog, found)
    zone = zone_of(found, whens, today)
    files = {TEAM_CALENDAR: calendar(found, whens, f"{found.team.name}: rhythm", site_url, today, zone)}
    for role in catalog.of_type("role"):
        if found.team.has_role(role.stem):
            mine = [w for w in whens if w.meta.roles.get(role.stem) in ATTENDING]
            files[role_calendar(role.stem)] = calendar(found, mine, f"{found.team.name}: {role.title}", site_url, today, zone)
    return files
