"""Reading the team file: where it is, the environment's settings that override it, and its problems at their lines.

The file must lie inside the project, as pages must lie in docs/; the
HANDBOOK_* variables that override its keys are checked as those keys are
(the same types from `handbook.content.team`), so that a `javascript:` address
or a typo in HANDBOOK_PUBLIC stops `make check` and the build alike.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import get_args

from pydantic import TypeAdapter, ValidationError

from handbook.content import frontmatter
from handbook.content.fields import Cadence
from handbook.content.problems import Problem
from handbook.content.team import (
    DATE_HINT,
    FIRST_HINT,
    PUBLIC_VARIABLE,
    TEAM_FILE,
    TEAM_VARIABLE,
    Channel,
    EditUri,
    Person,
    Slot,
    Team,
    TeamFile,
    Url,
    char_reference,
)
from handbook.content.team_yaml import duplicates, placed


def team_path(root: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """HANDBOOK_TEAM when set (relative to the project), else team.yml beside mkdocs.yml."""
    named = environ.get(TEAM_VARIABLE, "").strip()
    return (root / named) if named else root / TEAM_FILE


def team_label(path: Path, root: Path) -> str:
    """How messages name the team file: relative to the project ("team.yml"), else as given."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _outside(path: Path, root: Path) -> str | None:
    """Why a team file may not be read: it is a link, or it is not inside the project (as pages must be in docs/)."""
    if not path.absolute().is_relative_to(root.absolute()) or not path.resolve().is_relative_to(root.resolve()):
        return f"is outside the project: keep the team file in the repository, and give {TEAM_VARIABLE} as a path relative to mkdocs.yml"
    inside = path.absolute().relative_to(root.absolute())
    for part in [root / inside, *(root / parent for parent in inside.parents if parent != Path("."))]:
        if part.is_symlink():
            return "is a symbolic link: links are not followed, so copy the file into the repository instead"
    return None


# --- settings from the environment: the same keys as the team file, checked the same way -------------------

SITE_URL_VARIABLE = "HANDBOOK_SITE_URL"
REPO_URL_VARIABLE = "HANDBOOK_REPO_URL"
EDIT_URI_VARIABLE = "HANDBOOK_EDIT_URI"
ENVIRONMENT = "environment"  # how messages name where a variable came from


def _public(value: str) -> bool:
    # A typo (HANDBOOK_PUBLIC=ture) must not publish everyone's name: anything but a yes or a no is refused.
    text = value.strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off", ""):
        return False
    raise ValueError(f"'{value}' is not a yes/no setting: set it to true or false, or unset it")


_VARIABLES = {
    SITE_URL_VARIABLE: ("site_url", TypeAdapter(Url)),
    REPO_URL_VARIABLE: ("repo_url", TypeAdapter(Url)),
    EDIT_URI_VARIABLE: ("edit_uri", TypeAdapter(EditUri)),
}


def environment_problems(environ: Mapping[str, str], root: Path | None = None) -> list[Problem]:
    """The HANDBOOK_* variables that override the team file, checked as its keys are; and HANDBOOK_TEAM and HANDBOOK_PUBLIC."""
    problems = []
    for variable, (key, adapter) in _VARIABLES.items():
        value = environ.get(variable, "")
        if not value.strip():
            continue
        try:
            adapter.validate_python(value.strip())
        except ValidationError as error:
            message = "; ".join(str(d["msg"]).removeprefix("Value error, ") for d in error.errors())
            if key == "edit_uri":
                message = f"'{value}' is not an edit path: write it as team.yml's edit_uri, such as edit/main/docs/ or -/edit/main/docs/"
            problems.append(Problem(ENVIRONMENT, 0, variable, message))
    try:
        _public(environ.get(PUBLIC_VARIABLE, ""))
    except ValueError as error:
        problems.append(Problem(ENVIRONMENT, 0, PUBLIC_VARIABLE, str(error)))
    named = environ.get(TEAM_VARIABLE, "").strip()
    if named and root is not None and (why := _outside(root / named, root)):
        problems.append(Problem(ENVIRONMENT, 0, TEAM_VARIABLE, f"'{named}' {why}"))
    return problems


