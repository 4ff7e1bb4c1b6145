"""`make serve`: the handbook served as `assemble` writes it, a page shown again within about a second of an edit.

The project is assembled into .cache/serve, and ProperDocs serves that folder
with dirty rebuilds: only the pages whose files changed are built again. A
watcher assembles again on every change to docs/, mkdocs.yml, the team file or
the theme overrides, and writes only the files whose text changed:

- an edit that leaves every page's front matter, links and reading time as
  they were (most edits of running text) changes only the edited page (and the
  files made from pages' text, such as llms-full.txt), so only it is assembled;
- any other edit assembles every page; when a title or the navigation changed,
  every page is written again, so that no page keeps a stale navigation.

A problem stops nothing: it is printed, one line each, and the last good site
stays served until the next save fixes it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from handbook.content.problems import ContentError
from handbook.content.settings import SettingError
from handbook.output.assemble import assemble, write
from handbook.output.build import Build
from handbook.output.project import Project

log = logging.getLogger("handbook.serve")
# Edits arrive in bursts (an editor writes, then renames): wait this long after the first for the rest.
SETTLE = 0.05
# ProperDocs' own `serve`, run as its command line is, but with its watcher looking at the folder every 0.1 s instead of
# every 0.5 s: it learns of a page that assemble wrote by polling, and its default was half of an edit's wait. It takes
# no option for that, so the child process sets the default of LiveReloadServer's `polling_interval` first. (A child
# process: the handbook's package itself imports no engine.)
ENGINE = (
    "import functools, sys; from properdocs import livereload; s = livereload.LiveReloadServer; "
    "s.__init__ = functools.partialmethod(s.__init__, polling_interval=0.1); "
    "from properdocs.__main__ import cli; sys.exit(cli(prog_name='properdocs'))"
)


def signature(build: Build) -> tuple[str, str]:
    """(what every page may read of every other, what the navigation reads: the titles)."""
    titles = json.dumps(sorted((uri, e.title) for uri, e in build.catalog.entries.items()))
    return build.signature(), hashlib.sha256(titles.encode()).hexdigest()


@dataclass
class Loop:
    """The assembled folder kept up to date with the project."""

    make: Callable[[], Project]  # the project, read again for each refresh (mkdocs.yml and the environment may change)
    out: Path
    build: Build | None = None
    signed: tuple[str, str] = ("", "")
    pages: dict[str, bytes] = field(default_factory=dict)  # docs path -> bytes, as last assembled

    def project(self) -> Project:
        return self.make()

    def refresh(self) -> str:
        """Assemble what changed since the last time; a line that says what was done (or what is wrong)."""
        started = time.perf_counter()
        project = self.project()
        try:
            build = project.load()
        except ContentError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}: the site served is the last one without"
        except SettingError as error:
            print(error, file=sys.stderr)
            return "the site served is the last one without this problem"
        signed = signature(build)
        docs = {uri: raw for uri, raw in project.pages()[0] if uri in build.catalog.entries}
        edited = {uri for uri, raw in docs.items() if self.pages.get(uri) != raw}
        same_pages = set(docs) == set(self.pages)
        if self.build is not None and signed[0] == self.signed[0] and same_pages:
            written = self._pages(build, edited)
        else:
            written, _ = write(assemble(project, build), self.out)
            if signed[1] != self.signed[1] and self.build is not None:
                self._touch()
        self.build, self.signed, self.pages = build, signed, docs
        return f"assembled {written} file{'s' if written != 1 else ''} in {time.perf_counter() - started:.2f} s"

    def _pages(self, build: Build, edited: set[str]) -> int:
        """Only the edited pages and the files made from pages' text."""
        texts = {f"docs/{uri}": build.page_source(uri) for uri in edited}
        texts.update({f"docs/{path}": text for path, text in build.files().items()})
        written = 0
        for relative, text in texts.items():
            target = self.out / relative
            data = text.encode("utf-8")
            if target.is_file() and target.read_bytes() == data:
                continue
            target.write_bytes(data)
            written += 1
        return written

    def _touch(self) -> None:
        """Every page newer than its built page, so that a dirty rebuild gives each the new navigation."""
        now = time.time()
        for path in (self.out / "docs").rglob("*.md"):
            os.utime(path, (now, now))


class _Watcher:
    """Calls `changed` once a burst of file events in the watched folders has settled."""

    def __init__(self, loop: Loop, folders: list[tuple[Path, bool]]) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.loop = loop
        self.pending = threading.Event()
        self.observer = Observer()
        outer = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: object) -> None:
                # Only what changes a file: watchdog also reports every file opened or read (the refresh reads them all).
                if getattr(event, "event_type", "") not in ("created", "deleted", "modified", "moved", "closed"):
                    return
                path = str(getattr(event, "src_path", ""))
                if not getattr(event, "is_directory", False) and not path.startswith(str(loop.out)):
                    outer.pending.set()

        for folder, recursive in folders:
            if folder.is_dir():
                self.observer.schedule(Handler(), str(folder), recursive=recursive)

    def run(self) -> None:
        self.observer.start()
        while True:
            self.pending.wait()
            time.sleep(SETTLE)
            self.pending.clear()
            print(f"INFO    -  handbook: {self.loop.refresh()}", file=sys.stderr, flush=True)


def serve(make: Callable[[], Project] | Path, port: int, out: Path | None = None) -> int:
    """Assemble, then serve the assembled folder on 127.0.0.1:`port`, assembling again on every change. `make`: the
    project, read again on each change (or the handbook's mkdocs.yml)."""
    if isinstance(make, Path):
        config_file = make
        make = lambda: Project(config_file)  # noqa: E731
    project = make()
    out = out or project.root / ".cache" / "serve"
    loop = Loop(make, out)
    try:
        first = loop.refresh()
    except FileExistsError as error:
        print(f"serve: {error}", file=sys.stderr)
        return 2
    if loop.build is None:
        print(f"serve: {first}: fix the lines above, then run make serve again", file=sys.stderr)
        return 1
    print(f"INFO    -  handbook: {first}", file=sys.stderr, flush=True)
    # The team file may sit in a folder of its own (HANDBOOK_TEAM): its folder is watched, not the file, since an
    # editor that saves by renaming a new file over the old one would end a watch on the file.
    folders = [(project.docs, True), (project.root, False), (project.team_file.parent, False), (project.root / "overrides", True)]
    if project.overlay is not None:
        folders.append((project.overlay, True))
    watcher = _Watcher(loop, folders)
    threading.Thread(target=watcher.run, daemon=True).start()
    # The engine in a process of its own, on the assembled folder, rebuilding only the pages whose files changed.
    engine = subprocess.Popen([sys.executable, "-c", ENGINE, "serve", "--config-file", str(out / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}", "--dirty"], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        return engine.wait()
    except KeyboardInterrupt:
        engine.terminate()
        engine.wait(timeout=10)
        return 0
