"""Assemble, then build: the whole site source as plain files that an engine builds with no hook and no handbook code,
the same site as the build with hooks, kept up to date file by file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_TODAY, ROOT, fixture_config, write_docs
from handbook.output.assemble import MARKER, assemble, write
from handbook.output.project import Project
from handbook.output.serve import Loop
from teams import TEAM, build_team, team_docs

pytest_plugins = ["browser"]


def project(tmp_path: Path, team: str | None = TEAM, files: dict[str, str] | None = None) -> Project:
    root = tmp_path / "project"
    write_docs(root, team_docs(files))
    if team is not None:
        (root / "team.yml").write_text(team, encoding="utf-8")
    return Project(fixture_config(root), environ={"HANDBOOK_TODAY": FIXTURE_TODAY, "PATH": os.environ.get("PATH", "")})


def engine_build(out: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """ProperDocs and Material alone on the assembled folder: from another directory, with no way to import the handbook."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("HANDBOOK_", "PYTHONPATH"))}
    code = "import sys; sys.modules['handbook'] = None; from properdocs.__main__ import cli; cli()"
    # Not -q: quiet hides the warnings that --strict counts.
    return subprocess.run([sys.executable, "-c", code, "build", "--strict", "-f", str(out / "mkdocs.yml"), "-d", str(site)],
                          cwd="/", env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, check=False, timeout=300)


def test_the_assembled_source_builds_strict_with_no_hook_and_no_handbook(tmp_path):
    found = project(tmp_path)
    out = tmp_path / "out"
    write(assemble(found), out)
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == ["search", "offline"]
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert "!ENV" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    # The team's name and the navigation are written in; the role the team lacks is left out of it.
    assert config["site_name"] == "Pairing Crew"
    assert "roles/loner.md" not in str(config["nav"]) and "roles/scientist.md" in str(config["nav"])
    result = engine_build(out, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "team" / "index.html").is_file() and (tmp_path / "site" / "matrix" / "index.html").is_file()


@pytest.mark.slow
def test_the_assembled_site_is_the_site_the_hooks_build(tmp_path):
    from bench.compare import compare

    site, errors = build_team(tmp_path, name="hooks")
    assert errors == []
    found = Project(site.parent / "mkdocs.yml", environ={"HANDBOOK_TODAY": FIXTURE_TODAY, "PATH": os.environ.get("PATH", "")})
    out = tmp_path / "out"
    write(assemble(found), out)
    result = engine_build(out, tmp_path / "assembled-site")
    assert result.returncode == 0, result.stderr
    assert compare(site, tmp_path / "assembled-site") == []


def test_generated_sections_are_markdown_headings_in_the_table_of_contents(tmp_path):
    found = project(tmp_path)
    source = assemble(found).texts["docs/practices/pairing.md"]
    assert "## Sources { #sources data-search-exclude=\"\" }" in source
    assert "<h2" not in source.split("\n---\n", 1)[1]
    front = yaml.safe_load(source.split("---\n")[1])
    assert front["description"] == "Two people work on one problem together." and "tags" not in front


def test_writing_again_touches_only_what_changed_and_removes_what_no_longer_belongs(tmp_path):
    found = project(tmp_path)
    out = tmp_path / "out"
    written, removed = write(assemble(found), out)
    assert written > 20 and removed == 0 and (out / MARKER).is_file()
    page = out / "docs" / "practices" / "pairing.md"
    stamp = page.stat().st_mtime_ns
    assert write(assemble(Project(found.config_file, found.environ)), out) == (0, 0)
    assert page.stat().st_mtime_ns == stamp
    (found.docs / "myths" / "magic.md").unlink()
    (found.docs / "roles" / "scientist.md").write_text((found.docs / "roles" / "scientist.md").read_text(encoding="utf-8")
                                                       .replace("Experiments.", "Experiments, with [pairing](../practices/pairing.md)."), encoding="utf-8")
    written, removed = write(assemble(Project(found.config_file, found.environ)), out)
    assert not (out / "docs" / "myths" / "magic.md").exists() and removed >= 1
    assert "[Scientist]" in page.read_text(encoding="utf-8") or "Scientist" in page.read_text(encoding="utf-8")


