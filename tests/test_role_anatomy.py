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
