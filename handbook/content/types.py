"""The anatomy of each page type: the `##` headings its body has, in order.

Scaffolds (`python -m handbook new`) write these headings; where a type's
anatomy is `enforced`, validation reports a page whose headings differ.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Anatomy:
    headings: tuple[str, ...]
    # Checked on every build once every page of the type follows it.
    enforced: bool = False


ANATOMIES: dict[str, Anatomy] = {
    "role": Anatomy(
        ("Focus", "Responsibilities", "Skills", "Motivations and fears", "What you need from other roles", "What you owe other roles", "Typical friction"),
        enforced=True,
    ),
    "ritual": Anatomy(
        ("Purpose", "When and how long", "Who", "Prep checklist", "Agenda", "Outputs", "Remote or async variant", "Signs it works", "Signs it is failing"),
        enforced=True,
    ),
    "practice": Anatomy(
        ("What it is", "Why it matters", "How to do it", "Who does what", "Pitfalls", "How to tell it is working"),
        enforced=True,
    ),
    "story": Anatomy(
        ("Context", "The parties and what each needed", "What was tried", "The resolution", "The outcome, as reported", "Lessons"),
    ),
    "report": Anatomy(("Context", "What the team did", "What came of it, as reported", "Lessons")),
    "myth": Anatomy(("Why people believe it", "The reality", "The evidence", "What to do instead")),
    "template": Anatomy(("What it is for", "When to use it", "How to fill it in", "The template"), enforced=True),
    "exercise": Anatomy(
        ("What it practises", "The brief", "Running it", "Facilitator notes", "Debrief questions", "Variations"), enforced=True,
    ),
    # The questions and answers come from front matter; the body explains them.
    "decision-guide": Anatomy(("Why these questions", "After you decide"), enforced=True),
    "source": Anatomy(("What kind of document it is", "Scope", "What the handbook took from it", "What the handbook left out and why")),
}


def headings_for(kind: str) -> tuple[str, ...]:
    anatomy = ANATOMIES.get(kind)
    return anatomy.headings if anatomy else ()
