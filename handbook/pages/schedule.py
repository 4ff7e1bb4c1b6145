"""When each ritual is held: as its page says, or as the team file says for a ritual the team holds.

A `When` is the one answer that the rhythm page, the team page, the team's note
on a ritual's page, each role's meeting hours and the calendars all read: the
cadence, the weekdays (all five for a daily ritual), the length, the team's
time and first date, and which of these the team set (the others are the
page's, and are labelled so).

A ritual that recurs every few weeks or months needs a fixed first occurrence,
or two builds a week apart would put it in different weeks. It is the team's
`first` date when given; without one, the weeks are counted from Monday
1 January 2024 (`EPOCH`) and a monthly ritual falls on the first of its
weekdays in the month, so every build gives the same dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import get_args

from dateutil import rrule

from handbook.content.catalog import Catalog, Entry
from handbook.content.fields import Weekday
from handbook.content.model import Ritual
from handbook.content.team import TeamFile
from handbook.content.types import recurring

WEEKDAYS: tuple[str, ...] = get_args(Weekday)
# The handbook recommends two-week sprints (see the note on cycle length in
# docs/rituals/weekly-planning.md), so a per-sprint ritual happens every other week.
SPRINT_WEEKS = 2
# How often a cadence falls in an average working week. A month is taken as
# four weeks, so monthly is a little under its true 12/52, and a quarter as
# twelve weeks (three such months), so quarterly is a little over its true 4/52.
PER_WEEK: dict[str, Fraction | None] = {
    "daily": Fraction(5),
    "weekly": Fraction(1),
    "fortnightly": Fraction(1, 2),
    "monthly": Fraction(1, 4),
    "quarterly": Fraction(1, 12),
    "per-sprint": Fraction(1, SPRINT_WEEKS),
    "per-release": None,
    "as-needed": None,
}
CADENCE_LABELS = {
    "daily": "every working day",
    "weekly": "weekly",
    "fortnightly": "every two weeks",
    "monthly": "monthly",
    "quarterly": "every quarter",
    "per-sprint": "once a sprint",
    "per-release": "before each release",
    "as-needed": "when needed",
}
# Weeks between two occurrences of a ritual that recurs by the week, and months for one that recurs by the month.
WEEKS = {"daily": 1, "weekly": 1, "fortnightly": 2, "per-sprint": SPRINT_WEEKS}
MONTHS = {"monthly": 1, "quarterly": 3}
# Where the count of weeks and months starts when the team gives no first date: the same for every build.
EPOCH = date(2024, 1, 1)
CODES = ("MO", "TU", "WE", "TH", "FR")
# RACI levels whose holders are in the room; informed roles hear the outcome afterwards.
ATTENDING = ("accountable", "responsible", "consulted")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


@dataclass(frozen=True)
class When:
    entry: Entry
    cadence: str
    days: tuple[str, ...]  # in week order; () when it has no fixed weekday
    minutes: int
    time: str | None = None  # "HH:MM", the team's
    first: date | None = None  # the team's first date
    set_by_team: frozenset[str] = frozenset()  # of "cadence", "days", "duration_minutes"
    team: bool = False  # read from a team file: what the team did not set is the page's default

    @property
    def meta(self) -> Ritual:
        return self.entry.meta

    @property
    def meeting(self) -> bool:
        return self.meta.meeting

    @property
    def per_week(self) -> Fraction | None:
        """Occurrences in an average week; None for a ritual that follows events, not the calendar."""
        times = PER_WEEK[self.cadence]
        if times is None or self.cadence == "daily":
            return times
        return times * max(1, len(self.days))

    @property
    def weekly_minutes(self) -> Fraction | None:
        """Meeting minutes it takes from each attendee in an average week, or None if it is not counted."""
        times = self.per_week
        return None if times is None or not self.meeting else self.minutes * times

    def default(self, field: str) -> bool:
        """A value the team file did not set: the ritual page's."""
        return self.team and field not in self.set_by_team

    def suggested(self, field: str) -> bool:
        """A value that is the handbook's own suggestion (no source gives one), not the team's."""
        return field not in self.set_by_team and field in self.meta.suggested

    # --- the calendar ---------------------------------------------------------

    @property
    def recurs(self) -> bool:
        """Held on fixed weekdays that the calendar can repeat (not before each release or when needed)."""
        return bool(self.days) and (self.cadence in WEEKS or self.cadence in MONTHS)

    @property
    def nth(self) -> int:
        """Which of its weekdays in the month a monthly or quarterly ritual takes: 1 to 4, or -1 for the last."""
        if self.first is None:
            return 1
        n = (self.first.day - 1) // 7 + 1
        return -1 if n == 5 else n

    def rule(self) -> dict[str, object]:
        """The recurrence, as iCalendar's RRULE writes it (icalendar takes this mapping)."""
        if self.cadence in MONTHS:
            return {"freq": "monthly", "interval": MONTHS[self.cadence], "byday": [f"{self.nth}{CODES[WEEKDAYS.index(d)]}" for d in self.days], "wkst": "MO"}
        return {"freq": "weekly", "interval": WEEKS[self.cadence], "byday": [CODES[WEEKDAYS.index(d)] for d in self.days], "wkst": "MO"}

    def _dates(self) -> rrule.rrule:
        """The same recurrence as `rule`, from its anchor: the team's first date, else the first occurrence from EPOCH."""
        weekdays = [getattr(rrule, CODES[WEEKDAYS.index(d)]) for d in self.days]
        if self.cadence in MONTHS:
            days = [weekday(self.nth) for weekday in weekdays]
            anchor = self.first or EPOCH
            return rrule.rrule(rrule.MONTHLY, interval=MONTHS[self.cadence], byweekday=days, dtstart=_midnight(anchor), wkst=rrule.MO)
        return rrule.rrule(rrule.WEEKLY, interval=WEEKS[self.cadence], byweekday=weekdays, dtstart=_midnight(self.first or EPOCH), wkst=rrule.MO)

    def next_on(self, today: date) -> date | None:
        """The first day on or after `today` that it is held, or None if it does not recur with the calendar."""
        if not self.recurs:
            return None
        found = self._dates().after(_midnight(today), inc=True)
        return found.date() if found else None

    def start(self, today: date) -> date | None:
        """The first day of its calendar series: the team's first date, else its next day from `today`. Either way the
        days from `today` on are the same in every build, and so are the events a calendar shows."""
        return self.first if self.first is not None and self.recurs else self.next_on(today)

    # --- words ------------------------------------------------------------------

    def often(self) -> str:
        """How often, in words: "every Monday, Wednesday and Friday", "the second Thursday of each month"."""
        days = [d.capitalize() for d in self.days]
        if not days or self.cadence in ("per-release", "as-needed"):
            return CADENCE_LABELS[self.cadence]
        if self.cadence == "daily" or len(days) == len(WEEKDAYS) and self.cadence == "weekly":
            return CADENCE_LABELS["daily"]
        if self.cadence == "weekly":
            return "every " + _joined(days)
        if self.cadence == "fortnightly":
            return "every other " + _joined(days)
        if self.cadence == "per-sprint":
            return f"once a sprint, every other {_joined(days)}"
        of = "of each month" if self.cadence == "monthly" else "every three months"
        if self.cadence == "quarterly" and self.first is None:
            of = "of January, April, July and October"
        return f"the {ORDINALS[self.nth]} {_joined(days)} {of}"


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def page_when(entry: Entry) -> When:
    """As the ritual's page says: its cadence, its usual day (every weekday for a daily one) and its length."""
    meta = entry.meta
    days = WEEKDAYS if meta.cadence == "daily" else ((meta.day,) if meta.day else ())
    return When(entry, meta.cadence, days, meta.duration_minutes)


