"""Load and validate every page once per build; fail the build on any content problem."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook.content.catalog import TAGS_FILE, load_catalog
from handbook.content.settings import Freshness, SettingError
from handbook.content.git_dates import last_updated
from handbook.views.sections import Sections
from handbook.content.problems import ContentError
from handbook.pages.redirects import redirect_map

# A logger under "mkdocs." so that --strict counts what it says.
log = logging.getLogger("mkdocs.hooks.content")


# Before the plugins' on_files: mkdocs-redirects reads its map there.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    label = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else docs_dir.as_posix()
    pages = [(f.src_uri, Path(f.abs_src_path).read_bytes()) for f in files.documentation_pages() if not f.generated_by]
    tags_file = docs_dir / TAGS_FILE
    try:
        freshness = Freshness.from_settings(config.extra.get("review_after_days"))
    except SettingError as error:
        raise PluginError(str(error)) from None
    try:
        catalog = load_catalog(pages, tags_file.read_bytes() if tags_file.is_file() else None, docs_label=label, today=freshness.today)
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise PluginError(str(error)) from None
    # Per-build state lives on this build's config, never in the module.
    config.handbook = Sections.build(catalog, downloads=str(config.extra.get("pdf_downloads")).lower() in ("true", "1", "yes"))
    config.handbook_freshness = freshness
    # "Last updated" on each page: one `git log` for the whole docs folder.
    config.handbook_updated = last_updated(docs_dir)
    if "redirects" in config.plugins:
        config.plugins["redirects"].config["redirect_maps"].update(redirect_map(catalog))
    return files
