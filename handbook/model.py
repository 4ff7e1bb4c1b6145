"""The content model: one typed schema per page type, chosen by folder.

Each page is a Markdown file whose front matter is validated against the
model of its folder. Cross-page rules (known ids, unique titles) live in
`catalog.py`, because they need every page at once.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

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


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60), AfterValidator(_plain)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=160), AfterValidator(_one_sentence)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
# The pattern is for editors (the JSON Schema); validation keeps its own message.
Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
ReviewDate = Annotated[date, BeforeValidator(_review_date)]
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


class Role(TypedPage):
    family: Family
    # Column label in the role-by-practice matrix, e.g. "DS".
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8)]
    also_called: list[Text] = []


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
