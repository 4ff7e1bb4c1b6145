"""Add every generated page and file of the build's outputs (handbook/pages/outputs.py), and the link-preview cards, as virtual files."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from handbook.output.build import KEY, prune
from handbook.pages.review_due import overdue_warnings

# Deliberately not under "mkdocs.": a page due for review is a reminder, and --strict must not fail on it.
freshness_log = logging.getLogger("handbook.freshness")


# Right after validation, before the plugins see the file list.
@event_priority(90)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = config.plugins[KEY]
    for warning in overdue_warnings(build.catalog, build.settings.freshness):
        freshness_log.warning(warning)
    for output in build.outputs:
        if output.is_page:
            inclusion = InclusionLevel.UNDEFINED if output.nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.path, content=build.page_source(output.path), inclusion=inclusion))
        else:
            files.append(File.generated(config, output.path, content=output.text))
    # Link previews: each page's card, drawn at most once per content (cached beside the project).
    cache = Path(config.config_file_path).parent / ".cache" / "social-cards"
    for path, card in build.cards(cache).items():
        files.append(File.generated(config, path, abs_src_path=str(card)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # Roles the team does not have and rituals it does not hold leave the navigation; their pages stay.
    hidden = config.plugins[KEY].hidden()
    if hidden:
        nav.items = prune(nav.items, hidden)
        for page in nav.pages:
            if page.file.src_uri in hidden:
                page.previous_page = page.next_page = page.parent = None
        nav.pages = [page for page in nav.pages if page.file.src_uri not in hidden]
        # "Previous" and "Next" skip them too, as in a site whose navigation never held them.
        for index, page in enumerate(nav.pages):
            page.previous_page = nav.pages[index - 1] if index else None
            page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav
