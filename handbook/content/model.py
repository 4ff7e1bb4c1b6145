"""The content model: one typed schema per page type (the registry in `types.py` says which folder).

Each page is a Markdown file whose front matter is validated against its
type's model. Every field carries a docstring: it is the field's description
in the exported editor schema (schema/<type>.json). Cross-page rules (known
ids, unique titles) live in `handbook.rules`, because they need every page.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from handbook.content.fields import (
    Cadence,
    Family,
    Involvement,
    Line,
    PageRef,
    ReviewDate,
    RoleId,
    Slug,
    SourceKind,
    Summary,
    Text,
    Title,
    UrlPath,
    Weekday,
)
from handbook.content.play_parts import (  # the models' nested values, imported from here too
    Answer,
    Core,
    Decision,
    Difficulty,
    GroupSize,
    HeldWithin,
    Part,
    Question,
    Step,
)
from handbook.content.strict import Strict

SUMMARY_MAX = 160


class Page(Strict):
    """Front matter shared by every page: the home page uses only this."""

    title: Title
    """The page title: 3 to 60 characters of plain text, unique in the handbook."""
    summary: Summary
    """One sentence of at most 160 characters ending with a full stop; also the meta description."""
    owner: RoleId
    """The role that keeps this page true: a file name in docs/roles/, such as ai-team-lead."""
    reviewed: ReviewDate
    """The day the page was last checked against its sources, YYYY-MM-DD; not in the future."""


class TypedPage(Page):
    tags: Annotated[list[Slug], Field(min_length=1, max_length=6)]
    """One to six tags from docs/tags.yml."""
    sources: Annotated[list[Slug], Field(min_length=1)]
    """The source documents this page draws on: file names in docs/sources/."""
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
    """The action, as an instruction: "Shadow the weekly planning meeting"."""
    see: PageRef | None = None
    """The page that explains the action, as folder/id, such as rituals/weekly-planning."""
    suggestion: bool = False
    """True when the action is the handbook's own default rather than advice from a source."""


class Role(TypedPage):
    family: Family
    """The group of roles it belongs to; orders the matrix's columns."""
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8)]
    """The column label in the matrix, up to 8 characters, such as DS."""
    also_called: list[Text] = []
    """Other titles the role goes by."""
    tagline: Line | None = None
    """One line under the role's card on the home page, such as "Turns business questions into experiments"."""
    first_week: list[PageRef] = []
    """The pages a new hire reads in the first week, in order, as folder/id; at most 90 minutes in all."""
    checklist: dict[ChecklistPhase, Annotated[list[ChecklistItem], Field(min_length=1)]] = {}
    """The 90-day checklist: actions for each of first-30-days, first-60-days and first-90-days."""


class WithRoles(TypedPage):
    roles: Annotated[dict[RoleId, Involvement], Field(min_length=1)]
    """Role id -> RACI level (accountable, responsible, consulted, informed); exactly one role is accountable."""

    @property
    def accountable(self) -> str | None:
        return next((role for role, level in self.roles.items() if level == "accountable"), None)


# --- Plays: rituals, practices, templates, exercises, decision guides ---------------------


class Play(WithRoles):
    """What every play says at a glance: prep time, materials, difficulty, the decisions it owns, and which values are the
    handbook's own. Its run time is the type's own field: `duration_minutes` or `run_minutes`."""

    prep_minutes: Annotated[int, Field(ge=0, le=480)] | None = None
    """Minutes of preparation for whoever runs it, shown at a glance; list it in `suggested` unless a source gives it."""
    materials: list[Line] = []
    """What to have ready: documents, boards, tools; shown at a glance."""
    difficulty: Difficulty | None = None
    """How much practice it asks of a team: starter, intermediate or advanced (the handbook's rating: list it in `suggested`)."""
    decides: list[Decision] = []
    """The decisions its accountable role makes here, each named the same on every page that takes part in it."""
    suggested: list[str] = []
    """Fields whose values are the handbook's own suggestion, not a source's, such as duration_minutes; `roles` when no
    source assigns the accountable role, so that the owner is shown as the handbook's proposal."""

    @field_validator("suggested")
    @classmethod
    def _known_fields(cls, names: list[str]) -> list[str]:
        allowed = [name for name in cls.model_fields if name != "suggested"]
        kind = cls.__name__.lower().replace("decisionguide", "decision guide")
        for name in names:
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise ValueError(f"'{name}' is not a field of {'an' if kind[0] in 'aeiou' else 'a'} {kind}: {hint}list names of fields such as {', '.join(allowed)}")
        if len(set(names)) != len(names):
            raise ValueError("a field is listed twice")
        return names

    @model_validator(mode="after")
    def _suggested_are_set(self) -> Play:
        # Checked once every field is read, since `suggested` comes before the type's own fields.
        for name in self.suggested:
            if getattr(self, name) in (None, [], {}):
                error = PydanticCustomError("value_error", "'{name}' is not set on this page: set it or remove it from the list", {"name": name})
                raise ValidationError.from_exception_data(type(self).__name__, [InitErrorDetails(type=error, loc=("suggested",), input=self.suggested)])
        return self


