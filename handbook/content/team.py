"""The team file (`team.yml`): what makes the handbook one team's own.

Optional: without it the site is the generic handbook. With it, the site
carries the team's name and addresses, leaves out the roles and rituals the
team does not have, and gains a team page, a page per new starter and
calendars. `HANDBOOK_TEAM` points at another file. `examples/team.yml` is a
made-up team; `schema/team.json` helps editors.

This module is the file's model, every field checked on its own; reading it
(and the environment's settings that override it) is `handbook.content.team_file`,
and the rules against the pages (known roles, rituals and people) are in
`handbook.rules.team`.
"""

from __future__ import annotations

import difflib
import html.entities
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

from handbook.content import frontmatter
from handbook.content.fields import Cadence, RoleId, Slug, Weekday, calendar_day, plain, printable
from handbook.content.model import Strict
from handbook.content.urls import page_id

TEAM_FILE = "team.yml"
TEAM_VARIABLE = "HANDBOOK_TEAM"
# Builds the site without people (no names in pages, search, llms.txt, cards or PDFs), for a public audience.
PUBLIC_VARIABLE = "HANDBOOK_PUBLIC"
# A page may cite the team's own decision instead of a source document: `sources: [team]`.
TEAM_SOURCE = "team"
_TIME = re.compile(r"^(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)$")
DATE_HINT = "write the first day as YYYY-MM-DD, such as 2027-01-11"
FIRST_HINT = "write a day the ritual is held on as YYYY-MM-DD, such as 2027-01-14"


def _unquoted_time(value: object) -> object:
    # YAML 1.1 reads an unquoted 15:00 as a number in base 60 (900); say so instead of "not a string".
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        hour, minute = divmod(value, 60)
        raise ValueError(f'{hour}:{minute:02d} without quotes is read as the number {value}: write the time in quotes, such as "{hour:02d}:{minute:02d}"')
    return value


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError(f"'{value}' is not a time of day: write it as HH:MM on the 24-hour clock, such as 09:30")
    return value


# Names zoneinfo accepts that are no place: the build machine's own zone, and tzdata's placeholders.
_NOT_PLACES = frozenset({"localtime", "Factory", "posixrules", "posix", "right"})


def _zone(value: str) -> str:
    zones = available_timezones() - _NOT_PLACES
    if value not in zones:
        close = sorted(zone for zone in zones if zone.split("/")[-1].casefold() == value.split("/")[-1].casefold())
        close = close or difflib.get_close_matches(value, zones, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(f"'{value}' is not a time zone{hint}: use an IANA name such as Europe/Berlin or America/New_York")
    return value


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s<>\"']*$", value):
        raise ValueError(f"'{value}' is not a web address: write it in full, such as https://chat.example.com/team")
    return value


def _date(value: object) -> object:
    return calendar_day(value, DATE_HINT)


def _first_date(value: object) -> object:
    return calendar_day(value, FIRST_HINT)


# A day the team writes is a working day of a real team: 9999-12-31 is a typo, and dates near the ends of the
# calendar overflow the moment a page adds 90 days to them.
FIRST_YEAR, LAST_YEAR = 1970, 2099


