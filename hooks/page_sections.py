"""Add the generated parts of each page: chips, at-a-glance boxes, role views, sources, backlinks."""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.glossary_terms import GlossaryTerms
from handbook.page_sections import SEARCH_BOOST


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The term list is known only after validation (on_files); the extension asks for it per page.
    config.markdown_extensions.append(GlossaryTerms(lambda: getattr(getattr(config, "handbook", None), "terms", None)))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    sections = config.handbook
    entry = sections.catalog.get(page.file.src_uri)
    if entry is not None:
        page.meta["description"] = entry.meta.summary
        # Material's search indexes meta tags with a boost of a million, which drowns every other
        # signal (each section of each tagged page then ties); the chips already show them.
        page.meta.pop("tags", None)
        # A role's page should win searches about the role ("data scientist onboarding").
        if entry.type in SEARCH_BOOST:
            page.meta.setdefault("search", {}).setdefault("boost", SEARCH_BOOST[entry.type])
    # Material writes these into <meta name="..."> without escaping them.
    for key in ("description", "author"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key], quote=True)
    # "roles/data-scientist/" (or "roles/data-scientist.html" offline) -> "../../" (or "../").
    return sections.decorate(
        page.file.src_uri, markdown, to_root="../" * page.url.count("/"), updated=config.handbook_updated.get(page.file.src_uri)
    )
