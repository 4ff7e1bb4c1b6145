"""The parts of a play's front matter: group sizes, role-play parts, steps, questions and answers, decisions, slots.

They are the nested values of the models in `model.py`, which imports and
re-exports them; like every model, each field's docstring is its description
in the exported editor schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from handbook.content.fields import Line, PageRef, RoleId, Sentence, Short, Slug, plain_label
from handbook.content.strict import Strict

# How much practice a play asks of a team, and what each level means to the reader.
Difficulty = Literal["starter", "intermediate", "advanced"]
DIFFICULTY_LABELS = {
    "starter": "starter: a team can run it the first time from this page",
    "intermediate": "intermediate: easier once the team has run a few plays together",
    "advanced": "advanced: needs a facilitator who has seen it done",
}


class GroupSize(Strict):
    min: Annotated[int, Field(ge=1, le=100)]
    """The fewest people it works with."""
    max: Annotated[int, Field(ge=1, le=100)]
    """The most people it works with."""

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is below min ({self.min})")
        return self


class Part(Strict):
    name: Short
    """A part someone plays, such as "Product manager"."""
    role: RoleId | None = None
    """The role the part stands for, linked to its page."""
    brief: Line
    """What the player is told, in one line."""
    facts: Annotated[list[Line], Field(max_length=8)] = []
    """The part's fact card: what only this side knows, one fact a line, handed out before the role-play."""


class Step(Strict):
    minutes: Annotated[int, Field(ge=1, le=240)]
    """How long the step takes."""
    step: Line
    """What happens in it."""


class Choice(Strict):
    label: Annotated[Short, BeforeValidator(plain_label)]
    """The answer the reader picks, such as "Yes"."""
    go: Slug
    """The id of the next question, or of an answer."""


class Question(Strict):
    id: Slug
    """The question's id, for choices that lead to it."""
    ask: Sentence
    """The question, as the reader is asked it."""
    hint: Sentence | None = None
    """What helps the reader answer."""
    choices: Annotated[list[Choice], Field(min_length=2, max_length=4)]
    """Two to four answers, each leading forward."""


class Answer(Strict):
    id: Slug
    """The answer's id, for choices that lead to it."""
    title: Short
    """The answer in a few words."""
    text: Sentence
    """What to do."""
    see: Annotated[list[PageRef], Field(min_length=1)]
    """Pages to read or act on next, as folder/id."""


class Decision(Strict):
    id: Slug
    """The decision's id, the same on every page that takes part in it, such as model-go-no-go."""
    outcomes: Annotated[list[Short], Field(max_length=6)] = []
    """Its possible outcomes, given only on the page that owns the decision; the other pages name the id and link there."""

    @field_validator("outcomes")
    @classmethod
    def _outcomes(cls, outcomes: list[str]) -> list[str]:
        if len(outcomes) == 1:
            raise ValueError("a decision has at least two outcomes: list them all, or none on a page that links to the owner")
        if len({o.casefold() for o in outcomes}) != len(outcomes):
            raise ValueError("an outcome is listed twice")
        return outcomes


class Core(Strict):
    why: Line
    """Why the ritual is in the core set a team starts with, in one line."""


class HeldWithin(Strict):
    ritual: Slug
    """The id of the ritual this one takes a slot in, such as retrospective."""
    minutes: Annotated[int, Field(ge=1, le=240)]
    """The minutes it takes of that ritual's time."""
    every: Annotated[int, Field(ge=1, le=12)] = 1
    """How often it takes the slot: 1 for every session of that ritual, 2 for every second one."""
