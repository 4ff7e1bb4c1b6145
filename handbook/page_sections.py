"""What the build adds around a page's own text: chips, at-a-glance boxes, role views, sources, backlinks.

The added sections only list other pages, so their headings carry `data-search-exclude`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from handbook.backlinks import backlinks
from handbook.catalog import Catalog, Entry
from handbook.glossary import GLOSSARY, abbreviations, term_list
from handbook.model import INVOLVEMENT_LABELS, Myth, Ritual, Story, WithRoles
from handbook.provenance import drawn_from
from handbook.render import Trusted, render
from handbook.role_views import role_view
from handbook.tag_pages import tag_uri

_CHIPS = """\
{% if tags %}
<div class="md-tags hb-tags" markdown>
{% for tag in tags %}{{ link(here, tag_uri(tag), tag) }}{ .md-tag } {% endfor %}

</div>

{% endif %}
"""

# Raw HTML because the PDFs are made after the site, so MkDocs cannot check the link;
# the href is built from a validated id.
_DOWNLOAD = """\
<p class="hb-download"><a class="md-button" href="{{ href }}" download>{{ label }}</a></p>

"""

_RITUAL = """\
!!! abstract "At a glance"

    - **Cadence:** {{ m.cadence }}
    - **Duration:** {{ (m.duration_minutes ~ " minutes") if m.duration_minutes else "not set by the sources" }}
    - **Who attends:** {% for role, level in roles %}{{ link(here, role) }} ({{ labels[level] | lower }}){{ ", " if not loop.last }}{% endfor %}

    - **Prep:** {{ m.prep }}

"""

_STORY = """\
!!! abstract "At a glance"

    - **Parties:** {% for role in parties %}{{ link(here, role) }}{{ ", " if not loop.last }}{% endfor %}

    - **Outcome, as reported:** {{ m.outcome }}

"""

_MYTH = """\
!!! failure "The belief"

    {{ m.belief }}

!!! success "The reality"

    {{ m.reality }}

"""

_INVOLVED = """\
!!! abstract "Who is involved"

    {% for role, level in roles %}{{ link(here, role) }} ({{ labels[level] | lower }}){{ ", " if not loop.last }}{% endfor %}


"""

_SOURCES = """\

## Sources { data-search-exclude }

{% for source in sources %}
- {{ link(here, source) }} ({{ source.meta.kind }})
{% endfor %}
"""

_DRAWN = """\

## Pages drawn from this source { data-search-exclude }

{% for entry in pages %}
- {{ link(here, entry) }}: {{ entry.meta.summary }}
{% else %}
No page cites this source yet.
{% endfor %}
"""

_LINKED = """\

## Linked from { data-search-exclude }

{% for entry in pages %}
- {{ link(here, entry) }}
{% else %}
No page links here yet.
{% endfor %}
"""


@dataclass(frozen=True)
class Sections:
    """Everything derived from the whole catalog once per build, then read per page."""

    catalog: Catalog
    linked_from: dict[str, list[Entry]]
    drawn: dict[str, list[Entry]]
    abbreviations: str

    @classmethod
    def build(cls, catalog: Catalog) -> Sections:
        return cls(catalog, backlinks(catalog), drawn_from(catalog), abbreviations(catalog))

    def decorate(self, src_uri: str, markdown: str, to_root: str = "") -> str:
        """The page's Markdown with the generated parts added; `to_root` leads from the page to the site root."""
        entry = self.catalog.get(src_uri)
        if entry is None:
            return markdown + self.abbreviations
        return self.prefix(entry, to_root) + markdown + self.suffix(entry) + self.abbreviations

    def prefix(self, entry: Entry, to_root: str = "") -> str:
        roles = self.catalog.by_stem("role")
        m = entry.meta
        context = {"here": entry.src_uri, "m": m, "labels": INVOLVEMENT_LABELS, "tag_uri": tag_uri}
        if isinstance(m, WithRoles):
            context["roles"] = [(roles[r], level) for r, level in m.roles.items() if r in roles]
        text = render(_CHIPS, tags=getattr(m, "tags", []), **context)
        if entry.type == "home":
            text += self._download(f"{to_root}pdf/handbook.pdf", "Download the handbook (PDF)")
        elif entry.type == "role":
            text += self._download(f"{to_root}pdf/{entry.stem}.pdf", f"Download the {entry.title} onboarding pack (PDF)")
        if isinstance(m, Ritual):
            text += render(_RITUAL, **context)
        elif isinstance(m, Story):
            text += render(_STORY, parties=[roles[r] for r in m.parties if r in roles], **context)
        elif isinstance(m, Myth):
            text += render(_MYTH, **context)
        elif isinstance(m, WithRoles):
            text += render(_INVOLVED, **context)
        return text

    @staticmethod
    def _download(href: str, label: str) -> str:
        # Inside raw HTML, Markdown escapes do not apply: escape for HTML instead.
        return render(_DOWNLOAD, href=Trusted(href), label=Trusted(html.escape(label)))

    def suffix(self, entry: Entry) -> str:
        here = entry.src_uri
        text = "\n"
        if entry.type == "role":
            text += role_view(self.catalog, entry)
        if entry.src_uri == GLOSSARY:
            text += term_list(self.catalog)
        if entry.type == "source":
            text += render(_DRAWN, here=here, pages=self.drawn.get(entry.stem, []))
        elif entry.type != "home":
            sources = self.catalog.by_stem("source")
            cited = [sources[s] for s in getattr(entry.meta, "sources", []) if s in sources]
            text += render(_SOURCES, here=here, sources=cited)
        if entry.type != "home":
            text += render(_LINKED, here=here, pages=self.linked_from.get(here, []))
        return text
