"""The page types: each declared once, here, and read by every stage after.

A `PageType` holds everything the build knows about a kind of page: its
model and folder, its labels, its place in the reading order (the order of
`PAGE_TYPES`), its anatomy (the `##` headings its body has), its type index,
its link-preview label, its part of the PDF book, its scaffold and its
at-a-glance box. Validation, the generated pages, the page sections, the PDF,
the social cards, the editor schema and `make new` iterate this registry, so
a new type is one entry here (and a model in `model.py`); `tests/test_types.py`
fails when an entry lacks any of these.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.content.health_check import HealthCheck
from handbook.content.model import (
    DecisionGuide,
    Exercise,
    Glossary,
    Myth,
    Page,
    Practice,
    Report,
    Ritual,
    Role,
    Source,
    Story,
    Template,
    TypedPage,
)
from handbook.content.references import role_fields
from handbook.content.type_parts import Anatomy, Example, Index, PageIn, Play, Raci, RoleList

__all__ = ["Anatomy", "Example", "Index", "PageIn", "PageType", "Play", "Raci", "RoleList", "page_type", "page_types"]


@dataclass(frozen=True)
class PageType:
    name: str  # "ritual": the type's id, used in messages, `make new TYPE=...` and schema/<name>.json
    model: type[Page]
    # Where its pages live: a folder of docs/ ("rituals"), or one file directly in docs/ ("glossary.md");
    # "" for the general pages directly in docs/ that no other type claims.
    folder: str = ""
    file: str = ""
    singular: str = ""  # "Ritual": a page's kind in lists and messages
    plural: str = ""  # "Rituals": headings of groups of pages (tag pages, llms.txt, the matrix)
    # The line above the title on the page's link-preview card; default: `singular`.
    card: str = ""
    anatomy: Anatomy = Anatomy(())
    index: Index | None = None
    # The part of the navigation (docs/.nav.yml) that lists the type's folder and its index.
    nav: str | None = None
    # The PDF book's part its pages go in (see BOOK_PARTS); None: not in the book.
    book: str | None = None
    # Scaffold placeholders where the generic ones would not validate (see tools/scaffold.py).
    example: Example = Example()
    # The at-a-glance box above the page's own text: a template of handbook/templates/.
    box: str | None = None
    # A Markdown download of the page's template block, with buttons above and below the page's text.
    download: bool = False
    # `make new TYPE=<name>` writes pages of this type.
    scaffold: bool = True
    # Its pages go in the onboarding pack (PDF) of the role that owns them, as a tool that role runs.
    pack: bool = False
    # Its pages are held on a team's calendar: the team file's rhythm, the calendars and the rhythm page are theirs.
    recurs: bool = False
    # What its RACI levels mean (a type whose model has `roles`); where a role page lists its pages.
    raci: Raci | None = None
    role_list: RoleList | None = None
    # A page a team runs, with the at-a-glance box of a play.
    play: Play | None = None
    # Its text tells the reader what to do: `python -m handbook figures` checks its figures and owner claims.
    instructions: bool = False
    # Its pages are the documents others cite in `sources` (each lists the pages drawn from it).
    cited: bool = False
    # The home page: the team's note and the role cards go on it; llms.txt lists it apart.
    start: bool = False
    # A health check may give its pages as plays: what a team runs or reads to act on a finding.
    prescribed: bool = False

    @property
    def card_label(self) -> str:
        return self.card or self.singular

    @property
    def role_fields(self) -> tuple[str, ...]:
        """The front-matter fields that name roles (validated against docs/roles/), read from the model."""
        return role_fields(self.model)


# The PDF book's parts, in order. "Reference" also holds the generated pages that ask for the book.
BOOK_PARTS = ("Introduction", "Roles", "Rituals", "Practices", "Templates", "Exercises", "Decision guides",
              "Conflict stories", "Field reports", "Myths", "Reference", "Sources")

_DECISION_GUIDE_EXAMPLE = Example(
    fields={
        "questions": [
            {
                "id": "first-question",
                "ask": "Replace with the first question the reader answers?",
                "choices": [{"label": "Yes", "go": "second-question"}, {"label": "No", "go": "first-answer"}],
            },
            {
                "id": "second-question",
                "ask": "Replace with the next question?",
                "choices": [{"label": "Yes", "go": "first-answer"}, {"label": "No", "go": "second-answer"}],
            },
        ],
        "answers": [
            {"id": "first-answer", "title": "Replace with the first answer", "text": "Replace with what to do.", "see": [PageIn("practices")]},
            {"id": "second-answer", "title": "Replace with the second answer", "text": "Replace with what to do.", "see": [PageIn("practices")]},
        ],
    },
)

# In reading order: role views, type indexes, tag pages, llms.txt and the matrix list types in this order.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType(
        "role", nav="Roles", model=Role, folder="roles", singular="Role", plural="Roles", book="Roles", instructions=True,
        anatomy=Anatomy(("Focus", "Responsibilities", "Skills", "Motivations and fears", "What you need from other roles",
                         "What you owe other roles", "Typical friction"), enforced=True),
        index=Index("Every role on a cross-functional AI team: what it does and what it needs from the others.",
                    (("Role", "title"), ("Family", "family"), ("Summary", "summary"))),
    ),
    PageType(
        "ritual", prescribed=True, nav="Rituals", model=Ritual, folder="rituals", singular="Ritual", plural="Rituals", book="Rituals", box="ritual_box.html.j2",
        recurs=True, play=Play(run_field="duration_minutes"), instructions=True,
        raci=Raci(levels={"accountable": "You run these", "responsible": "You bring work to these",
                          "consulted": "You join when your input is needed", "informed": "You hear the outcome"}, matrix_id="rituals-who-attends"),
        role_list=RoleList("rituals-you-attend", "Rituals you attend", "No ritual lists this role yet."),
        anatomy=Anatomy(("Purpose", "When and how long", "Who", "Prep checklist", "Agenda", "Outputs", "Remote or async variant",
                         "Signs it works", "Signs it is failing"), enforced=True),
        index=Index("The recurring meetings and sessions that keep a cross-functional AI team in step.",
                    (("Ritual", "title"), ("Set", "core"), ("Cadence", "cadence"), ("Duration", "duration"), ("Run by", "leads"), ("Summary", "summary")),
                    raci_note=True),
    ),
    PageType(
        "practice", prescribed=True, nav="Practices", model=Practice, folder="practices", singular="Practice", plural="Practices", book="Practices", box="involved_box.html.j2",
        play=Play(run_label="First session"), instructions=True, raci=Raci(matrix_id="practices-by-role"),
        role_list=RoleList("practices-you-lead-or-take-part-in", "Practices you own or work in", "No practice lists this role yet."),
        anatomy=Anatomy(("What it is", "Why it matters", "How to do it", "Who does what", "Pitfalls", "How to tell it is working"), enforced=True),
        index=Index("The working practices that help scientists, engineers, product and leadership deliver together.",
                    (("Practice", "title"), ("Owned by", "leads"), ("Summary", "summary")), raci_note=True),
    ),
    PageType(
        "template", prescribed=True, nav="Toolkit", model=Template, folder="templates", singular="Template", plural="Templates", book="Templates",
        box="template_box.html.j2", download=True, play=Play(run_label="Time to fill in"), instructions=True,
        raci=Raci(glosses={"accountable": "owns the document", "responsible": "fills it in", "consulted": "reviews it", "informed": "reads it"}),
        anatomy=Anatomy(("What it is for", "When to use it", "How to fill it in", "The template"), enforced=True, optional=("A worked example",)),
        index=Index("Documents a cross-functional AI team fills in together, each ready to download as Markdown.",
                    (("Template", "title"), ("Used in", "used_in"), ("Owned by", "leads"), ("Summary", "summary"))),
        example=Example(
            fields={"used_in": [PageIn("practices")]},
            sections={"The template": "```markdown\n# Replace with the template's title\n\nReplace with the headings and prompts a team fills in.\n```"},
        ),
    ),
    PageType(
        "exercise", prescribed=True, nav="Toolkit", model=Exercise, folder="exercises", singular="Exercise", plural="Exercises", book="Exercises", box="exercise_box.html.j2",
        play=Play(run_field="duration_minutes"), instructions=True,
        raci=Raci(glosses={"accountable": "facilitates", "responsible": "takes part", "consulted": "advises", "informed": "hears the outcome"}),
        anatomy=Anatomy(("What it practises", "The brief", "Running it", "Facilitator notes", "Debrief questions", "Variations"), enforced=True),
        index=Index("Role-plays and workshops for practising the conversations and agreements an AI team depends on.",
                    (("Exercise", "title"), ("Duration", "minutes"), ("Group size", "group_size"), ("Facilitator", "leads"), ("Summary", "summary"))),
        # The steps add up to duration_minutes.
        example=Example(fields={
            "duration_minutes": 30,
            "timing": [
                {"minutes": 5, "step": "Replace with how the facilitator opens the exercise."},
                {"minutes": 20, "step": "Replace with what the group does."},
                {"minutes": 5, "step": "Replace with the debrief."},
            ],
        }),
    ),
    PageType(
        "decision-guide", prescribed=True, nav="Toolkit", model=DecisionGuide, folder="decision-guides", singular="Decision guide", plural="Decision guides",
        book="Decision guides", box="decision_guide.html.j2", play=Play(run_label="Time to decide"), instructions=True,
        raci=Raci(glosses={"accountable": "makes the call", "responsible": "brings the evidence", "consulted": "is asked", "informed": "is told the outcome"}),
        # The questions and answers come from front matter; the body explains them.
        anatomy=Anatomy(("Why these questions", "After you decide"), enforced=True),
        index=Index("Short sequences of questions that end in an answer for the recurring hard calls of an AI team.",
                    (("Decision guide", "title"), ("Use it when", "use_when"), ("Who makes the call", "leads"))),
        # Every choice leads forward to a later question or an answer, and every question and answer is reached.
        example=_DECISION_GUIDE_EXAMPLE,
    ),
    # The team health check: its attributes in front matter, its form, worksheet and results generated.
    PageType("health-check", HealthCheck, file="health-check.md", singular="Health check", card="Toolkit", plural="Health check",
             book="Templates", scaffold=False, pack=True),
    PageType(
        "story", prescribed=True, nav="Stories", model=Story, folder="stories", singular="Conflict story", plural="Conflict stories", book="Conflict stories", box="story_box.html.j2",
        role_list=RoleList("stories-where-you-are-a-party", "Stories and field reports that involve you", "No conflict story involves this role yet.",
                           fields=("parties", "involved"), detail="summary"),
        anatomy=Anatomy(("Context", "The parties and what each needed", "What was tried", "The resolution", "The outcome, as reported", "Lessons")),
        index=Index("Real tensions between roles, what each side needed and how they were resolved.",
                    (("Story", "title"), ("Parties", "parties"), ("Outcome, as reported", "outcome"))),
    ),
    PageType(
        "report", prescribed=True, nav="Stories", model=Report, folder="field-reports", singular="Field report", plural="Field reports", book="Field reports", box="report_box.html.j2",
        role_list=RoleList("stories-where-you-are-a-party", "Stories and field reports that involve you", "No conflict story involves this role yet.",
                           fields=("involved",), detail="summary"),
        anatomy=Anatomy(("Context", "What the team did", "What came of it, as reported", "Lessons")),
        index=Index("Accounts of what one team did and what it reports came of it, with the lessons for yours.",
                    (("Report", "title"), ("Involved", "involved"), ("Outcome, as reported", "outcome"))),
    ),
    PageType(
        "myth", prescribed=True, nav="Myths", model=Myth, folder="myths", singular="Myth", plural="Myths", book="Myths", box="myth_box.html.j2",
        role_list=RoleList("myths-to-unlearn", "Myths to unlearn", "No myth concerns this role yet.", fields=("concerns",), detail="reality"),
        anatomy=Anatomy(("Why people believe it", "The reality", "The evidence", "What to do instead")),
        index=Index("Beliefs about AI teams that the sources show to be wrong, and what to do instead.",
                    (("Myth", "title"), ("The belief", "belief"), ("The reality", "reality"))),
    ),
    PageType(
        "source", nav="Reference", model=Source, folder="sources", singular="Source", plural="Sources", book="Sources", cited=True,
        anatomy=Anatomy(("What kind of document it is", "Scope", "What the handbook took from it", "What the handbook left out and why")),
        index=Index("The five documents this handbook was built from, and what it took from each.",
                    (("Source", "title"), ("Kind", "kind"), ("Year", "year"), ("Summary", "summary"))),
    ),
    PageType("glossary", Glossary, file="glossary.md", singular="Glossary", card="Reference", plural="Glossary", book="Reference", scaffold=False),
    # Any other Markdown file directly in docs/: a general page.
    PageType("page", TypedPage, singular="Page", card="Handbook", plural="Pages", book="Reference"),
    PageType("home", Page, file="index.md", singular="Home page", card="Handbook", plural="Home", book="Introduction", scaffold=False, start=True),
)

# The registry is read through these functions, at call time, so that a test can extend
# `PAGE_TYPES` in this one module (monkeypatch.setattr(types, "PAGE_TYPES", ...)) and every stage sees it.


def page_types() -> tuple[PageType, ...]:
    return PAGE_TYPES


def page_type(name: str) -> PageType:
    """The registry entry of a type name, e.g. page_type("ritual"); KeyError for an unknown name."""
    for found in PAGE_TYPES:
        if found.name == name:
            return found
    raise KeyError(name)


def recurring() -> str:
    """The type whose pages a team holds on its calendar (the rituals): the rhythm, the team file and the calendars'."""
    return next(t.name for t in PAGE_TYPES if t.recurs)


