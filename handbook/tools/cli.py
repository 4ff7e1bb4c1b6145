"""Commands for editing the handbook.

  python -m handbook new TYPE "Title"   write a new page of TYPE, valid as written
  python -m handbook check              validate every page and link in under a second
  python -m handbook schema             export the editor schema of every page type to schema/
  python -m handbook init               write team.yml from a few questions (or from flags)
  python -m handbook serve [--port N]   serve the handbook, rebuilt on every change
  python -m handbook assemble [OUT]     write the whole site source to OUT, plain files any engine builds
  python -m handbook build | publish    the site in site/ (publish: with its PDFs)

In a team's repository (team.yml and no mkdocs.yml, or --team DIR) the same commands read the team's file and
pages over the installed handbook's; handbook.tools.team_commands has the team's own (new-team, copy, diff, ...).

Exit codes: 0 done, 1 the check found problems, 2 refused (unknown type, page exists, bad setting).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from handbook.content.settings import Freshness, SettingError
from handbook.content.types import page_types
from handbook.tools import team_commands


def _settings(config: Path) -> tuple[Path, str, Freshness, list[object]]:
    """The docs folder, its label in messages (as the build names it), freshness and Markdown extensions."""
    from handbook.content.settings import read_settings

    settings = read_settings(config)
    name = str(settings.get("docs_dir") or "docs")
    extra = settings.get("extra") if isinstance(settings.get("extra"), dict) else {}
    extensions = settings.get("markdown_extensions") or []
    return config.parent / name, name.rstrip("/"), Freshness.from_settings(extra.get("review_after_days")), list(extensions)


def new(args: argparse.Namespace) -> int:
    from handbook.tools.scaffold import ScaffoldError, new_page
    from handbook.tools.team_commands import project_of

    project = project_of(args)
    docs, label, freshness, _ = _settings(project.config_file)
    found = None
    if project.overlay is not None:  # a team's page, written among the handbook's
        docs, label, found = project.overlay, "docs", project.pages()
    # `make new` passes its arguments in the environment, so that no shell reads the title.
    kind = args.type if args.type is not None else os.environ.get("HANDBOOK_NEW_TYPE", "")
    title = args.title if args.title is not None else os.environ.get("HANDBOOK_NEW_TITLE", "")
    if not kind or not title:
        print('new: give a type and a title: make new TYPE=ritual TITLE="Weekly demo"', file=sys.stderr)
        return 2
    try:
        written = new_page(docs, kind, title, freshness.today, docs_label=label, found=found)
    except ScaffoldError as error:
        print(f"new: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {label}/{written.src_uri}: replace its placeholders and write its sections, then run `make check`.")
    if found is None:
        print("Before you open a pull request, run `make urls` to add its address to published-urls.txt.")
    return 0


def check(args: argparse.Namespace) -> int:
    from handbook.tools.check import check_project
    from handbook.tools.team_commands import project_of, replaced_report

    project = project_of(args)
    _settings(project.config_file)  # a bad setting (HANDBOOK_TODAY=...) is refused as every command refuses it: exit 2
    report, label = check_project(project), project.docs_label
    if project.home is not None:
        replaced_report(project)
    for problem in report.problems:
        print(problem)
    count = len(report.problems)
    sys.stdout.flush()
    if count:
        print(f"check: {problems_by_file(report.problems, label)} ({report.seconds:.2f} s)", file=sys.stderr)
        return 1
    due = f"; {report.due} page{'s' if report.due != 1 else ''} due for review (see /review-due/)" if report.due else ""
    print(f"OK: {report.pages} pages and {report.links} links checked in {report.seconds:.2f} s{due}")
    return 0


def problems_by_file(problems: list[object], docs_label: str) -> str:
    """ "1 problem in team.yml", "3 problems: 2 in docs/, 1 in team.yml": each counted as the file's it names."""
    counts: dict[str, int] = {}
    for problem in problems:
        path = str(getattr(problem, "path", ""))
        where = f"{docs_label}/" if path.startswith(f"{docs_label}/") else path
        counts[where] = counts.get(where, 0) + 1
    total = sum(counts.values())
    plural = "s" if total != 1 else ""
    if len(counts) == 1:
        return f"{total} problem{plural} in {next(iter(counts))}"
    return f"{total} problem{plural}: " + ", ".join(f"{count} in {where}" for where, count in counts.items())