def read_team(path: Path, label: str, environ: Mapping[str, str] = os.environ, root: Path | None = None) -> tuple[TeamFile | None, list[Problem]]:
    """The team file at `path`, or (None, []) when there is none; problems as `team.yml:<line>: <field>: <message>`.

    With `root` (the project), a file that is a link or lies outside it is refused, and the environment's settings are checked.
    """
    if problems := environment_problems(environ, root):
        return None, problems
    if root is not None and (path.exists() or path.is_symlink()) and (why := _outside(path, root)):
        return None, [Problem(label, 1, "file", why)]
    if not path.is_file():
        if environ.get(TEAM_VARIABLE, "").strip():
            return None, [Problem(label, 1, "file", f"{TEAM_VARIABLE} names a file that does not exist: create it or unset {TEAM_VARIABLE}")]
        return None, []
    text, problems = frontmatter.decode(path.read_bytes(), label)
    if text is None:
        return None, problems
    loaded, problems = frontmatter.load_mapping(text, label, first_line=1)
    if loaded is None:
        return None, [placed(problem, text, {"start": DATE_HINT, "first": FIRST_HINT}) for problem in problems]
    data, key_lines = loaded
    if twice := duplicates(text, label):
        return None, twice
    try:
        team = Team.model_validate(data)
    except ValidationError as error:
        details = error.errors()
        # A rhythm entry is a slot, true or false: when it fails as a slot, the "should be a boolean" of the other branch is noise.
        slot_errors = {tuple(d["loc"][:2]) for d in details if "Slot" in d["loc"]}
        details = [d for d in details if not ("bool" in d["loc"] and tuple(d["loc"][:2]) in slot_errors)]
        return None, [_problem(detail, key_lines, label) for detail in details]
    return TeamFile(team, label, key_lines, _public(environ.get(PUBLIC_VARIABLE, ""))), []


def _problem(detail: Mapping[str, object], key_lines: Mapping[tuple[str, ...], int], label: str) -> Problem:
    loc = tuple(str(part) for part in detail["loc"] if part not in ("[key]",) and not str(part).startswith(("literal[", "Slot", "function-")) and part != "bool")
    line, probe = 1, loc
    while probe:
        if probe in key_lines:
            line = key_lines[probe]
            break
        probe = probe[:-1]
    kind = detail["type"]
    if kind == "missing":
        message = "required field is missing"
    elif kind == "extra_forbidden":
        message = f"unknown field: fields here are {', '.join(_allowed(loc))}"
    elif kind == "literal_error" and loc and loc[-1] in ("day", "days") or (len(loc) > 1 and loc[-2] == "days"):
        message = f"'{detail['input']}' is not a weekday: use monday, tuesday, wednesday, thursday or friday"
    elif kind == "model_type" and len(loc) == 2 and loc[0] == "rhythm":
        message = 'give when the team holds it, such as {day: thursday, time: "15:00"}; true for a ritual held with no fixed time; or false for one it does not hold'
    elif kind == "literal_error" and loc and loc[-1] == "cadence":
        message = f"'{detail['input']}' is not a cadence: use {', '.join(get_args(Cadence))}"
    elif kind in ("less_than_equal", "greater_than_equal") and loc and loc[-1] == "duration_minutes":
        message = f"{detail['input']} minutes is out of range: give 5 to 480"
    elif kind == "list_type":
        message = "write a list: one `- item` a line below the key, or [a, b] on its line"
    elif kind == "string_type" and isinstance(detail["input"], bool):
        message = "an unquoted yes, no, on, off, true or false is read as a truth value, not text: write it in quotes"
    elif kind == "string_type" and isinstance(detail["input"], int | float):
        message = f"this is read as the number {detail['input']}, not text: write it in quotes"
    else:
        message = str(detail["msg"]).removeprefix("Value error, ")
    return Problem(label, line, ".".join(loc) or "team", message)


def _allowed(loc: tuple[str, ...]) -> list[str]:
    if len(loc) >= 3 and loc[0] == "people":
        return list(Person.model_fields)
    if len(loc) >= 3 and loc[0] == "rhythm":
        return list(Slot.model_fields)
    if len(loc) >= 3 and loc[0] == "channels":
        return list(Channel.model_fields)
    return list(Team.model_fields)


def config_overrides(team: Team | None, repo_url: str | None, environ: Mapping[str, str] = os.environ) -> dict[str, str | None]:
    """The mkdocs.yml values to set: the team's name always, its addresses unless an environment variable sets them,
    and no edit links at all without a repository, so that no link leads nowhere."""
    found: dict[str, str | None] = {"site_name": team.name} if team else {}
    for key, variable in (("site_url", "HANDBOOK_SITE_URL"), ("repo_url", "HANDBOOK_REPO_URL"), ("edit_uri", "HANDBOOK_EDIT_URI")):
        value = getattr(team, key) if team else None
        if value and not environ.get(variable):
            found[key] = value if key != "site_url" or value.endswith("/") else value + "/"
    repo = found.get("repo_url") or repo_url
    if not repo:
        found["edit_uri"] = None
    elif "repo_url" in found:
        host = re.sub(r"^https?://", "", repo).split("/")[0].lower()
        last = repo.rstrip("/").split("/")[-1]
        # Material prints repo_name unescaped: a name a browser would decode (&lt;) is replaced by the host.
        found["repo_name"] = {"github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket"}.get(host, host if char_reference(last) else last)
    return found
