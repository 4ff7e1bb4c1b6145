"""`make init`: the team file (team.yml) from a few questions, or from flags for scripts.

It asks for the team's name, where the site will be published, the repository,
the time zone and the roles the team has; a flag answers a question without
asking it, and `--yes` takes the default of every question not answered. The
file is checked like the build checks it (`read_team`, then against the pages)
before it is written, and an existing one is replaced only with `--force`.
Every value is written as a double-quoted YAML string, so a name with quotes,
a colon or a `#` reads back as it was typed.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from handbook.content.catalog import Catalog
from handbook.content.problems import ContentError
from handbook.content.team import Team
from handbook.content.team_file import read_team
from handbook.rules.team import team_problems

DEFAULT_ZONE = "UTC"


class InitError(Exception):
    """A refusal, printed as one line: `init: <what is wrong and the fix>`."""


@dataclass(frozen=True)
class Answers:
    name: str
    site_url: str | None = None
    repo_url: str | None = None
    timezone: str = DEFAULT_ZONE
    roles: tuple[str, ...] | None = None  # None: every role

    @property
    def edit_uri(self) -> str | None:
        if not self.repo_url:
            return None
        return "-/edit/main/docs/" if "gitlab" in self.repo_url.split("/")[2] else "edit/main/docs/"


def _quoted(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: quotes, colons, '#' and backslashes round-trip.
    return json.dumps(value, ensure_ascii=False)


def team_text(answers: Answers, roles: dict[str, str], schema: str = "schema/team.json", example: str = "examples/team.yml",
              by: str = "make init") -> str:
    """The team file for these answers, each key explained; `roles` maps every role id to its title,
    `schema` is the editor schema's path relative to the file (for the YAML language server), `example` the made-up
    team's file."""
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# This team's handbook, written by `{by}`. {example} shows every key",
        "# with a made-up team; `make check` checks this file against the pages.",
        "",
        "# name: the site's title, on the home page, the PDF covers and link previews.",
        f"name: {_quoted(answers.name)}",
    ]
    if answers.site_url:
        lines += ["# site_url: where the handbook is published (HANDBOOK_SITE_URL overrides it).", f"site_url: {_quoted(answers.site_url)}"]
    if answers.repo_url:
        lines += [
            "# repo_url, edit_uri: the repository behind the \"Edit this page\" links, and the edit path under it.",
            f"repo_url: {_quoted(answers.repo_url)}",
            f"edit_uri: {_quoted(answers.edit_uri or '')}",
        ]
    lines += ["# timezone: the time zone of the times in `rhythm`.", f"timezone: {_quoted(answers.timezone)}", ""]
    if answers.roles is None:
        lines += ["# roles: left out, so the site keeps every role. List some (ids from docs/roles/) to leave the others out."]
    else:
        lines += ["# roles: the roles this team has; the site leaves the others out. A role with nobody in `people` is an open position.", "roles:"]
        lines += [f"  - {_quoted(role)}  # {roles[role]}" for role in answers.roles]
    lines += [
        "",
        f"# people: who is on the team (name, role; start and buddy for a new starter), as in {example}.",
        "people: []",
        "# rhythm: the rituals the team holds, each with its days (or day) and time, such as",
        "#   daily-stand-up: {days: [monday, wednesday, friday], time: \"09:30\"}",
        "#   retrospective: {day: thursday, time: \"15:00\", cadence: fortnightly, first: 2027-01-14}",
        "# (first: a date it is held on, which fixes the weeks of one held every second week); true for one held",
        "# with no fixed time, false for one the team does not hold. A ritual not listed is not part of the week.",
        "rhythm: {}",
        "# channels: where the team talks (name, url).",
        "channels: []",
        "# leave_out: pages of the handbook the team does without, by their file under docs/, such as",
        "#   leave_out: [exercises/role-play-eighty-percent-accurate.md]",
        "# They leave the navigation, the matrix and the packs, and keep their addresses.",
        "leave_out: []",
    ]
    return "\n".join(lines) + "\n"


def git_origin(root: Path) -> str | None:
    """The web address of the repository's `origin`, when git knows one: the default repository URL."""
    try:
        found = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    url = found.stdout.strip() if found.returncode == 0 else ""
    if url.startswith("git@") and ":" in url:  # git@github.com:team/handbook.git
        host, path = url[4:].split(":", 1)
        url = f"https://{host}/{path}"
    url = url.removesuffix(".git")
    return url if url.startswith("https://") and "@" not in url else None


def _field_problem(field: str, value: object) -> str | None:
    """What is wrong with one answer, checked by the team file's own model, or None."""
    try:
        Team.model_validate({"name": "Team", field: value})
    except ValidationError as error:
        return "; ".join(str(detail["msg"]).removeprefix("Value error, ") for detail in error.errors())
    return None


