"""The health check page's generated part: the form that is also a printable worksheet, and the data its script reads.

Without JavaScript (and in the PDF) the part is a worksheet: every attribute
with its three levels to tick, a line for a note, its plays and its sources.
`docs/javascripts/health-check.js` turns it into the check: it reads the same
attributes from a JSON element rendered here, computes the result, keeps the
history, makes share links and combines them in the team view.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from handbook.content.catalog import Catalog, Entry
from handbook.content.health_check import DIRECTION_LABELS, DIRECTIONS, LEVEL_LABELS, LEVELS, Attribute, HealthCheck, Play
from handbook.content.model import Exercise, Ritual
from handbook.content.types import cited, page_type
from handbook.content.urls import Linker
from handbook.pages.render import render_html
from handbook.pages.rhythm import SUGGESTION, duration_text

SCRIPT = "javascripts/health-check.js"
# The share links' format: the script refuses links of another format with a message. A link may carry more than
# format 1 began with (each member's directions) as long as a page of format 1 can still read it.
FORMAT = 1
# The team's exported JSON, which the overview across teams reads: its format name and version.
EXPORT_FORMAT, EXPORT_VERSION = "hb-health-check-team", 1


@dataclass(frozen=True)
class PlayView:
    entry: Entry
    kind: str  # "Ritual"
    time: str  # "1 h", "30 min (handbook suggestion)", "45 min session (handbook suggestion)", "4 min read"


def play_time(entry: Entry, play: Play) -> str:
    """How long a play takes: its own `minutes` (the handbook's), a ritual's or exercise's length, else its reading time."""
    meta = entry.meta
    if play.minutes is not None:
        return f"{duration_text(play.minutes)} session{SUGGESTION}"
    if isinstance(meta, Ritual | Exercise):
        return duration_text(meta.duration_minutes) + (SUGGESTION if "duration_minutes" in meta.suggested else "")
    return f"{entry.minutes} min read"


def plays(catalog: Catalog, attribute: Attribute) -> list[PlayView]:
    found = []
    for play in attribute.plays:
        entry = catalog.get(f"{play.see}.md")
        if entry is not None:
            found.append(PlayView(entry, page_type(entry.type).singular, play_time(entry, play)))
    return found


def version(meta: HealthCheck) -> str:
    """A key for the set of attributes: share links made with another set are recognised as older."""
    return hashlib.sha1("\n".join(a.id for a in meta.attributes).encode()).hexdigest()[:8]


def script_data(catalog: Catalog, meta: HealthCheck, link: Linker, team: str) -> dict[str, Any]:
    """What the script needs: the attributes' ids and names and their plays, with links from this page."""
    return {
        "format": FORMAT,
        "key": version(meta),
        "team": team,
        "labels": LEVEL_LABELS,
        "directions": DIRECTION_LABELS,
        "export": {"format": EXPORT_FORMAT, "version": EXPORT_VERSION},
        "attributes": [
            {
                "id": a.id,
                "name": a.name,
                "plays": [{"title": p.entry.title, "href": link.href(p.entry.src_uri), "kind": p.kind, "time": p.time} for p in plays(catalog, a)],
            }
            for a in meta.attributes
        ],
    }


def health_check_html(catalog: Catalog, entry: Entry, link: Linker, team: str) -> str:
    meta = entry.meta
    if not isinstance(meta, HealthCheck):
        return ""
    sources = catalog.by_stem(cited())
    attributes = [(a, plays(catalog, a), [sources[s] for s in a.sources if s in sources]) for a in meta.attributes]
    return render_html(
        "health_check.html.j2",
        link=link,
        team=team,
        attributes=attributes,
        levels=LEVELS,
        labels=LEVEL_LABELS,
        directions=DIRECTIONS,
        direction_labels=DIRECTION_LABELS,
        data=script_data(catalog, meta, link, team),
        script=link.file_href(SCRIPT),
    )
