"""The team operating rhythm at /rhythm/, derived only from ritual front matter.

A week at a glance (cadence, length and usual day of every recurring ritual),
meeting time per role per week, in every ritual and in the core set alone, and
the core rituals a small team starts with (`core` in a ritual's front matter).
Rituals held per release or as needed have no place in a week and are listed
apart; protected time with no meeting in it (`meeting: false`) is shown but
not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import get_args

from handbook.content.catalog import Catalog, Entry, ordered_roles
from handbook.content.fields import Weekday
from handbook.content.model import Ritual
from handbook.pages.render import render_file

RHYTHM = "rhythm.md"
TITLE = "Team operating rhythm"
SUMMARY = "The week at a glance: every recurring ritual with its cadence, length and usual day, and the meeting time each role spends in them."

# The handbook recommends two-week sprints (see the note on cycle length in
# docs/rituals/weekly-planning.md), so a per-sprint ritual happens every other week.
SPRINT_WEEKS = 2
CYCLE_NOTE = "rituals/weekly-planning.md#when-and-how-long"
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
WEEKDAYS: tuple[str, ...] = get_args(Weekday)
# Levels whose holders are in the room; informed roles hear the outcome afterwards.
ATTENDING = ("accountable", "responsible", "consulted")

# What a growing team adds to the core rituals next, and when.
SMALL_TEAM_LATER: tuple[tuple[str, str], ...] = (
    ("demo-day", "once science and engineering stop seeing each other's work"),
    ("model-to-api-meeting", "when integration between models and services starts to slip"),
)


def per_week(cadence: str) -> Fraction | None:
    """Occurrences in an average week; None for cadences that do not follow the calendar."""
    return PER_WEEK[cadence]


def weekly_minutes(ritual: Ritual) -> Fraction | None:
    """Meeting minutes a ritual takes from each attendee in an average week, or None if it is not counted."""
    times = per_week(ritual.cadence)
    if times is None or not ritual.meeting:
        return None
    return ritual.duration_minutes * times


def duration_text(minutes: int | Fraction) -> str:
    """15 -> "15 min", 60 -> "1 h", 90 -> "1 h 30 min"; fractions are rounded to the minute."""
    total = round(minutes)
    if total == 0:
        return "none"
    hours, rest = divmod(total, 60)
    return " ".join(([f"{hours} h"] if hours else []) + ([f"{rest} min"] if rest else []))


SUGGESTION = " (handbook suggestion)"


def length_text(ritual: Ritual) -> str:
    """A ritual's length, labelled when it is the handbook's suggestion."""
    return duration_text(ritual.duration_minutes) + (SUGGESTION if "duration_minutes" in ritual.suggested else "")


def cadence_text(ritual: Ritual) -> str:
    """A ritual's cadence in words, labelled when it is the handbook's suggestion."""
    return CADENCE_LABELS[ritual.cadence] + (SUGGESTION if "cadence" in ritual.suggested else "")


@dataclass(frozen=True)
class RoleTime:
    role: Entry
    minutes: Fraction
    rituals: list[Entry]


def rituals(catalog: Catalog) -> list[Entry]:
    return [e for e in catalog.of_type("ritual") if isinstance(e.meta, Ritual)]


def role_times(catalog: Catalog, only: set[str] | None = None) -> list[RoleTime]:
    """Every role with the weekly meeting minutes of the recurring rituals it attends (`only`: of these ritual ids)."""
    counted = [(e, weekly_minutes(e.meta)) for e in rituals(catalog) if only is None or e.stem in only]
    times = []
    for role in ordered_roles(catalog):
        attended = [(e, m) for e, m in counted if m is not None and e.meta.roles.get(role.stem) in ATTENDING]
        times.append(RoleTime(role, sum((m for _, m in attended), Fraction(0)), [e for e, _ in attended]))
    return times


def week(catalog: Catalog) -> dict[str, list[Entry]]:
    """Each weekday's rituals: the daily ones and those whose usual day it is."""
    entries = rituals(catalog)
    return {day: [e for e in entries if e.meta.cadence == "daily" or e.meta.day == day] for day in WEEKDAYS}


def by_cadence(catalog: Catalog, cadences: tuple[str, ...], *, dated: bool | None = None) -> list[Entry]:
    """Rituals of the given cadences, in that order; `dated` keeps only those with (True) or without (False) a usual day."""
    found = [e for e in rituals(catalog) if e.meta.cadence in cadences and (dated is None or (e.meta.day is not None) == dated)]
    return sorted(found, key=lambda e: cadences.index(e.meta.cadence))


def _present(catalog: Catalog, chosen: tuple[tuple[str, str], ...]) -> list[tuple[Entry, str]]:
    present = catalog.by_stem("ritual")
    return [(present[stem], why) for stem, why in chosen if stem in present]


def core_rituals(catalog: Catalog) -> list[tuple[Entry, str]]:
    """The core rituals (`core` in front matter), the most frequent first, each with why it is core."""
    order = list(PER_WEEK)
    found = [e for e in rituals(catalog) if e.meta.core is not None]
    return [(e, e.meta.core.why.rstrip(".")) for e in sorted(found, key=lambda e: order.index(e.meta.cadence))]


def core_ids(catalog: Catalog) -> set[str]:
    return {e.stem for e, _ in core_rituals(catalog)}


@dataclass(frozen=True)
class Hours:
    """A role's recurring ritual time a week: in every ritual it attends, and in the core rituals alone."""

    full: Fraction
    core: Fraction
    rituals: int
    core_rituals: int


def role_hours(catalog: Catalog, role: str) -> Hours | None:
    """One role's weekly ritual time, full and core-only, as /rhythm/ counts it; None for an unknown role."""
    full = next((t for t in role_times(catalog) if t.role.stem == role), None)
    core = next((t for t in role_times(catalog, core_ids(catalog)) if t.role.stem == role), None)
    return Hours(full.minutes, core.minutes, len(full.rituals), len(core.rituals)) if full and core else None


def rhythm_page(catalog: Catalog, only: set[str] | None = None) -> str:
    """The page's Markdown; `only`: count the meeting time of these rituals alone (a team's scheduled ones)."""
    minimal = core_rituals(catalog)
    core = core_ids(catalog)
    present = catalog.by_stem("ritual")
    minimal_minutes = sum((m for e, _ in minimal if (m := weekly_minutes(e.meta)) is not None), Fraction(0))
    return render_file(
        "rhythm.md.j2",
        here=RHYTHM,
        week=week(catalog),
        floating=by_cadence(catalog, ("weekly", "fortnightly", "per-sprint", "monthly", "quarterly"), dated=False),
        outside=by_cadence(catalog, ("per-release", "as-needed")),
        times=role_times(catalog, only),
        core_times=role_times(catalog, core if only is None else core & only),
        scheduled_only=only is not None,
        minimal=minimal,
        minimal_minutes=minimal_minutes,
        later=_present(catalog, SMALL_TEAM_LATER),
        one_on_one=present.get("one-on-one"),
        note=CYCLE_NOTE if "weekly-planning" in present else None,
        cadence_label=CADENCE_LABELS,
        duration=duration_text,
        length=length_text,
        often=cadence_text,
        sprint_weeks=SPRINT_WEEKS,
    )
