"""The generated parts of template, exercise and decision-guide pages.

Each function returns HTML to put before the page's own text (or after it,
for a template's second download button), given the context shared with the
other at-a-glance boxes: `link`, `m`, `labels` and `by_level`.
"""

from __future__ import annotations

from handbook.content.catalog import Entry
from handbook.content.urls import Linker
from handbook.pages.downloads import download_name, download_uri
from handbook.pages.render import render_html

DOWNLOAD_LABEL = "Download the template (Markdown)"

# What each RACI level means on these pages, shown beside the level.
GLOSSES = {
    "template": {"accountable": "owns the document", "responsible": "fills it in", "consulted": "reviews it", "informed": "reads it"},
    "exercise": {"accountable": "facilitates", "responsible": "takes part", "consulted": "advises", "informed": "hears the outcome"},
    "decision-guide": {"accountable": "makes the call", "responsible": "brings the evidence", "consulted": "is asked", "informed": "is told the outcome"},
}


def download_button(entry: Entry, link: Linker) -> str:
    return render_html("download.html.j2", href=link.file_href(download_uri(entry.stem)), label=DOWNLOAD_LABEL, saved_as=download_name(entry.stem))