def _plausible(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{day.isoformat()} is not a date a team plans for: give a year from {FIRST_YEAR} to {LAST_YEAR}")
    return day


def _safe_in_theme(value: str) -> str:
    # Material prints site_name unescaped (aria-label="{{ config.site_name }}"), so the name must mean the same
    # printed raw: no quote to leave an attribute, and no character reference that a browser would decode.
    if '"' in value:
        raise ValueError("a double quote is not allowed in the team's name: leave it out or use \u2019 or \u201c \u201d")
    if reference := char_reference(value):
        raise ValueError(f"'{reference}' would be shown as the character it names: write the character itself")
    return value


def char_reference(value: str) -> str | None:
    """The first HTML character reference in a text (&amp; &#60; &lt), as a browser would decode it."""
    for match in re.finditer(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)", value):
        text = match.group(1)
        if text.startswith("#") or text in html.entities.html5 or any(text.startswith(name) for name in _LEGACY):
            return match.group(0)
    return None


# The references a browser decodes even without their semicolon ("&copy 2027", "&lt").
_LEGACY = tuple(name for name in html.entities.html5 if not name.endswith(";"))


def _once_each(days: list[str]) -> list[str]:
    if twice := next((day for index, day in enumerate(days) if day in days[:index]), None):
        raise ValueError(f"'{twice}' is listed twice: list each weekday once")
    return days


def _distinct(ids: list[str]) -> list[str]:
    if twice := next((one for index, one in enumerate(ids) if one in ids[:index]), None):
        raise ValueError(f"'{twice}' is listed twice: list each {'page' if twice.endswith('.md') else 'role'} once")
    return ids


_PAGE_PATH = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md")


def _page_path(value: str) -> str:
    if value.startswith("docs/") and _PAGE_PATH.fullmatch(value.removeprefix("docs/")):
        raise ValueError(f"'{value}': write the path under docs/, such as {value.removeprefix('docs/')}")
    if _PAGE_PATH.fullmatch(value):
        return value
    if value.startswith("/") or value.startswith("http"):
        path = value.split("://", 1)[-1].split("/", 1)[-1].strip("/") if value.startswith("http") else value.strip("/")
        raise ValueError(f"'{value}' is an address: write the page's file under docs/, such as {path or 'about'}.md")
    raise ValueError(f"'{value}' is not a page's file: write its path under docs/, such as exercises/role-play-eighty-percent-accurate.md")


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), AfterValidator(printable)]
# The patterns are for editors (schema/team.json); validation keeps its own messages.
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300), AfterValidator(_url),
                WithJsonSchema({"type": "string", "maxLength": 300, "pattern": "^https?://"})]
Clock = Annotated[str, BeforeValidator(_unquoted_time), AfterValidator(_time), WithJsonSchema({"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"})]
Day = Annotated[date, BeforeValidator(_date), AfterValidator(_plausible)]
FirstDay = Annotated[date, BeforeValidator(_first_date), AfterValidator(_plausible)]
EditUri = Annotated[str, StringConstraints(pattern=r"^[\w./-]*/$")]


class Person(Strict):
    name: Name
    """The person's name as the team writes it; shown as text everywhere (never as markup)."""
    id: Slug | None = None
    """Their id in addresses (/team/<id>/); default: from the name, such as ana-ruiz."""
    role: RoleId
    """Their role: one of the team's `roles`."""
    start: Day | None = None
    """Their first day, YYYY-MM-DD. Until 90 days after it (the length of a role's checklist) they have an onboarding
    page with dated steps, /team/<id>/; after that the team page says when they joined."""
    buddy: Name | None = None
    """Who helps them settle in: another person's id or name."""

    @property
    def key(self) -> str:
        return self.id or page_id(self.name) or "person"


class Slot(Strict):
    days: Annotated[list[Weekday], Field(min_length=1), AfterValidator(_once_each)] | None = None
    """The weekdays it is held on, for a ritual held on several days, such as [monday, wednesday, friday]."""
    day: Weekday | None = None
    """The weekday it is held on (or `days` for several)."""
    time: Clock
    """When it starts, "HH:MM" in quotes on the 24-hour clock, at the team's time zone."""
    cadence: Cadence | None = None
    """How often this team holds it; default: the ritual page's cadence (weekly, for a daily ritual given some days)."""
    duration_minutes: Annotated[int, Field(ge=5, le=480)] | None = None
    """How long this team holds it; default: the ritual page's length."""
    first: FirstDay | None = None
    """A date it is (or was) held on, YYYY-MM-DD, on one of its days: a fortnightly or per-sprint ritual recurs every
    second week from it, a monthly one on the same weekday of the month (the second Thursday), a quarterly one every
    third month. Without it: the fortnights counted from the week of Monday 1 January 2024, and the first such weekday
    of the month (of January, April, July and October for quarterly)."""


