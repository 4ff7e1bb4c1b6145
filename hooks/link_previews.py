"""Link previews: a social card per page, named in the page's Open Graph tags (overrides/main.html)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.output.social_cards import KINDS, card_path, cards_enabled, write_card


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if cards_enabled(config.site_url, config.extra.get("social_cards", True)):
        page.meta["card"] = card_path(page.url)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not cards_enabled(config.site_url, config.extra.get("social_cards", True)):
        return output
    entry = config.handbook.catalog.get(page.file.src_uri)
    kind = KINDS.get(entry.type, "Handbook") if entry is not None else "Handbook"
    summary = entry.meta.summary if entry is not None else page.meta.get("description") or config.site_description or ""
    cache = Path(config.config_file_path).parent / ".cache" / "social-cards"
    write_card(Path(config.site_dir) / card_path(page.url), cache, config.site_name, kind, page.title or config.site_name, summary)
    return output
