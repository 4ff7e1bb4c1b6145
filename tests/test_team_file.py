"""The team file: the example loads, and every mistake is one line naming file, line, field and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.content.problems import ContentError
from handbook.content.team import PUBLIC_VARIABLE, TEAM_VARIABLE, Channel, Person, Slot, Team
from handbook.content.team_file import read_team, team_path
from handbook.rules import load_folder
from handbook.rules.team import load_team

EXAMPLE = ROOT / "examples" / "team.yml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalog():
    return load_folder(ROOT / "docs")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems_after(tmp_path: Path, catalog, old: str, new: str) -> tuple[list[str], int]:
    """The problems of the example with `old` replaced by `new`, and the line where `new` starts."""
    assert old in TEXT, old
    text = TEXT.replace(old, new, 1)
    path = tmp_path / "team.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_team(path, "team.yml", catalog)
    return [str(problem) for problem in raised.value.problems], line_of(text, new)


def test_the_example_loads(monkeypatch):
    monkeypatch.chdir(ROOT)
    found = load_team(Path("examples/team.yml"), "examples/team.yml", load_folder(Path("docs")))
    assert found is not None
    team = found.team
    assert team.name == "Orion ML team"
    assert team.timezone == "Europe/Berlin"
    assert len(team.people) in (5, 6)
    assert sum(person.start is not None and person.buddy is not None for person in team.people) > len(team.people) / 2
    assert False in team.rhythm.values()
    assert any(slot and slot.cadence == "fortnightly" and slot.duration_minutes for slot in team.rhythm.values())
    assert team.channels


def test_every_key_of_the_example_is_explained_by_a_comment():
    comments = " ".join(line.split("#", 1)[1] for line in TEXT.splitlines() if "#" in line and '"#' not in line)
    keys = {*Team.model_fields, *Person.model_fields, *Slot.model_fields, *Channel.model_fields}
    assert sorted(key for key in keys if not re.search(rf"(?<![\w-]){key}(?![\w-])", comments)) == []


def test_a_role_with_nobody_is_an_open_position_not_an_error(catalog):
    team = load_team(EXAMPLE, "team.yml", catalog).team
    open_roles = [role for role in team.roles if not any(person.role == role for person in team.people)]
    assert open_roles == ["data-engineer"]


def test_an_unknown_role(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "  - data-engineer ", "  - data-enginer ")
    assert found == [f"team.yml:{line}: roles.5: unknown role 'data-enginer' (did you mean 'data-engineer'?): role ids are the file names in docs/roles/"]


def test_an_unknown_ritual(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "  pm-ds-sync:\n", "  pm-ds-synk:\n")
    assert found == [f"team.yml:{line}: rhythm.pm-ds-synk: unknown ritual 'pm-ds-synk' (did you mean 'pm-ds-sync'?): ritual ids are the file names in docs/rituals/"]


def test_an_unknown_person_as_buddy(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "buddy: Priya Kestrel", "buddy: Priya K")
    assert found == [f"team.yml:{line}: people.5.buddy: 'Priya K' is not a person on the team (did you mean 'Priya Kestrel'?): use the id or name of someone in `people`"]


def test_a_buddy_who_is_not_a_person(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "buddy: Priya Kestrel", "buddy: data-scientist")
    assert found == [f"team.yml:{line}: people.5.buddy: 'data-scientist' is a role, not a person: a buddy is one person, named by their id or name in `people`"]


def test_a_person_as_their_own_buddy(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "buddy: Priya Kestrel", "buddy: sam")
    assert found == [f"team.yml:{line}: people.5.buddy: a person cannot be their own buddy: name someone else in `people`"]


def test_a_buddy_named_by_a_name_two_people_share(tmp_path, catalog):
    found, _ = problems_after(tmp_path, catalog, "  - name: Lena Vogt\n", "  - name: Priya Kestrel\n")
    line = line_of(TEXT, "buddy: Priya Kestrel")
    assert found == [f"team.yml:{line}: people.5.buddy: 2 people are called 'Priya Kestrel': name the buddy by id (priya, lena)"]


def test_two_people_with_the_same_id(tmp_path, catalog):
    found, _ = problems_after(tmp_path, catalog, "    id: sam\n", "    id: jun\n")
    line = line_of(TEXT, "    id: sam")
    first = line_of(TEXT, "  - name: Jun Ito")
    assert found == [f"team.yml:{line}: people.5.id: two people have the id 'jun' (the first is Jun Ito, line {first}): give each a different `id`"]


def test_a_name_that_gives_an_id_already_taken(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "\n# rhythm: the rituals", "  - name: Jun\n    role: ml-engineer\n\n# rhythm: the rituals")
    assert found == [f"team.yml:{line}: people.6.name: two people have the id 'jun' (the first is Jun Ito, line {line_of(TEXT, '  - name: Jun Ito')}): give one of them an `id`, such as jun-2"]


def test_a_time_that_is_not_a_time_of_day(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, 'time: "15:00"', 'time: "25:00"')
    assert found == [f"team.yml:{line}: rhythm.retrospective.time: '25:00' is not a time of day: write it as HH:MM on the 24-hour clock, such as 09:30"]


def test_a_time_without_quotes(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, 'time: "15:00"', "time: 15:00")
    assert found == [f'team.yml:{line}: rhythm.retrospective.time: 15:00 without quotes is read as the number 900: write the time in quotes, such as "15:00"']


def test_an_unknown_time_zone(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "timezone: Europe/Berlin", "timezone: Europe/Berlim")
    assert found == [f"team.yml:{line}: timezone: 'Europe/Berlim' is not a time zone (did you mean 'Europe/Berlin'?): use an IANA name such as Europe/Berlin or America/New_York"]


def test_a_weekday_typo(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "day: thursday", "day: thursdy")
    assert found == [f"team.yml:{line}: rhythm.model-to-api-meeting.day: 'thursdy' is not a weekday: use monday, tuesday, wednesday, thursday or friday"]


def test_a_weekday_typo_in_a_list_of_days(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "[monday, tuesday", "[monday, tusday")
    assert found == [f"team.yml:{line}: rhythm.daily-stand-up.days.1: 'tusday' is not a weekday: use monday, tuesday, wednesday, thursday or friday"]


@pytest.mark.parametrize("start", ["next monday", "01/02/2027", "2027-02-30"])
def test_a_start_date_that_is_not_a_date(tmp_path, catalog, start):
    found, line = problems_after(tmp_path, catalog, "start: 2027-02-01", f"start: {start}")
    assert found == [f"team.yml:{line}: people.4.start: '{start}' is not a date: write the first day as YYYY-MM-DD, such as 2027-01-11"]


def test_a_person_whose_role_is_not_one_of_the_teams(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "    role: mlops-engineer\n", "    role: research-scientist\n")
    assert found == [f"team.yml:{line}: people.4.role: 'research-scientist' is not one of the team's roles: add it to `roles` or give another role"]


def test_a_ritual_given_twice(tmp_path, catalog):
    found, _ = problems_after(tmp_path, catalog, "  model-to-api-meeting:\n", "  pm-ds-sync:\n")
    line, first = line_of(TEXT, "  model-to-api-meeting:"), line_of(TEXT, "  pm-ds-sync:")
    assert found == [f"team.yml:{line}: rhythm.pm-ds-sync: 'pm-ds-sync' is given twice (first at line {first}): keep one and merge what each says"]


def test_a_ritual_neither_scheduled_nor_false(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "failure-friday: false", "failure-friday: sometimes")
    assert found == [f'team.yml:{line}: rhythm.failure-friday: give when the team holds it, such as {{day: thursday, time: "15:00"}}; '
                     "true for a ritual held with no fixed time; or false for one it does not hold"]


def test_an_unquoted_yes_as_a_name(tmp_path, catalog):
    found, line = problems_after(tmp_path, catalog, "buddy: Priya Kestrel", "buddy: yes")
    assert found == [f"team.yml:{line}: people.5.buddy: an unquoted yes, no, on, off, true or false is read as a truth value, not text: write it in quotes"]


def test_no_team_file_is_the_generic_handbook(tmp_path):
    assert read_team(tmp_path / "team.yml", "team.yml", environ={}) == (None, [])
    assert team_path(tmp_path, {TEAM_VARIABLE: "teams/orion.yml"}) == tmp_path / "teams" / "orion.yml"
    found, problems = read_team(tmp_path / "teams" / "orion.yml", "teams/orion.yml", environ={TEAM_VARIABLE: "teams/orion.yml"})
    assert found is None
    assert [str(p) for p in problems] == [f"teams/orion.yml:1: file: {TEAM_VARIABLE} names a file that does not exist: create it or unset {TEAM_VARIABLE}"]


def test_the_public_switch_leaves_people_out():
    found, problems = read_team(EXAMPLE, "team.yml", environ={PUBLIC_VARIABLE: "true"})
    assert problems == [] and found.public and found.people == [] and len(found.team.people) == 6


def test_two_people_of_one_name_without_ids_are_one_problem(tmp_path, catalog):
    # Both ids come from the name, so they clash; the buddy named by that name is not reported as ambiguous too.
    text = TEXT.replace("  - name: Priya Kestrel\n    id: priya\n", "  - name: Priya Kestrel\n", 1).replace("  - name: Lena Vogt\n    id: lena\n", "  - name: Priya Kestrel\n", 1)
    (tmp_path / "team.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_team(tmp_path / "team.yml", "team.yml", catalog)
    first, second = (line_of(text, "  - name: Priya Kestrel\n    role: " + role) for role in ("data-scientist", "mlops-engineer"))
    assert [str(p) for p in raised.value.problems] == [
        f"team.yml:{second}: people.4.name: two people have the id 'priya-kestrel' (the first is Priya Kestrel, line {first}): give one of them an `id`, such as priya-kestrel-2"]
