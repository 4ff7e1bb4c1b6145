"""The handbook as a versioned package, tested as a team uses it: from the installed wheel, never the source tree.

A wheel is built and installed into a folder of its own; `handbook new-team` writes a team's repository; the team
adds a page, replaces one and leaves one out, and builds. Then a second wheel, in which the replaced page and one
other page changed, is published to the same folder of wheels: `handbook update` moves the pin and prints the
CHANGELOG entry, and `handbook check` under the new version names the replaced page, which `diff` shows and
`review` settles.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

pytestmark = pytest.mark.slow

LEFT_OUT = "exercises/role-play-eighty-percent-accurate.md"
REPLACED = "rituals/daily-stand-up.md"
OTHER = "rituals/retrospective.md"
# Folders of the checkout a wheel is never built from.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "site", ".cache", "assembled", "dist", "build", "__pycache__", ".pytest_cache", "node_modules")


def wheel(source: Path, into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(into), str(source)],
                   check=True, capture_output=True)
    return max(into.glob("ai_team_handbook-*.whl"), key=lambda p: p.stat().st_mtime)


def install(built: Path, target: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", str(target), str(built)],
                   check=True, capture_output=True)
    return target


def handbook(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The `handbook` command of the installed wheel (its dependencies are this environment's), in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(installed), "HANDBOOK_TODAY": "2026-12-07", "NO_MKDOCS_2_WARNING": "1"}
    for key in ("HANDBOOK_TEAM", "HANDBOOK_PUBLIC", "HANDBOOK_SITE_URL", "HANDBOOK_REPO_URL", "HANDBOOK_EDIT_URI"):
        env.pop(key, None)
    return subprocess.run([sys.executable, "-c", "import sys; from handbook.tools.cli import main; sys.exit(main())", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=False)


def second_version(tmp_path: Path) -> Path:
    """The checkout as version 1.1.0, with the replaced page and one other page changed, and its CHANGELOG entry."""
    source = tmp_path / "source-1.1.0"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    pyproject = source / "pyproject.toml"
    pyproject.write_text(re.sub(r'(?m)^version = "[^"]+"', 'version = "1.1.0"', pyproject.read_text()))
    for page, sentence in ((REPLACED, "Keep the stand-up to fifteen minutes, whoever is missing."),
                           (OTHER, "Close each retrospective by naming one owner per action.")):
        path = source / "docs" / page
        text = path.read_text()
        first = text.index("\n## ", text.index("---", 4))
        path.write_text(text[:first] + f"\n\n{sentence}\n" + text[first:])
    changelog = source / "CHANGELOG.md"
    text = changelog.read_text()
    entry = f"## 1.1.0 (2027-01-18)\n\n- Changed: `{REPLACED}`, `{OTHER}`\n\n"
    changelog.write_text(text.replace("## 1.0.0", entry + "## 1.0.0", 1))
    return source


def test_a_team_adopts_the_installed_handbook_adds_replaces_leaves_out_and_upgrades(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    first = wheel(ROOT, wheels)
    with zipfile.ZipFile(first) as archive:
        names = set(archive.namelist())
    assert {"handbook/_upstream/mkdocs.yml", "handbook/_upstream/CHANGELOG.md", "handbook/_upstream/dates.json",
            "handbook/_upstream/LICENSE", "handbook/_upstream/LICENSE-CONTENT", f"handbook/_upstream/docs/{REPLACED}"} <= names
    v1 = install(first, tmp_path / "v1")
    where = handbook(v1, tmp_path, "--help")
    assert where.returncode == 0
    shown = subprocess.run([sys.executable, "-c", "import handbook; print(handbook.__file__)"], env={**os.environ, "PYTHONPATH": str(v1)}, cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert shown.stdout.startswith(str(v1)), "the test must run the installed wheel, not the checkout"

    # A new team's repository: small, with the pin to this version and where it came from.
    made = handbook(v1, tmp_path, "new-team", "crew", "--name", "Harbour Pricing", "--timezone", "Asia/Singapore",
                    "--roles", "ai-team-lead,data-scientist,ml-engineer", "--from", str(wheels), "--yes")
    assert made.returncode == 0, made.stderr
    team = tmp_path / "crew"
    files = [p for p in team.rglob("*") if p.is_file()]
    assert len(files) <= 40
    assert f"--find-links {wheels}" in (team / "handbook.txt").read_text()
    assert "ai-team-handbook[pdf]==1.0.0" in (team / "handbook.txt").read_text()
    assert yaml.safe_load((team / "catalog-info.yaml").read_text())["metadata"]["title"] == "Harbour Pricing handbook"
    assert list((team / "docs").iterdir()) == [team / "docs" / ".gitkeep"]

    # Add a page, replace one (a plain copy, edited), leave one out.
    assert handbook(v1, team, "new", "practice", "Price change sign-off").returncode == 0
    added = team / "docs" / "practices" / "price-change-sign-off.md"
    text = added.read_text().replace("Replace this with one sentence that says what the page is for.",
                                     "How a price change gets signed off before customers see it.")
    added.write_text(text + "\nSee [the stand-up](../rituals/daily-stand-up.md), [the retrospective](../rituals/retrospective.md) "
                     "and [the data scientist](../roles/data-scientist.md).\n")
    copied = handbook(v1, team, "copy", REPLACED)
    assert copied.returncode == 0, copied.stderr
    mine = team / "docs" / REPLACED
    mine.write_text(mine.read_text().replace("\n## ", "\n\nHarbour Pricing stands up at 09:45, by video.\n\n## ", 1))
    team_yml = team / "team.yml"
    team_yml.write_text(team_yml.read_text().replace("leave_out: []", f"leave_out: [{LEFT_OUT}]"))

    checked = handbook(v1, team, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (team / "handbook.lock").is_file()
    built = handbook(v1, team, "build")
    assert built.returncode == 0, built.stderr[-3000:]
    site = team / "site"
    page = lambda url: BeautifulSoup((site / url / "index.html").read_text(), "html.parser")  # noqa: E731
    assert page("practices/price-change-sign-off").h1.get_text(strip=True) == "Price change sign-off"
    assert "Harbour Pricing stands up at 09:45" in page("rituals/daily-stand-up").get_text()
    assert "Left out by Harbour Pricing" in page("exercises/role-play-eighty-percent-accurate").get_text()
    assert "price-change-sign-off" in (site / "search" / "search_index.json").read_text()
    assert "Harbour Pricing" in page("").title.get_text()

    # The second version, published where handbook.txt installs from; the team updates.
    second = wheel(second_version(tmp_path), wheels)
    updated = handbook(v1, team, "update")
    assert updated.returncode == 0, updated.stderr
    assert "1.0.0 -> 1.1.0" in updated.stdout and f"Changed: `{REPLACED}`, `{OTHER}`" in updated.stdout
    assert "ai-team-handbook[pdf]==1.1.0" in (team / "handbook.txt").read_text()
    v2 = install(second, tmp_path / "v2")

    report = handbook(v2, team, "check")
    assert report.returncode == 0, report.stdout + report.stderr
    assert f"docs/{REPLACED}: your copy follows handbook 1.0.0; 1.1.0 changed it" in report.stderr
    assert OTHER not in report.stderr  # changed upstream, but not replaced: the team simply gets it
    shown = handbook(v2, team, "diff", REPLACED)
    assert "+Keep the stand-up to fifteen minutes, whoever is missing." in shown.stdout
    assert handbook(v2, team, "review", REPLACED).returncode == 0
    assert REPLACED not in handbook(v2, team, "check").stderr
    rebuilt = handbook(v2, team, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert "Close each retrospective by naming one owner per action." in page("rituals/retrospective").get_text()
    assert "fifteen minutes" not in page("rituals/daily-stand-up").get_text()  # the team's copy still replaces it
