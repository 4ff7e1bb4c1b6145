"""Fixture pages of the three playbook types: a template, an exercise and a decision guide."""

from __future__ import annotations

from conftest import minimal_docs, page

TEMPLATE_BODY = """\
Links to [the lead](../roles/lead.md), [the stand-up](../rituals/stand-up.md) and [pairing](../practices/pairing.md).

## What it is for

Agreeing how the team works.

## When to use it

At the start.

## How to fill it in

Fill every cell.

## The template

Copy this, or download it.

````markdown
# Charter: <team name>

| Meeting | Cadence | Who |
| --- | --- | --- |
|  |  |  |

- [ ] Everyone has read it & agreed
````
"""

TEMPLATE = page(
    """
    title: Charter template
    summary: A working agreement the whole team fills in.
    tags: [teamwork]
    sources: [guide]
    roles:
      lead: accountable
      scientist: responsible
    used_in: [practices/pairing, exercises/charter-workshop]
    """,
    TEMPLATE_BODY,
)

EXERCISE = page(
    """
    title: Charter workshop
    summary: The team writes its charter together in half an hour.
    tags: [teamwork]
    sources: [guide]
    roles:
      lead: accountable
      scientist: responsible
    duration_minutes: 30
    group_size: {min: 3, max: 8}
    timing:
      - {minutes: 5, step: Explain the five headings.}
      - {minutes: 20, step: Draft the charter in pairs.}
      - {minutes: 5, step: Debrief.}
    parts:
      - {name: Scribe, role: scientist, brief: Writes the draft.}
      - {name: Timekeeper, brief: Calls time.}
    materials: ["The charter template, printed."]
    suggested: [group_size, timing]
    """,
    "Use the [charter template](../templates/charter.md) with [the lead](../roles/lead.md) at [the stand-up](../rituals/stand-up.md).\n\n"
    "## What it practises\n\nx\n\n## The brief\n\nx\n\n## Running it\n\nx\n\n## Facilitator notes\n\nx\n\n"
    "## Debrief questions\n\nx\n\n## Variations\n\nx",
)

GUIDE = page(
    """
    title: Rules or a model
    summary: Decide whether a problem needs a model at all.
    tags: [teamwork]
    sources: [guide]
    roles:
      lead: accountable
      scientist: consulted
    use_when: Someone asks for a model.
    questions:
      - id: problem
        ask: Can you state the problem without naming a technique?
        hint: Say what it costs today.
        choices:
          - {label: "Yes", go: rules}
          - {label: "No", go: frame-first}
      - id: rules
        ask: Would a fixed rule do the job?
        choices:
          - {label: "Yes", go: use-rules}
          - {label: "No", go: try-a-model}
    answers:
      - id: frame-first
        title: Frame the problem first
        text: Come back when the problem is stated.
        see: [practices/pairing]
      - id: use-rules
        title: Write the rule
        text: Ship the rule and measure it.
        see: [rituals/stand-up, roles/lead]
      - id: try-a-model
        title: Try a model, time-boxed
        text: Run a short experiment against a baseline.
        see: [practices/pairing]
    """,
    "Links to [the lead](../roles/lead.md), [the stand-up](../rituals/stand-up.md) and [pairing](../practices/pairing.md).\n\n"
    "## Why these questions\n\nx\n\n## After you decide\n\nx",
)


def play_docs() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = dict(minimal_docs())
    files["templates/charter.md"] = TEMPLATE
    files["exercises/charter-workshop.md"] = EXERCISE
    files["decision-guides/rules-or-a-model.md"] = GUIDE
    return files
