"""The team's rhythm as iCalendar files: /team/rhythm.ics and one per role, made with the `icalendar` library.

Each ritual the team schedules (a time in team.yml's `rhythm`) is one event
that recurs by its cadence, at the team's local time in its time zone, with
its length and a description linking the ritual's page. UIDs are the ritual's
id and the team's, so importing the file again updates the events instead of
adding copies. A month counts as four weeks, as on the rhythm page, so a
monthly ritual recurs every fourth week; rituals held per release or when
needed follow events, not the calendar, and are left out.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from handbook.content.catalog import Catalog, Entry
from handbook.content.team import TeamFile
from handbook.content.urls import page_id
from handbook.pages.rhythm import ATTENDING, SPRINT_WEEKS
from handbook.pages.team_view import WEEKDAYS

CODES = ("MO", "TU", "WE", "TH", "FR")
# Weeks between two occurrences, by cadence; "daily" is every weekday of every week.
INTERVAL = {"daily": 1, "weekly": 1, "fortnightly": 2, "per-sprint": SPRINT_WEEKS, "monthly": 4}
TEAM_CALENDAR = "team/rhythm.ics"


def role_calendar(role: str) -> str:
    return f"team/rhythm-{role}.ics"


def scheduled(catalog: Catalog, found: TeamFile) -> list[Entry]:
    """The rituals of the team's catalog that have a time in team.yml and recur with the calendar."""
    rhythm = found.team.rhythm
    return [e for e in catalog.of_type("ritual") if rhythm.get(e.stem) and e.meta.cadence in INTERVAL and e.meta.meeting]


def scheduled_ids(catalog: Catalog, found: TeamFile) -> set[str]:
    """The ids of the rituals in the team's calendars: its meeting time counts these alone."""
    return {e.stem for e in scheduled(catalog, found)}


def _days(entry: Entry) -> list[str]:
    return list(WEEKDAYS) if entry.meta.cadence == "daily" else [entry.meta.day or "monday"]


def _first(start: date, days: list[str]) -> date:
    """The first day on or after `start` that is one of `days`."""
    wanted = {WEEKDAYS.index(day) for day in days}
    return next(start + timedelta(n) for n in range(7) if (start + timedelta(n)).weekday() in wanted)


def calendar(catalog: Catalog, found: TeamFile, entries: list[Entry], name: str, site_url: str, today: date) -> str:
    """An iCalendar file with one recurring event per ritual; `today` is the first day the events can start."""
    zone = ZoneInfo(found.team.timezone)
    team_id = page_id(found.team.name) or "team"
    cal = Calendar()
    cal.add("prodid", "-//Cross-Functional AI Team Handbook//Team rhythm//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", found.team.timezone)
    for entry in entries:
        slot = found.team.rhythm[entry.stem]
        days = _days(entry)
        hour, minute = (int(part) for part in slot.time.split(":"))
        event = Event()
        event.add("uid", f"{entry.stem}.{team_id}@handbook")
        event.add("dtstamp", datetime.combine(today, time(), ZoneInfo("UTC")))
        event.add("summary", entry.title)
        event.add("dtstart", datetime.combine(_first(today, days), time(hour, minute), zone))
        event.add("duration", timedelta(minutes=entry.meta.duration_minutes))
        event.add("rrule", {"freq": "weekly", "interval": INTERVAL[entry.meta.cadence], "byday": [CODES[WEEKDAYS.index(d)] for d in days]})
        url = site_url.rstrip("/") + entry.url
        event.add("description", f"{entry.meta.summary}\n\nHow to run it: {url}")
        event.add("url", url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def calendars(catalog: Catalog, found: TeamFile, site_url: str, today: date) -> dict[str, str]:
    """Site path -> iCalendar text: the whole team's, then one per role of the team."""
    entries = scheduled(catalog, found)
    files = {TEAM_CALENDAR: calendar(catalog, found, entries, f"{found.team.name}: rhythm", site_url, today)}
    for role in catalog.of_type("role"):
        if found.team.has_role(role.stem):
            mine = [e for e in entries if e.meta.roles.get(role.stem) in ATTENDING]
            files[role_calendar(role.stem)] = calendar(catalog, found, mine, f"{found.team.name}: {role.title}", site_url, today)
    return files
