"""A team leaves out pages it does without (`leave_out` in team.yml): gone from the navigation and the team's views,
kept at their addresses with a note; a path that names no page, a role, a ritual or an address is refused at its line."""

from __future__ import annotations

from pathlib import Path

from conftest import write_docs
from teams import TEAM, build_team, check_team, html, team_docs

LEAVING = TEAM + "leave_out: [practices/pairing.md]\n"


def test_a_left_out_page_leaves_the_navigation_and_keeps_its_address_with_a_note(tmp_path: Path) -> None:
    site, errors = build_team(tmp_path, LEAVING)
    assert errors == []
    page = html(site, "/practices/pairing/")
    note = page.select_one(".hb-team-note")
    assert note is not None and "Pairing Crew does without this page" in note.get_text(" ", strip=True)
    listed = lambda built: [a["href"] for a in html(built, "/practices/").select("nav.md-nav--primary a[href]") if "pairing" in a["href"]]  # noqa: E731
    assert listed(site) == []
    in_index = lambda built: [a["href"] for a in html(built, "/practices/").select("article a[href]") if a["href"].startswith("pairing")]  # noqa: E731
    assert in_index(site) == []
    # The same team without leave_out lists it: the assertion above can fail.
    kept, _ = build_team(tmp_path, TEAM, name="kept")
    assert listed(kept) == ["pairing/"]
    assert in_index(kept) == ["pairing/"]


def test_a_left_out_path_must_be_one_a_team_can_do_without(tmp_path: Path) -> None:
    write_docs(tmp_path, team_docs())
    (tmp_path / "team.yml").write_text(TEAM + "leave_out:\n  - practices/pairng.md\n  - roles/loner.md\n  - rituals/stand-up.md\n  - index.md\n", encoding="utf-8")
    assert check_team(tmp_path) == [
        "team.yml:13: leave_out.0: no page docs/practices/pairng.md (did you mean 'practices/pairing.md'?): give the path of one of the handbook's pages under docs/",
        "team.yml:14: leave_out.1: 'loner' is a role: leave a role out by listing the team's roles under `roles` without it",
        "team.yml:15: leave_out.2: 'stand-up' is a ritual: leave it out with `stand-up: false` under `rhythm`",
        "team.yml:16: leave_out.3: the home page cannot be left out: every site opens on it",
    ]


def test_a_left_out_page_is_named_by_its_file_not_its_address(tmp_path: Path) -> None:
    write_docs(tmp_path, team_docs())
    (tmp_path / "team.yml").write_text(TEAM + "leave_out:\n  - /practices/pairing/\n  - docs/practices/pairing.md\n  - Practices/Pairing\n", encoding="utf-8")
    text = "\n".join(check_team(tmp_path))
    assert "team.yml:13: leave_out.0: '/practices/pairing/' is an address: write the page's file under docs/, such as practices/pairing.md" in text
    assert "team.yml:14: leave_out.1: 'docs/practices/pairing.md': write the path under docs/, such as practices/pairing.md" in text
    assert "team.yml:15: leave_out.2: 'Practices/Pairing' is not a page's file" in text
