"""Template downloads: the template shown on a template page, written beside it as a Markdown file.

The template body lives in one place, the ```markdown fenced block under the
page's `## The template` heading. The page shows that block; the build writes
its text to `/templates/<id>.md`, which the page links with `download`.
"""

from __future__ import annotations

from handbook.rules.plays import Block, find_block


def download_uri(stem: str) -> str:
    """The site path of a template's download, e.g. "templates/team-charter.md"."""
    return f"templates/{stem}.md"


def template_downloads(pages: dict[str, str]) -> dict[str, str]:
    """Site path -> file content, from template stem -> page body."""
    files = {}
    for stem, body in pages.items():
        found = find_block(body)
        if isinstance(found, Block):
            files[download_uri(stem)] = found.text
    return files
