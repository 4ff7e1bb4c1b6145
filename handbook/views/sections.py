"""What the build adds around a page's own text: chips, at-a-glance boxes, role views, sources, backlinks.

Almost all of it is HTML, put into the page after its Markdown is converted:
Markdown would only turn the same lists back into HTML, and doing that for
every page was most of what the handbook added to a build's time. Only the
role page's welcome sentence stays Markdown, so that it reads as part of the
role's introduction (and is searched with it).

`decorate` returns the page's parts by where they go:

- `top`: before the page's own text (chips, the at-a-glance box, a decision
  guide's questions); searched, though the boxes carry `data-search-exclude`.
- `end`: right after the page's own text (the glossary's term list, the
  health check's form; on generated pages, the matrix's tables and a tag's
  pages); searched.
- `path`: at `PATH_MARK`, after a role's introduction (first week, first 90 days).
- `foot`: at the very end (a role's reference, sources, backlinks, dates).

`path` and `foot` only list other pages, so they go in after the search index
is made; their headings still carry `data-search-exclude`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from handbook.content.catalog import Catalog, Entry, ordered_roles
from handbook.content.decision_guides import answer_anchor, question_anchor, steps
from handbook.content.exercises import SUGGESTED_LABEL, group_size, slots
from handbook.content.fields import INVOLVEMENT_LABELS, INVOLVEMENT_LEVELS
from handbook.content.health_check import HealthCheck
from handbook.content.model import Play, WithRoles
from handbook.content.onboarding import long_date
from handbook.content.team import TEAM_SOURCE, TeamFile
from handbook.content.types import cited, page_type
from handbook.content.urls import Linker
from handbook.pages.calendars import TEAM_CALENDAR
from handbook.pages.outputs import Output
from handbook.pages.render import render_html
from handbook.pages.rhythm import PAGE_DEFAULT_NOTE, cadence_text, length_text, when_length, when_often
from handbook.pages.schedule import team_when
from handbook.pages.tag_pages import tag_uri
from handbook.pages.team_view import cover, people_of
from handbook.views.backlinks import backlinks
from handbook.views.glance import PROPOSAL_LABEL, glance
from handbook.views.glossary import GLOSSARY, term_index, term_list
from handbook.views.glossary import search_words as glossary_words
from handbook.views.glossary_terms import TermIndex
from handbook.views.health_check import health_check_html
from handbook.views.play_sections import download_button, glosses
from handbook.views.provenance import drawn_from
from handbook.views.role_views import (
    first_week,
    minutes,
    pack_name,
    role_path,
    role_view,
    role_welcome,
    split_intro,
)

# Where a role's path goes: Markdown keeps an HTML comment as it is.
PATH_MARK = "<!-- handbook:path -->"
# Where the home page's role cards go (one per role of the team, or every role).
ROLE_CARDS_MARK = "<!-- handbook:role-cards -->"

_HEADING = re.compile(r'<h([2-6]) id="([^"]+)"[^>]*>(.*?)<a class="headerlink"')
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str


@dataclass(frozen=True)
class Insert:
    """Generated HTML and the headings in it, for the page's table of contents."""

    html: str = ""

    @property
    def headings(self) -> list[Heading]:
        return [Heading(int(level), anchor, html.unescape(_TAG.sub("", title))) for level, anchor, title in _HEADING.findall(self.html)]

    @property
    def ids(self) -> set[str]:
        """Every anchor in it, for links to a part of the page ("#linked-from")."""
        return set(_ID.findall(self.html))


@dataclass(frozen=True)
class PageParts:
    markdown: str
    top: Insert = Insert()
    end: Insert = Insert()
    path: Insert = Insert()
    foot: Insert = Insert()
    cards: Insert = Insert()  # the home page's role cards, at ROLE_CARDS_MARK

    @property
    def ids(self) -> set[str]:
        return self.top.ids | self.end.ids | self.path.ids | self.foot.ids | self.cards.ids


def insert_headings(toc: list[Any], make: Callable[[str, str, int], Any], headings: list[Heading], at: int | None = None) -> None:
    """Put generated headings into a page's table of contents, each h3 under the h2 before it.

    `toc` holds the page's top-level entries (objects with `level` and `children`,
    MkDocs' AnchorLink); `make(title, id, level)` makes one. `at` is where the
    first goes (default: at the end).
    """
    if not headings:
        return
    if len(toc) == 1 and toc[0].level == 1:
        toc = toc[0].children
    links: list[Any] = []
    for heading in headings:
        link = make(heading.title, heading.id, heading.level)
        if links and heading.level > links[-1].level:
            links[-1].children.append(link)
        else:
            links.append(link)
    index = len(toc) if at is None else at
    toc[index:index] = links


