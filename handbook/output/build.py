"""One build's state: its settings, its validated pages, what it generates and each page's generated parts.

MkDocs hooks are modules that stay loaded across rebuilds, so they keep no
state of their own: `hooks/content.py` makes a `Build` at the start of every
build and registers it in the build's plugin collection under `KEY`, where a
plugin keeps its state; the other hooks read it from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from handbook.content.catalog import Catalog
from handbook.content.git_dates import last_updated
from handbook.content.problems import ContentError
from handbook.content.settings import Settings
from handbook.content.team import TeamFile
from handbook.content.team_file import team_label
from handbook.pages.outputs import Output, claims, outputs
from handbook.rules import load_catalog
from handbook.rules.team import load_team
from handbook.views.sections import PageParts, Sections

KEY = "handbook"


@dataclass
class Build:
    settings: Settings
    sections: Sections
    outputs: list[Output]
    # "Last updated" per page: the day of its last commit, from one `git log` over docs/.
    updated: dict[str, date] = field(default_factory=dict)
    # Each page's generated parts, made in on_page_markdown and put in later (by docs path).
    parts: dict[str, PageParts] = field(default_factory=dict)
    team: TeamFile | None = None

    @property
    def catalog(self) -> Catalog:
        return self.sections.catalog

    @classmethod
    def start(
        cls, settings: Settings, pages: Iterable[tuple[str, bytes]], tags: bytes | None, docs: Path, docs_label: str,
        team_file: Path | None = None, root: Path | None = None,
    ) -> Build:
        """Validate every page and the team file, plan every output; raise ContentError with every problem found."""
        catalog = load_catalog(pages, tags, docs_label=docs_label, today=settings.today)
        team = None
        if team_file is not None:
            team = load_team(team_file, team_label(team_file, root or team_file.parent), catalog, root)
        found = outputs(catalog, settings, team)
        if problems := claims(catalog, found):
            raise ContentError(problems)
        sections = Sections.build(catalog, found, downloads=settings.pdf_downloads, team=team, site_name=settings.site_name)
        return cls(settings, sections, found, last_updated(docs), team=team)

    def hidden(self) -> set[str]:
        """Pages left out of the navigation: roles the team does not have, rituals it set to false (they stay at their addresses)."""
        if self.team is None:
            return set()
        team = self.team.team
        return {e.src_uri for e in self.catalog.of_type("role") if not team.has_role(e.stem)} | {
            e.src_uri for e in self.catalog.of_type("ritual") if team.drops(e.stem)
        }


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
