"""Every value of the team file and of the environment safe, refused at its cause with its line, in check and build alike;
conflict markers caught wherever a merge can leave them; names kept out of sites that anyone can reach."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, fixture_config, write_docs
from teams import TEAM, build_team, check_team, html, team_docs

# --- refused at its line, by both commands --------------------------------------------------------------------------


def both(tmp_path: Path, team: str, env: dict[str, str] | None = None) -> tuple[list[str], list[str], Path]:
    """(what the build reports, what the check reports, the site folder) for the fixture handbook with this team file."""
    site, errors = build_team(tmp_path, team, env=env)
    return errors, check_team(site.parent, env), site


@pytest.mark.parametrize(("change", "expected"), [
    (("name: Pairing Crew", 'name: Crew" onmouseover="alert(1)'),
     "team.yml:1: name: a double quote is not allowed in the team's name: leave it out or use \u2019 or \u201c \u201d"),
    (("name: Pairing Crew", "name: R&amp;D crew"), "team.yml:1: name: '&amp;' would be shown as the character it names: write the character itself"),
    (("name: Pairing Crew", "name: Crew &#x3C;3"), "team.yml:1: name: '&#x3C;' would be shown as the character it names: write the character itself"),
    (("name: Bo Chen, role: lead", 'name: "Bo \\u202eChen", role: lead'), "team.yml:7: people.1.name: direction character U+202E (a YAML escape): remove it"),
    (("timezone: Europe/Berlin", "timezone: localtime"),
     "team.yml:2: timezone: 'localtime' is not a time zone: use an IANA name such as Europe/Berlin or America/New_York"),
    (("timezone: Europe/Berlin", "timezone: Factory"), "team.yml:2: timezone: 'Factory' is not a time zone: use an IANA name such as Europe/Berlin or America/New_York"),
    (("roles: [lead, scientist]", "roles: []"), "team.yml:4: roles: List should have at least 1 item after validation, not 0"),
    (("roles: [lead, scientist]", "roles: [lead, scientist, lead]"), "team.yml:4: roles: 'lead' is listed twice: list each role once"),
    (("start: 2027-01-11", "start: 9999-12-31"), "team.yml:6: people.0.start: 9999-12-31 is not a date a team plans for: give a year from 1970 to 2099"),
    (("start: 2027-01-11", "start: 0001-01-01"), "team.yml:6: people.0.start: 0001-01-01 is not a date a team plans for: give a year from 1970 to 2099"),
    (('time: "09:30"}', 'time: "09:30", first: 2027-02-30}'), "team.yml:9: rhythm.stand-up.first: '2027-02-30' is not a date: write a day the ritual is held on as YYYY-MM-DD, such as 2027-01-14"),
    (('time: "09:30"}', 'time: "09:30", first: 2027-01-09}'),
     "team.yml:9: rhythm.stand-up.first: 2027-01-09 is a Saturday, but the ritual is held on monday or tuesday or wednesday or thursday or friday: give a date on one of its days"),
    (("days: [monday, tuesday, wednesday, thursday, friday]", "days: [monday, monday]"), "team.yml:9: rhythm.stand-up.days: 'monday' is listed twice: list each weekday once"),
    (("days: [monday, tuesday, wednesday, thursday, friday]", "days: []"), "team.yml:9: rhythm.stand-up.days: List should have at least 1 item after validation, not 0"),
    (("days: [monday, tuesday, wednesday, thursday, friday]", "days: [monday], day: friday"),
     "team.yml:9: rhythm.stand-up.days: give `day` for one weekday or `days` for several, not both"),
    (("{name: Bo Chen, role: lead}", "{name: Bo Chen, role: lead}\n  - {name: Index, id: index, role: scientist, start: 2027-02-01}"),
     "team.yml:8: people.2.id: /team/ is already the generated page 'The team': give this person another `id`"),
])
def test_a_bad_value_is_refused_at_its_line_by_check_and_build(tmp_path, change, expected):
    assert change[0] in TEAM
    built, checked, site = both(tmp_path, TEAM.replace(*change))
    assert expected in built, built
    assert checked == [expected]
    assert not (site / "index.html").exists()


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("HANDBOOK_REPO_URL", "javascript:alert(1)", "environment: HANDBOOK_REPO_URL: 'javascript:alert(1)' is not a web address: write it in full, such as https://chat.example.com/team"),
    ("HANDBOOK_REPO_URL", "file:///etc/passwd", "environment: HANDBOOK_REPO_URL: 'file:///etc/passwd' is not a web address: write it in full, such as https://chat.example.com/team"),
    ("HANDBOOK_SITE_URL", "https://x.example/\"><script>", "environment: HANDBOOK_SITE_URL: 'https://x.example/\"><script>' is not a web address: write it in full, such as https://chat.example.com/team"),
    ("HANDBOOK_EDIT_URI", "javascript:alert(1)//", "environment: HANDBOOK_EDIT_URI: 'javascript:alert(1)//' is not an edit path: write it as team.yml's edit_uri, such as edit/main/docs/ or -/edit/main/docs/"),
    ("HANDBOOK_PUBLIC", "ture", "environment: HANDBOOK_PUBLIC: 'ture' is not a yes/no setting: set it to true or false, or unset it"),
])
def test_a_bad_setting_in_the_environment_is_refused_as_the_same_key_in_the_team_file(tmp_path, variable, value, expected):
    built, checked, site = both(tmp_path, TEAM, env={variable: value})
    assert checked == [expected]
    # The engine checks mkdocs.yml's own values first: either way the build stops with one line and no site.
    assert built and (expected in built or any(variable.removeprefix("HANDBOOK_").lower() in line for line in built)), built
    assert not (site / "index.html").exists()


def test_a_team_file_outside_the_project_is_not_read(tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text(TEAM.replace("Pairing Crew", "Somebody Else"), encoding="utf-8")
    root = tmp_path / "project"
    write_docs(root, team_docs())
    (root / "team.yml").symlink_to(outside)
    assert check_team(root) == ["team.yml:1: file: is outside the project: keep the team file in the repository, and give HANDBOOK_TEAM as a path relative to mkdocs.yml"]
    (root / "team.yml").unlink()
    assert check_team(root, {"HANDBOOK_TEAM": str(outside)}) == [
        f"environment: HANDBOOK_TEAM: '{outside}' is outside the project: keep the team file in the repository, and give HANDBOOK_TEAM as a path relative to mkdocs.yml"
    ]
    assert check_team(root, {"HANDBOOK_TEAM": "../elsewhere.yml"})[0].startswith("environment: HANDBOOK_TEAM: '../elsewhere.yml' is outside the project")
    inside = root / "teams" / "crew.yml"
    inside.parent.mkdir()
    inside.symlink_to(root / "docs" / "tags.yml")
    assert check_team(root, {"HANDBOOK_TEAM": "teams/crew.yml"}) == [
        "environment: HANDBOOK_TEAM: 'teams/crew.yml' is a symbolic link: links are not followed, so copy the file into the repository instead"
    ]


def test_a_name_that_reaches_the_themes_unescaped_attributes_is_safe_there(tmp_path):
    # Characters that are harmless printed raw stay as written: an apostrophe, an ampersand with no name after it.
    site, errors = build_team(tmp_path, TEAM.replace("name: Pairing Crew", "name: \"Crew's Q&A <3\"").replace("<3", "3"))
    assert errors == []
    page = html(site, "/")
    assert page.select_one(".md-header__button.md-logo")["aria-label"] == "Crew's Q&A 3"
    assert page.title.get_text().endswith("Crew's Q&A 3")


def test_a_bidi_override_written_in_a_page_is_refused_at_its_line(tmp_path):
    files = {"notags.md": team_docs()["notags.md"].replace("Text.", "Text \u202eevil.")}
    site, errors = build_team(tmp_path, TEAM, files=files)
    assert "docs/notags.md:10: file: direction character U+202E at column 6 (it reorders the text around it): remove it" in errors
    assert check_team(site.parent) == ["docs/notags.md:10: file: direction character U+202E at column 6 (it reorders the text around it): remove it"]


# --- conflict markers ---------------------------------------------------------------------------------------------

CONFLICT = "<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> upstream/main\n"


@pytest.mark.parametrize(("where", "expected"), [
    ("docs/notags.md", ["docs/notags.md:{0}: file: '<<<<<<<' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again",
                        "docs/notags.md:{2}: file: '=======' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again",
                        "docs/notags.md:{4}: file: '>>>>>>>' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again"]),
    ("docs/tags.yml", ["docs/tags.yml:{0}: file: '<<<<<<<' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again"]),
    ("team.yml", ["team.yml:{0}: file: '<<<<<<<' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again"]),
    ("docs/.nav.yml", ["docs/.nav.yml:{0}: file: '<<<<<<<' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again"]),
    ("mkdocs.yml", ["mkdocs.yml:{0}: file: '<<<<<<<' a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again"]),
])
def test_conflict_markers_are_an_error_with_file_and_line_in_check_and_build(tmp_path, where, expected):
    root = tmp_path / "project"
    write_docs(root, {**team_docs(), ".nav.yml": "nav:\n  - Getting started:\n    - index.md\n    - notags.md\n"})
    (root / "team.yml").write_text(TEAM, encoding="utf-8")
    fixture_config(root)
    path = root / where
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = len(lines) - 2 if where.endswith(".md") else 1
    path.write_text("\n".join(lines[:at] + [CONFLICT.rstrip("\n")] + lines[at:]), encoding="utf-8")
    first = at + 1
    wanted = [line.format(first, first + 1, first + 2, first + 3, first + 4) for line in expected]
    checked = check_team(root)
    assert checked[: len(wanted)] == wanted, checked
    published = subprocess.run([sys.executable, "-m", "handbook.output.publish", "--config", str(root / "mkdocs.yml"), "--site", str(root / "site")],
                               cwd=root, env={**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-11-23"}, capture_output=True, text=True, check=False)
    assert published.returncode == 1
    assert wanted[0] in published.stderr + published.stdout
    assert not (root / "site").exists()


def test_a_markdown_heading_underline_is_not_a_conflict(tmp_path):
    files = {"notags.md": team_docs()["notags.md"].replace("Text.", "Title\n=======\n\nText.")}
    site, errors = build_team(tmp_path, TEAM, files=files)
    assert errors == []


# --- the loop ------------------------------------------------------------------------------------------------------


def test_check_counts_a_team_file_problem_as_the_team_files(tmp_path):
    root = tmp_path / "project"
    write_docs(root, team_docs())
    (root / "team.yml").write_text(TEAM.replace("roles: [lead, scientist]", "roles: [lead, wizard]"), encoding="utf-8")
    fixture_config(root)
    result = subprocess.run([sys.executable, "-m", "handbook", "--config", str(root / "mkdocs.yml"), "check"], cwd=root, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-11-23"}, check=False)
    assert result.returncode == 1
    assert re.match(r"check: \d+ problems? in team\.yml \(", result.stderr), result.stderr
    (root / "docs" / "notags.md").write_text("no front matter\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handbook", "--config", str(root / "mkdocs.yml"), "check"], cwd=root, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-11-23"}, check=False)
    assert result.stderr.startswith("check: 1 problem in docs/ (")  # the team file is checked once the pages are valid


def make_project(tmp_path: Path) -> Path:
    """A project folder with the Makefile and a venv stamp, so that make runs the commands without installing anything."""
    import shutil

    project = tmp_path / "make"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    (project / ".venv").mkdir()
    (project / ".venv" / ".installed-stamp").touch()
    return project


def test_a_busy_port_is_one_line_that_names_the_variable(tmp_path):
    import socket

    project = make_project(tmp_path)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = subprocess.run(["make", "--no-print-directory", "serve", f"PORT={port}", f"BIN={Path(sys.executable).parent}"],
                                cwd=project, capture_output=True, text=True, check=False, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        taken.close()
    assert result.stderr.splitlines()[0] == f"serve: port {port} is in use (another make serve?): choose another, such as make serve PORT={port + 1}"
    assert "Traceback" not in result.stderr
    result = subprocess.run(["make", "--no-print-directory", "serve", "PORT=$(shell touch PWNED)", f"BIN={Path(sys.executable).parent}"],
                            cwd=project, capture_output=True, text=True, check=False, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stderr.splitlines()[0].startswith("serve: PORT=$(shell touch PWNED) is not a port")
    assert not (project / "PWNED").exists()


@pytest.mark.slow
def test_serve_rebuilds_when_the_team_file_changes(tmp_path):
    import socket
    import time
    import urllib.request

    root = tmp_path / "project"
    write_docs(root, team_docs())
    (root / "team.yml").write_text(TEAM, encoding="utf-8")
    fixture_config(root)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "handbook", "--config", str(root / "mkdocs.yml"), "serve", "--port", str(port)], cwd=root,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-11-23"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def team_page() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/team/", timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 60
        while "Pairing Crew" not in team_page() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Pairing Crew" in team_page()
        # As an editor saves: a new file renamed over the old one.
        renamed = root / ".team.yml.swp"
        renamed.write_text(TEAM.replace("Pairing Crew", "Renamed Crew"), encoding="utf-8")
        renamed.replace(root / "team.yml")
        deadline = time.monotonic() + 60
        while "Renamed Crew" not in team_page() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Renamed Crew" in team_page()
    finally:
        server.terminate()
        server.wait(timeout=20)


# --- names out of sites that anyone can reach ----------------------------------------------------------------------


def test_the_github_workflow_names_no_one_for_a_public_repository():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("run") == "make publish")
    assert step["env"]["HANDBOOK_PUBLIC"] == "${{ vars.HANDBOOK_PUBLIC || (github.event.repository.visibility == 'public' && 'true' || 'false') }}"


@pytest.mark.parametrize(("visibility", "given", "expected"), [("public", "", "true"), ("private", "", "false"), ("internal", "", "false"), ("public", "false", "false")])
def test_the_gitlab_job_names_no_one_for_a_public_project(visibility, given, expected):
    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    line = next(command for command in job["script"] if "HANDBOOK_PUBLIC" in command)
    env = {"PATH": os.environ["PATH"], "CI_PROJECT_VISIBILITY": visibility, **({"HANDBOOK_PUBLIC": given} if given else {})}
    result = subprocess.run(["sh", "-c", f'{line}\nprintf %s "$HANDBOOK_PUBLIC"'], env=env, capture_output=True, text=True, check=True)
    assert result.stdout == expected


def test_the_container_names_no_one_unless_asked():
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert "ARG HANDBOOK_PUBLIC=true" in dockerfile and 'RUN HANDBOOK_PUBLIC="$HANDBOOK_PUBLIC" make publish' in dockerfile


def test_a_publish_that_names_people_says_so_and_a_local_build_still_names_them(tmp_path):
    root = tmp_path / "project"
    write_docs(root, team_docs())
    (root / "team.yml").write_text(TEAM, encoding="utf-8")
    fixture_config(root)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-11-23"}
    env.pop("HANDBOOK_PUBLIC", None)
    published = subprocess.run([sys.executable, "-m", "handbook.output.publish", "--config", str(root / "mkdocs.yml"), "--site", str(root / "site")],
                               cwd=root, env=env, capture_output=True, text=True, check=True)
    assert "It names 2 people of the team file" in published.stdout and "HANDBOOK_PUBLIC=true" in published.stdout
    assert "Bo Chen" in (root / "site" / "team" / "index.html").read_text(encoding="utf-8")
    published = subprocess.run([sys.executable, "-m", "handbook.output.publish", "--config", str(root / "mkdocs.yml"), "--site", str(root / "site")],
                               cwd=root, env={**env, "HANDBOOK_PUBLIC": "true"}, capture_output=True, text=True, check=True)
    assert "It names" not in published.stdout
    assert "Bo Chen" not in (root / "site" / "team" / "index.html").read_text(encoding="utf-8")


def test_the_readme_says_how_a_public_fork_keeps_names_private():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "a fork of a public repository is public" in readme and "HANDBOOK_PUBLIC" in readme
    assert textwrap.dedent("").strip() == ""