def test_a_folder_that_assemble_did_not_write_is_refused(tmp_path):
    found = project(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write(assemble(found), out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_settings_are_applied_once_and_written_as_values(tmp_path):
    found = project(tmp_path)
    public = Project(found.config_file, {**found.environ, "HANDBOOK_PUBLIC": "true", "HANDBOOK_SITE_URL": "https://crew.example.org/hb/"})
    assembly = assemble(public)
    assert assembly.config["site_url"] == "https://crew.example.org/hb/"
    assert not any("Bo Chen" in text for text in assembly.texts.values())
    assert "https://crew.example.org/hb/team/rhythm.ics" in assembly.texts["docs/team/index.md"]


# --- the serve loop: dependents are right after an edit -----------------------------------------------------------


def test_after_an_edit_the_backlinks_the_matrix_and_the_tag_pages_follow(tmp_path):
    found = project(tmp_path)
    loop = Loop(lambda: Project(found.config_file), tmp_path / "serve")
    loop.project = lambda: Project(found.config_file, found.environ)  # type: ignore[method-assign]
    assert loop.refresh().startswith("assembled")
    out = tmp_path / "serve" / "docs"
    myth = found.docs / "myths" / "magic.md"
    # A link added: the page it points to lists the new page under "Linked from".
    myth.write_text(myth.read_text(encoding="utf-8").replace("Not magic.", "Not magic: see [pairing](../practices/pairing.md)."), encoding="utf-8")
    loop.refresh()
    assert "myths/magic" in (out / "practices" / "pairing.md").read_text(encoding="utf-8").split("linked-from", 1)[1]
    # A role's level changed: the matrix follows.
    pairing = found.docs / "practices" / "pairing.md"
    pairing.write_text(pairing.read_text(encoding="utf-8").replace("lead: informed", "lead: consulted"), encoding="utf-8")
    loop.refresh()
    assert "Consulted" in (out / "matrix.md").read_text(encoding="utf-8")
    # A tag added: its page lists the page.
    pairing.write_text(pairing.read_text(encoding="utf-8").replace("tags: [teamwork, rare]", "tags: [teamwork, rare, unused]"), encoding="utf-8")
    loop.refresh()
    assert "practices/pairing" in (out / "tags" / "unused.md").read_text(encoding="utf-8")
    # Running text only: that page alone is assembled again.
    before = (out / "practices" / "pairing.md").stat().st_mtime_ns, (out / "matrix.md").stat().st_mtime_ns
    pairing.write_text(pairing.read_text(encoding="utf-8").replace("Pair up.", "Pair up, then swap."), encoding="utf-8")
    assert loop.refresh().startswith("assembled")
    assert "Pair up, then swap." in (out / "practices" / "pairing.md").read_text(encoding="utf-8")
    assert (out / "matrix.md").stat().st_mtime_ns == before[1]


def test_a_problem_keeps_the_last_good_site(tmp_path, capsys):
    found = project(tmp_path)
    loop = Loop(lambda: Project(found.config_file), tmp_path / "serve")
    loop.project = lambda: Project(found.config_file, found.environ)  # type: ignore[method-assign]
    loop.refresh()
    page = tmp_path / "serve" / "docs" / "practices" / "pairing.md"
    kept = page.read_text(encoding="utf-8")
    pairing = found.docs / "practices" / "pairing.md"
    pairing.write_text(pairing.read_text(encoding="utf-8").replace("lead: informed", "lead: wizard"), encoding="utf-8")
    assert "problem" in loop.refresh()
    assert "docs/practices/pairing.md" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == kept


def test_the_fixture_today_is_the_one_assembled(tmp_path):
    # The fixture projects above read "today" from their own environment, never from the test process's.
    found = project(tmp_path)
    assert found.settings().today.isoformat() == FIXTURE_TODAY and ROOT.is_dir()
