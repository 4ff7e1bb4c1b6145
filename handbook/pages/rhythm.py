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

from handbook.content.catalog import Catalog, Entry, ordered_roles
from handbook.content.model import Ritual
from handbook.content.team import TeamFile
from handbook.content.types import recurring
from handbook.pages.render import render_file
from handbook.pages.schedule import ATTENDING, CADENCE_LABELS, PER_WEEK, SPRINT_WEEKS, WEEKDAYS, When, schedule

RHYTHM = "rhythm.md"
TITLE = "Team operating rhythm"
SUMMARY = "The week at a glance: every recurring ritual with its cadence, length and usual day, and the meeting time each role spends in them."
CYCLE_NOTE = "rituals/weekly-planning.md#when-and-how-long"

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
# A team's value that the team file did not set, and so the ritual page's: marked once per value, explained once per page.
PAGE_DEFAULT = "\u2020"
PAGE_DEFAULT_NOTE = (f"{PAGE_DEFAULT} Not set in the team file: the ritual page's value, which is the handbook's own suggestion "
                     "where no source gives one. Give the ritual a cadence or a duration_minutes under rhythm in team.yml to change it.")


def length_text(ritual: Ritual) -> str:
    """A ritual's length, labelled when it is the handbook's suggestion."""
    return duration_text(ritual.duration_minutes) + (SUGGESTION if "duration_minutes" in ritual.suggested else "")


def cadence_text(ritual: Ritual) -> str:
    """A ritual's cadence in words, labelled when it is the handbook's suggestion."""
    return CADENCE_LABELS[ritual.cadence] + (SUGGESTION if "cadence" in ritual.suggested else "")


def when_length(when: When) -> str:
    """Its length, marked once where a team did not set it, or labelled where it is the handbook's suggestion."""
    if when.team:
        return duration_text(when.minutes) + (PAGE_DEFAULT if when.default("duration_minutes") else "")
    return duration_text(when.minutes) + (SUGGESTION if when.suggested("duration_minutes") else "")


def when_often(when: When) -> str:
    """How often, in words, marked or labelled as `when_length` is."""
    if when.team:
        return when.often() + (PAGE_DEFAULT if when.default("cadence") else "")
    return CADENCE_LABELS[when.cadence] + (SUGGESTION if when.suggested("cadence") else "")


@dataclass(frozen=True)
class RoleTime:
    role: Entry
    minutes: Fraction
    rituals: list[Entry]


def role_times(catalog: Catalog, whens: list[When]) -> list[RoleTime]:
    """Every role with the weekly meeting minutes of the recurring rituals it attends, as `whens` holds them."""
    times = []
    for role in ordered_roles(catalog):
        attended = [w for w in whens if w.weekly_minutes is not None and w.meta.roles.get(role.stem) in ATTENDING]
        times.append(RoleTime(role, sum((w.weekly_minutes for w in attended), Fraction(0)), [w.entry for w in attended]))
    return times


def week(whens: list[When]) -> dict[str, list[When]]:
    """Each weekday's rituals: those held on it, the daily ones included."""
    return {day: [w for w in whens if day in w.days] for day in WEEKDAYS}


def by_cadence(whens: list[When], cadences: tuple[str, ...], *, dated: bool | None = None) -> list[When]:
    """Rituals of the given cadences, in that order; `dated` keeps only those with (True) or without (False) a weekday."""
    found = [w for w in whens if w.cadence in cadences and (dated is None or bool(w.days) == dated)]
    return sorted(found, key=lambda w: cadences.index(w.cadence))


def _present(catalog: Catalog, chosen: tuple[tuple[str, str], ...]) -> list[tuple[Entry, str]]:
    present = catalog.by_stem(recurring())
    return [(present[stem], why) for stem, why in chosen if stem in present]


def core_rituals(catalog: Catalog) -> list[tuple[Entry, str]]:
    """The core rituals (`core` in front matter), the most frequent first, each with why it is core."""
    order = list(PER_WEEK)
    found = [e for e in catalog.of_type(recurring()) if isinstance(e.meta, Ritual) and e.meta.core is not None]
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
    whens = schedule(catalog)
    core_stems = core_ids(catalog)
    full = next((t for t in role_times(catalog, whens) if t.role.stem == role), None)
    core = next((t for t in role_times(catalog, [w for w in whens if w.entry.stem in core_stems]) if t.role.stem == role), None)
    return Hours(full.minutes, core.minutes, len(full.rituals), len(core.rituals)) if full and core else None


def rhythm_page(catalog: Catalog, found: TeamFile | None = None) -> str:
    """The page's Markdown: the handbook's rhythm from the rituals' pages, or with a team file the team's own week."""
    whens = schedule(catalog, found)
    minimal = core_rituals(catalog)
    core = core_ids(catalog)
    present = catalog.by_stem(recurring())
    minimal_minutes = sum((m for e, _ in minimal if (m := weekly_minutes(e.meta)) is not None), Fraction(0))
    return render_file(
        "rhythm.md.j2",
        here=RHYTHM,
        team=found.team.name if found else None,
        week=week(whens),
        floating=by_cadence(whens, ("weekly", "fortnightly", "per-sprint", "monthly", "quarterly"), dated=False),
        outside=by_cadence(whens, ("per-release", "as-needed")),
        times=role_times(catalog, whens),
        core_times=role_times(catalog, [w for w in whens if w.entry.stem in core]),
        not_held=[e for e in catalog.of_type(recurring()) if found and not found.team.holds(e.stem)],
        minimal=minimal,
        minimal_minutes=minimal_minutes,
        later=_present(catalog, SMALL_TEAM_LATER),
        one_on_one=present.get("one-on-one"),
        note=CYCLE_NOTE if "weekly-planning" in present else None,
        cadence_label=CADENCE_LABELS,
        duration=duration_text,
        length=when_length,
        often=when_often,
        default_note=PAGE_DEFAULT_NOTE if found else None,
        sprint_weeks=SPRINT_WEEKS,
    )
