"""Add every generated page and file of the build's outputs (handbook/pages/outputs.py) as virtual files."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from handbook.output.build import KEY, prune
from handbook.pages.review_due import overdue_warnings

# A virtual file whose name ends in .md would be rendered as a page; the
# downloads get another source name and keep their .md name in the site.
_STATIC = ".download"

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
            files.append(File.generated(config, output.path, content=output.page_text(), inclusion=inclusion))
        elif output.path.endswith(".md"):
            download = File.generated(config, output.path + _STATIC, content=output.text)
            download.dest_uri = output.path
            files.append(download)
        else:
            files.append(File.generated(config, output.path, content=output.text))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # Roles the team does not have and rituals it does not hold leave the navigation; their pages stay.
    hidden = config.plugins[KEY].hidden()
    if hidden:
        nav.items = prune(nav.items, hidden)
        nav.pages = [page for page in nav.pages if page.file.src_uri not in hidden]
    return nav
