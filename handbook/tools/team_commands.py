"""The commands of a team's repository (`handbook new-team` writes one): its pages over the installed handbook's.

  handbook new-team DIR           a team's repository: team.yml, docs/, handbook.txt, Makefile, hosting, catalog-info.yaml
  handbook build | publish        the team's site in site/ (publish: with the PDFs)
  handbook copy PAGE              the handbook's page into docs/, where the team's copy replaces it
  handbook diff PAGE              what changed upstream in a page the team replaced, since its copy's version
  handbook review PAGE            record the installed version as the one the team's copy follows
  handbook update                 move handbook.txt to the newest version and print the CHANGELOG entries in between
  handbook teams SRC OUT          several teams' repositories (or a folder of team files) built into OUT, one site each

A folder is a team's repository when it has team.yml or handbook.txt and no mkdocs.yml; `--team DIR` names one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.content.upstream import DISTRIBUTION, upstream, version

if TYPE_CHECKING:
    from handbook.output.project import Project
    from handbook.tools.team_repo import Source

PAGE_VARIABLE = "HANDBOOK_PAGE"


def team_home(args: argparse.Namespace) -> Path | None:
    """The team's repository the command runs in: --team, or the current folder when it is one."""
    if getattr(args, "team", None) is not None:
        return Path(args.team)
    here = Path.cwd()
    explicit = getattr(args, "config_given", False)
    if not explicit and not (here / "mkdocs.yml").exists() and ((here / "team.yml").exists() or (here / "handbook.txt").exists()):
        return here
    return None


def project_of(args: argparse.Namespace) -> Project:
    """The project a command runs in. In a team's repository, the first command that meets a new copy of one of the
    handbook's pages records, in handbook.lock, the version it replaces (handbook.output.overlay), and says so."""
    from handbook.output.overlay import record
    from handbook.output.project import Project

    home = team_home(args)
    if home is None:
        return Project(args.config.resolve())
    project = Project.for_team(home)
    for page in record(project):
        print(f"docs/{page} replaces the handbook's page: handbook.lock records version {version()}'s, for make diff later", file=sys.stderr)
    return project


def _page(args: argparse.Namespace, command: str) -> str | None:
    page = (getattr(args, "page", None) or os.environ.get(PAGE_VARIABLE, "")).strip().removeprefix("docs/")
    if not page:
        print(f"{command}: name the page by its file under docs/, such as make {command} PAGE=rituals/daily-stand-up.md", file=sys.stderr)
        return None
    return page


def replaced_report(project: Project) -> None:
    """After `handbook check` in a team's repository: each of the team's copies whose upstream page changed since the
    version it recorded (on stderr, so that a clean check stays one line)."""
    from handbook.output.overlay import changed_upstream

    changed = changed_upstream(project)
    if changed:
        print(f"{len(changed)} page{'s' if len(changed) != 1 else ''} you replaced changed in the handbook since your copy "
              "(make diff PAGE=... shows how; make review PAGE=... once you have taken what you want):", file=sys.stderr)
        for entry in changed:
            print(f"  docs/{entry.path}: your copy follows handbook {entry.version}; {version()} changed it", file=sys.stderr)


def new_team(args: argparse.Namespace) -> int:
    from handbook.rules import load_folder
    from handbook.tools.init import InitError, ask_answers, flag_of
    from handbook.tools.team_repo import Source, TeamRepoError
    from handbook.tools.team_repo import new_team as written

    project = project_of(argparse.Namespace(team=None, config=upstream() / "mkdocs.yml", config_given=True))
    catalog = load_folder(project.docs, "docs")
    roles = {stem: entry.meta.title for stem, entry in catalog.by_stem("role").items()}
    given = {field: getattr(args, field) for field in ("name", "site_url", "repo_url", "timezone", "roles")}
    try:
        source = Source.parse(args.source)
        answers = ask_answers(given, roles, None, None if args.yes else input, print, flag_of)
        paths = written(Path(args.dir), answers, roles, source)
    except (InitError, TeamRepoError) as error:
        print(f"new-team: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nnew-team: stopped: nothing was written", file=sys.stderr)
        return 130
    print(f"Wrote {args.dir}/ for {answers.name}: {len(paths)} files, on handbook {version()}. Next: cd {args.dir} && make serve")
    return 0