class Channel(Strict):
    name: Name
    """The channel's name, such as #orion-ml."""
    url: Url
    """Its full web address, such as https://chat.example.com/orion-ml."""


TeamName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60), AfterValidator(plain), AfterValidator(printable), AfterValidator(_safe_in_theme)
]
TimeZone = Annotated[str, AfterValidator(_zone)]
PagePath = Annotated[str, StringConstraints(strip_whitespace=True, min_length=4, max_length=200), AfterValidator(printable), AfterValidator(_page_path),
                     WithJsonSchema({"type": "string", "pattern": "^[a-z0-9][a-z0-9_/-]*\\.md$"})]


class Team(Strict):
    name: TeamName
    """The team's name: the site's title, the home page, the PDF covers and the link previews (no double quote)."""
    site_url: Url | None = None
    """Where the handbook is published (HANDBOOK_SITE_URL overrides it): canonical links, link previews and the
    addresses to subscribe to the team's calendars."""
    repo_url: Url | None = None
    """The repository behind the edit links and the header link (HANDBOOK_REPO_URL overrides it)."""
    edit_uri: EditUri | None = None
    """The edit path under repo_url: edit/main/docs/ (GitHub) or -/edit/main/docs/ (GitLab)."""
    timezone: TimeZone = "UTC"
    """The time zone of the team's rhythm: an IANA name such as Europe/Berlin."""
    roles: Annotated[list[RoleId], Field(min_length=1), AfterValidator(_distinct)] | None = None
    """The roles this team has (at least one); leave it out for every role. A role with nobody in `people` is an open position."""
    covers: dict[RoleId, RoleId] = {}
    """For a role the team does not have, which of its roles covers that work, such as mlops-engineer: ml-engineer.
    For a missing role not listed here, the site names the handbook's guess, labelled as one: the team's first role
    of the same family (science, engineering, product and design, leadership, stakeholder), else its lead."""
    people: list[Person] = []
    """Who is on the team."""
    rhythm: dict[Slug, Slot | bool] = {}
    """The rituals this team holds: ritual id -> when, or true for one held with no fixed time (before each release,
    when needed), or false for one it does not hold (it leaves the navigation). A ritual not listed is not part of the
    team's week: the team page lists the handbook's suggestions among them."""
    channels: list[Channel] = []
    """Where the team talks."""
    leave_out: Annotated[list[PagePath], AfterValidator(_distinct)] = []
    """Pages of the handbook this team does without, by their file under docs/, such as exercises/role-play-eighty-percent-accurate.md: they
    leave the navigation, the matrix, the packs and the book, and stay at their addresses with a note, so links to them
    keep working. A role the team lacks is left out with `roles`, a ritual it does not hold with `false` in `rhythm`."""

    def has_role(self, role: str) -> bool:
        return self.roles is None or role in self.roles

    def holds(self, ritual: str) -> bool:
        """Part of the team's rhythm: given a time, or true."""
        return self.rhythm.get(ritual, False) is not False

    def drops(self, ritual: str) -> bool:
        """Set to false: the team does not hold it, and the site leaves it out of the navigation and the matrix."""
        return self.rhythm.get(ritual) is False

    def leaves_out(self, src_uri: str) -> bool:
        """A page the team does without (`leave_out`): out of the navigation and the team's views, kept at its address."""
        return src_uri in self.leave_out

    def slot(self, ritual: str) -> Slot | None:
        found = self.rhythm.get(ritual)
        return found if isinstance(found, Slot) else None


@dataclass(frozen=True)
class TeamFile:
    """A loaded team file with the line of every field, for the rules against the pages."""

    team: Team
    path: str  # as messages name it: "team.yml"
    key_lines: Mapping[tuple[str, ...], int]
    public: bool = False  # HANDBOOK_PUBLIC: people are left out of every output

    def line_of(self, *loc: object) -> int:
        return frontmatter.line_of(self.key_lines, loc)

    @property
    def people(self) -> list[Person]:
        return [] if self.public else list(self.team.people)
