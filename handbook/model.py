"""The content model: one typed schema per page type, chosen by folder.

Each page is a Markdown file whose front matter is validated against the
model of its folder. Cross-page rules (known ids, unique titles) live in
`catalog.py`, because they need every page at once.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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


def _page_ref(value: str) -> str:
    folder, _, stem = value.partition("/")
    if not folder or not SLUG.match(folder) or not SLUG.match(stem):
        raise ValueError(f"'{value}' is not a page: write folder/id, e.g. practices/baseline-first")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60), AfterValidator(_plain)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=160), AfterValidator(_one_sentence)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
Slug = Annotated[str, AfterValidator(_slug)]
# Another page, as folder/id: "practices/baseline-first".
PageRef = Annotated[str, AfterValidator(_page_ref)]
UrlPath = Annotated[str, StringConstraints(pattern=r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")]

SUMMARY_MAX = 160


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Page(Strict):
    """Front matter shared by every page: the home page uses only this."""

    title: Title
    summary: Summary


class TypedPage(Page):
    tags: Annotated[list[Slug], Field(min_length=1, max_length=6)]
    sources: Annotated[list[Slug], Field(min_length=1)]
    # Old URLs of a page that moved, e.g. "/rituals/standup/": each gets a redirect.
    aliases: list[UrlPath] = []


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
    duration_minutes: Annotated[int, Field(ge=1, le=480)] | None
    prep: Line


class Practice(WithRoles):
    pass


class Story(TypedPage):
    # The sides of the tension. A past conflict has no owner, so no RACI levels:
    # `involved` names the other roles that appear in it (often the lead who mediated).
    parties: Annotated[list[Slug], Field(min_length=2)]
    involved: list[Slug] = []
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
    see: Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")] | None = None
    sources: Annotated[list[Slug], Field(min_length=1)]


class Glossary(TypedPage):
    terms: Annotated[list[Term], Field(min_length=1)]


# Folder -> (type name, model). Files directly in docs/ are matched by name.
TYPES: dict[str, tuple[str, type[Page]]] = {
    "roles": ("role", Role),
    "rituals": ("ritual", Ritual),
    "practices": ("practice", Practice),
    "stories": ("story", Story),
    "myths": ("myth", Myth),
    "sources": ("source", Source),
}
SPECIAL: dict[str, tuple[str, type[Page]]] = {
    "index.md": ("home", Page),
    "glossary.md": ("glossary", Glossary),
}
# Any other Markdown file directly in docs/ is a general typed page.
GENERAL: tuple[str, type[Page]] = ("page", TypedPage)

# Reading order of types in role views and type indexes.
TYPE_ORDER = ("role", "ritual", "practice", "story", "myth", "source", "glossary", "page", "home")
TYPE_PLURALS = {
    "role": "Roles",
    "ritual": "Rituals",
    "practice": "Practices",
    "story": "Conflict stories",
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
