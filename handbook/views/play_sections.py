"""The generated parts of template, exercise and decision-guide pages.

Each function returns HTML to put before the page's own text (or after it,
for a template's second download button), given the context shared with the
other at-a-glance boxes: `link`, `m`, `labels` and `by_level`.
"""

from __future__ import annotations

from handbook.content.catalog import Entry
from handbook.content.types import names, page_type
from handbook.content.urls import Linker
from handbook.pages.downloads import download_name, download_uri
from handbook.pages.render import render_html

DOWNLOAD_LABEL = "Download the template (Markdown)"

def glosses(kind: str) -> dict[str, str]:
    """What each RACI level means on a type's pages, shown beside the level in its box (the registry's `raci`)."""
    raci = page_type(kind).raci if kind in names() else None
    return raci.glosses if raci is not None else {}


def download_button(entry: Entry, link: Linker) -> str:
    return render_html("download.html.j2", href=link.file_href(download_uri(entry.stem)), label=DOWNLOAD_LABEL, saved_as=download_name(entry.stem))
