"""Templates, exercises and decision guides: bad input yields one line naming the file, the line and the field."""

from __future__ import annotations

import pytest

from handbook.content.problems import ContentError
from handbook.rules import load_catalog
from plays import EXERCISE, GUIDE, TEMPLATE, play_docs

T = "templates/charter.md"
E = "exercises/charter-workshop.md"
G = "decision-guides/rules-or-a-model.md"


def problems_with(name: str, text: str) -> list[str]:
    files = play_docs()
    files[name] = text
    tags = files.pop("tags.yml")
    try:
        load_catalog([(n, t.encode() if isinstance(t, str) else t) for n, t in files.items()], tags.encode())
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


def test_the_fixture_pages_are_valid():
    assert problems_with(T, TEMPLATE) == []


# --- templates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "used_in: [practices/pairing, exercises/charter-workshop]\n",
            "",
            ["docs/templates/charter.md:1: used_in: required field is missing"],
        ),
        (
            "practices/pairing,",
            "practices/pairng,",
            [
                "docs/templates/charter.md:9: used_in: unknown page 'practices/pairng' (did you mean 'practices/pairing'?): "
                "use folder/id of an existing page, e.g. practices/team-charter"
            ],
        ),
        (
            "practices/pairing,",
            "practices/pairing.md,",
            ["docs/templates/charter.md:9: used_in.0: 'practices/pairing.md' is not a page id such as 'practices/team-charter' (folder/file name without .md)"],
        ),
        (
            "used_in:",
            "used_for:",
            [
                "docs/templates/charter.md:1: used_in: required field is missing",
                "docs/templates/charter.md:9: used_for: unknown field: did you mean 'used_in'? allowed fields are "
                "title, summary, owner, reviewed, tags, sources, aliases, roles, prep_minutes, materials, difficulty, decides, suggested, "
                "run_minutes, used_in",
            ],
        ),
        (
            "lead: accountable",
            "lead: responsible",
            [
                "docs/templates/charter.md:6: roles: no role is accountable: mark exactly one role 'accountable' (the one who owns the outcome); "
                "levels are accountable, responsible, consulted, informed"
            ],
        ),
    ],
)
def test_bad_template_front_matter(old, new, expected):
    assert old in TEMPLATE
    assert problems_with(T, TEMPLATE.replace(old, new)) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("## The template", "## The form", "docs/templates/charter.md:13: body: no '## The template' section: add it, with the template in a ```markdown fenced block"),
        ("````markdown", "````yaml", "docs/templates/charter.md:28: body: the block under '## The template' must be fenced as ```markdown so it can be downloaded"),
        ("agreed\n````", "agreed\n", "docs/templates/charter.md:28: body: the ```markdown block under '## The template' is not closed: end it with a ```` line"),
        ("Copy this, or download it.", "Copy this.\n\n## More", "docs/templates/charter.md:28: body: '## The template' holds no ```markdown fenced block: put the template in one"),
        (
            "````markdown\n# Charter: <team name>\n\n| Meeting | Cadence | Who |\n| --- | --- | --- |\n|  |  |  |\n\n- [ ] Everyone has read it & agreed\n",
            "````markdown\n\n",
            "docs/templates/charter.md:28: body: the ```markdown block under '## The template' is empty: write the template in it",
        ),
    ],
)
def test_a_template_page_without_a_downloadable_block(old, new, expected):
    assert old in TEMPLATE
    # A renamed or extra heading also breaks the template anatomy, reported on its own lines.
    found = [p for p in problems_with(T, TEMPLATE.replace(old, new)) if "template pages have these '##' headings" not in p]
    assert found == [expected]


