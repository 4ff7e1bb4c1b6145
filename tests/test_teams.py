"""`handbook teams SRC OUT`: several teams' handbooks from one command, each a site of its own, with an index."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.output.teams import build_teams, found_teams

NORTH = 'name: "North & Co\'s Desk"\ntimezone: Europe/Oslo\nroles: [ai-team-lead, data-scientist]\n'
SOUTH = "name: South Desk\ntimezone: Australia/Perth\nroles: [ai-team-lead, ml-engineer]\nrhythm:\n  daily-stand-up: {days: [monday, thursday], time: \"09:00\"}\n"


def test_two_teams_whose_names_give_one_address_are_both_named(tmp_path: Path) -> None:
    (tmp_path / "one.yml").write_text("name: Harbour Desk\n")
    (tmp_path / "two.yml").write_text("name: harbour desk\n")
    (tmp_path / "three.yml").write_text("name: Hi\n")
    teams, problems = found_teams(tmp_path)
    assert [t.source for t in teams] == ["one.yml"]
    assert "two.yml: its name gives the id 'harbour-desk', as one.yml's does: rename one team, each team's site is OUT/<id>/" in problems
    assert any(p.startswith("three.yml:1: name:") for p in problems)


@pytest.mark.slow
def test_a_folder_of_team_files_is_built_into_one_site_each_and_an_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "teams", tmp_path / "out"
    src.mkdir()
    (src / "north.yml").write_text(NORTH)
    (src / "south.yml").write_text(SOUTH)
    assert build_teams(src, out) == 0
    index = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    assert [(a.get_text(), a["href"]) for a in index.select("li a")] == [("North & Co's Desk", "north-co-s-desk/"), ("South Desk", "south-desk/")]
    for team, title in (("north-co-s-desk", "North & Co's Desk"), ("south-desk", "South Desk")):
        home = BeautifulSoup((out / team / "index.html").read_text(), "html.parser")
        assert home.title.get_text().endswith(title)
    south = BeautifulSoup((out / "south-desk" / "team" / "index.html").read_text(), "html.parser").get_text(" ")
    assert "Monday and Thursday" in south
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "north-co-s-desk", "south-desk"]
