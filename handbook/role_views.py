"""Generated sections of a role page: its rituals, practices, stories, myths and a reading order.

They repeat other pages' titles, so they are kept out of the search index.
"""

from __future__ import annotations

from handbook.catalog import Catalog, Entry
from handbook.model import INVOLVEMENT_LABELS, INVOLVEMENT_LEVELS, WithRoles
from handbook.render import render

_VIEW = """\

## Rituals you attend { data-search-exclude }

{% if rituals %}
| Ritual | Cadence | Your part |
| --- | --- | --- |
{% for entry, level in rituals %}
| {{ link(here, entry) }} | {{ entry.meta.cadence }} | {{ labels[level] }} |
{% endfor %}
{% else %}
No ritual lists this role yet.
{% endif %}

## Practices you own or work in { #practices-you-lead-or-take-part-in data-search-exclude }

{% if practices %}
{% for level, entries in practices %}
### {{ labels[level] }} { data-search-exclude }

{% for entry in entries %}
- {{ link(here, entry) }}
{% endfor %}

{% endfor %}
{% else %}
No practice lists this role yet.
{% endif %}

## Stories and field reports that involve you { #stories-where-you-are-a-party data-search-exclude }

{% for entry in stories %}
- {{ link(here, entry) }}: {{ entry.meta.summary }}
{% else %}
No story or field report involves this role yet.
{% endfor %}

## Myths to unlearn { data-search-exclude }

{% for entry in myths %}
- {{ link(here, entry) }}: {{ entry.meta.reality }}
{% else %}
No myth concerns this role yet.
{% endfor %}

## Suggested reading order { data-search-exclude }

For a new hire in this role: {{ order | length }} pages, about {{ total }} minutes in all.

{% for entry in order %}
1. {{ link(here, entry) }} ({{ entry.minutes }} min)
{% endfor %}
"""


def _level_rank(level: str) -> int:
    return INVOLVEMENT_LEVELS.index(level)


def involvements(catalog: Catalog, role: str, kind: str) -> list[tuple[Entry, str]]:
    found = [
        (entry, entry.meta.roles[role])
        for entry in catalog.of_type(kind)
        if isinstance(entry.meta, WithRoles) and role in entry.meta.roles
    ]
    return sorted(found, key=lambda pair: (_level_rank(pair[1]), pair[0].title.casefold()))


def stories_of(catalog: Catalog, role: str) -> list[Entry]:
    return [
        entry
        for entry in catalog.of_type("story") + catalog.of_type("report")
        if role in getattr(entry.meta, "parties", []) or role in entry.meta.involved
    ]


def myths_of(catalog: Catalog, role: str) -> list[Entry]:
    return [entry for entry in catalog.of_type("myth") if role in entry.meta.concerns]


def reading_order(catalog: Catalog, role_entry: Entry) -> list[Entry]:
    """The role page, then what it owns, then what it works in, then stories and myths."""
    role = role_entry.stem
    rituals = involvements(catalog, role, "ritual")
    practices = involvements(catalog, role, "practice")
    core = [e for e, level in rituals + practices if level in ("accountable", "responsible")]
    core.sort(key=lambda e: _level_rank(e.meta.roles[role]))  # stable: rituals before practices per level
    return [role_entry, *core, *stories_of(catalog, role), *myths_of(catalog, role)]


def role_view(catalog: Catalog, entry: Entry) -> str:
    role = entry.stem
    practices: dict[str, list[Entry]] = {}
    for practice, level in involvements(catalog, role, "practice"):
        practices.setdefault(level, []).append(practice)
    order = reading_order(catalog, entry)
    return render(
        _VIEW,
        here=entry.src_uri,
        labels=INVOLVEMENT_LABELS,
        rituals=involvements(catalog, role, "ritual"),
        practices=list(practices.items()),
        stories=stories_of(catalog, role),
        myths=myths_of(catalog, role),
        order=order,
        total=sum(e.minutes for e in order),
    )