def team_when(entry: Entry, found: TeamFile) -> When:
    """As the team holds it: the team's days, time, cadence, length and first date, the page's for the rest.

    A daily ritual given some weekdays is held weekly on those days; given all five, daily.
    """
    meta = entry.meta
    slot = found.team.slot(entry.stem)
    if slot is None:  # `true`: held, with no fixed day or time
        return When(entry, meta.cadence, (), meta.duration_minutes, team=True)
    given = slot.days or ([slot.day] if slot.day else [])
    days = tuple(d for d in WEEKDAYS if d in given) or (WEEKDAYS if meta.cadence == "daily" else ())
    cadence = slot.cadence or meta.cadence
    chosen = {"days"} if given else set()
    if cadence == "daily" and len(days) < len(WEEKDAYS):
        cadence = "weekly"
    elif cadence == "weekly" and len(days) == len(WEEKDAYS) and meta.cadence == "daily" and not slot.cadence:
        cadence = "daily"
    if slot.cadence or cadence != meta.cadence:
        chosen.add("cadence")
    if slot.duration_minutes:
        chosen.add("duration_minutes")
    return When(entry, cadence, days, slot.duration_minutes or meta.duration_minutes, slot.time, slot.first, frozenset(chosen), team=True)


def schedule(catalog: Catalog, found: TeamFile | None = None) -> list[When]:
    """Every ritual of the catalog as its page says; with a team file, the rituals the team holds, as it holds them."""
    rituals = [e for e in catalog.of_type(recurring()) if isinstance(e.meta, Ritual)]
    if found is None:
        return [page_when(e) for e in rituals]
    return [team_when(e, found) for e in rituals if found.team.holds(e.stem)]


def by_stem(whens: Iterable[When]) -> dict[str, When]:
    return {w.entry.stem: w for w in whens}


def working_days(start: date, count: int) -> list[date]:
    """The first `count` working days from `start` on."""
    days, day = [], start
    while len(days) < count:
        if day.weekday() < len(WEEKDAYS):
            days.append(day)
        day += timedelta(1)
    return days
