"""Build the site strictly into a temporary folder and replace site/ only on success.

Assemble, then build: `python -m handbook assemble .cache/build` writes the site source (only the files that
changed), then ProperDocs builds that folder with no hook.

With --with-pdf (the way to build for publishing) the build shows download
buttons and the PDFs they point to are made into the same folder before it
replaces site/. A failed build or PDF leaves the last good site exactly as it was.
One publish runs at a time per site folder (a lock beside it): a second one
says so and stops. Staging folders that a killed build left behind are removed
by the next one, which holds the lock, so no other build is using them.
usage: python -m handbook.output.publish [--config mkdocs.yml] [--site site] [--with-pdf]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook.output.project import Project


def project_args(project: Project) -> list[str]:
    """How a command names the project: a team's repository, or the handbook's own mkdocs.yml."""
    return ["--team", str(project.home)] if project.home is not None else ["--config", str(project.config_file)]


def publish(project: Project | Path, site: Path, *, with_pdf: bool = False, source: Path | None = None) -> int:
    project = project if isinstance(project, Project) else Project(project)
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    with open(site.with_name(f".{site.name}.lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build of {site} is running: wait for it to finish, then build again.", file=sys.stderr)
            return 1
        for stale in [*site.parent.glob(".site-new-*"), *site.parent.glob(".site-old-*")]:
            shutil.rmtree(stale, ignore_errors=True)
        return _publish(project, site, with_pdf=with_pdf, source=source)


def build_steps(project: Project, site: Path, source: Path | None = None) -> list[list[str]]:
    """Assemble, then build: the site source written as plain files (only what changed since the last build), then
    built by the engine alone, strictly, into `site`."""
    source = source or project.root / ".cache" / "build"
    return [
        [sys.executable, "-m", "handbook", *project_args(project), "assemble", str(source)],
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(source / "mkdocs.yml"), "--site-dir", str(site)],
    ]


def _publish(project: Project, site: Path, *, with_pdf: bool, source: Path | None = None) -> int:
    # What a merge left in mkdocs.yml stops the engine before the handbook's own checks run: say where it is first.
    if problems := project.setting_problems():
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"Build failed: {site} was left as it was.", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site.parent))
    env = {**project.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "true" if with_pdf else "false"}
    started = time.perf_counter()
    steps = build_steps(project, staging, source)
    if with_pdf:
        steps.append([sys.executable, "-m", "handbook.output.pdf", str(staging), *project_args(project)])
    for step in steps:
        try:
            failed = subprocess.run(step, env=env, check=False).returncode != 0
        except KeyboardInterrupt:
            failed = True
        if failed:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"Build failed ({' '.join(step[1:5])}): {site} was left as it was.", file=sys.stderr)
            return 1
    previous = site.with_name(f".site-old-{os.getpid()}")
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Published {site} in {time.perf_counter() - started:.1f} s")
    if named := _named_people(project):
        print(f"It names {named} of the team file: publish it only where the team alone can read it, or build with "
              "HANDBOOK_PUBLIC=true for a site anyone can reach (the GitHub and GitLab recipes do that for a public repository).")
    return 0


def _named_people(project: Project) -> str:
    """ "4 people", when the build names the people of a team file; "" when it names no one."""
    found = project.team()
    if found is None or not found.people:
        return ""
    return f"{len(found.people)} {'person' if len(found.people) == 1 else 'people'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--team", type=Path, default=None, help="a team's repository, built with the installed handbook")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--with-pdf", action="store_true", help="also make the PDFs and show their download buttons")
    args = parser.parse_args()
    project = Project.for_team(args.team) if args.team is not None else Project(args.config.resolve())
    return publish(project, args.site, with_pdf=args.with_pdf)


if __name__ == "__main__":
    sys.exit(main())
