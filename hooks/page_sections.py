"""Add the generated parts of each page: chips, at-a-glance boxes, role views, sources, backlinks."""

from __future__ import annotations

import html
from datetime import date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    sections = config.handbook
    entry = sections.catalog.get(page.file.src_uri)
    if entry is not None:
        page.meta["description"] = entry.meta.summary
    # Material writes these into <meta name="..."> without escaping them.
    for key in ("description", "author"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key], quote=True)
    # The git-revision-date-localized plugin, which runs before the hooks, leaves the day of the
    # page's last commit in its meta. The handbook prints it beside the review date, so the copy
    # Material would print at the foot of the page is dropped.
    page.meta.pop("git_revision_date_localized", None)
    updated = page.meta.get("git_revision_date_localized_raw_iso_date")
    # "roles/data-scientist/" (or "roles/data-scientist.html" offline) -> "../../" (or "../").
    return sections.decorate(
        page.file.src_uri, markdown, to_root="../" * page.url.count("/"), updated=date.fromisoformat(updated) if updated else None
    )
