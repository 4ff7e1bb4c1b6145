"""One build's state: its settings, its validated pages, what it generates, and every page as the engine is handed it.

MkDocs hooks are modules that stay loaded across rebuilds, so they keep no
state of their own: `hooks/content.py` makes a `Build` at the start of every
build and registers it in the build's plugin collection under `KEY`, where a
plugin keeps its state; the other hooks read it from there. `assemble` makes
the same `Build` and writes what it holds to disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from handbook.content import frontmatter
from handbook.content.catalog import Catalog
from handbook.content.git_dates import last_updated
from handbook.content.problems import ContentError
from handbook.content.settings import Settings
from handbook.content.team import TeamFile
from handbook.content.team_file import team_label
from handbook.content.types import page_type, recurring
from handbook.content.urls import site_path
from handbook.output.social_cards import OTHER_KIND, cached_card, card_path
from handbook.pages.outputs import Output, claims, outputs
from handbook.rules import load_catalog
from handbook.rules.team import load_team
from handbook.views.sections import Sections
from handbook.views.written import front_matter, page_body, page_meta

KEY = "handbook"


@dataclass(frozen=True)
class Plan:
    """Every page and the team file validated, and every output planned: what `make check` and the build both start from."""

    catalog: Catalog
    team: TeamFile | None
    outputs: list[Output]


def plan(
    settings: Settings, pages: Iterable[tuple[str, bytes]], tags: bytes | None, docs_label: str, team_file: Path | None = None,
    root: Path | None = None, environ: Mapping[str, str] = os.environ,
) -> Plan:
    """The one loader: the pages, then the team file against them, then the outputs and their addresses.
    ContentError with every problem of the first step that has any."""
    catalog = load_catalog(pages, tags, docs_label=docs_label, today=settings.today)
    team = load_team(team_file, team_label(team_file, root or team_file.parent), catalog, root, environ) if team_file is not None else None
    found = outputs(catalog, settings, team)
    if problems := claims(catalog, found):
        raise ContentError(problems)
    return Plan(catalog, team, found)


@dataclass
class Build:
    settings: Settings
    sections: Sections
    outputs: list[Output]
    # "Last updated" per page: the day of its last commit, from one `git log` over docs/.
    updated: dict[str, date] = field(default_factory=dict)
    team: TeamFile | None = None
    # Each hand-written page as read (docs path -> text), for its front matter.
    sources: dict[str, str] = field(default_factory=dict)
    # MkDocs' use_directory_urls: false in the offline bundle, whose links end in .html.
    directory_urls: bool = True
    docs: Path | None = None
    # Each folder's navigation file (folder -> text); None: read from `docs`.
    nav_files: dict[str, str] | None = None

    @property
    def catalog(self) -> Catalog:
        return self.sections.catalog

    @classmethod
    def start(
        cls, settings: Settings, pages: Iterable[tuple[str, bytes]], tags: bytes | None, docs: Path, docs_label: str,
        team_file: Path | None = None, root: Path | None = None, *, directory_urls: bool = True, environ: Mapping[str, str] = os.environ,
        updated: dict[str, date] | None = None, nav_files: dict[str, str] | None = None,
    ) -> Build:
        """Validate every page and the team file, plan every output; raise ContentError with every problem found."""
        pages = list(pages)
        planned = plan(settings, pages, tags, docs_label, team_file, root, environ)
        catalog, team, found = planned.catalog, planned.team, planned.outputs
        sections = Sections.build(catalog, found, downloads=settings.pdf_downloads, team=team, site_name=settings.site_name)
        texts = {uri: raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n") for uri, raw in pages if uri in catalog.entries}
        dates = updated if updated is not None else last_updated(docs)
        return cls(settings, sections, found, dates, team=team, sources=texts, directory_urls=directory_urls, docs=docs, nav_files=nav_files)

    def signature(self) -> str:
        """What every page may read of every other: each page's front matter, links and reading time, the tags, the
        team and the settings. Two builds with the same signature make the same page from the same text."""
        catalog = self.catalog
        pages = [(uri, e.meta.model_dump_json(), e.links, e.minutes) for uri, e in sorted(catalog.entries.items())]
        team = self.team.team.model_dump_json() if self.team else ""
        public = bool(self.team and self.team.public)
        data = json.dumps([pages, catalog.tags, catalog.tag_labels, team, public, repr(self.settings), self.directory_urls], default=str)
        return hashlib.sha256(data.encode()).hexdigest()

    def hidden(self) -> set[str]:
        """Pages left out of the navigation: roles the team does not have, rituals it set to false, pages it leaves out (they stay at their addresses)."""
        if self.team is None:
            return set()
        team = self.team.team
        return {e.src_uri for e in self.catalog.of_type("role") if not team.has_role(e.stem)} | {
            e.src_uri for e in self.catalog.of_type(recurring()) if team.drops(e.stem)
        } | set(team.leave_out)

    # --- what the engine is handed --------------------------------------------------------------------------

    def card(self, src_uri: str) -> str | None:
        """The site path of a page's link-preview card, when the build draws cards."""
        return card_path(site_path(src_uri, self.directory_urls).removeprefix("./")) if self.settings.cards else None

    def page_source(self, src_uri: str) -> str:
        """A page's file as any engine builds it: front matter with what the build sets, then its Markdown with every
        generated part written in. Hand-written pages and generated pages alike."""
        output = next((o for o in self.outputs if o.is_page and o.path == src_uri), None)
        if output is not None:
            # A generated page's HTML (the matrix's tables, a tag's pages) is its `end` part (see Sections.decorate).
            data = page_meta(output.front_matter_data(), None, card=self.card(src_uri), generated=True)
            return front_matter(data) + page_body(self.sections, src_uri, output.markdown, directory_urls=self.directory_urls)
        parsed, _ = frontmatter.split(self.sources[src_uri], src_uri)
        assert parsed is not None  # validated by load_catalog
        data = page_meta(parsed.data, self.catalog.get(src_uri), card=self.card(src_uri), generated=False, words=self.sections.search_words)
        body = page_body(self.sections, src_uri, parsed.body, directory_urls=self.directory_urls, updated=self.updated.get(src_uri))
        return front_matter(data) + body

    def pages(self) -> list[str]:
        """Every page's docs path: the hand-written ones, then the generated ones."""
        return [*self.catalog.entries, *(o.path for o in self.outputs if o.is_page)]

    def files(self) -> dict[str, str]:
        """Every generated file that is not a page, by site path (a page-like download keeps its .md name)."""
        return {o.path: o.text or "" for o in self.outputs if not o.is_page}

    def cards(self, cache: Path) -> dict[str, Path]:
        """Every page's card, by site path: the file in `cache`, drawn first when the cache does not hold it."""
        if not self.settings.cards:
            return {}
        found: dict[str, Path] = {}
        for src_uri in self.pages():
            entry = self.catalog.get(src_uri)
            output = next((o for o in self.outputs if o.path == src_uri), None)
            kind = page_type(entry.type).card_label if entry is not None else OTHER_KIND
            title = entry.title if entry is not None else output.title if output else posixpath.basename(src_uri)
            summary = entry.meta.summary if entry is not None else (output.summary if output else "")
            found[self.card(src_uri) or ""] = cached_card(cache, self.settings.site_name, kind, title, summary or self.settings.site_description)
        return found


def prune(items: list[Any], hidden: set[str]) -> list[Any]:
    """A navigation without the hidden pages: items are MkDocs' Section (with `children`) and Page (with `file.src_uri`)."""
    kept = []
    for item in items:
        if getattr(item, "children", None) is not None:
            item.children = prune(item.children, hidden)
        elif getattr(getattr(item, "file", None), "src_uri", None) in hidden:
            continue
        kept.append(item)
    return kept
