"""Template downloads: the template shown on a template page, written beside it as a Markdown file.

The template body lives in one place, the ```markdown fenced block under the
page's `## The template` heading. The page shows that block; the build writes
its text to `/templates/<id>.txt`, which the page links with `download="<id>.md"`,
so a reader saves it as Markdown. A `.md` file in the site's source would be a
page to every engine, so the file the site serves is `.txt`; `_redirects`
sends the earlier address, `/templates/<id>.md`, to it.
"""

from __future__ import annotations

from handbook.rules.plays import Block, find_block


def download_uri(stem: str) -> str:
    """The site path of a template's download, e.g. "templates/team-charter.txt"."""
    return f"templates/{stem}.txt"


def download_name(stem: str) -> str:
    """The name a reader's browser saves it as: "team-charter.md"."""
    return f"{stem}.md"


def earlier_uri(stem: str) -> str:
    """Where the download was served before: "/templates/team-charter.md", redirected to `download_uri`."""
    return f"/templates/{stem}.md"


def template_downloads(pages: dict[str, str]) -> dict[str, str]:
    """Site path -> file content, from template stem -> page body."""
    files = {}
    for stem, body in pages.items():
        found = find_block(body)
        if isinstance(found, Block):
            files[download_uri(stem)] = found.text
    return files
