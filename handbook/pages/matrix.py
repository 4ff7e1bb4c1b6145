"""The responsibility (RACI) matrix at /matrix/ and its CSV download, derived only from `roles` in front matter.

One table per page type whose model has `roles` (a `WithRoles`), in type
order, one column per role. Each cell names its level with a letter and
explains itself in its accessible name ("Data scientist is responsible for Start
with a baseline"), which docs/javascripts/matrix.js also shows in a tooltip on
hover and focus; the script adds the role filter on top of the plain table.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from handbook.content.catalog import Catalog, Entry, ordered_roles
from handbook.content.fields import (
    INVOLVEMENT_CODES,
    INVOLVEMENT_LABELS,
    INVOLVEMENT_LEVELS,
)
from handbook.content.model import WithRoles
from handbook.content.team import TeamFile
from handbook.content.types import page_type, page_types, plural
from handbook.content.urls import Linker
from handbook.pages.render import render_html

MATRIX = "matrix.md"
MATRIX_CSV = "matrix.csv"
CODES = INVOLVEMENT_CODES
# Anchors that were published before the matrix became generic; they may be linked from outside.
MEANINGS = {
    "accountable": "owns the outcome; for a ritual, runs it. Exactly one role per row.",
    "responsible": "does the work; for a ritual, prepares and brings something to it.",
    "consulted": "is asked for input before decisions; for a ritual, joins when their area is affected.",
    "informed": "is told the outcome.",
}
_VERBS = {"accountable": "is accountable for", "responsible": "is responsible for", "consulted": "is consulted on", "informed": "is informed of"}


@dataclass(frozen=True)
class Section:
    kind: str  # "ritual"
    heading: str  # "Rituals"
    id: str  # "rituals-who-attends"
    rows: list[Entry]


def role_types() -> list[str]:
    """Every page type whose model carries `roles`, in reading order."""
    return [page_type.name for page_type in page_types() if issubclass(page_type.model, WithRoles)]


def sections(catalog: Catalog) -> list[Section]:
    found = []
    for kind in role_types():
        heading = plural(kind)
        rows = [e for e in catalog.of_type(kind) if isinstance(e.meta, WithRoles)]
        if rows:  # a type with no pages yet gets no empty table
            raci = page_type(kind).raci
            found.append(Section(kind, heading, (raci.matrix_id if raci else None) or f"{kind}-roles", rows))
    return found


PROPOSED = "the handbook's proposal: no source assigns it"


def proposed(row: Entry, level: str) -> bool:
    """An accountable role that no source assigns: the page lists `roles` in `suggested`."""
    return level == "accountable" and "roles" in getattr(row.meta, "suggested", [])


def explain(role: Entry, level: str, row: Entry) -> str:
    """The sentence a cell shows on hover and focus."""
    return f"{role.title} {_VERBS[level]} {row.title}" + (f" ({PROPOSED})" if proposed(row, level) else "")


def _cells(row: Entry, roles: list[Entry]) -> list[tuple[str, str, str, str, bool, int]]:
    """Per role: the level, its letter, the sentence that explains it, the role's short name (a phone shows "R DS"),
    whether the level is the handbook's proposal, and the columns the cell spans. Neighbouring empty cells are one cell
    spanning their columns: a third of the matrix's elements were empty cells, each restyled several times as Material
    starts on a phone. matrix.js splits them again when a role is chosen, so that its column is whole."""
    levels = row.meta.roles
    cells: list[tuple[str, str, str, str, bool, int]] = []
    for role in roles:
        if level := levels.get(role.stem):
            cells.append((level, CODES[level], explain(role, level, row), role.meta.short, proposed(row, level), 1))
        elif cells and not cells[-1][0]:
            cells[-1] = ("", "", "", "", False, cells[-1][5] + 1)
        else:
            cells.append(("", "", "", "", False, 1))
    return cells


TITLE = "Responsibility matrix"
SUMMARY = "The RACI matrix: which role is responsible, accountable or consulted for every ritual, practice, template, exercise and decision guide."


def matrix_page() -> str:
    """The page's opening paragraph (Markdown, searched); the tables come from `matrix_html`."""
    return (
        "Who is accountable for each ritual, practice, template, exercise and decision guide, who does the work"
        " and who is consulted (RACI), read from each page's front matter. A role not named is kept informed.\n"
    )


def matrix_html(catalog: Catalog, link: Linker, team: TeamFile | None = None) -> str:
    """The download, the legend and one table per type, as HTML: a large table costs Markdown a lot and gains nothing.

    With a team file, the legend names the people in each role.
    """
    roles = ordered_roles(catalog)
    return render_html(
        "matrix.html.j2",
        link=link,
        people=lambda role: [p.name for p in team.people if p.role == role.stem] if team else [],
        csv=link.file_href(MATRIX_CSV),
        levels=[(level, CODES[level], INVOLVEMENT_LABELS[level], MEANINGS[level]) for level in INVOLVEMENT_LEVELS],
        roles=roles,
        sections=[(s, [(row, _cells(row, roles)) for row in s.rows]) for s in sections(catalog)],
    )


def matrix_csv(catalog: Catalog, site_url: str = "") -> str:
    """The matrix as CSV for spreadsheets: one row per page, one column per role, cells A, R, C or I."""
    roles = ordered_roles(catalog)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    rows = [["Type", "Page", "URL", *(role.title for role in roles)]]
    base = site_url.rstrip("/")
    for section in sections(catalog):
        for row in section.rows:
            levels = row.meta.roles
            rows.append([section.kind.capitalize(), row.title, base + row.url, *(CODES.get(levels.get(role.stem, ""), "") for role in roles)])
    # Every cell, headings included: any of them may hold a contributor's text.
    writer.writerows([[_cell(cell) for cell in row] for row in rows])
    # A byte-order mark so that spreadsheet programs read the file as UTF-8.
    return "\ufeff" + out.getvalue()


def _cell(text: str) -> str:
    # A cell that starts like a formula (OWASP's list: = + - @, tab, carriage return) is shown as text, never evaluated.
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
