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

from handbook.content.catalog import Catalog
from handbook.content.git_dates import last_updated
from handbook.content.problems import ContentError
from handbook.content.settings import Settings
from handbook.pages.outputs import Output, claims, outputs
from handbook.rules import load_catalog
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

    @property
    def catalog(self) -> Catalog:
        return self.sections.catalog

    @classmethod
    def start(cls, settings: Settings, pages: Iterable[tuple[str, bytes]], tags: bytes | None, docs: Path, docs_label: str) -> Build:
        """Validate every page and plan every output; raise ContentError with every problem found."""
        catalog = load_catalog(pages, tags, docs_label=docs_label, today=settings.today)
        found = outputs(catalog, settings)
        if problems := claims(catalog, found):
            raise ContentError(problems)
        sections = Sections.build(catalog, found, downloads=settings.pdf_downloads, team=settings.site_name)
        return cls(settings, sections, found, last_updated(docs))
