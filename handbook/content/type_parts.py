"""The parts a page type declares in the registry (`handbook.content.types`): its anatomy, its index, what its
RACI levels mean, where role pages list it, whether it is a play, and its scaffold's placeholders."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Anatomy:
    headings: tuple[str, ...]
    # Checked on every build once every page of the type follows it.
    enforced: bool = False
    # Headings a page may add after the required ones, in this order (a template's worked example).
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Index:
    """The generated index page of a type's folder (/rituals/): its summary and its table's columns."""

    summary: str
    # (column heading, cell): cells are macros of templates/type_index.md.j2, e.g. "cadence".
    columns: tuple[tuple[str, str], ...]
    # A line under the table on how to read the RACI columns, with a link to the matrix.
    raci_note: bool = False


@dataclass(frozen=True)
class Raci:
    """What each RACI level means for this type's pages: beside the level in the page's box (`glosses`, "makes the
    call"), and as the heading of a level on a role page (`levels`, "You run these")."""

    glosses: dict[str, str] = dataclasses.field(default_factory=dict)
    matrix_id: str | None = None  # the anchor of the type's table on the matrix page (published: never change one); default "<type>-roles"
    levels: dict[str, str] = dataclasses.field(default_factory=lambda: {
        "accountable": "You own these", "responsible": "You do the work", "consulted": "You are asked for input",
        "informed": "You are kept informed"})


@dataclass(frozen=True)
class RoleList:
    """A section of every role page that lists this type's pages naming the role: by RACI level for a type with
    roles, else those whose `fields` name it. Types with the same `id` share one section, in reading order."""

    id: str  # its anchor, such as "rituals-you-attend"
    title: str
    empty: str  # said when no page names the role
    fields: tuple[str, ...] = ()  # for a type without RACI levels: the fields that name roles, such as ("parties", "involved")
    detail: str = ""  # the front-matter field shown after each page's link, such as "summary"


@dataclass(frozen=True)
class Play:
    """A page a team runs (a ritual, a practice, a template, an exercise, a decision guide): its at-a-glance box
    shows prep time, run time, who, materials and difficulty."""

    run_label: str = "Run time"  # how the type names its run time: "Time to fill in"
    run_field: str = "run_minutes"  # the field that holds it: a ritual's and an exercise's is duration_minutes


@dataclass(frozen=True)
class PageIn:
    """Stands for the id of an existing page in `folder`, as folder/id, e.g. practices/baseline-first."""

    folder: str


@dataclass(frozen=True)
class Example:
    """Scaffold placeholders of one page type, where the generic ones would break the type's rules."""

    # Field -> placeholder value, written instead of the generic one; PageIn(...) becomes an existing page.
    fields: dict[str, Any] = dataclasses.field(default_factory=dict)
    # Anatomy heading -> the placeholder text under it.
    sections: dict[str, str] = dataclasses.field(default_factory=dict)