@dataclass(frozen=True)
class Sections:
    """Everything derived from the whole catalog once per build, then read per page."""

    catalog: Catalog
    linked_from: dict[str, list[Entry]]
    drawn: dict[str, list[Entry]]
    terms: TermIndex
    # True only in builds that also make the PDFs, so no button leads to a missing file.
    downloads: bool = False
    # Generated pages with an HTML body (the matrix's tables, a tag's pages), by docs path.
    generated: Mapping[str, Callable[[Linker], str]] = field(default_factory=dict)
    # The team file, when there is one: its notes on role and ritual pages, the home page's cards.
    team: TeamFile | None = None
    # The team's name where a page names it (the health check): the site's name, which team.yml sets.
    site_name: str = "Cross-Functional AI Team Handbook"

    @classmethod
    def build(
        cls, catalog: Catalog, outputs: Iterable[Output] = (), *, downloads: bool = False, team: TeamFile | None = None, site_name: str | None = None,
    ) -> Sections:
        html = {o.path: o.html for o in outputs if o.is_page and o.html is not None}
        return cls(catalog, backlinks(catalog), drawn_from(catalog), term_index(catalog), downloads, html, team, site_name or cls.site_name)

    @cached_property
    def search_words(self) -> dict[str, list[str]]:
        """Docs path -> the glossary's terms and spellings that lead to that page (see written.search_tags)."""
        return glossary_words(self.catalog)

    def decorate(self, src_uri: str, markdown: str, *, directory_urls: bool = True, updated: date | None = None) -> PageParts:
        """The page's Markdown and the generated parts around it.

        `directory_urls` is MkDocs' setting of that name (false in the offline
        bundle); `updated` is the day of the page's last commit, when the build knows it.
        """
        entry = self.catalog.get(src_uri)
        link = Linker(src_uri, directory_urls)
        if src_uri in self.generated:
            return PageParts(markdown, end=Insert(self.generated[src_uri](link)))
        if entry is None:
            return PageParts(markdown)
        path = cards = ""
        kind = page_type(entry.type)
        if kind.start:
            roles = [r for r in ordered_roles(self.catalog) if self.team is None or self.team.team.has_role(r.stem)]
            cards = render_html("role_cards.html.j2", link=link, roles=roles, week=lambda role: minutes(first_week(self.catalog, role)))
        if entry.type == "role":
            # The welcome goes right after the role's introduction, before its own sections.
            intro, rest = split_intro(markdown)
            markdown = f"{intro}\n\n{role_welcome(entry, lead=not intro.strip())}\n\n{PATH_MARK}\n\n{rest}"
            path = role_path(self.catalog, entry, link)
        end = term_list(self.catalog, link) if src_uri == GLOSSARY else ""
        if isinstance(entry.meta, HealthCheck):  # the page whose front matter holds the check's attributes
            end = health_check_html(self.catalog, entry, link, self.site_name)
        # A template page ends with its template: the download again below it.
        foot = (download_button(entry, link) if kind.download else "") + self.suffix(entry, link) + self.dates(entry, updated)
        return PageParts(markdown, Insert(self.prefix(entry, link)), Insert(end), Insert(path), Insert(foot), Insert(cards))

    def prefix(self, entry: Entry, link: Linker) -> str:
        """Chips, a download button, then the type's at-a-glance box (its registry entry names the template)."""
        m = entry.meta
        kind = page_type(entry.type)
        text = render_html("chips.html.j2", tags=getattr(m, "tags", []), tag_uri=tag_uri, tag_label=self.catalog.tag_labels.get, link=link)
        if self.downloads and kind.start:
            text += self._download(link.file_href("pdf/handbook.pdf"), "Download the handbook (PDF)")
        elif self.downloads and entry.type == "role":
            text += self._download(link.file_href(f"pdf/{pack_name(entry)}.pdf"), f"Download the {entry.title} onboarding pack (PDF)")
        if self.team is not None:
            text += self.team_note(entry, link)
        if kind.box is not None:
            text += render_html(kind.box, **self.box_context(entry, link))
        if kind.download:
            text += download_button(entry, link)
        return text

    def box_context(self, entry: Entry, link: Linker) -> dict[str, Any]:
        """What every at-a-glance box template may use: the page's front matter and helpers to resolve its ids."""
        roles = self.catalog.by_stem("role")
        m = entry.meta
        by_level = []
        if isinstance(m, WithRoles):
            by_level = [(level, [roles[r] for r, given in m.roles.items() if given == level and r in roles]) for level in INVOLVEMENT_LEVELS]
        return {
            "link": link,
            "m": m,
            "labels": INVOLVEMENT_LABELS,
            "glosses": glosses(entry.type),
            "by_level": [(level, entries) for level, entries in by_level if entries],
            "roles_by_id": roles,
            "role_entries": lambda ids: [roles[r] for r in ids if r in roles],
            "pages": lambda refs: [page for ref in refs if (page := self.catalog.get(f"{ref}.md")) is not None],
            "length": length_text,
            "often": cadence_text,
            "group_size": group_size,
            "slots": slots,
            "suggested_label": SUGGESTED_LABEL,
            "steps": steps,
            "question_anchor": question_anchor,
            "answer_anchor": answer_anchor,
            "g": glance(m, entry.type) if isinstance(m, Play) else None,
            "proposal_label": PROPOSAL_LABEL,
        }

    def team_note(self, entry: Entry, link: Linker) -> str:
        """What the team file says about this page: a role the team lacks or its people; a ritual it holds, when."""
        found = self.team
        assert found is not None
        names = lambda role: ", ".join(f"{p.name} ({self.catalog.by_stem('role')[role].title})" for p in people_of(found, role))  # noqa: E731
        context = {"link": link, "team": found.team.name, "public": found.public, "timezone": found.team.timezone}
        m = entry.meta
        kind = page_type(entry.type)
        if kind.start:
            return render_html("team_note.html.j2", kind="start", **context)
        if found.team.leaves_out(entry.src_uri):
            return render_html("team_note.html.j2", kind="left-out", **context)
        if entry.type == "role":
            if not found.team.has_role(entry.stem):
                return render_html("team_note.html.j2", kind="absent-role", cover=cover(self.catalog, found, entry.stem), **context)
            return render_html("team_note.html.j2", kind="role", people=people_of(found, entry.stem), **context)
        if kind.recurs:
            if found.team.drops(entry.stem):
                return render_html("team_note.html.j2", kind="not-held", **context)
            if not found.team.holds(entry.stem):
                return render_html("team_note.html.j2", kind="not-in-rhythm", **context)
            when = team_when(entry, found)
            return render_html("team_note.html.j2", kind="held", when=when, often=when_often(when), length=when_length(when),
                               default_note=PAGE_DEFAULT_NOTE if when.default("cadence") or when.default("duration_minutes") else None,
                               owner=names(m.accountable) if m.accountable else "", calendar=TEAM_CALENDAR if when.recurs and when.time else None,
                               **context)
        if isinstance(m, WithRoles) and m.accountable and people_of(found, m.accountable):
            return render_html("team_note.html.j2", kind="owned", owner=names(m.accountable), **context)
        return ""

    @staticmethod
    def dates(entry: Entry, updated: date | None = None) -> str:
        """'Last reviewed <date> · Last updated <date>' at the foot of the page."""
        dates = [("Last reviewed", entry.meta.reviewed)] + ([("Last updated", updated)] if updated else [])
        return render_html("page_dates.html.j2", dates=[(label, day.isoformat(), long_date(day)) for label, day in dates])

    @staticmethod
    def _download(href: str, label: str) -> str:
        return render_html("download.html.j2", href=href, label=label, saved_as=None)

    def suffix(self, entry: Entry, link: Linker) -> str:
        text = ""
        kind = page_type(entry.type)
        if entry.type == "role":
            text += role_view(self.catalog, entry, link)
        if kind.cited:
            text += render_html("drawn.html.j2", link=link, pages=self.drawn.get(entry.stem, []))
        elif not kind.start:
            sources = self.catalog.by_stem(cited())
            named = [sources[s] for s in getattr(entry.meta, "sources", []) if s in sources]
            text += render_html("sources.html.j2", link=link, sources=named, team_decision=TEAM_SOURCE in getattr(entry.meta, "sources", []))
        if not kind.start:
            # A role page is a welcome: its long list of backlinks stays folded.
            text += render_html("linked_from.html.j2", link=link, pages=self.linked_from.get(entry.src_uri, []), collapsed=entry.type == "role")
        return text
