"""The generated parts of template, exercise and decision-guide pages.

Each function returns Markdown to put before the page's own text (or after
it, for a template's second download button), given the context shared with
the other at-a-glance boxes: `here`, `m`, `labels` and `by_level`.
"""

from __future__ import annotations

import html
from typing import Any

from handbook.catalog import Catalog, Entry
from handbook.decision_guides import answer_anchor, question_anchor, steps
from handbook.downloads import download_uri
from handbook.exercises import SUGGESTED_LABEL, group_size, slots
from handbook.model import DecisionGuide, Exercise, Template
from handbook.render import Trusted, render_file

DOWNLOAD_LABEL = "Download the template (Markdown)"

# What each RACI level means on these pages, shown beside the level.
GLOSSES = {
    "template": {"accountable": "owns the document", "responsible": "fills it in", "consulted": "reviews it", "informed": "reads it"},
    "exercise": {"accountable": "facilitates", "responsible": "takes part", "consulted": "advises", "informed": "hears the outcome"},
    "decision-guide": {"accountable": "makes the call", "responsible": "brings the evidence", "consulted": "is asked", "informed": "is told the outcome"},
}


def download_button(entry: Entry, to_root: str) -> str:
    # Raw HTML: the href is built from a validated file name, the label is escaped for HTML.
    href = f"{to_root}{download_uri(entry.stem)}"
    return render_file("download.html.j2", href=Trusted(href), label=Trusted(html.escape(DOWNLOAD_LABEL)))


def _pages(catalog: Catalog, refs: list[str]) -> list[Entry]:
    return [page for ref in refs if (page := catalog.get(f"{ref}.md")) is not None]


def play_box(catalog: Catalog, entry: Entry, context: dict[str, Any], to_root: str) -> str:
    """The at-a-glance part of a template, exercise or decision guide; "" for any other page."""
    m = entry.meta
    context = {**context, "glosses": GLOSSES.get(entry.type, {})}
    if isinstance(m, Template):
        return render_file("template_box.md.j2", used_in=_pages(catalog, m.used_in), **context) + download_button(entry, to_root)
    if isinstance(m, Exercise):
        roles = catalog.by_stem("role")
        return render_file(
            "exercise_box.md.j2",
            group_size=group_size(m),
            parts=[(part, roles.get(part.role) if part.role else None) for part in m.parts],
            slots=slots(m),
            suggested_label=SUGGESTED_LABEL,
            timing_suggested="timing" in m.suggested,
            **context,
        )
    if isinstance(m, DecisionGuide):
        questions = [(q, [s._replace(anchor=Trusted(s.anchor)) for s in steps(m, q)]) for q in m.questions]
        return render_file(
            "decision_guide.md.j2",
            questions=questions,
            answers=[(a, _pages(catalog, a.see)) for a in m.answers],
            question_anchor=lambda qid: Trusted(question_anchor(qid)),
            answer_anchor=lambda aid: Trusted(answer_anchor(aid)),
            **context,
        )
    return ""


def play_suffix(entry: Entry, to_root: str) -> str:
    """After a template page's own text, which ends with the template: the download again."""
    return "\n" + download_button(entry, to_root) if isinstance(entry.meta, Template) else ""
