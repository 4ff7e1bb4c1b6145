"""Link previews: a social card per page, named in the page's Open Graph tags (overrides/main.html)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.content.types import page_type
from handbook.output.build import KEY
from handbook.output.social_cards import OTHER_KIND, card_path, write_card


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if config.plugins[KEY].settings.cards:
        page.meta["card"] = card_path(page.url)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = config.plugins[KEY]
    if not build.settings.cards:
        return output
    entry = build.catalog.get(page.file.src_uri)
    kind = page_type(entry.type).card_label if entry is not None else OTHER_KIND
    summary = entry.meta.summary if entry is not None else page.meta.get("description") or config.site_description or ""
    cache = Path(config.config_file_path).parent / ".cache" / "social-cards"
    write_card(Path(config.site_dir) / card_path(page.url), cache, build.settings.site_name, kind, page.title or config.site_name, summary)
    return output
