"""Many teams' handbooks from one command: `handbook teams SRC OUT`.

SRC is a folder of teams' repositories (each a folder with team.yml, and its
own docs/ and handbook.lock) or a folder of team files (`<team>.yml`, sharing
SRC/docs/ if there is one). Each team is built, as its own `make build` would,
into OUT/<team id>/, and OUT/index.html lists the teams. A team that fails is
named with its problems and the others are still built; the command then exits 1.

Each team's site belongs to one team: two teams whose names give the same id
(the folder name in OUT) are refused, each named.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, select_autoescape

from handbook.content.team_file import read_team
from handbook.content.urls import page_id
from handbook.output.project import Project
from handbook.output.publish import publish

INDEX = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Teams' handbooks</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 44rem; padding: 2rem 1rem; color: #1d1d1f; background: #fff; }
  @media (prefers-color-scheme: dark) { body { color: #e8e8ea; background: #1e2129; } a { color: #8fb4ff; } }
  li { margin: .4rem 0; } .failed { color: #b3261e; } small { color: inherit; opacity: .75; }
</style>
</head>
<body>
<h1>Teams' handbooks</h1>
<p>Each team's copy of the Cross-Functional AI Team Handbook, with its roles, people and week.</p>
<ul>
{% for team in teams %}  <li>{% if team.built %}<a href="{{ team.id }}/">{{ team.name }}</a>{% else %}<span class="failed">{{ team.name }}: not built</span>{% endif %} <small>{{ team.source }}</small></li>
{% endfor %}</ul>
</body>
</html>
"""


@dataclass
class Team:
    id: str
    name: str
    source: str  # as given: the repository's folder or the team file
    project: Project
    built: bool = False


def found_teams(src: Path) -> tuple[list[Team], list[str]]:
    """The teams in SRC and the problems that stop one from being built (unreadable team file, two teams, one id)."""
    src = src.resolve()
    teams, problems = [], []
    candidates = [(p.parent, "team.yml", p.parent.name) for p in sorted(src.glob("*/team.yml"))]
    candidates += [(src, p.name, p.name) for p in sorted(src.glob("*.yml")) if p.name not in ("mkdocs.yml", ".nav.yml")]
    for home, name, source in candidates:
        environ = {**os.environ, "HANDBOOK_TEAM": name}
        found, read = read_team(home / name, name if home == src else f"{source}/team.yml", environ, home)
        if found is None:
            problems += [str(problem) for problem in read] or [f"{source}: no team file"]
            continue
        teams.append(Team(page_id(found.team.name) or "team", found.team.name, source, Project.for_team(home, environ)))
    by_id: dict[str, Team] = {}
    for team in teams:
        if (first := by_id.get(team.id)) is not None:
            problems.append(f"{team.source}: its name gives the id '{team.id}', as {first.source}'s does: rename one team, "
                            f"each team's site is OUT/<id>/")
        by_id.setdefault(team.id, team)
    return [t for t in teams if by_id[t.id] is t], problems


def build_teams(src: Path, out: Path, *, with_pdf: bool = False) -> int:
    teams, problems = found_teams(src)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not teams:
        print(f"teams: no team in {src}: give a folder of teams' repositories (each with team.yml) or of team files", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for team in teams:
        print(f"teams: {team.name} ({team.source}) -> {out / team.id}/", file=sys.stderr)
        # Team files that share a folder each have their own assembled source.
        cache = team.project.root / ".cache" / ("build" if team.project.root != src.resolve() else f"team-{team.id}")
        team.built = publish(team.project, out / team.id, with_pdf=with_pdf, source=cache) == 0
        # publish's lock beside each site is for builds that may overlap; here they did not, and OUT is published as it is.
        out.joinpath(f".{team.id}.lock").unlink(missing_ok=True)
    page = Environment(autoescape=select_autoescape(default=True, default_for_string=True)).from_string(INDEX)
    (out / "index.html").write_text(page.render(teams=sorted(teams, key=lambda t: t.name.casefold())), encoding="utf-8")
    failed = [t for t in teams if not t.built]
    print(f"Built {len(teams) - len(failed)} of {len(teams)} teams into {out}/ (index.html lists them)"
          + (f"; not built: {', '.join(t.name for t in failed)}" if failed else ""))
    return 1 if failed or problems else 0
