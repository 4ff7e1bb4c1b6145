"""At a glance on every play: prep time, run time, who, materials and difficulty, from front matter, in one box."""

from __future__ import annotations

import pytest

from conftest import ROOT, minimal_docs
from handbook.content.model import Play
from handbook.rules import load_folder

GLANCE = "prep_minutes: 15\nrun_minutes: 45\nmaterials: [A timer., The pairing rota]\ndifficulty: starter\nsuggested: [prep_minutes, roles, difficulty]\n"


def items(built, url: str) -> list[str]:
    box = built.html(url).select_one("article .hb-glance")
    return [li.get_text(" ", strip=True) for li in box.select(":scope > ul > li")]


@pytest.fixture
def built(build_site):
    files = minimal_docs()
    files["practices/pairing.md"] = files["practices/pairing.md"].replace("owner: lead\n", GLANCE + "owner: lead\n", 1)
    files["rituals/stand-up.md"] = files["rituals/stand-up.md"].replace("owner: lead\n", "prep_minutes: 2\ndifficulty: starter\nowner: lead\n", 1)
    site = build_site(files)
    assert site.ok, site.messages
    return site


def test_a_practice_box_shows_times_who_materials_and_difficulty(built):
    assert items(built, "practices/pairing/") == [
        "Prep time: 15 min (handbook suggestion)",
        "First session: 45 min",
        "Accountable: Scientist (the handbook's proposal)",
        "Informed: Team lead",
        "Materials: a timer; the pairing rota",
        "Difficulty: starter: a team can run it the first time from this page (handbook suggestion)",
    ]


def test_a_sourced_value_and_a_sourced_owner_are_shown_plainly(built):
    box = items(built, "rituals/stand-up/")
    assert "Prep time: 2 min" in box and "Run time: 15 min" in box
    assert "Accountable: Team lead" in box
    assert not any("proposal" in item or "suggestion" in item for item in box)


def test_every_play_of_the_handbook_has_its_glance_values():
    missing = {}
    for entry in load_folder(ROOT / "docs").entries.values():
        meta = entry.meta
        if not isinstance(meta, Play):
            continue
        run = getattr(meta, "duration_minutes", None) or getattr(meta, "run_minutes", None)
        gaps = [name for name, value in (("prep_minutes", meta.prep_minutes), ("run time", run), ("difficulty", meta.difficulty)) if value is None]
        if gaps:
            missing[entry.src_uri] = gaps
    assert missing == {}


def test_the_difficulty_is_always_the_handbooks_rating():
    # No source rates difficulty, so every page labels it.
    unlabelled = [e.src_uri for e in load_folder(ROOT / "docs").entries.values() if isinstance(e.meta, Play) and "difficulty" not in e.meta.suggested]
    assert unlabelled == []


def test_each_side_of_a_role_play_gets_its_fact_card(build_site):
    from plays import play_docs

    files = play_docs()
    files["exercises/charter-workshop.md"] = files["exercises/charter-workshop.md"].replace(
        "{name: Scribe, role: scientist, brief: Writes the draft.}",
        "{name: Scribe, role: scientist, brief: Writes the draft., facts: [The deadline is Friday., Two drafts exist <already>.]}",
    )
    built = build_site(files)
    assert built.ok, built.messages
    page = built.html("exercises/charter-workshop/")
    cards = page.select("article .hb-fact-cards .hb-card")
    # One card per part that has facts; a part without facts (the timekeeper) gets none.
    assert [card["aria-label"] for card in cards] == ["Fact card: Scribe"]
    assert [li.get_text() for li in cards[0].select("li")] == ["The deadline is Friday.", "Two drafts exist <already>."]
    assert "invented for the exercise" in page.select_one(".hb-fact-cards").get_text()


def test_the_real_role_plays_give_every_side_a_card():
    for entry in load_folder(ROOT / "docs").of_type("exercise"):
        if entry.stem.startswith("role-play-"):
            sides = [part.name for part in entry.meta.parts if part.role]
            assert sides and all(part.facts for part in entry.meta.parts if part.role), entry.stem
