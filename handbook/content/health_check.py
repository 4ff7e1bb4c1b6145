"""The team health check's content: the attributes of a healthy cross-functional AI team, each rated at three levels.

The attributes live in the front matter of docs/health-check.md. Each says
what it means, what each level looks like from the outside, which sources it
draws on and which of the handbook's pages help a team that rates it low (its
plays). The rules between pages (known pages and sources, unique ids) are in
`handbook.rules.health_check`; the page's form, worksheet and results in
`handbook.views.health_check`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from handbook.content.fields import Line, PageRef, Short, Slug
from handbook.content.model import Strict, TypedPage

# The levels a member can give, worst last; "unknown" is "don't know", never computed into a result.
LEVELS: tuple[str, ...] = ("healthy", "some-concern", "at-risk")
LEVEL_LABELS = {"healthy": "Healthy", "some-concern": "Some concern", "at-risk": "At risk", "unknown": "Don't know"}
# How an attribute has moved over the last few weeks, as a member sees it (optional).
DIRECTIONS: tuple[str, ...] = ("improving", "stable", "worse")
DIRECTION_LABELS = {"improving": "Improving", "stable": "Stable", "worse": "Getting worse"}
MIN_ATTRIBUTES, MAX_ATTRIBUTES = 8, 10


class Levels(Strict):
    healthy: Line
    """What a healthy team is seen doing, in one line."""
    some_concern: Line = Field(alias="some-concern")
    """What a team with some concern is seen doing, in one line."""
    at_risk: Line = Field(alias="at-risk")
    """What a team at risk is seen doing, in one line."""

    def of(self, level: str) -> str:
        return {"healthy": self.healthy, "some-concern": self.some_concern, "at-risk": self.at_risk}[level]


class Play(Strict):
    see: PageRef
    """The page to run or read, as folder/id: a ritual, exercise, practice, template, decision guide, myth, story or field report."""
    minutes: Annotated[int, Field(ge=1, le=480)] | None = None
    """How long the play takes to start, the handbook's suggestion; default: a ritual's or exercise's duration, else the reading time."""


class Attribute(Strict):
    id: Slug
    """The attribute's id: its anchor on the page and its key in saved ratings and share links."""
    name: Short
    """The attribute as a statement of health, such as "Roles and decision rights are clear"."""
    definition: Line
    """What it means, in one line."""
    levels: Levels
    """What each level looks like from the outside: healthy, some-concern and at-risk."""
    sources: Annotated[list[Slug], Field(min_length=1)]
    """The source documents it draws on: file names in docs/sources/, also listed in the page's own sources."""
    plays: Annotated[list[Play], Field(min_length=2, max_length=5)]
    """The pages that help, best first: the first three are offered when the attribute is at risk, the first two at some concern."""


class HealthCheck(TypedPage):
    attributes: Annotated[list[Attribute], Field(min_length=MIN_ATTRIBUTES, max_length=MAX_ATTRIBUTES)]
    """The attributes of a healthy cross-functional AI team, eight to ten, in the order the check asks them."""
