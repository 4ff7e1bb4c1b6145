"""The role-by-practice matrix at /matrix/, derived only from `roles` in front matter."""

from __future__ import annotations

from handbook.catalog import Catalog, Entry
from handbook.model import INVOLVEMENT_CODES, INVOLVEMENT_LABELS, WithRoles
from handbook.render import Trusted, front_matter, render

MATRIX = "matrix.md"
CODES = INVOLVEMENT_CODES

_MATRIX = """\
Who does what, read straight from each page's front matter. Rows link to the practice or ritual; column headers link to the role.

**Legend:**{% for level, label in legend %} **{{ codes[level] }}** {{ label }}{{ "," if not loop.last }}{% endfor %}; an empty cell means the role is not involved.

**Roles:**{% for role in roles %} {{ link(here, role, role.meta.short) }} {{ role.title }}{{ "," if not loop.last }}{% endfor %}.

## Practices by role

<div class="hb-matrix" markdown>

{{ table(practices) }}

</div>

## Rituals: who attends

<div class="hb-matrix" markdown>

{{ table(rituals) }}

</div>
"""


def ordered_roles(catalog: Catalog) -> list[Entry]:
    families = ("leadership", "product-and-design", "science", "engineering", "stakeholder")
    return sorted(catalog.of_type("role"), key=lambda r: (families.index(r.meta.family), r.title.casefold()))


def _table(rows: list[Entry], roles: list[Entry], first: str) -> Trusted:
    return Trusted(
        render(
            """\
| {{ first }} |{% for role in roles %} {{ link(here, role, role.meta.short) }} |{% endfor %}

| --- |{% for role in roles %} :---: |{% endfor %}

{% for row in rows %}
| {{ link(here, row) }} |{% for role in roles %} {{ codes.get(row.meta.roles.get(role.stem), "") }} |{% endfor %}

{% endfor %}
""",
            here=MATRIX,
            first=first,
            rows=rows,
            roles=roles,
            codes=CODES,
        ).strip()
    )


def matrix_page(catalog: Catalog) -> str:
    roles = ordered_roles(catalog)
    practices = [e for e in catalog.of_type("practice") if isinstance(e.meta, WithRoles)]
    rituals = [e for e in catalog.of_type("ritual") if isinstance(e.meta, WithRoles)]
    return front_matter("Role-by-practice matrix", "Which role is responsible, accountable, consulted or informed for every practice and ritual.") + render(
        _MATRIX,
        here=MATRIX,
        legend=list(INVOLVEMENT_LABELS.items()),
        codes=CODES,
        roles=roles,
        practices=practices,
        rituals=rituals,
        table=lambda rows: _table(rows, roles, "Practice" if rows is practices else "Ritual"),
    )
