"""Every role page follows the role anatomy: the same `##` headings, in the same order."""

from __future__ import annotations

from conftest import ROOT
from handbook.content.types import headings_for, page_type
from handbook.rules import load_folder


def headings(body: str) -> tuple[str, ...]:
    return tuple(line[3:].strip() for line in body.splitlines() if line.startswith("## "))


def test_every_role_page_has_the_role_headings_in_order():
    roles = load_folder(ROOT / "docs").of_type("role")
    assert len(roles) >= 9
    assert {e.src_uri: headings(e.body) for e in roles} == {e.src_uri: headings_for("role") for e in roles}


def test_the_role_anatomy_is_enforced_and_has_no_first_weeks_section():
    assert page_type("role").anatomy.enforced
    # A generated first-week path and 90-day checklist replace the hand-written section.
    assert "First weeks" not in headings_for("role")


def section(body: str, title: str) -> str:
    start = body.index(f"\n## {title}\n")
    return body[start : body.index("\n## ", start + 1)]


def test_every_role_names_what_it_fears_and_cites_where_that_comes_from():
    # A role page speaks to its reader: its motives and at least one fear, from a source or labelled as the handbook's.
    for entry in load_folder(ROOT / "docs").of_type("role"):
        text = section(entry.body, "Motivations and fears")
        assert "fear" in text.casefold(), f"{entry.src_uri}: 'Motivations and fears' names no fear"
        assert "[^" in text or "!!! suggestion" in text, f"{entry.src_uri}: the motives cite no source and carry no label"
