"""What every play's at-a-glance box shows: prep time, run time, who, materials and difficulty, from its front matter.

Each value a source does not give is listed in the page's `suggested` and is
labelled in the box as the handbook's suggestion; an accountable role that no
source assigns is labelled as the handbook's proposal. The box templates
(`*_box.html.j2`, `decision_guide.html.j2`) render these through the `glance`
macros of `_glance.html.j2`.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.content.exercises import SUGGESTED_LABEL
from handbook.content.model import Play
from handbook.content.play_parts import DIFFICULTY_LABELS
from handbook.content.type_parts import Play as PlayKind
from handbook.content.types import page_type
from handbook.pages.rhythm import duration_text

PROPOSAL_LABEL = "the handbook's proposal"


@dataclass(frozen=True)
class Value:
    text: str
    suggested: bool

    def __str__(self) -> str:
        return self.text + (f" ({SUGGESTED_LABEL})" if self.suggested else "")


@dataclass(frozen=True)
class Glance:
    prep: Value | None
    run_label: str
    run: Value | None
    materials: tuple[str, ...]
    materials_suggested: bool
    difficulty: Value | None
    proposed_owner: bool


def _in_a_list(item: str) -> str:
    """ "The model card." -> "the model card", to run in a list; "OpenAPI file" keeps its capitals."""
    item = item.rstrip(".")
    first = item.split(" ", 1)[0]
    return item[0].lower() + item[1:] if len(first) == 1 or first[1:].islower() else item


def _minutes(minutes: int) -> str:
    return "none" if minutes == 0 else duration_text(minutes)


def glance(meta: Play, kind: str) -> Glance:
    suggested = set(meta.suggested)
    # How the type names its run time (a meeting runs, a template is filled in) and the field that holds it.
    play = page_type(kind).play or PlayKind()
    run_field = play.run_field
    run = getattr(meta, run_field, None)
    return Glance(
        prep=Value(_minutes(meta.prep_minutes), "prep_minutes" in suggested) if meta.prep_minutes is not None else None,
        run_label=play.run_label,
        run=Value(_minutes(run), run_field in suggested) if run is not None else None,
        materials=tuple(_in_a_list(item) for item in meta.materials),
        materials_suggested="materials" in suggested,
        difficulty=Value(DIFFICULTY_LABELS[meta.difficulty], "difficulty" in suggested) if meta.difficulty else None,
        proposed_owner="roles" in suggested,
    )