def prescribed() -> tuple[PageType, ...]:
    """The types a health check may give as plays, in reading order."""
    return tuple(t for t in PAGE_TYPES if t.prescribed)


def cited() -> str:
    """The type of the documents others cite in `sources` (the source documents)."""
    return next(t.name for t in PAGE_TYPES if t.cited)


def is_start(name: str) -> bool:
    """The home page's type."""
    return name in names() and page_type(name).start


def instruction_types() -> tuple[str, ...]:
    """The types whose text tells the reader what to do (the roles and the plays), in reading order."""
    return tuple(t.name for t in PAGE_TYPES if t.instructions)


def plays() -> tuple[PageType, ...]:
    """The types of the pages a team runs, in reading order."""
    return tuple(t for t in PAGE_TYPES if t.play is not None)


def names() -> tuple[str, ...]:
    """Every type's name, in reading order."""
    return tuple(t.name for t in PAGE_TYPES)


def folders() -> tuple[str, ...]:
    """The folders of docs/ that hold a type's pages, in reading order."""
    return tuple(t.folder for t in PAGE_TYPES if t.folder)


def files() -> tuple[str, ...]:
    """The files directly in docs/ that have a type of their own (index.md, glossary.md, health-check.md)."""
    return tuple(t.file for t in PAGE_TYPES if t.file)


def type_for(src_uri: str) -> PageType | None:
    """The type of a docs-relative path, or None for a file no type claims (a page in a subfolder of a type's folder)."""
    parts = src_uri.split("/")
    if len(parts) == 1:
        return next((t for t in PAGE_TYPES if t.file == parts[0]), None) or next(t for t in PAGE_TYPES if not t.folder and not t.file)
    if len(parts) == 2:
        return next((t for t in PAGE_TYPES if t.folder == parts[0]), None)
    return None


def rank(name: str) -> int:
    """A type's place in the reading order; unknown types last."""
    order = names()
    return order.index(name) if name in order else len(order)


def plural(name: str) -> str:
    return page_type(name).plural if name in names() else f"{name.capitalize()}s"


def headings_for(name: str) -> tuple[str, ...]:
    return page_type(name).anatomy.headings if name in names() else ()
