"""One answer per question: pages that share a decision or a ritual's time agree, or the check says where they do not."""

from __future__ import annotations

from test_validation import RITUAL, problems

from conftest import ROOT, anatomy_body, minimal_docs, page
from handbook.rules import load_folder

RETRO = RITUAL  # a fortnightly hour, run by the lead
# A quarterly ritual that takes ten minutes of every second retro.
CHECK = (RITUAL.replace("title: Retro", "title: Check").replace("cadence: fortnightly", "cadence: quarterly")
         .replace("duration_minutes: 60", "duration_minutes: 45").replace("roles:", "held_within: {ritual: retro, minutes: 10, every: 2}\nroles:"))


def agenda(*rows: str, callout: bool = True) -> str:
    table = "| Minutes | Item |\n| ---: | --- |\n" + "\n".join(rows)
    if callout:
        table = '!!! suggestion "Handbook suggestion"\n\n' + "\n".join("    " + line for line in table.split("\n"))
    body = anatomy_body("ritual", "Look back with [the guide](../sources/guide.md).")
    return body.replace("## Agenda\n\nText.", f"## Agenda\n\n{table}")


def site(**pages: str) -> list[str]:
    files = dict(minimal_docs())
    files.update(pages)
    return problems(files)


def test_a_timed_agenda_adds_up_to_the_ritual_length():
    assert site(**{"rituals/retro.md": page(RETRO, agenda("| 20 | Went well |", "| 40 | Change |"))}) == []
    found = site(**{"rituals/retro.md": page(RETRO, agenda("| 20 | Went well |", "| 30 | Change |", callout=False))})
    assert len(found) == 1 and found[0].startswith("docs/rituals/retro.md:")
    assert found[0].endswith("agenda: the timed agenda adds up to 50 minutes, but duration_minutes is 60: make them agree")


def test_a_slot_another_ritual_takes_needs_a_row_in_the_agenda():
    full = agenda("| 20 | Went well |", "| 40 | Change |")
    found = site(**{"rituals/retro.md": page(RETRO, full), "rituals/check.md": page(CHECK, anatomy_body("ritual"))})
    assert [p.split(": ", 2)[1:] for p in found] == [[
        "agenda",
        "the timed agenda adds up to 60 minutes; docs/rituals/check.md takes 10 minutes of it every second time with no row for it, "
        "70 in all, but duration_minutes is 60: give the slot a row of its length in the agenda, linked to its page, and shorten the others",
    ]]
    line = page(RETRO, full).split("\n").index("    | Minutes | Item |") + 1
    assert found[0].startswith(f"docs/rituals/retro.md:{line}: ")
    room = agenda("| 20 | Went well |", "| 30 | Change |", "| 10 | Every second time, the [check](check.md) |")
    assert site(**{"rituals/retro.md": page(RETRO, room), "rituals/check.md": page(CHECK, anatomy_body("ritual"))}) == []


def test_a_slot_in_a_ritual_that_does_not_exist_is_refused():
    found = site(**{"rituals/check.md": page(CHECK.replace("ritual: retro", "ritual: retrospective"), anatomy_body("ritual"))})
    assert found == ["docs/rituals/check.md:9: held_within: 'retrospective' is not another ritual: "
                     "give the id of the ritual whose time this one takes a slot in"]


SANDBOX = """
title: Sandbox
summary: Experiments with new tools away from production.
tags: [teamwork]
sources: [guide]
roles:
  lead: accountable
  scientist: responsible
decides:
  - id: leave-the-sandbox
    outcomes: [Start a proof of concept, Keep exploring, Drop]
"""
SHOWCASE = """
title: Showcase
summary: A monthly look at what the sandbox produced.
tags: [teamwork]
sources: [guide]
cadence: monthly
duration_minutes: 60
prep: One experiment to show.
roles:
  scientist: accountable
  lead: consulted
decides:
  - id: leave-the-sandbox
"""


def test_one_role_makes_a_decision_on_every_page_that_names_it():
    linked = anatomy_body("ritual", "Shows work from the [sandbox](../practices/sandbox.md).")
    found = site(**{"practices/sandbox.md": page(SANDBOX, anatomy_body("practice")), "rituals/showcase.md": page(SHOWCASE, linked)})
    assert found == [
        "docs/rituals/showcase.md:13: decides: 'leave-the-sandbox' is made by the team lead on docs/practices/sandbox.md but by the "
        "scientist here (the accountable role): one role makes a decision, so make them agree"
    ]
    agreed = SHOWCASE.replace("  scientist: accountable\n  lead: consulted", "  lead: accountable\n  scientist: responsible")
    assert site(**{"practices/sandbox.md": page(SANDBOX, anatomy_body("practice")), "rituals/showcase.md": page(agreed, linked)}) == []


def test_outcomes_are_given_once_and_the_other_pages_link_to_them():
    agreed = SHOWCASE.replace("  scientist: accountable\n  lead: consulted", "  lead: accountable\n  scientist: responsible")
    unlinked = site(**{"practices/sandbox.md": page(SANDBOX, anatomy_body("practice")), "rituals/showcase.md": page(agreed, anatomy_body("ritual"))})
    assert unlinked == ["docs/rituals/showcase.md:13: decides: 'leave-the-sandbox' is owned by docs/practices/sandbox.md, "
                        "which gives its outcomes: link to it from this page"]
    linked = anatomy_body("ritual", "Shows work from the [sandbox](../practices/sandbox.md).")
    differ = agreed.replace("  - id: leave-the-sandbox\n", "  - id: leave-the-sandbox\n    outcomes: [Adopt, Drop, Park]\n")
    assert site(**{"practices/sandbox.md": page(SANDBOX, anatomy_body("practice")), "rituals/showcase.md": page(differ, linked)}) == [
        "docs/rituals/showcase.md:14: decides: the outcomes of 'leave-the-sandbox' are 'Start a proof of concept', 'Keep exploring', "
        "'Drop' on docs/practices/sandbox.md but 'Adopt', 'Drop', 'Park' here: decide them once, there, and link to it"
    ]
    same = agreed.replace("  - id: leave-the-sandbox\n", "  - id: leave-the-sandbox\n    outcomes: [Start a proof of concept, Keep exploring, Drop]\n")
    assert site(**{"practices/sandbox.md": page(SANDBOX, anatomy_body("practice")), "rituals/showcase.md": page(same, linked)}) == [
        "docs/rituals/showcase.md:14: decides: the outcomes of 'leave-the-sandbox' are already given on docs/practices/sandbox.md: "
        "give them once, there, and link to it"
    ]


def test_a_decision_has_two_outcomes_or_none():
    one = SANDBOX.replace("[Start a proof of concept, Keep exploring, Drop]", "[Drop]")
    assert site(**{"practices/sandbox.md": page(one, anatomy_body("practice"))}) == [
        "docs/practices/sandbox.md:11: decides.0.outcomes: a decision has at least two outcomes: list them all, or none on a page that links to the owner"
    ]


def test_the_real_handbook_decides_each_question_once():
    # The loader runs the check: the real handbook loading at all means it found no disagreement.
    real_catalog = load_folder(ROOT / "docs")
    showcase = real_catalog.get("rituals/innovation-showcase.md").meta
    sandbox = real_catalog.get("practices/innovation-sandbox.md").meta
    assert showcase.accountable == sandbox.accountable == "ai-team-lead"
    assert [d.outcomes for d in real_catalog.get("rituals/model-review.md").meta.decides] == [["Go", "Go with conditions", "No-go"]]
    assert real_catalog.get("rituals/team-health-check.md").meta.held_within.ritual == "retrospective"
