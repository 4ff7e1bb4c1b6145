"""Rituals are plays: a duration, a timed agenda that adds up, honest labels on the handbook's own defaults."""

from __future__ import annotations

from conftest import ROOT, minimal_docs
from handbook.content.agendas import timed_agenda
from handbook.rules import load_folder

_NOTE = '!!! sources-differ "Where the sources differ"'


def rituals():
    return load_folder(ROOT / "docs").of_type("ritual")


def test_every_ritual_has_a_timed_agenda_that_adds_up():
    # The loader refuses an agenda that does not add up (handbook.rules.agreement); every ritual also has one.
    sums = {}
    for entry in rituals():
        found = timed_agenda(entry.src_uri, entry.body)
        sums[entry.stem] = (found.minutes if found else "no timed agenda", entry.meta.duration_minutes)
    assert {stem: pair for stem, pair in sums.items() if pair[0] != pair[1]} == {}


def test_a_handbook_default_is_labelled_on_the_page():
    # A suggested duration or cadence is explained in a suggestion callout under "When and how long".
    unlabelled = []
    for entry in rituals():
        if {"duration_minutes", "cadence"} & set(entry.meta.suggested):
            section = entry.body[entry.body.index("## When and how long") : entry.body.index("## Who")]
            if '!!! suggestion "Handbook suggestion"' not in section:
                unlabelled.append(entry.stem)
    assert unlabelled == []


def test_the_rituals_hold_at_most_three_disagreement_notes_and_settle_cycle_length_once():
    notes = {entry.stem: entry.body.count(_NOTE) for entry in rituals() if _NOTE in entry.body}
    assert sum(notes.values()) <= 3, notes
    cycle = [entry.stem for entry in rituals() if _NOTE in entry.body and "two-week sprints" in entry.body.split(_NOTE, 1)[1][:2000]]
    assert cycle == ["weekly-planning"]
    # The rhythm page and other pages link to the note through this section's anchor.
    planning = next(e for e in rituals() if e.stem == "weekly-planning").body
    assert _NOTE in planning[planning.index("\n## When and how long\n") : planning.index("\n## Who\n")]


def glance(built, url: str) -> dict[str, str]:
    box = built.html(url).find(class_="hb-glance")
    items = [li.get_text(" ", strip=True) for li in box.find_all("li")]
    return dict(item.split(": ", 1) for item in items)


def test_the_box_labels_the_handbooks_own_values(build_site):
    files = minimal_docs()
    files["rituals/stand-up.md"] = files["rituals/stand-up.md"].replace(
        "cadence: daily\nduration_minutes: 15\n", "cadence: weekly\nduration_minutes: 90\nday: friday\nsuggested: [cadence, duration_minutes]\n"
    )
    built = build_site(files)
    assert built.ok, built.messages
    box = glance(built, "rituals/stand-up/")
    assert box["Cadence"] == "weekly (handbook suggestion)"
    assert box["Usual day"] == "Friday"
    assert box["Run time"] == "1 h 30 min (handbook suggestion)"


def test_the_box_shows_a_sourced_value_plainly(build_site):
    built = build_site(minimal_docs())
    box = glance(built, "rituals/stand-up/")
    assert box["Cadence"] == "every working day"
    assert box["Run time"] == "15 min"
    assert "Usual day" not in box
