"""What the build adds around a page's own text: chips, at-a-glance boxes, role views, sources, backlinks.

The added sections only list other pages, so their headings carry `data-search-exclude`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from handbook.backlinks import backlinks
from handbook.catalog import Catalog, Entry
from handbook.glossary import GLOSSARY, term_index, term_list
from handbook.glossary_terms import TermIndex
from handbook.matrix import MATRIX
from handbook.model import INVOLVEMENT_LABELS, INVOLVEMENT_LEVELS, Myth, Report, Ritual, Story, WithRoles
from handbook.play_sections import play_box, play_suffix
from handbook.provenance import drawn_from
from handbook.render import Trusted, render_file
from handbook.rhythm import cadence_text, length_text
from handbook.role_views import pack_name, role_view, role_welcome, split_intro
from handbook.tag_pages import tag_uri

# Material's search boost per page type: role pages are the handbook's entry points.
SEARCH_BOOST = {"role": 2}


def long_date(day: date) -> str:
    """23 November 2026, in every locale."""
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
    return f"{day.day} {months[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Sections:
    """Everything derived from the whole catalog once per build, then read per page."""

    catalog: Catalog
    linked_from: dict[str, list[Entry]]
    drawn: dict[str, list[Entry]]
    terms: TermIndex
    # True only in builds that also make the PDFs, so no button leads to a missing file.
    downloads: bool = False

    @classmethod
    def build(cls, catalog: Catalog, *, downloads: bool = False) -> Sections:
        return cls(catalog, backlinks(catalog), drawn_from(catalog), term_index(catalog), downloads)

    def decorate(self, src_uri: str, markdown: str, to_root: str = "", updated: date | None = None) -> str:
        """The page's Markdown with the generated parts added; `to_root` leads from the page to the site root.

        `updated` is the day of the page's last commit, when the build knows it.
        """
        entry = self.catalog.get(src_uri)
        if src_uri == MATRIX:
            # A data table: glossary tooltips would cover the cells' and headings' own.
            return markdown
        if entry is None:
            return markdown
        if entry.type == "role":
            # The welcome goes right after the role's introduction, before its own sections.
            intro, rest = split_intro(markdown)
            markdown = intro + "\n\n" + role_welcome(self.catalog, entry, lead=not intro.strip()) + "\n" + rest
        return self.prefix(entry, to_root) + markdown + play_suffix(entry, to_root) + self.suffix(entry) + self.dates(entry, updated)

    def prefix(self, entry: Entry, to_root: str = "") -> str:
        roles = self.catalog.by_stem("role")
        m = entry.meta
        context = {"here": entry.src_uri, "m": m, "labels": INVOLVEMENT_LABELS}
        text = render_file("chips.md.j2", tags=getattr(m, "tags", []), tag_uri=tag_uri, tag_label=self.catalog.tag_labels.get, **context)
        if self.downloads and entry.type == "home":
            text += self._download(f"{to_root}pdf/handbook.pdf", "Download the handbook (PDF)")
        elif self.downloads and entry.type == "role":
            text += self._download(f"{to_root}pdf/{pack_name(entry)}.pdf", f"Download the {entry.title} onboarding pack (PDF)")
        if isinstance(m, WithRoles):
            by_level = [
                (level, [roles[r] for r, given in m.roles.items() if given == level and r in roles]) for level in INVOLVEMENT_LEVELS
            ]
            context["by_level"] = [(level, entries) for level, entries in by_level if entries]
        if isinstance(m, Ritual):
            text += render_file("ritual_box.md.j2", length=length_text, often=cadence_text, **context)
        elif isinstance(m, Story):
            text += render_file(
                "story_box.md.j2",
                parties=[roles[r] for r in m.parties if r in roles],
                involved=[roles[r] for r in m.involved if r in roles],
                **context,
            )
        elif isinstance(m, Report):
            text += render_file("report_box.md.j2", involved=[roles[r] for r in m.involved if r in roles], **context)
        elif isinstance(m, Myth):
            text += render_file("myth_box.md.j2", **context)
        elif box := play_box(self.catalog, entry, context, to_root):
            text += box
        elif isinstance(m, WithRoles):
            text += render_file("involved_box.md.j2", **context)
        return text

    @staticmethod
    def dates(entry: Entry, updated: date | None = None) -> str:
        """'Last reviewed <date> · Last updated <date>' at the foot of the page."""
        dates = [("Last reviewed", entry.meta.reviewed)] + ([("Last updated", updated)] if updated else [])
        # Raw HTML: Markdown escapes do not apply, and dates need none.
        return render_file("page_dates.html.j2", dates=[(label, Trusted(day.isoformat()), Trusted(long_date(day))) for label, day in dates])

    @staticmethod
    def _download(href: str, label: str) -> str:
        # Inside raw HTML, Markdown escapes do not apply: escape for HTML instead.
        return render_file("download.html.j2", href=Trusted(href), label=Trusted(html.escape(label)))

    def suffix(self, entry: Entry) -> str:
        here = entry.src_uri
        text = "\n"
        if entry.type == "role":
            text += role_view(self.catalog, entry)
        if entry.src_uri == GLOSSARY:
            text += term_list(self.catalog)
        if entry.type == "source":
            text += render_file("drawn.md.j2", here=here, pages=self.drawn.get(entry.stem, []))
        elif entry.type != "home":
            sources = self.catalog.by_stem("source")
            cited = [sources[s] for s in getattr(entry.meta, "sources", []) if s in sources]
            text += render_file("sources.md.j2", here=here, sources=cited)
        if entry.type != "home":
            # A role page is a welcome: its long list of backlinks stays folded.
            text += render_file("linked_from.md.j2", here=here, pages=self.linked_from.get(here, []), collapsed=entry.type == "role")
        return text
