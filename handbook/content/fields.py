"""The field types pages share: ids, references, titles, dates, RACI levels.

A reference to a role is a `RoleId`: the marker `Ref("roles")` in its type is
how validation, the role views and `make new` find every field that names a
role, so a new role field is checked without a word elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The longest id (a file name, a tag) and the longest segment of an old URL: each becomes a file or folder name,
# and file systems refuse names over 255 bytes.
MAX_SLUG = 80
# Another page, as folder/id: "practices/baseline-first".
PAGE_REF = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")

# RACI: who does the work, who owns the outcome (one role), who is asked, who is told.
Involvement = Literal["responsible", "accountable", "consulted", "informed"]
INVOLVEMENT_LEVELS: tuple[str, ...] = ("accountable", "responsible", "consulted", "informed")
INVOLVEMENT_LABELS = {"accountable": "Accountable", "responsible": "Responsible", "consulted": "Consulted", "informed": "Informed"}
INVOLVEMENT_CODES = {"accountable": "A", "responsible": "R", "consulted": "C", "informed": "I"}
# The levels before RACI, refused with a pointer to their replacement.
OLD_LEVELS = {"leads": "accountable", "takes-part": "responsible", "as-needed": "consulted"}

Cadence = Literal["daily", "weekly", "fortnightly", "monthly", "quarterly", "per-sprint", "per-release", "as-needed"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday"]
Family = Literal["science", "engineering", "product-and-design", "leadership", "stakeholder"]
SourceKind = Literal["interview-prep notes", "article", "practitioner's guide", "course session", "essay"]


@dataclass(frozen=True)
class Ref:
    """Marks a field type as the id of a page in `folder` of docs/."""

    folder: str


def _one_sentence(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must be one line")
    if not value.rstrip().endswith((".", "?", "!")):
        raise ValueError("must be one sentence ending with a full stop")
    return value


# Directional formatting characters reorder the text around them: an unclosed U+202E reverses the rest of a title
# wherever it is shown. No field needs them (the handbook and its names read left to right or carry their own script).
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(value: str) -> str:
    """One line of text with no control and no direction characters (a YAML escape can write either)."""
    if _CONTROLS.search(value):
        raise ValueError("control characters (a line break, a tab, an escape) are not allowed: write it on one line")
    if match := BIDI.search(value):
        raise ValueError(f"the direction character U+{ord(match.group()):04X} is not allowed: it reorders the text around it; remove it")
    return value


def plain(value: str) -> str:
    # MkDocs themes print titles without escaping them, so markup is refused here.
    if "<" in value or ">" in value:
        raise ValueError("must be plain text: '<' and '>' are not allowed")
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"'{value}' is not a lowercase-hyphenated id such as 'data-scientist'")
    if len(value) > MAX_SLUG:
        raise ValueError(f"'{value[:20]}...' is {len(value)} characters; an id has at most {MAX_SLUG}")
    return value


def _url_path(value: str) -> str:
    longest = max((len(segment) for segment in value.split("/")), default=0)
    if longest > MAX_SLUG:
        raise ValueError(f"a part of '{value[:30]}...' is {longest} characters; each part of an address has at most {MAX_SLUG}")
    return value


def _page_ref(value: str) -> str:
    if not PAGE_REF.match(value):
        raise ValueError(f"'{value}' is not a page id such as 'practices/team-charter' (folder/file name without .md)")
    return value


def calendar_day(value: object, hint: str) -> date:
    """A calendar day as YAML reads 2026-11-23, or the same quoted; anything else is refused with `hint`."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"'{value}' is not a date: {hint}")


def _review_date(value: object) -> object:
    return calendar_day(value, "write the day of the last review as YYYY-MM-DD, such as 2026-11-23")


def plain_label(value: object) -> object:
    # YAML 1.1 reads an unquoted Yes or No as a boolean; say so instead of "not a string".
    if isinstance(value, bool):
        raise ValueError(f"unquoted {'yes' if value else 'no'} is read as {str(value).lower()}: write it in quotes, e.g. \"{'Yes' if value else 'No'}\"")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60), AfterValidator(plain)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=160), AfterValidator(_one_sentence)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), AfterValidator(plain)]
Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]
# The pattern is for editors (the JSON Schema); validation keeps its own message.
Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
RoleId = Annotated[str, AfterValidator(_slug), Ref("roles"), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
PageRef = Annotated[str, AfterValidator(_page_ref), WithJsonSchema({"type": "string", "pattern": PAGE_REF.pattern})]
ReviewDate = Annotated[date, BeforeValidator(_review_date)]
UrlPath = Annotated[str, StringConstraints(pattern=r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$"), AfterValidator(_url_path)]
