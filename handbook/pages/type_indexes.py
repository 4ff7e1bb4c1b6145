"""Type indexes at /roles/, /rituals/, /practices/, /templates/, /exercises/, /decision-guides/, /stories/, /field-reports/, /myths/ and /sources/."""

from __future__ import annotations

from handbook.content.catalog import Catalog, Entry
from handbook.content.exercises import group_size
from handbook.content.model import INVOLVEMENT_LABELS
from handbook.pages.render import front_matter, render

_INTROS = {
    "roles": ("Roles", "Every role on a cross-functional AI team: what it does and what it needs from the others.", "role"),
    "rituals": ("Rituals", "The recurring meetings and sessions that keep a cross-functional AI team in step.", "ritual"),
    "practices": ("Practices", "The working practices that help scientists, engineers, product and leadership deliver together.", "practice"),
    "templates": ("Templates", "Documents a cross-functional AI team fills in together, each ready to download as Markdown.", "template"),
    "exercises": ("Exercises", "Role-plays and workshops for practising the conversations and agreements an AI team depends on.", "exercise"),
    "decision-guides": ("Decision guides", "Short sequences of questions that end in an answer for the recurring hard calls of an AI team.", "decision-guide"),
    "stories": ("Conflict stories", "Real tensions between roles, what each side needed and how they were resolved.", "story"),
    "field-reports": ("Field reports", "Accounts of what one team did and what it reports came of it, with the lessons for yours.", "report"),
    "myths": ("Myths", "Beliefs about AI teams that the sources show to be wrong, and what to do instead.", "myth"),
    "sources": ("Sources", "The five documents this handbook was built from, and what it took from each.", "source"),
}

_TABLES = {
    "role": (
        "| Role | Family | Summary |\n| --- | --- | --- |\n",
        "| {{ link(here, e) }} | {{ e.meta.family.replace('-', ' ') }} | {{ e.meta.summary }} |\n",
    ),
    "ritual": (
        "| Ritual | Cadence | Duration | Run by | Summary |\n| --- | --- | --- | --- | --- |\n",
        "| {{ link(here, e) }} | {{ e.meta.cadence }}{{ ' (suggested)' if 'cadence' in e.meta.suggested }}"
        " | {{ e.meta.duration_minutes }} min{{ ' (suggested)' if 'duration_minutes' in e.meta.suggested }}"
        " | {% for r in leads(e) %}{{ link(here, r) }}{{ ', ' if not loop.last }}{% endfor %} | {{ e.meta.summary }} |\n",
    ),
    "practice": (
        "| Practice | Owned by | Summary |\n| --- | --- | --- |\n",
        "| {{ link(here, e) }} | {% for r in leads(e) %}{{ link(here, r) }}{{ ', ' if not loop.last }}{% endfor %} | {{ e.meta.summary }} |\n",
    ),
    "template": (
        "| Template | Used in | Owned by | Summary |\n| --- | --- | --- | --- |\n",
        "| {{ link(here, e) }} | {% for p in used_in(e) %}{{ link(here, p) }}{{ ', ' if not loop.last }}{% endfor %}"
        " | {% for r in leads(e) %}{{ link(here, r) }}{% endfor %} | {{ e.meta.summary }} |\n",
    ),
    "exercise": (
        "| Exercise | Duration | Group size | Facilitator | Summary |\n| --- | --- | --- | --- | --- |\n",
        "| {{ link(here, e) }} | {{ e.meta.duration_minutes }} min | {{ group_size(e.meta) }}"
        " | {% for r in leads(e) %}{{ link(here, r) }}{% endfor %} | {{ e.meta.summary }} |\n",
    ),
    "decision-guide": (
        "| Decision guide | Use it when | Who makes the call |\n| --- | --- | --- |\n",
        "| {{ link(here, e) }} | {{ e.meta.use_when }} | {% for r in leads(e) %}{{ link(here, r) }}{% endfor %} |\n",
    ),
    "story": (
        "| Story | Parties | Outcome, as reported |\n| --- | --- | --- |\n",
        "| {{ link(here, e) }} | {% for r in parties(e) %}{{ link(here, r) }}{{ ', ' if not loop.last }}{% endfor %} | {{ e.meta.outcome }} |\n",
    ),
    "report": (
        "| Report | Involved | Outcome, as reported |\n| --- | --- | --- |\n",
        "| {{ link(here, e) }} | {% for r in involved(e) %}{{ link(here, r) }}{{ ', ' if not loop.last }}{% endfor %} | {{ e.meta.outcome }} |\n",
    ),
    "myth": (
        "| Myth | The belief | The reality |\n| --- | --- | --- |\n",
        "| {{ link(here, e) }} | {{ e.meta.belief }} | {{ e.meta.reality }} |\n",
    ),
    "source": (
        "| Source | Kind | Year | Summary |\n| --- | --- | --- | --- |\n",
        "| {{ link(here, e) }} | {{ e.meta.kind }} | {{ e.meta.year or 'undated' }} | {{ e.meta.summary }} |\n",
    ),
}


def type_index_pages(catalog: Catalog) -> dict[str, str]:
    roles = catalog.by_stem("role")

    def leads(entry: Entry) -> list[Entry]:
        return [roles[r] for r, level in entry.meta.roles.items() if level == "accountable" and r in roles]

    def parties(entry: Entry) -> list[Entry]:
        return [roles[r] for r in entry.meta.parties if r in roles]

    def used_in(entry: Entry) -> list[Entry]:
        return [page for ref in entry.meta.used_in if (page := catalog.get(f"{ref}.md")) is not None]

    def involved(entry: Entry) -> list[Entry]:
        return [roles[r] for r in entry.meta.involved if r in roles]

    pages = {}
    for folder, (title, summary, kind) in _INTROS.items():
        head, row = _TABLES[kind]
        uri = f"{folder}/index.md"
        entries = catalog.of_type(kind)
        template = "{{ summary }}\n\n" + head + "{% for e in entries %}" + row + "{% endfor %}"
        if kind in ("ritual", "practice"):
            template += "\n\nInvolvement is RACI: " + ", ".join(INVOLVEMENT_LABELS.values()).lower() + ". See the {{ link(here, 'matrix.md', 'role-by-practice matrix') }}.\n"
        helpers = {"leads": leads, "parties": parties, "used_in": used_in, "group_size": group_size, "involved": involved}
        pages[uri] = front_matter(title, summary) + render(template, here=uri, summary=summary, entries=entries, **helpers)
    return pages
