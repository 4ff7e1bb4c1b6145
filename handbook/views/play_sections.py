"""The generated parts of template, exercise and decision-guide pages.

Each function returns HTML to put before the page's own text (or after it,
for a template's second download button), given the context shared with the
other at-a-glance boxes: `link`, `m`, `labels` and `by_level`.
"""

from __future__ import annotations

from typing import Any

from handbook.content.catalog import Catalog, Entry
from handbook.content.decision_guides import answer_anchor, question_anchor, steps
from handbook.pages.downloads import download_uri
from handbook.content.exercises import SUGGESTED_LABEL, group_size, slots
from handbook.content.model import DecisionGuide, Exercise, Template
from handbook.pages.render import render_html
from handbook.content.urls import Linker

DOWNLOAD_LABEL = "Download the template (Markdown)"

# What each RACI level means on these pages, shown beside the level.
GLOSSES = {
    "template": {"accountable": "owns the document", "responsible": "fills it in", "consulted": "reviews it", "informed": "reads it"},
    "exercise": {"accountable": "facilitates", "responsible": "takes part", "consulted": "advises", "informed": "hears the outcome"},
    "decision-guide": {"accountable": "makes the call", "responsible": "brings the evidence", "consulted": "is asked", "informed": "is told the outcome"},
}


def download_button(entry: Entry, link: Linker) -> str:
    return render_html("download.html.j2", href=link.file_href(download_uri(entry.stem)), label=DOWNLOAD_LABEL)


def _pages(catalog: Catalog, refs: list[str]) -> list[Entry]:
    return [page for ref in refs if (page := catalog.get(f"{ref}.md")) is not None]


def play_box(catalog: Catalog, entry: Entry, context: dict[str, Any]) -> str:
    """The at-a-glance part of a template, exercise or decision guide; "" for any other page."""
    m = entry.meta
    context = {**context, "glosses": GLOSSES.get(entry.type, {})}
    if isinstance(m, Template):
        return render_html("template_box.html.j2", used_in=_pages(catalog, m.used_in), **context) + download_button(entry, context["link"])
    if isinstance(m, Exercise):
        roles = catalog.by_stem("role")
        return render_html(
            "exercise_box.html.j2",
            group_size=group_size(m),
            parts=[(part, roles.get(part.role) if part.role else None) for part in m.parts],
            slots=slots(m),
            suggested_label=SUGGESTED_LABEL,
            timing_suggested="timing" in m.suggested,
            **context,
        )
    if isinstance(m, DecisionGuide):
        return render_html(
            "decision_guide.html.j2",
            questions=[(q, steps(m, q)) for q in m.questions],
            answers=[(a, _pages(catalog, a.see)) for a in m.answers],
            question_anchor=question_anchor,
            answer_anchor=answer_anchor,
            **context,
        )
    return ""


def play_suffix(entry: Entry, link: Linker) -> str:
    """After a template page's own text, which ends with the template: the download again."""
    return download_button(entry, link) if isinstance(entry.meta, Template) else ""
