"""`make init`: team.yml from a few questions or from flags, checked before it is written, never over one by accident."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.rules import load_folder
from handbook.rules.team import load_team
from handbook.tools import init as init_module
from handbook.tools.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the real handbook's docs and mkdocs.yml, with no git origin and no make arguments in the environment."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    monkeypatch.setattr(init_module, "git_origin", lambda root: None)
    for variable in [name for name in os.environ if name.startswith("HANDBOOK_INIT_") or name == "HANDBOOK_TEAM"]:
        monkeypatch.delenv(variable)
    return tmp_path


def init(project: Path, *arguments: str) -> int:
    return main(["--config", str(project / "mkdocs.yml"), "init", *arguments])


def loaded(project: Path):
    return load_team(project / "team.yml", "team.yml", load_folder(project / "docs")).team


def test_flags_write_a_team_file_that_loads(project, capsys):
    assert init(project, "--name", "Orion ML team", "--site-url", "https://handbook.orion.example.com/", "--repo-url", "https://gitlab.com/orion/handbook",
                "--timezone", "Europe/Berlin", "--roles", "ai-team-lead,data-scientist,ml-engineer", "--yes") == 0
    assert capsys.readouterr().out.startswith("Wrote team.yml for Orion ML team.")
    text = (project / "team.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/team.json\n")
    team = loaded(project)
    assert (team.name, team.site_url, team.repo_url, team.edit_uri, team.timezone) == (
        "Orion ML team", "https://handbook.orion.example.com/", "https://gitlab.com/orion/handbook", "-/edit/main/docs/", "Europe/Berlin")
    assert team.roles == ["ai-team-lead", "data-scientist", "ml-engineer"]
    assert (team.people, team.rhythm, team.channels) == ([], {}, [])


def test_yes_takes_the_defaults(project):
    assert init(project, "--name", "Orion ML team", "--yes") == 0
    team = loaded(project)
    assert (team.site_url, team.repo_url, team.edit_uri, team.timezone, team.roles) == (None, None, None, "UTC", None)


def test_handbook_team_names_the_file_and_its_schema_line_follows(project, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TEAM", "teams/orion.yml")
    (project / "teams").mkdir()
    assert init(project, "--name", "Orion ML team", "--yes") == 0
    assert (project / "teams" / "orion.yml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/team.json\n")
    assert not (project / "team.yml").exists()


def test_a_team_file_in_a_missing_folder_is_one_line(project, monkeypatch, capsys):
    monkeypatch.setenv("HANDBOOK_TEAM", "teams/orion.yml")
    assert init(project, "--name", "Orion ML team", "--yes") == 2
    assert capsys.readouterr().err == "init: teams/orion.yml was not written: No such file or directory: check the folder and its permissions\n"


def test_the_repository_defaults_to_gits_origin(project, monkeypatch):
    monkeypatch.setattr(init_module, "git_origin", lambda root: "https://github.com/orion/handbook")
    assert init(project, "--name", "Orion ML team", "--yes") == 0
    assert (loaded(project).repo_url, loaded(project).edit_uri) == ("https://github.com/orion/handbook", "edit/main/docs/")


@pytest.mark.parametrize(("remote", "expected"), [
    ("git@github.com:orion/handbook.git", "https://github.com/orion/handbook"),
    ("https://gitlab.com/orion/handbook.git", "https://gitlab.com/orion/handbook"),
    ("https://user:token@git.example.com/orion/handbook.git", None),
    ("/srv/git/handbook.git", None),
])
def test_gits_origin_as_a_web_address(tmp_path, remote, expected):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", remote], check=True)
    assert init_module.git_origin(tmp_path) == expected


def test_an_existing_team_file_is_not_replaced_without_force(project, capsys):
    (project / "team.yml").write_text("name: Our own team\n", encoding="utf-8")
    assert init(project, "--name", "Orion ML team", "--yes") == 2
    assert capsys.readouterr().err == "init: team.yml already exists: edit it, or run again with --force to replace it\n"
    assert (project / "team.yml").read_text(encoding="utf-8") == "name: Our own team\n"
    assert init(project, "--name", "Orion ML team", "--yes", "--force") == 0
    assert loaded(project).name == "Orion ML team"
    assert [p.name for p in project.iterdir() if p.name.startswith(".team.yml")] == []


@pytest.mark.parametrize("name", [
    "Orion 'ML': team #1",
    "It's a team: #hash, 'quotes' & \\backslash\\",
    "- a dash, ? a question, {braces} [brackets]",
    "yes",
    "2027-01-11",
    "*star &anchor !tag %percent @at `tick`",
    "$(shell touch PWNED) $HOME ${HOME}",
    "Équipe Orion: données & modèles",
])
def test_a_hostile_name_round_trips(project, name):
    assert init(project, "--name", name, "--yes") == 0
    assert loaded(project).name == name
    assert not (project / "PWNED").exists()


@pytest.mark.parametrize(("arguments", "message"), [
    (["--name", "<b>Orion</b>"], "init: name: must be plain text: '<' and '>' are not allowed (--name ...)\n"),
    (["--name", "Orion\nteam"], "init: name: control characters (a line break, a tab, an escape) are not allowed: write it on one line (--name ...)\n"),
    ([], "init: name: the team needs a name, such as Orion ML team: give it (--name ...)\n"),
    (["--name", "Orion", "--timezone", "Europe/Berlim"],
     "init: timezone: 'Europe/Berlim' is not a time zone (did you mean 'Europe/Berlin'?): use an IANA name such as Europe/Berlin or America/New_York"
     " (--timezone ...)\n"),
    (["--name", "Orion", "--site-url", "handbook.example.com"],
     "init: site_url: 'handbook.example.com' is not a web address: write it in full, such as https://chat.example.com/team (--site-url ...)\n"),
    (["--name", "Orion", "--roles", "ai-team-lead,ds"], "init: roles: unknown role 'ds': give role ids from docs/roles/ (ai-product-manager, ai-team-lead, "
     "compliance-partner, data-engineer, data-scientist, executive-sponsor, ml-engineer, mlops-engineer, research-scientist, software-engineer, ux-designer) or their numbers"
     " (--roles ...)\n"),
])
def test_a_bad_answer_is_refused_and_nothing_is_written(project, capsys, arguments, message):
    assert init(project, *arguments, "--yes") == 2
    assert capsys.readouterr().err == message
    assert not (project / "team.yml").exists()


def test_questions_are_asked_for_what_no_flag_gives(project, monkeypatch, capsys):
    answers = iter(["Orion ML team", "", "https://github.com/orion/handbook", "Europe/Berlim", "Europe/Berlin", "2, 5,data-engineer"])
    asked = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", answer)
    assert init(project) == 0
    out = capsys.readouterr().out
    assert "'Europe/Berlim' is not a time zone (did you mean 'Europe/Berlin'?)" in out
    assert "   2. ai-team-lead (AI team lead)\n" in out
    assert asked[0] == "The team's name (the site's title): "
    assert asked[3] == asked[4] == "The team's time zone (an IANA name such as Europe/Berlin) [UTC]: "
    team = loaded(project)
    assert (team.name, team.site_url, team.repo_url, team.timezone) == ("Orion ML team", None, "https://github.com/orion/handbook", "Europe/Berlin")
    assert team.roles == ["ai-team-lead", "data-scientist", "data-engineer"]


def test_a_flag_answers_its_question_without_asking_it(project, monkeypatch):
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "")
    assert init(project, "--name", "Orion ML team", "--roles", "ai-team-lead") == 0
    assert [prompt.split(" (")[0].split(" [")[0] for prompt in asked] == [
        "Where the site will be published", "The repository's web address", "The team's time zone"]


def test_input_that_ends_takes_the_defaults_or_says_what_is_missing(project, monkeypatch, capsys):
    def ended(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", ended)
    assert init(project) == 2
    assert capsys.readouterr().err == "init: name: the team needs a name, such as Orion ML team: the input ended before an answer, so give it (--name ...)\n"
    assert init(project, "--name", "Orion ML team") == 0
    assert loaded(project).timezone == "UTC"


def test_make_init_passes_its_arguments_without_expanding_them(project):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, project / name)
    stamp = project / ".venv" / ".installed-stamp"
    stamp.parent.mkdir()
    stamp.touch()
    hostile = "$(shell touch PWNED) 'Orion': #1 `id` $$HOME"
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "NAME": "a name some systems set"}
    result = subprocess.run(
        ["make", "--no-print-directory", "init", f"BIN={Path(sys.executable).parent}", f"NAME={hostile}", "TIMEZONE=Europe/Berlin",
         "ROLES=ai-team-lead,data-scientist", "YES=1"],
        cwd=project, env=environ, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    team = loaded(project)
    assert (team.name, team.timezone, team.roles) == (hostile, "Europe/Berlin", ["ai-team-lead", "data-scientist"])
    assert not (project / "PWNED").exists()
    (project / "team.yml").unlink()
    result = subprocess.run(["make", "--no-print-directory", "init", f"BIN={Path(sys.executable).parent}", "YES=1"],
                            cwd=project, env=environ, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 2
    assert "init: name: the team needs a name" in result.stderr  # NAME from the environment is not taken as an answer
