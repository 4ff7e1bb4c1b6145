"""Commands for editing the handbook.

  python -m handbook new TYPE "Title"   write a new page of TYPE, valid as written
  python -m handbook check              validate every page and link in under a second
  python -m handbook schema             export the editor schema of every page type to schema/
  python -m handbook init               write team.yml from a few questions (or from flags)

Exit codes: 0 done, 1 the check found problems, 2 refused (unknown type, page exists, bad setting).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from handbook.content.settings import Freshness, SettingError
from handbook.content.team import team_path
from handbook.content.types import page_types


def _settings(config: Path) -> tuple[Path, str, Freshness, list[object]]:
    """The docs folder, its label in messages (as the build names it), freshness and Markdown extensions."""
    from handbook.tools.check import read_settings

    settings = read_settings(config)
    name = str(settings.get("docs_dir") or "docs")
    extra = settings.get("extra") if isinstance(settings.get("extra"), dict) else {}
    extensions = settings.get("markdown_extensions") or []
    return config.parent / name, name.rstrip("/"), Freshness.from_settings(extra.get("review_after_days")), list(extensions)


def new(args: argparse.Namespace) -> int:
    from handbook.tools.scaffold import ScaffoldError, new_page

    docs, label, freshness, _ = _settings(args.config)
    # `make new` passes its arguments in the environment, so that no shell reads the title.
    kind = args.type if args.type is not None else os.environ.get("HANDBOOK_NEW_TYPE", "")
    title = args.title if args.title is not None else os.environ.get("HANDBOOK_NEW_TITLE", "")
    if not kind or not title:
        print('new: give a type and a title: make new TYPE=ritual TITLE="Weekly demo"', file=sys.stderr)
        return 2
    try:
        written = new_page(docs, kind, title, freshness.today, docs_label=label)
    except ScaffoldError as error:
        print(f"new: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {label}/{written.src_uri}: replace its placeholders and write its sections, then run `make check`.")
    print("Before you open a pull request, run `make urls` to add its address to published-urls.txt.")
    return 0


def check(args: argparse.Namespace) -> int:
    from handbook.tools.check import check_folder

    docs, label, freshness, extensions = _settings(args.config)
    report = check_folder(docs, freshness, docs_label=label, markdown_extensions=extensions, team_file=team_path(args.config.resolve().parent))
    for problem in report.problems:
        print(problem)
    count = len(report.problems)
    if count:
        print(f"check: {count} problem{'s' if count != 1 else ''} in {label}/ ({report.seconds:.2f} s)", file=sys.stderr)
        return 1
    due = f"; {report.due} page{'s' if report.due != 1 else ''} due for review (see /review-due/)" if report.due else ""
    print(f"OK: {report.pages} pages and {report.links} links checked in {report.seconds:.2f} s{due}")
    return 0


def schema(args: argparse.Namespace) -> int:
    from handbook.tools.schema import write

    written = write(args.out, root=args.config.parent)
    print(f"Wrote {', '.join(p.name for p in written)} (in {args.out}/ and beside {args.config.name})")
    return 0


# `make init NAME=... ROLES=...` passes its arguments in the environment, so that no shell reads them.
INIT_FIELDS = ("name", "site_url", "repo_url", "timezone", "roles")


def init(args: argparse.Namespace) -> int:
    from handbook.content.problems import ContentError
    from handbook.content.team import team_path
    from handbook.rules import load_folder
    from handbook.tools.init import InitError, ask_answers, git_origin, team_text, write_team

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
            raise InitError(f"{shown} already exists: edit it, or run again with --force (make init FORCE=1) to replace it")
        try:
            catalog = load_folder(docs, label, today=freshness.today)
        except ContentError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            print(f"init: {shown} was not written: the pages have the problems above (make check lists them)", file=sys.stderr)
            return 1
        roles = {stem: entry.meta.title for stem, entry in catalog.by_stem("role").items()}
        answers = ask_answers(given, roles, git_origin(root), None if yes else input, print)
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
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("new", help="write a new page, valid as written, with its type's headings")
    made.add_argument("type", nargs="?", help=f"the page type: {', '.join(t.name for t in page_types() if t.scaffold)}")
    made.add_argument("title", nargs="?", help='the page title, e.g. "Weekly demo"; the file name comes from it')
    made.set_defaults(run=new)
    commands.add_parser("check", help="validate every page and link without building the site").set_defaults(run=check)
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
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SettingError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
