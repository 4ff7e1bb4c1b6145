"""The content model: one typed schema per page type, chosen by folder.

Each page is a Markdown file whose front matter is validated against the
model of its folder. Cross-page rules (known ids, unique titles) live in
`catalog.py`, because they need every page at once.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo, WithJsonSchema, field_validator, model_validator

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# RACI: who does the work, who owns the outcome (one role), who is asked, who is told.
Involvement = Literal["responsible", "accountable", "consulted", "informed"]
INVOLVEMENT_LEVELS: tuple[str, ...] = ("accountable", "responsible", "consulted", "informed")
INVOLVEMENT_LABELS = {
    "accountable": "Accountable",
    "responsible": "Responsible",
    "consulted": "Consulted",
    "informed": "Informed",
}
INVOLVEMENT_CODES = {"accountable": "A", "responsible": "R", "consulted": "C", "informed": "I"}
# The levels before RACI, refused with a pointer to their replacement.
OLD_LEVELS = {"leads": "accountable", "takes-part": "responsible", "as-needed": "consulted"}

Cadence = Literal["daily", "weekly", "fortnightly", "monthly", "per-sprint", "per-release", "as-needed"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday"]
Family = Literal["science", "engineering", "product-and-design", "leadership", "stakeholder"]
SourceKind = Literal["interview-prep notes", "article", "practitioner's guide", "course session", "essay"]


def _one_sentence(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must be one line")
    if not value.rstrip().endswith((".", "?", "!")):
        raise ValueError("must be one sentence ending with a full stop")
    return value


def _plain(value: str) -> str:
    # MkDocs themes print titles without escaping them, so markup is refused here.
    if "<" in value or ">" in value:
        raise ValueError("must be plain text: '<' and '>' are not allowed")
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"'{value}' is not a lowercase-hyphenated id such as 'data-scientist'")
    return value


def _review_date(value: object) -> object:
    # YAML reads 2026-11-23 as a date; a quoted "2026-11-23" is accepted too.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"'{value}' is not a date: write the day of the last review as YYYY-MM-DD, such as 2026-11-23")


def _page_ref(value: str) -> str:
    folder, _, stem = value.partition("/")
    if not folder or not SLUG.match(folder) or not SLUG.match(stem):
        raise ValueError(f"'{value}' is not a page: write folder/id, e.g. practices/baseline-first")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60), AfterValidator(_plain)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=160), AfterValidator(_one_sentence)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
# The pattern is for editors (the JSON Schema); validation keeps its own message.
Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
ReviewDate = Annotated[date, BeforeValidator(_review_date)]
# Another page, as folder/id: "practices/baseline-first".
PageRef = Annotated[str, AfterValidator(_page_ref), WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"})]
UrlPath = Annotated[str, StringConstraints(pattern=r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")]

SUMMARY_MAX = 160


class Strict(BaseModel):
    # Docstrings under fields become descriptions in the exported JSON Schema (editor hover text).
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class Page(Strict):
    """Front matter shared by every page: the home page uses only this."""

    title: Title
    """The page title: 3 to 60 characters of plain text, unique in the handbook."""
    summary: Summary
    """One sentence of at most 160 characters ending with a full stop; also the meta description."""
    owner: Slug
    """The role that keeps this page true: a file name in docs/roles/, such as ai-team-lead."""
    reviewed: ReviewDate
    """The day the page was last checked against its sources, YYYY-MM-DD; not in the future."""


class TypedPage(Page):
    tags: Annotated[list[Slug], Field(min_length=1, max_length=6)]
    """One to six tags from docs/tags.yml."""
    sources: Annotated[list[Slug], Field(min_length=1)]
    """The source documents this page draws on: file names in docs/sources/."""
    # Old URLs of a page that moved, e.g. "/rituals/standup/": each gets a redirect.
    aliases: list[UrlPath] = []
    """Old URLs of a page that moved, such as /rituals/standup/: each gets a redirect."""


# A new hire's first 90 days, in three phases; each phase's actions are ticked off on the role page.
ChecklistPhase = Literal["first-30-days", "first-60-days", "first-90-days"]
CHECKLIST_PHASES: tuple[str, ...] = ("first-30-days", "first-60-days", "first-90-days")
CHECKLIST_LABELS = {"first-30-days": "First 30 days", "first-60-days": "By day 60", "first-90-days": "By day 90"}
CHECKLIST_MIN_ITEMS = 6
FIRST_WEEK_MAX_MINUTES = 90


class ChecklistItem(Strict):
    do: Line
    # The page that explains the action, as folder/id.
    see: PageRef | None = None
    # True when the action is the handbook's own default rather than advice from a source.
    suggestion: bool = False


class Role(TypedPage):
    family: Family
    # Column label in the role-by-practice matrix, e.g. "DS".
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8)]
    also_called: list[Text] = []
    # The pages a new hire reads in the first week, in order; at most FIRST_WEEK_MAX_MINUTES in all.
    first_week: list[PageRef] = []
    checklist: dict[ChecklistPhase, Annotated[list[ChecklistItem], Field(min_length=1)]] = {}


class WithRoles(TypedPage):
    # role id -> RACI level; feeds the role-by-practice matrix and the role views.
    # Exactly one role is accountable: checked in catalog.py, where the line is known.
    roles: Annotated[dict[Slug, Involvement], Field(min_length=1)]

    @property
    def accountable(self) -> str | None:
        return next((role for role, level in self.roles.items() if level == "accountable"), None)


class Ritual(WithRoles):
    cadence: Cadence
    # Every ritual has a length; where no source gives one, the handbook's own
    # default is listed in `suggested` so the page labels it.
    duration_minutes: Annotated[int, Field(ge=1, le=480)]
    # The usual weekday, only where a source gives one or the name implies it.
    day: Weekday | None = None
    # False for protected time with no meeting in it (a no-meeting day): the
    # team rhythm shows it but does not count it as meeting hours.
    meeting: bool = True
    prep: Line
    # Fields whose values are the handbook's own suggestion, not a source's.
    suggested: list[str] = []

    @field_validator("suggested")
    @classmethod
    def _known_fields(cls, names: list[str], info: ValidationInfo) -> list[str]:
        allowed = [name for name in cls.model_fields if name != "suggested"]
        for name in names:
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise ValueError(f"'{name}' is not a field of a ritual: {hint}list names of fields such as {', '.join(allowed)}")
            if info.data.get(name, 0) is None:
                raise ValueError(f"'{name}' is not set on this page: set it or remove it from the list")
        if len(set(names)) != len(names):
            raise ValueError("a field is listed twice")
        return names


class Practice(WithRoles):
    pass


class Story(TypedPage):
    # The sides of the tension. A past conflict has no owner, so no RACI levels:
    # `involved` names the other roles that appear in it (often the lead who mediated).
    parties: Annotated[list[Slug], Field(min_length=2)]
    involved: list[Slug] = []
    outcome: Line


class Report(TypedPage):
    # A field report: what a team did and what it reports came of it, with no clash at its heart.
    # `involved` names the roles that appear in it; like a story it has no owner, so no RACI levels.
    involved: Annotated[list[Slug], Field(min_length=1)]
    outcome: Line


class Myth(TypedPage):
    belief: Line
    reality: Line
    concerns: Annotated[list[Slug], Field(min_length=1)]


class Source(Page):
    tags: Annotated[list[Slug], Field(min_length=1, max_length=6)]
    kind: SourceKind
    author: Line
    year: Annotated[int, Field(ge=1900, le=2100)] | None
    aliases: list[UrlPath] = []


class Term(Strict):
    term: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]
    aka: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]] = []
    definition: Line
    see: Annotated[str, StringConstraints(pattern=r"^[a-z]+(?:-[a-z]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")] | None = None
    sources: Annotated[list[Slug], Field(min_length=1)]


class Glossary(TypedPage):
    terms: Annotated[list[Term], Field(min_length=1)]


# --- Plays: templates, exercises, decision guides ------------------------------


def _page_ref(value: str) -> str:
    if not PAGE_REF.match(value):
        raise ValueError(f"'{value}' is not a page id such as 'practices/team-charter' (folder/file name without .md)")
    return value


def _plain_label(value: object) -> object:
    # YAML 1.1 reads an unquoted Yes or No as a boolean; say so instead of "not a string".
    if isinstance(value, bool):
        raise ValueError(f"unquoted {'yes' if value else 'no'} is read as {str(value).lower()}: write it in quotes, e.g. \"{'Yes' if value else 'No'}\"")
    return value


PAGE_REF = re.compile(r"^[a-z]+(?:-[a-z]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")
PageRef = Annotated[str, AfterValidator(_page_ref)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), AfterValidator(_plain)]
Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]


class Template(WithRoles):
    # Accountable owns the filled-in document; responsible fill it in; consulted review it.
    # The pages where the template is used: a practice, a ritual, an exercise.
    used_in: Annotated[list[PageRef], Field(min_length=1)]


class GroupSize(Strict):
    min: Annotated[int, Field(ge=1, le=100)]
    max: Annotated[int, Field(ge=1, le=100)]

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is below min ({self.min})")
        return self


class Part(Strict):
    # A part someone plays, e.g. "Product manager"; `role` links it to a role page.
    name: Short
    role: Slug | None = None
    brief: Line


class Step(Strict):
    minutes: Annotated[int, Field(ge=1, le=240)]
    step: Line


# Fields of an exercise whose values are the handbook's own default, not a source's.
SuggestedField = Literal["duration_minutes", "group_size", "timing"]


class Exercise(WithRoles):
    # Accountable is the facilitator; responsible are the people who take part.
    duration_minutes: Annotated[int, Field(ge=5, le=480)]
    group_size: GroupSize
    # The steps, in order; their minutes add up to duration_minutes (checked in catalog.py).
    timing: Annotated[list[Step], Field(min_length=2)]
    parts: list[Part] = []
    materials: list[Line] = []
    suggested: list[SuggestedField] = []


class Choice(Strict):
    label: Annotated[Short, BeforeValidator(_plain_label)]
    # The id of the next question, or of an answer.
    go: Slug


class Question(Strict):
    id: Slug
    ask: Sentence
    hint: Sentence | None = None
    choices: Annotated[list[Choice], Field(min_length=2, max_length=4)]


class Answer(Strict):
    id: Slug
    title: Short
    text: Sentence
    # Pages to read or act on next, as folder/id.
    see: Annotated[list[PageRef], Field(min_length=1)]


class DecisionGuide(WithRoles):
    # Accountable makes the call. The first question is the start; choices only lead forward
    # to a later question or to an answer (checked in catalog.py).
    use_when: Line
    questions: Annotated[list[Question], Field(min_length=2, max_length=8)]
    answers: Annotated[list[Answer], Field(min_length=2, max_length=8)]


# Folder -> (type name, model). Files directly in docs/ are matched by name.
TYPES: dict[str, tuple[str, type[Page]]] = {
    "roles": ("role", Role),
    "rituals": ("ritual", Ritual),
    "practices": ("practice", Practice),
    "stories": ("story", Story),
    "field-reports": ("report", Report),
    "myths": ("myth", Myth),
    "sources": ("source", Source),
    "templates": ("template", Template),
    "exercises": ("exercise", Exercise),
    "decision-guides": ("decision-guide", DecisionGuide),
}
SPECIAL: dict[str, tuple[str, type[Page]]] = {
    "index.md": ("home", Page),
    "glossary.md": ("glossary", Glossary),
}
# Any other Markdown file directly in docs/ is a general typed page.
GENERAL: tuple[str, type[Page]] = ("page", TypedPage)

# Reading order of types in role views and type indexes.
TYPE_ORDER = ("role", "ritual", "practice", "template", "exercise", "decision-guide", "story", "report", "myth", "source", "glossary", "page", "home")
TYPE_PLURALS = {
    "role": "Roles",
    "ritual": "Rituals",
    "practice": "Practices",
    "template": "Templates",
    "exercise": "Exercises",
    "decision-guide": "Decision guides",
    "story": "Conflict stories",
    "report": "Field reports",
    "myth": "Myths",
    "source": "Sources",
    "glossary": "Glossary",
    "page": "Pages",
    "home": "Home",
}


def model_for(src_uri: str) -> tuple[str, type[Page]] | None:
    """The (type, model) of a docs-relative path, or None for an untyped file."""
    parts = src_uri.split("/")
    if len(parts) == 1:
        return SPECIAL.get(parts[0], GENERAL)
    if len(parts) == 2 and parts[0] in TYPES:
        return TYPES[parts[0]]
    return None


def field_names(model: type[Page]) -> list[str]:
    return list(model.model_fields)