def schema(args: argparse.Namespace) -> int:
    from handbook.tools.schema import write

    written = write(args.out, root=args.config.parent)
    print(f"Wrote {', '.join(p.name for p in written)} (in {args.out}/ and beside {args.config.name})")
    return 0


# `make init NAME=... ROLES=...` passes its arguments in the environment, so that no shell reads them.
INIT_FIELDS = ("name", "site_url", "repo_url", "timezone", "roles")


def init(args: argparse.Namespace) -> int:
    from handbook.content.problems import ContentError
    from handbook.content.team_file import team_path
    from handbook.rules import load_folder
    from handbook.tools.init import InitError, ask_answers, flag_of, git_origin, make_variable_of, team_text, write_team

    docs, label, freshness, _ = _settings(args.config)
    root = args.config.parent
    path = team_path(root)
    shown = os.path.relpath(path, root) if path.is_relative_to(root) else str(path)
    environ = {field: os.environ.get(f"HANDBOOK_INIT_{field.upper()}", "") for field in (*INIT_FIELDS, "yes", "force")}
    given = {field: getattr(args, field) if getattr(args, field) is not None else (environ[field] or None) for field in INIT_FIELDS}
    yes = args.yes or environ["yes"].strip().lower() in ("1", "yes", "true", "on")
    force = args.force or environ["force"].strip().lower() in ("1", "yes", "true", "on")
    try:
        if path.exists() and not force:
            again = "FORCE=1" if "HANDBOOK_INIT_NAME" in os.environ else "--force"
            raise InitError(f"{shown} already exists: edit it, or run again with {again} to replace it")
        try:
            catalog = load_folder(docs, label, today=freshness.today)
        except ContentError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            print(f"init: {shown} was not written: the pages have the problems above (make check lists them)", file=sys.stderr)
            return 1
        roles = {stem: entry.meta.title for stem, entry in catalog.by_stem("role").items()}
        # `make init` always passes its variables, given or not: its messages name them (NAME=...), the command's its flags.
        how = make_variable_of if "HANDBOOK_INIT_NAME" in os.environ else flag_of
        answers = ask_answers(given, roles, git_origin(root), None if yes else input, print, how)
        schema = Path(os.path.relpath(root / "schema" / "team.json", path.parent)).as_posix()
        write_team(path, shown, team_text(answers, roles, schema), catalog, force)
    except InitError as error:
        print(f"init: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\ninit: stopped: {shown} was not written", file=sys.stderr)
        return 130
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"init: {shown} was not written: fix the answers above", file=sys.stderr)
        return 2
    print(f"Wrote {shown} for {answers.name}. Add your people and your rhythm (examples/team.yml shows how), then `make check` and `make serve`.")
    return 0


# `make serve PORT=8765` passes the port in the environment, so that no shell reads it.
PORT_VARIABLE = "HANDBOOK_SERVE_PORT"
DEFAULT_PORT = 8000


def serve(args: argparse.Namespace) -> int:
    """The engine's development server on 127.0.0.1, at PORT; a bad or busy port is one line that says what to set."""
    import errno
    import socket

    given = args.port if args.port is not None else os.environ.get(PORT_VARIABLE, "").strip()
    text = given or str(DEFAULT_PORT)
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        print(f"serve: PORT={text} is not a port: give a number from 1024 to 65535, such as make serve PORT=8001", file=sys.stderr)
        return 2
    port = int(text)
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: a port left in TIME_WAIT is free
    try:
        probe.bind(("127.0.0.1", port))
    except OSError as error:
        why = "is in use (another make serve?)" if error.errno == errno.EADDRINUSE else f"cannot be used ({error.strerror})"
        print(f"serve: port {port} {why}: choose another, such as make serve PORT={port + 1 if port < 65535 else 8001}", file=sys.stderr)
        return 2
    finally:
        probe.close()
    from handbook.output.serve import serve as served
    from handbook.tools.team_commands import project_of

    return served(lambda: project_of(args), port)


