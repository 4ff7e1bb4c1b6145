"""A time zone as a VTIMEZONE that calendar programs all read alike.

icalendar writes a zone as the list of its transitions (RDATE), which vobject
misreads: a Lisbon stand-up came out an hour early in winter. Calendar programs
themselves write one STANDARD and one DAYLIGHT part that repeat every year, so
this module writes those, from the zone's own rule: the POSIX TZ string that
ends its tzdata file ("WET0WEST,M3.5.0/1,M10.5.0"). The rule is then checked
against zoneinfo on every day of the years the calendar spans. A zone whose
rule does not hold over those years (Morocco's moves with Ramadan every year)
keeps icalendar's list of transitions, which is right, if less widely read.
"""

from __future__ import annotations

import calendar as months
import functools
import importlib.resources
import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

CODES = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX counts weekdays from Sunday
_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"([+-]?\d{1,3}(?::\d{1,2}){0,2})"
_DATE = r"M(\d{1,2})\.(\d)\.(\d)(?:/" + _OFFSET + r")?"
_POSIX = re.compile(rf"^{_NAME}{_OFFSET}(?:{_NAME}{_OFFSET}?,{_DATE},{_DATE})?$")
_DEFAULT_AT = 2 * 3600
RULES_FROM = 2000  # a transition happens at 02:00 local time unless the rule says otherwise


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


@dataclass(frozen=True)
class _Change:
    """One yearly transition: in `month`, the `week`th (5: last) `weekday` (0: Sunday), at `at` seconds after midnight."""

    month: int
    week: int
    weekday: int
    at: int

    def day(self, year: int) -> date:
        first = date(year, self.month, 1)
        day = 1 + (self.weekday - (first.weekday() + 1) % 7) % 7 + 7 * (self.week - 1)
        last = months.monthrange(year, self.month)[1]
        while day > last:
            day -= 7
        return date(year, self.month, day)

    def moment(self, year: int) -> datetime:
        """The local wall-clock time of the change in `year`, in the offset before it."""
        return datetime.combine(self.day(year), time()) + timedelta(seconds=self.at)

    def rule(self) -> dict[str, object] | None:
        """The yearly RRULE, or None where it cannot be written as one (a change that moves it into another month)."""
        shift = self.at // 86400
        if shift == 0:
            return {"freq": "yearly", "bymonth": self.month, "byday": f"{-1 if self.week == 5 else self.week}{CODES[self.weekday]}"}
        # A change at 26:00 on the 4th Thursday is at 02:00 on the Friday after it: that Friday falls between the 23rd and the 29th.
        days = list(range(7 * (self.week - 1) + 1 + shift, 7 * self.week + 1 + shift)) if self.week < 5 else list(range(-7 + shift, shift))
        shortest = 28 if self.month == 2 else months.monthrange(2001, self.month)[1]
        if not all(1 <= d <= shortest or -shortest <= d <= -1 for d in days):
            return None
        return {"freq": "yearly", "bymonth": self.month, "byday": CODES[(self.weekday + shift) % 7], "bymonthday": days}


def posix_rule(name: str) -> str | None:
    """The zone's rule for the years after its last listed transition, from the tzdata file zoneinfo reads."""
    if ".." in name or name.startswith("/"):
        return None
    data = None
    for folder in zoneinfo.TZPATH:
        path = Path(folder, *name.split("/"))
        if path.is_file():
            data = path.read_bytes()
            break
    if data is None:
        try:
            data = importlib.resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).read_bytes()
        except (ModuleNotFoundError, FileNotFoundError, OSError):
            return None
    # TZif version 2 and later end with "\n<rule>\n".
    if not data.startswith(b"TZif") or data[4:5] < b"2" or not data.endswith(b"\n"):
        return None
    return data[data.rindex(b"\n", 0, len(data) - 1) + 1 : -1].decode("ascii", "replace")


def _yearly(name: str, first_year: int) -> Timezone | None:
    """The zone as one STANDARD (and one DAYLIGHT) part repeating yearly from `first_year`, or None if its rule has no such form."""
    match = _POSIX.match(posix_rule(name) or "")
    if not match:
        return None
    std_name, std_off, dst_name, dst_off, *dates = match.groups()
    standard = timedelta(seconds=-_seconds(std_off))
    zone = Timezone()
    zone.add("tzid", name)
    if dst_name is None:
        part = TimezoneStandard()
        part.add("dtstart", datetime(first_year, 1, 1))
        part.add("tzoffsetfrom", standard)
        part.add("tzoffsetto", standard)
        part.add("tzname", std_name.strip("<>"))
        zone.add_component(part)
        return zone
    daylight = timedelta(seconds=-_seconds(dst_off)) if dst_off else standard + timedelta(hours=1)
    begins = _Change(int(dates[0]), int(dates[1]), int(dates[2]), _seconds(dates[3]) if dates[3] else _DEFAULT_AT)
    ends = _Change(int(dates[4]), int(dates[5]), int(dates[6]), _seconds(dates[7]) if dates[7] else _DEFAULT_AT)
    for kind, change, before, after, label in ((TimezoneDaylight, begins, standard, daylight, dst_name), (TimezoneStandard, ends, daylight, standard, std_name)):
        rule = change.rule()
        if rule is None:
            return None
        part = kind()
        # Both parts must have begun by the first day (south of the equator, summer spans the new year), and vobject
        # takes a zone with no change from 2000 to 2020 and no offset in January 2000 for UTC (London, Lisbon), so
        # the rule starts in 2000 at the latest, as vobject writes zones itself.
        part.add("dtstart", change.moment(min(first_year - 1, RULES_FROM)))
        part.add("rrule", rule)
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("tzname", label.strip("<>"))
        zone.add_component(part)
    return zone


def _agrees(zone: Timezone, name: str, first_year: int, last_year: int) -> bool:
    """The written zone gives zoneinfo's offset three times a day on every day from `first_year` through `last_year`."""
    mine, real = zone.to_tz(lookup_tzid=False), ZoneInfo(name)
    day, end = date(first_year, 1, 1), date(last_year + 1, 1, 1)
    while day < end:
        for hour in (5, 12, 20):  # clear of the night hours at which zones change, where a local time may not exist
            moment = datetime(day.year, day.month, day.day, hour)
            if moment.replace(tzinfo=mine).utcoffset() != moment.replace(tzinfo=real).utcoffset():
                return False
        day += timedelta(1)
    return True


def vtimezone(name: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of an IANA zone for events from `first_year` through `last_year` (a new object each time)."""
    return Timezone.from_ical(_vtimezone(name, first_year, last_year))


@functools.lru_cache(maxsize=64)
def _vtimezone(name: str, first_year: int, last_year: int) -> bytes:
    # Checking a written zone against zoneinfo day by day is most of a small build's calendar time: each zone and span
    # is written and checked once per process, and kept as text, so no build shares an object another may change.
    zone = _yearly(name, first_year)
    if zone is None or not _agrees(zone, name, first_year, last_year):
        zone = Timezone.from_tzid(name, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1))
    return zone.to_ical()