def build(args: argparse.Namespace, *, with_pdf: bool = False) -> int:
    from handbook.output.publish import publish

    project = project_of(args)
    return publish(project, project.root / "site", with_pdf=with_pdf)


def copy(args: argparse.Namespace) -> int:
    from handbook.output.overlay import record

    project = project_of(args)
    if (page := _page(args, "copy")) is None:
        return 2
    source, overlay = project.docs / page, project.overlay
    if overlay is None:
        print("copy: run it in a team's repository: this is the handbook's own, where you edit docs/ itself", file=sys.stderr)
        return 2
    if not (page.endswith(".md") or page.split("/")[-1] in ("tags.yml", ".nav.yml")) or not source.is_file():
        print(f"copy: the handbook has no page docs/{page}: give its file under docs/, such as rituals/daily-stand-up.md", file=sys.stderr)
        return 2
    target = overlay / page
    if target.exists():
        print(f"copy: docs/{page} exists already: edit it, or delete it to follow the handbook's page again", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    record(project)
    what = "page, and handbook.lock records which version" if page.endswith(".md") else "file"
    print(f"Copied docs/{page} from handbook {version()}: edit it; it replaces the handbook's {what}.")
    return 0


def _replaced(args: argparse.Namespace, command: str) -> tuple[Project, str] | None:
    """The project and the page named, when it is one of the handbook's pages the team replaced; else None, said why."""
    from handbook.output.overlay import read_lock

    project = project_of(args)
    if (page := _page(args, command)) is None:
        return None
    if page not in read_lock(project):
        print(f"{command}: docs/{page} is not one of the handbook's pages this team replaced (handbook.lock lists them)", file=sys.stderr)
        return None
    return project, page


def diff(args: argparse.Namespace) -> int:
    from handbook.output.overlay import upstream_diff

    if (found := _replaced(args, "diff")) is None:
        return 2
    shown = upstream_diff(*found)
    print(shown or f"docs/{found[1]}: the handbook's page has not changed since your copy's version.", end="" if shown else "\n")
    return 0


def review(args: argparse.Namespace) -> int:
    from handbook.output.overlay import review as reviewed

    if (found := _replaced(args, "review")) is None:
        return 2
    entry = reviewed(*found)
    print(f"Recorded: docs/{found[1]} follows handbook {entry.version}'s page now. Commit handbook.lock.")
    return 0


def update(args: argparse.Namespace) -> int:
    """The newest version pip finds where handbook.txt installs from; the pin moved to it; the entries in between."""
    from handbook.tools.changelog import entries
    from handbook.tools.team_repo import PIN, TeamRepoError, pinned, repinned

    home = team_home(args)
    if home is None:
        print("update: run it in a team's repository (one with handbook.txt): the handbook's own takes updates with git", file=sys.stderr)
        return 2
    pin = home / PIN
    try:
        current, source = pinned(pin.read_text(encoding="utf-8"))
    except (OSError, TeamRepoError) as error:
        print(f"update: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        newest = _newest(source, home, Path(work))
        if newest is None:
            print(f"update: no version of {DISTRIBUTION} found where {PIN} installs from: is it reachable?", file=sys.stderr)
            return 1
        found, wheel = newest
        if current is not None and _older_or_same(found, current):
            print(f"Up to date: handbook {current} is the newest.")
            return 0
        pin.write_text(repinned(pin.read_text(encoding="utf-8"), found), encoding="utf-8")
        changelog = _changelog(wheel) if wheel is not None else ""
    print(f"handbook.txt: {current or 'unpinned'} -> {found}. What changed:\n")
    for _, text in entries(changelog, current or "0", found) or [(found, "(the new version has no CHANGELOG entries)")]:
        print(text, end="\n\n")
    print("Then: make check lists each page you replaced whose handbook version changed.")
    return 0


def _older_or_same(found: str, current: str) -> bool:
    from packaging.version import Version

    return Version(found) <= Version(current)


def _newest(source: Source, home: Path, work: Path) -> tuple[str, Path | None] | None:
    """The newest version where `source` installs from, and its wheel (for its CHANGELOG), downloaded into `work`."""
    kind, where = source.kind, source.where
    requirement = DISTRIBUTION
    if kind == "git":
        tag = _newest_tag(where)
        if tag is None:
            return None
        requirement = f"{DISTRIBUTION} @ {where}@v{tag}"
    options = {"folder": ["--no-index", "--find-links", str((home / where).resolve())], "index": ["--index-url", where]}.get(kind, [])
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(work), *options, requirement],
                          capture_output=True, text=True, check=False)
    wheels = sorted(work.glob("*.whl"))
    if done.returncode != 0 or not wheels:
        return None
    return wheels[0].name.split("-")[1], wheels[0]


