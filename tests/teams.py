"""Team fixtures: the fixture handbook built with a team file, and the team's checks run as `make check` runs them."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from bs4 import BeautifulSoup
from properdocs.commands.build import build
from properdocs.config import load_config
from properdocs.exceptions import Abort, ConfigurationError

from conftest import FIXTURE_TODAY, fixture_config, minimal_docs, write_docs
from handbook.content.settings import Freshness
from handbook.tools.check import check_folder

CHECKLIST = """
checklist:
  first-30-days:
    - do: Meet the team.
    - do: Read the charter.
  first-60-days:
    - do: Run a first experiment.
    - do: Share a baseline.
  first-90-days:
    - do: Present a result.
    - do: Mentor a newcomer.
"""

TEAM = """\
name: Pairing Crew
timezone: Europe/Berlin
repo_url: https://git.crew.example/crew/handbook
roles: [lead, scientist]
people:
  - {name: "Ana <b>Ruiz</b>", role: scientist, start: 2027-01-11, buddy: Bo Chen}
  - {name: Bo Chen, role: lead}
rhythm:
  stand-up: {days: [monday, tuesday, wednesday, thursday, friday], time: "09:30"}
channels:
  - {name: "#crew", url: "https://chat.crew.example/crew"}
"""


def team_docs(files: Mapping[str, str] | None = None) -> dict[str, str]:
    """The fixture handbook with role cards on the home page and a checklist for the scientist; `files` added or replaced."""
    found = minimal_docs()
    found["index.md"] = found["index.md"].replace("Welcome.", "Welcome.\n\n<!-- handbook:role-cards -->\n")
    found["roles/scientist.md"] = found["roles/scientist.md"].replace("short: DS", "short: DS" + CHECKLIST.rstrip())
    return {**found, **(files or {})}


# Every variable a build reads: a test sets the ones it needs, and the others are unset for it.
VARIABLES = ("HANDBOOK_TODAY", "HANDBOOK_PUBLIC", "HANDBOOK_TEAM", "HANDBOOK_SITE_URL", "HANDBOOK_REPO_URL", "HANDBOOK_EDIT_URI")


def build_team(
    tmp_path: Path, team: str | None = TEAM, *, public: bool = False, name: str = "site", files: Mapping[str, str] | None = None,
    env: Mapping[str, str] | None = None, today: str = FIXTURE_TODAY,
) -> tuple[Path, list[str]]:
    """Build the fixture handbook with a team file; (site folder, error messages). `env` sets HANDBOOK_* variables."""
    root = tmp_path / name
    docs = write_docs(root, team_docs(files))
    if team is not None:
        (root / "team.yml").write_text(team, encoding="utf-8")
    variables = {"HANDBOOK_TODAY": today, "HANDBOOK_PUBLIC": "true" if public else "", **(env or {})}
    saved = {key: os.environ.get(key) for key in VARIABLES}
    for key in VARIABLES:
        os.environ.pop(key, None)
    os.environ.update(variables)
    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())

    handler = Collect()
    logging.getLogger("properdocs").addHandler(handler)
    try:
        build(load_config(str(fixture_config(root)), strict=True))
    except Abort:
        pass
    except ConfigurationError as error:  # the engine's own check of mkdocs.yml's values
        errors.append(str(error))
    finally:
        logging.getLogger("properdocs").removeHandler(handler)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert docs.is_dir()
    return root / "site", errors


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def check_team(root: Path, env: Mapping[str, str] | None = None, today: str = FIXTURE_TODAY) -> list[str]:
    """What `make check` prints for a fixture project (mkdocs.yml, docs/ and team.yml in `root`), one line a problem."""
    saved = {key: os.environ.get(key) for key in VARIABLES}
    for key in VARIABLES:
        os.environ.pop(key, None)
    os.environ.update({"HANDBOOK_TODAY": today, **(env or {})})
    try:
        from handbook.content.team_file import team_path

        config = root / "mkdocs.yml"
        if not config.exists():
            fixture_config(root)
        report = check_folder(root / "docs", Freshness.from_settings(), team_file=team_path(root), config_file=config)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return [str(p) for p in report.problems]