class Ritual(Play):
    cadence: Cadence
    """How often it is held."""
    duration_minutes: Annotated[int, Field(ge=1, le=480)]
    """Its length in minutes; where no source gives one, list the field in `suggested`."""
    day: Weekday | None = None
    """The usual weekday, only where a source gives one or the name implies it."""
    meeting: bool = True
    """False for protected time with no meeting in it (a no-meeting day): not counted as meeting hours."""
    prep: Line
    """What each attendee does beforehand, in one line."""
    core: Core | None = None
    """Marks one of the handbook's core rituals, the set a team starts with, and says why; the others are optional."""
    held_within: HeldWithin | None = None
    """A slot this ritual takes in another ritual's time, such as a checkpoint at the end of every second retrospective."""


class Practice(Play):
    run_minutes: Annotated[int, Field(ge=1, le=480)] | None = None
    """Minutes of the first working session that puts it in place, shown as its run time."""


class Story(TypedPage):
    # A past conflict has no owner, so no RACI levels.
    parties: Annotated[list[RoleId], Field(min_length=2)]
    """The roles on each side of the tension (at least two)."""
    involved: list[RoleId] = []
    """Other roles that appear in it, such as the lead who mediated."""
    outcome: Line
    """What came of it, as the source reports it."""


class Report(TypedPage):
    # A field report: what a team did and what came of it, with no clash at its heart; no owner, so no RACI levels.
    involved: Annotated[list[RoleId], Field(min_length=1)]
    """The roles that appear in it."""
    outcome: Line
    """What came of it, as the source reports it."""


class Myth(TypedPage):
    belief: Line
    """The belief, as people hold it."""
    reality: Line
    """What is true instead, in one line."""
    concerns: Annotated[list[RoleId], Field(min_length=1)]
    """The roles most likely to hold the belief or be hurt by it."""


class Source(Page):
    tags: Annotated[list[Slug], Field(min_length=1, max_length=6)]
    """One to six tags from docs/tags.yml."""
    kind: SourceKind
    """What kind of document it is."""
    author: Line
    """Who wrote it, described without a name, such as "An engineering manager"."""
    year: Annotated[int, Field(ge=1900, le=2100)] | None
    """The year it was written, or null when undated."""
    aliases: list[UrlPath] = []
    """Old URLs of a page that moved: each gets a redirect."""


class Term(Strict):
    term: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]
    """The term as readers meet it, such as "feature store"."""
    aka: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]] = []
    """Other spellings and abbreviations that get the same definition."""
    definition: Line
    """One line, shown on hover wherever the term first appears on a page."""
    see: PageRef | None = None
    """The page that explains it further, as folder/id."""
    sources: Annotated[list[Slug], Field(min_length=1)]
    """The source documents that use the term: file names in docs/sources/."""


class Glossary(TypedPage):
    terms: Annotated[list[Term], Field(min_length=1)]
    """Every term of the handbook, each defined once."""


# --- Plays: templates, exercises, decision guides ------------------------------


class Template(Play):
    # Accountable owns the filled-in document; responsible fill it in; consulted review it.
    run_minutes: Annotated[int, Field(ge=1, le=480)] | None = None
    """Minutes it takes to fill in, shown as its run time."""
    used_in: Annotated[list[PageRef], Field(min_length=1)]
    """The pages where the template is used (a practice, a ritual, an exercise), as folder/id."""


class Exercise(Play):
    # Accountable is the facilitator; responsible are the people who take part.
    duration_minutes: Annotated[int, Field(ge=5, le=480)]
    """Its length in minutes: the steps of `timing` add up to it."""
    group_size: GroupSize
    """How many people it needs, as min and max."""
    timing: Annotated[list[Step], Field(min_length=2)]
    """The steps, in order, each with its minutes."""
    parts: list[Part] = []
    """The parts to hand out in a role-play, each with its fact card."""


class DecisionGuide(Play):
    # Accountable makes the call. Choices lead only forward (checked in handbook.rules).
    run_minutes: Annotated[int, Field(ge=1, le=480)] | None = None
    """Minutes it takes to work through the questions together, shown as its run time."""
    use_when: Line
    """The situation the guide is for, in one line."""
    questions: Annotated[list[Question], Field(min_length=2, max_length=8)]
    """The questions, in order; the first is the start."""
    answers: Annotated[list[Answer], Field(min_length=2, max_length=8)]
    """Where the questions end."""


def field_names(model: type[Page]) -> list[str]:
    return list(model.model_fields)
