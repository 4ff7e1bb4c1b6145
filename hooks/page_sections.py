"""Add the generated parts of each page: chips, at-a-glance boxes, role views, sources, backlinks.

The parts are HTML made by `handbook.views.sections`; this adapter puts them
into the page's content and its table of contents. The parts that only list
other pages go in after Material's search has indexed the page.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from handbook.output.build import KEY
from handbook.views.glossary_terms import GlossaryTerms
from handbook.views.sections import PATH_MARK, SEARCH_BOOST, PageParts, insert_headings, search_tags


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The term list is known only after validation (on_files); the extension asks for it per page.
    config.markdown_extensions.append(GlossaryTerms(lambda: build.sections.terms if (build := config.plugins.get(KEY)) else None))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = config.plugins[KEY]
    entry = build.catalog.get(page.file.src_uri)
    if entry is not None:
        page.meta["description"] = entry.meta.summary
        # Material's search indexes meta tags with a boost of a million, which drowns every other
        # signal (each section of each tagged page then ties); the chips already show them.
        # A role's abbreviations take their place.
        page.meta.pop("tags", None)
        if tags := search_tags(entry, build.sections.search_words):
            page.meta["tags"] = tags
        # A role's page should win searches about the role ("data scientist onboarding").
        if entry.type in SEARCH_BOOST:
            page.meta.setdefault("search", {}).setdefault("boost", SEARCH_BOOST[entry.type])
    # Material writes these into <meta name="..."> without escaping them.
    for key in ("description", "author"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key], quote=True)
    parts = build.sections.decorate(
        page.file.src_uri,
        markdown,
        directory_urls=config.use_directory_urls,
        updated=build.updated.get(page.file.src_uri),
    )
    # Per page, in the build's state: nothing kept in this module between builds.
    build.parts[page.file.src_uri] = parts
    return parts.markdown


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    parts: PageParts | None = config.plugins[KEY].parts.get(page.file.src_uri)
    if parts is None:
        return content
    insert_headings(page.toc.items, AnchorLink, parts.top.headings, at=0)
    insert_headings(page.toc.items, AnchorLink, parts.end.headings)
    # MkDocs checks links to anchors against these once every page is rendered.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= parts.ids
    return parts.top.html + content + parts.end.html


# After Material's search (priority 0) has indexed the page: these parts only list other pages.
@event_priority(-100)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    parts: PageParts | None = config.plugins[KEY].parts.get(page.file.src_uri)
    if parts is None:
        return context
    if parts.path.html:
        insert_headings(page.toc.items, AnchorLink, parts.path.headings, at=len([h for h in parts.top.headings if h.level == 2]))
        page.content = page.content.replace(PATH_MARK, parts.path.html, 1)
    insert_headings(page.toc.items, AnchorLink, parts.foot.headings)
    page.content += parts.foot.html
    return context