def parse_roles(text: str, known: list[str]) -> tuple[str, ...] | None:
    """Role ids (or their numbers in `known`) separated by commas or spaces; blank or `all`: every role."""
    words = [word for word in text.replace(",", " ").split() if word]
    if not words or words == ["all"]:
        return None
    chosen = []
    for word in words:
        role = known[int(word) - 1] if word.isdigit() and 0 < int(word) <= len(known) else word
        if role not in known:
            raise InitError(f"unknown role '{role}': give role ids from docs/roles/ ({', '.join(known)}) or their numbers")
        if role not in chosen:
            chosen.append(role)
    return tuple(chosen)


Ask = Callable[[str], str]


def flag_of(field: str) -> str:
    """How a command line gives a field: --site-url ..."""
    return f"--{field.replace('_', '-')} ..."


def make_variable_of(field: str) -> str:
    """How `make init` gives a field: SITE_URL=..."""
    return f"{field.upper()}=..."


def ask_answers(
    given: dict[str, str | None], roles: dict[str, str], default_repo: str | None, ask: Ask | None, say: Callable[[str], None],
    how: Callable[[str], str] = flag_of,
) -> Answers:
    """Answers from flags, then from questions for the rest (none when `ask` is None: defaults). `how` names the way to
    give a field in a message: a flag for the command, a variable for `make init`."""

    def answer(field: str, question: str, default: str | None, check: Callable[[str], str | None]) -> str | None:
        if given.get(field) is not None:
            value = (given[field] or "").strip()
            if problem := check(value):
                raise InitError(f"{field}: {problem} ({how(field)})")
            return value or default
        if ask is None:
            if problem := check(default or ""):
                raise InitError(f"{field}: {problem}: give it ({how(field)})")
            return default
        for _ in range(5):
            try:
                typed = ask(f"{question}{f' [{default}]' if default else ''}: ").strip()
            except EOFError:  # input ended (a script's pipe): the default, if it will do
                if problem := check(default or ""):
                    raise InitError(f"{field}: {problem}: the input ended before an answer, so give it ({how(field)})") from None
                return default
            value = typed or default or ""
            problem = check(value)
            if problem is None:
                return value or None
            say(f"  {problem}")
        raise InitError(f"{field}: no valid answer after 5 tries: give it ({how(field)})")

    def url_check(field: str) -> Callable[[str], str | None]:
        return lambda value: _field_problem(field, value) if value else None

    name = answer("name", "The team's name (the site's title)", None, lambda v: _field_problem("name", v) if v else "the team needs a name, such as Orion ML team")
    site_url = answer("site_url", "Where the site will be published (blank: decide later)", None, url_check("site_url"))
    repo_url = answer("repo_url", "The repository's web address (blank: none)", default_repo, url_check("repo_url"))
    timezone = answer("timezone", "The team's time zone (an IANA name such as Europe/Berlin)", DEFAULT_ZONE, lambda v: _field_problem("timezone", v))
    known = list(roles)
    if ask is not None and given.get("roles") is None:
        say("The roles of the handbook:")
        for number, (role, title) in enumerate(roles.items(), start=1):
            say(f"  {number:2}. {role} ({title})")
    chosen = answer("roles", "The roles your team has: numbers or ids separated by commas (blank: all)", None, lambda v: _roles_problem(v, known))
    return Answers(name=name or "", site_url=site_url, repo_url=repo_url, timezone=timezone or DEFAULT_ZONE,
                   roles=parse_roles(chosen or "", known))


def _roles_problem(text: str, known: list[str]) -> str | None:
    try:
        parse_roles(text, known)
    except InitError as error:
        return str(error)
    return None


def write_team(path: Path, label: str, text: str, catalog: Catalog, force: bool) -> None:
    """Check `text` as the build would, then write it to `path` (only over an existing file with `force`)."""
    if path.exists() and not force:
        raise InitError(f"{label} already exists: edit it, or run again with --force (make init FORCE=1) to replace it")
    staged = path.with_name(f".{path.name}.init-{os.getpid()}")
    try:
        staged.write_text(text, encoding="utf-8")
        found, problems = read_team(staged, label, environ={})
        if found is not None:
            problems = team_problems(found, catalog)
        if problems:
            raise ContentError(problems)
        if force:
            os.replace(staged, path)
        else:
            with path.open("x", encoding="utf-8") as out:  # "x": never over a file written meanwhile
                out.write(text)
    except FileExistsError:
        raise InitError(f"{label} already exists: edit it, or run again with --force (make init FORCE=1) to replace it") from None
    except OSError as error:  # a missing folder (HANDBOOK_TEAM=teams/orion.yml), no permission, a full disk
        raise InitError(f"{label} was not written: {error.strerror or error}: check the folder and its permissions") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