def assemble(args: argparse.Namespace) -> int:
    """The whole site source in OUT, as plain files any engine builds with no hook."""
    import time

    from handbook.content.problems import ContentError
    from handbook.content.settings import SettingError
    from handbook.output.assemble import assemble as assembled
    from handbook.output.assemble import previous_manifest, write
    from handbook.tools.team_commands import project_of

    out = Path(args.out or os.environ.get("HANDBOOK_ASSEMBLE_OUT", "") or "assembled")
    started = time.perf_counter()
    try:
        written, removed = write(assembled(project_of(args), previous=previous_manifest(out)), out)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"assemble: {problems_by_file(error.problems, 'docs')}: {out} was left as it was", file=sys.stderr)
        return 1
    except (SettingError, FileExistsError, FileNotFoundError) as error:
        print(f"assemble: {error}", file=sys.stderr)
        return 2
    print(f"Assembled {out}: {written} file{'' if written == 1 else 's'} written, {removed} removed, in {time.perf_counter() - started:.2f} s. "
          f"Build it with any engine, such as: properdocs build -f {out / 'mkdocs.yml'}")
    return 0


def figures(args: argparse.Namespace) -> int:
    from handbook.rules import load_folder
    from handbook.tools.figures import unmarked_figures
    from handbook.tools.owners import unlabelled_owners

    docs, label, freshness, _ = _settings(args.config)
    catalog = load_folder(docs, docs_label=label, today=freshness.today)
    found, owners = unmarked_figures(catalog), unlabelled_owners(catalog)
    for problem in [*found, *owners]:
        print(problem)
    print(f"{len(found)} unmarked figure{'s' if len(found) != 1 else ''}, "
          f"{len(owners)} unlabelled owner claim{'s' if len(owners) != 1 else ''}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook", description="Commands for editing the handbook.")
    parser.add_argument("--config", type=Path, default=None, help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--team", type=Path, default=None, help="a team's repository (default: this folder, when it has team.yml and no mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("new", help="write a new page, valid as written, with its type's headings")
    made.add_argument("type", nargs="?", help=f"the page type: {', '.join(t.name for t in page_types() if t.scaffold)}")
    made.add_argument("title", nargs="?", help='the page title, e.g. "Weekly demo"; the file name comes from it')
    made.set_defaults(run=new)
    commands.add_parser("check", help="validate every page and link without building the site").set_defaults(run=check)
    gathered = commands.add_parser("assemble", help="write the whole site source to OUT as plain files that any engine builds")
    gathered.add_argument("out", nargs="?", help="the folder to write (default: assembled, or HANDBOOK_ASSEMBLE_OUT)")
    gathered.set_defaults(run=assemble)
    served = commands.add_parser("serve", help="serve the handbook at http://127.0.0.1:PORT, rebuilt on every change to a page or the team file")
    served.add_argument("--port", help=f"the port (default: {DEFAULT_PORT}, or {PORT_VARIABLE})")
    served.set_defaults(run=serve)
    commands.add_parser("figures", help="list durations, counts, percentages and owner claims with no footnote and no label").set_defaults(run=figures)
    exported = commands.add_parser("schema", help="export the JSON Schema of every page type")
    exported.add_argument("--out", type=Path, default=Path("schema"), help="the folder to write (default: %(default)s)")
    exported.set_defaults(run=schema)
    started = commands.add_parser("init", help="write team.yml, the team file, from a few questions or from these flags")
    started.add_argument("--name", help="the team's name, the site's title")
    started.add_argument("--site-url", dest="site_url", help="where the site will be published, such as https://handbook.example.com/")
    started.add_argument("--repo-url", dest="repo_url", help="the repository's web address (default: git's origin)")
    started.add_argument("--timezone", help="an IANA time zone such as Europe/Berlin (default: UTC)")
    started.add_argument("--roles", help="the team's role ids, comma-separated, such as ai-team-lead,data-scientist (default: every role)")
    started.add_argument("--yes", action="store_true", help="ask nothing: take the default of every question without a flag")
    started.add_argument("--force", action="store_true", help="replace an existing team file")
    started.set_defaults(run=init)
    team_commands.add_commands(commands)
    args = parser.parse_args(argv)
    args.config_given, args.config = args.config is not None, args.config or Path("mkdocs.yml")
    try:
        return args.run(args)
    except SettingError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
