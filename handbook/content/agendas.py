"""A ritual's timed agenda: the table under its `## Agenda` heading whose first column counts minutes.

Rituals write their agenda as a Markdown table (| Minutes | Item |), often
inside a suggestion callout. `timed_agenda` reads it back so that the rules
can check that the minutes add up to the ritual's length, including any slot
another ritual takes in it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from handbook.content.markdown import MARKDOWN_LINK, heading, prose_lines

AGENDA_HEADING = "Agenda"


@dataclass(frozen=True)
class Row:
    line: int  # 0-based, within the body
    minutes: int
    item: str
    links: tuple[str, ...]  # docs-relative paths of the pages the row links to


@dataclass(frozen=True)
class Agenda:
    line: int  # 0-based line of the table's header, within the body
    rows: tuple[Row, ...]

    @property
    def minutes(self) -> int:
        return sum(row.minutes for row in self.rows)


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def timed_agenda(src_uri: str, body: str) -> Agenda | None:
    """The first table with a Minutes column in the body's Agenda section, or None when it has none."""
    inside, header, column, rows = False, None, 0, []
    for index, line in prose_lines(body):
        found = heading(line)
        if found and found[0] <= 2:
            if inside:
                break
            inside = found == (2, AGENDA_HEADING)
            continue
        # A table may sit in a callout, indented by four spaces.
        text = line[4:] if line.startswith("    ") else line
        if not inside or not text.lstrip().startswith("|"):
            if header is not None and rows:
                break
            continue
        cells = _cells(text)
        if header is None:
            names = [cell.casefold() for cell in cells]
            if "minutes" in names:
                header, column = index, names.index("minutes")
            continue
        if set(cells[column]) <= set("-: "):
            continue
        if not cells[column].isdigit():
            return None
        targets = tuple(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), m.group("target"))) for m in MARKDOWN_LINK.finditer(text))
        rows.append(Row(index, int(cells[column]), " | ".join(c for i, c in enumerate(cells) if i != column), targets))
    return Agenda(header, tuple(rows)) if header is not None and rows else None