# --- exercises -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("minutes: 20,", "minutes: 25,", "docs/exercises/charter-workshop.md:11: timing: the steps add up to 35 minutes but duration_minutes is 30: make them agree"),
        ("{min: 3, max: 8}", "{min: 8, max: 3}", "docs/exercises/charter-workshop.md:10: group_size: max (3) is below min (8)"),
        ("{min: 3, max: 8}", "{min: 3}", "docs/exercises/charter-workshop.md:10: group_size.max: required field is missing"),
        ("{min: 3, max: 8}", "5", "docs/exercises/charter-workshop.md:10: group_size: Input should be a valid dictionary or instance of GroupSize"),
        ("duration_minutes: 30", "duration_minutes: 30 min", "docs/exercises/charter-workshop.md:9: duration_minutes: Input should be a valid integer"),
        (
            "suggested: [group_size, timing]",
            "suggested: [group-size]",
            "docs/exercises/charter-workshop.md:19: suggested: 'group-size' is not a field of an exercise: did you mean 'group_size'? "
            "list names of fields such as title, summary, owner, reviewed, tags, sources, aliases, roles, prep_minutes, materials, "
            "difficulty, decides, duration_minutes, group_size, timing, parts",
        ),
        (
            "role: scientist",
            "role: scientst",
            "docs/exercises/charter-workshop.md:16: parts: unknown role 'scientst' (did you mean 'scientist'?): role ids are the file names in docs/roles/",
        ),
        (
            "{name: Timekeeper, brief: Calls time.}",
            "{name: Timekeeper, brief: Calls time., props: a clock}",
            "docs/exercises/charter-workshop.md:17: parts.1.props: unknown field",
        ),
        (
            "lead: accountable\n  scientist: responsible\nduration",
            "lead: accountable\n  scientist: accountable\nduration",
            "docs/exercises/charter-workshop.md:8: roles: 2 roles are accountable (lead, scientist): exactly one may be; make the others responsible or consulted",
        ),
    ],
)
def test_bad_exercise_front_matter(old, new, expected):
    assert old in EXERCISE
    assert problems_with(E, EXERCISE.replace(old, new)) == [expected]


def test_an_exercise_needs_at_least_two_timed_steps():
    text = EXERCISE.replace("  - {minutes: 20, step: Draft the charter in pairs.}\n  - {minutes: 5, step: Debrief.}\n", "")
    assert problems_with(E, text.replace("duration_minutes: 30", "duration_minutes: 5")) == [
        "docs/exercises/charter-workshop.md:11: timing: List should have at least 2 items after validation, not 1"
    ]


# --- decision guides ------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '{label: "Yes", go: rules}',
            "{label: Yes, go: rules}",
            ['docs/decision-guides/rules-or-a-model.md:15: questions.0.choices.0.label: unquoted yes is read as true: write it in quotes, e.g. "Yes"'],
        ),
        (
            '{label: "No", go: frame-first}',
            "{label: no, go: frame-first}",
            ['docs/decision-guides/rules-or-a-model.md:16: questions.0.choices.1.label: unquoted no is read as false: write it in quotes, e.g. "No"'],
        ),
        (
            "go: use-rules}",
            "go: use-rule}",
            [
                "docs/decision-guides/rules-or-a-model.md:20: questions.1.choices.0.go: unknown question or answer 'use-rule' (did you mean 'use-rules'?)",
                "docs/decision-guides/rules-or-a-model.md:27: answers.1.id: answer 'use-rules' is never reached: point a choice at it or remove it",
            ],
        ),
        (
            '{label: "No", go: try-a-model}',
            '{label: "No", go: problem}',
            [
                "docs/decision-guides/rules-or-a-model.md:21: questions.1.choices.1.go: 'problem' is not a later question: "
                "choices only lead forward; reorder the questions",
                "docs/decision-guides/rules-or-a-model.md:31: answers.2.id: answer 'try-a-model' is never reached: point a choice at it or remove it",
            ],
        ),
        (
            "- id: rules",
            "- id: frame-first",
            [
                "docs/decision-guides/rules-or-a-model.md:15: questions.0.choices.0.go: unknown question or answer 'rules' (did you mean 'use-rules'?)",
                "docs/decision-guides/rules-or-a-model.md:23: answers.0.id: 'frame-first' is already the id of another question or answer",
            ],
        ),
        (
            '{label: "No", go: try-a-model}',
            '{label: "yes", go: try-a-model}',
            ["docs/decision-guides/rules-or-a-model.md:21: questions.1.choices.1.label: 'yes' is offered twice in this question"],
        ),
        (
            "see: [rituals/stand-up, roles/lead]",
            "see: [rituals/standup]",
            [
                "docs/decision-guides/rules-or-a-model.md:30: answers: unknown page 'rituals/standup' (did you mean 'rituals/stand-up'?): "
                "use folder/id of an existing page, e.g. practices/team-charter"
            ],
        ),
        (
            "see: [rituals/stand-up, roles/lead]",
            "see: []",
            ["docs/decision-guides/rules-or-a-model.md:30: answers.1.see: List should have at least 1 item after validation, not 0"],
        ),
        (
            "use_when: Someone asks for a model.\n",
            "",
            ["docs/decision-guides/rules-or-a-model.md:1: use_when: required field is missing"],
        ),
    ],
)
def test_bad_decision_guide_front_matter(old, new, expected):
    assert old in GUIDE
    assert problems_with(G, GUIDE.replace(old, new)) == expected
