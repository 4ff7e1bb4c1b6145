"""A team's own copies of the handbook's pages: which upstream version each replaces, and what changed upstream since.

A page in a team's docs/ at the path of one of the handbook's pages replaces
it. The first time a command meets such a copy, it records in `handbook.lock`
the version of the handbook it replaces and that version's text, so that:

- after an upgrade, `handbook check` lists each copy whose upstream page
  changed since the version it recorded;
- `handbook diff PAGE` shows what changed upstream, between that text and the
  installed handbook's;
- `handbook review PAGE`, once the team has brought over what it wants,
  records the installed version instead.

The team never edits a file of the handbook's, so an upgrade never conflicts.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook.content.upstream import version
from handbook.output.project import Project

LOCK = "handbook.lock"
HEADER = (
    "# handbook.lock, written by the handbook: for each of its pages this team replaced (docs/<path>), the version\n"
    "# of the handbook the copy was made from and that version's text, for `handbook check` and `handbook diff`.\n"
    "# `handbook review <path>` records the installed version once the team has looked at what changed. Commit it.\n"
)


@dataclass(frozen=True)
class Replaced:
    path: str  # docs path, such as "rituals/daily-stand-up.md"
    version: str  # the handbook's version the copy was made from
    text: str  # that version's page

    @property
    def digest(self) -> str:
        return _digest(self.text)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Literal(yaml.SafeDumper):
    """Pages written as YAML literal blocks, so the lock reads (and diffs) as text."""


_Literal.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def replaced_paths(project: Project) -> list[str]:
    """The team's pages that replace one of the handbook's: the same docs path."""
    if project.overlay is None or not project.overlay.is_dir():
        return []
    return sorted(p.relative_to(project.overlay).as_posix() for p in project.overlay.rglob("*.md")
                  if p.is_file() and (project.docs / p.relative_to(project.overlay)).is_file())


def read_lock(project: Project) -> dict[str, Replaced]:
    path = project.root / LOCK
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = (data.get("replaced") or {}) if isinstance(data, dict) else {}
    return {str(key): Replaced(str(key), str(value.get("version", "")), str(value.get("text", ""))) for key, value in entries.items()
            if isinstance(value, dict)}


def write_lock(project: Project, entries: dict[str, Replaced]) -> None:
    data: dict[str, Any] = {"replaced": {path: {"version": e.version, "sha256": e.digest, "text": e.text} for path, e in sorted(entries.items())}}
    (project.root / LOCK).write_text(HEADER + yaml.dump(data, Dumper=_Literal, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def upstream_text(project: Project, path: str) -> str:
    return (project.docs / path).read_text(encoding="utf-8")


def record(project: Project) -> list[str]:
    """Record each new copy (what it replaces: the installed version and its text); forget copies the team removed.
    The paths newly recorded."""
    if project.home is None:
        return []
    entries = read_lock(project)
    paths = replaced_paths(project)
    new = [path for path in paths if path not in entries]
    kept = {path: entry for path, entry in entries.items() if path in paths}
    for path in new:
        kept[path] = Replaced(path, version(), upstream_text(project, path))
    if new or kept.keys() != entries.keys():
        write_lock(project, kept)
    return new


def changed_upstream(project: Project) -> list[Replaced]:
    """The team's copies whose upstream page changed since the version each recorded."""
    return [entry for path, entry in sorted(read_lock(project).items())
            if (project.docs / path).is_file() and _digest(upstream_text(project, path)) != entry.digest]


def upstream_diff(project: Project, path: str) -> str:
    """What changed upstream in a page since the version the team's copy recorded, as a unified diff."""
    entry = read_lock(project).get(path)
    if entry is None:
        raise KeyError(path)
    now = upstream_text(project, path)
    return "".join(difflib.unified_diff(entry.text.splitlines(keepends=True), now.splitlines(keepends=True),
                                        f"{path} (handbook {entry.version})", f"{path} (handbook {version()})"))


def review(project: Project, path: str) -> Replaced:
    """Record the installed version as the one the team's copy now follows."""
    entries = read_lock(project)
    if path not in entries:
        raise KeyError(path)
    entries[path] = Replaced(path, version(), upstream_text(project, path))
    write_lock(project, entries)
    return entries[path]


def lock_path(home: Path) -> Path:
    return home / LOCK