def _newest_tag(url: str) -> str | None:
    from packaging.version import InvalidVersion, Version

    done = subprocess.run(["git", "ls-remote", "--tags", url.removeprefix("git+")], capture_output=True, text=True, check=False)
    versions = []
    for line in done.stdout.splitlines():
        tag = line.rsplit("refs/tags/", 1)[-1].removesuffix("^{}")
        try:
            versions.append(Version(tag.removeprefix("v")))
        except InvalidVersion:
            continue
    return str(max(versions)) if versions else None


def _changelog(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        try:
            return archive.read("handbook/_upstream/CHANGELOG.md").decode("utf-8")
        except KeyError:
            return ""


def teams(args: argparse.Namespace) -> int:
    from handbook.output.teams import build_teams

    return build_teams(Path(args.src), Path(args.out), with_pdf=args.with_pdf)


def changelog(args: argparse.Namespace) -> int:
    from handbook.tools.changelog import pages_since

    try:
        print(pages_since(upstream(), args.since))
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"changelog: git cannot compare with {args.since}: {getattr(error, 'stderr', '') or error}".strip(), file=sys.stderr)
        return 2
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """The team repository's commands, and the build commands both kinds of repository share."""
    made = commands.add_parser("new-team", help="write a team's repository: team.yml, docs/, the handbook's pin, a Makefile, hosting")
    made.add_argument("dir", help="the new repository's folder (new or empty)")
    made.add_argument("--name", help="the team's name, the site's title")
    made.add_argument("--site-url", dest="site_url", help="where the site will be published")
    made.add_argument("--repo-url", dest="repo_url", help="the repository's web address")
    made.add_argument("--timezone", help="an IANA time zone such as Europe/Berlin (default: UTC)")
    made.add_argument("--roles", help="the team's role ids, comma-separated (default: every role)")
    made.add_argument("--from", dest="source", help="where pip installs the handbook from: a folder of wheels, an index URL or a git+https URL")
    made.add_argument("--yes", action="store_true", help="ask nothing: take the default of every question without a flag")
    made.set_defaults(run=new_team)
    commands.add_parser("build", help="the site in site/, strictly built, replaced only when the build succeeds").set_defaults(run=build)
    commands.add_parser("publish", help="the site in site/ with its PDFs").set_defaults(run=lambda args: build(args, with_pdf=True))
    for name, run, what in (("copy", copy, "copy the handbook's page into docs/ to replace it"),
                            ("diff", diff, "what changed upstream in a page the team replaced, since its copy's version"),
                            ("review", review, "record the installed version as the one the team's copy follows")):
        command = commands.add_parser(name, help=what)
        command.add_argument("page", nargs="?", help=f"its file under docs/, such as rituals/daily-stand-up.md (or {PAGE_VARIABLE})")
        command.set_defaults(run=run)
    commands.add_parser("update", help="move handbook.txt to the newest version and print what changed").set_defaults(run=update)
    many = commands.add_parser("teams", help="build several teams' repositories, or a folder of team files, into OUT/<team>/ with an index")
    many.add_argument("src", help="a folder of teams' repositories (each with team.yml) or of team files (<team>.yml)")
    many.add_argument("out", help="the folder to write: one site per team and index.html")
    many.add_argument("--with-pdf", action="store_true", help="also make each team's PDFs")
    many.set_defaults(run=teams)
    drafted = commands.add_parser("changelog", help="draft the next CHANGELOG entry's pages from git")
    drafted.add_argument("--since", required=True, help="the last version's git tag or commit")
    drafted.set_defaults(run=changelog)
