"""A project (mkdocs.yml, docs/, the team file, the environment) read once: the one way in for every command.

`make check`, `assemble` and through it the build, the PDFs, the offline
bundle and the serve loop all start here: the same problems are found in the
same order (what a merge left in mkdocs.yml or the navigation, the
environment's settings, the team file, then every page), the same settings
are read, and the same `Build` comes out. The ProperDocs hooks read the
engine's config instead of mkdocs.yml, but apply `site_values` and make the
`Build` the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from handbook.content.catalog import NAV_FILE, TAGS_FILE, docs_label, read_folder, setting_file_problems, symlink_problems
from handbook.content.git_dates import last_updated
from handbook.content.problems import ContentError, Problem
from handbook.content.settings import Settings, config_problems, read_settings
from handbook.content.team import TeamFile
from handbook.content.team_file import config_overrides, read_team, team_label, team_path
from handbook.content.upstream import CONFIG, installed, packaged_dates, upstream
from handbook.output.build import Build

# The search shim that lets a page opened from file:// search: only the offline bundle loads it.
OFFLINE_SHIM = "iframe-worker"


def plugin_names(plugins: object) -> list[str]:
    """The plugins an mkdocs.yml lists, by name (a list of names and one-key mappings)."""
    items = plugins if isinstance(plugins, list) else []
    return [item if isinstance(item, str) else next(iter(item)) for item in items if isinstance(item, str | dict) and item]


def offline_enabled(values: Mapping[str, Any]) -> bool:
    for item in values.get("plugins") or []:
        if isinstance(item, dict) and "offline" in item:
            return bool((item["offline"] or {}).get("enabled", True))
        if item == "offline":
            return True
    return False


def site_values(team: TeamFile | None, repo_url: str | None, extra: Mapping[str, Any], offline: bool, environ: Mapping[str, str]) -> dict[str, Any]:
    """What the build sets over mkdocs.yml: the team's name and addresses, no edit links without a repository, and the
    file:// search shim only in the offline bundle (on a served site it would hold up every first paint)."""
    found: dict[str, Any] = dict(config_overrides(team.team if team else None, repo_url, environ))
    polyfills = [p for p in extra.get("polyfills", []) if offline or OFFLINE_SHIM not in str(p)]
    found["extra"] = {**extra, "polyfills": polyfills}
    return found


@dataclass
class Project:
    """The handbook's own repository (`config_file` is its mkdocs.yml), or a team's (`home`: its team.yml, its own
    pages in docs/ over the handbook's, its caches and site/), built with the installed handbook's mkdocs.yml."""

    config_file: Path
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    home: Path | None = None

    @classmethod
    def for_team(cls, home: Path, environ: Mapping[str, str] | None = None) -> Project:
        """A team's repository: the handbook's pages and settings (installed, or this checkout's), its own over them."""
        return cls(upstream() / CONFIG, dict(os.environ) if environ is None else environ, home=home.resolve())

    @property
    def root(self) -> Path:
        """Where the team file, the caches and site/ are."""
        return self.home or self.config_file.parent

    @property
    def overlay(self) -> Path | None:
        """A team's own pages, over the handbook's: a new path adds a page, the same path replaces it."""
        return self.home / "docs" if self.home is not None else None

    @cached_property
    def values(self) -> dict[str, Any]:
        """mkdocs.yml as the engine reads it, `!ENV` read from this project's environment."""
        return read_settings(self.config_file, self.environ)

    @property
    def docs(self) -> Path:
        """The handbook's pages (in a team's repository: the installed handbook's, under the team's own)."""
        return self.config_file.parent / str(self.values.get("docs_dir") or "docs")

    @property
    def docs_label(self) -> str:
        return "docs" if self.home is not None else docs_label(self.docs, self.root)

    @property
    def team_file(self) -> Path:
        return team_path(self.root, self.environ)

    def setting_problems(self) -> list[Problem]:
        """mkdocs.yml and the navigation files as text and YAML, the environment and the team file on their own."""
        problems = setting_file_problems(self.config_file, self.docs, self.docs_label) or config_problems(self.config_file)
        if self.overlay is not None and self.overlay.is_dir():
            problems += [p for p in setting_file_problems(self.config_file, self.overlay, "docs") if p.path != self.config_file.name]
        if problems:
            return problems
        _, problems = read_team(self.team_file, team_label(self.team_file, self.root), self.environ, self.root)
        return problems

    def team(self) -> TeamFile | None:
        found, _ = read_team(self.team_file, team_label(self.team_file, self.root), self.environ, self.root)
        return found

    def config(self) -> dict[str, Any]:
        """mkdocs.yml's values with what the build sets over them (the team's name and addresses, the polyfills)."""
        values = dict(self.values)
        values.update(site_values(self.team(), values.get("repo_url"), values.get("extra") or {}, offline_enabled(values), self.environ))
        # Material's offline plugin turns directory URLs off (a page opened from a folder is a file, not a folder).
        if offline_enabled(values):
            values["use_directory_urls"] = False
        # As MkDocs reads it: the public address ends with a slash.
        if values.get("site_url") and not str(values["site_url"]).endswith("/"):
            values["site_url"] = str(values["site_url"]) + "/"
        return values

    def settings(self) -> Settings:
        return Settings.read(self.config(), self.environ)

    def load(self, pages: Iterable[tuple[str, bytes]] | None = None) -> Build:
        """Every page and the team file validated, every output planned: ContentError with every problem found.
        `pages`: the docs folder's pages as (path, bytes) (default: read from disk), such as with a new page added."""
        if problems := self.setting_problems() or self.symlink_problems():
            raise ContentError(problems)
        found, tags = self.pages()
        updated = packaged_dates() if self.config_file.parent == upstream() and installed() else None
        if self.overlay is not None and self.overlay.is_dir():
            updated = {**(updated if updated is not None else last_updated(self.docs)), **last_updated(self.overlay)}
        config = self.config()
        return Build.start(
            Settings.read(config, self.environ), found if pages is None else pages, tags,
            self.docs, self.docs_label, self.team_file, self.root, directory_urls=bool(config.get("use_directory_urls", True)),
            environ=self.environ, updated=updated, nav_files=self.nav_files(),
        )

    @property
    def folders(self) -> list[Path]:
        """The page folders, the later over the earlier: the handbook's docs/, then a team's own when it has one."""
        return [self.docs, *([self.overlay] if self.overlay is not None and self.overlay.is_dir() else [])]

    def symlink_problems(self) -> list[Problem]:
        return [p for folder in self.folders for p in symlink_problems(folder, "docs" if folder == self.overlay else self.docs_label)]

    def pages(self) -> tuple[list[tuple[str, bytes]], bytes | None]:
        """Every page as (docs path, bytes), a team's own over the handbook's, and the tag list (a team's, if it has one)."""
        pages: dict[str, bytes] = {}
        tags: bytes | None = None
        for folder in self.folders:
            found, own_tags = read_folder(folder)
            pages.update(found)
            tags = own_tags if own_tags is not None else tags
        return sorted(pages.items()), tags

    def nav_files(self) -> dict[str, str]:
        """Each folder's navigation file (folder, "" for docs/ itself -> its text): a team's own replaces the handbook's."""
        found: dict[str, str] = {}
        for folder in self.folders:
            for path in sorted(folder.rglob(NAV_FILE)):
                if path.is_file() and not path.is_symlink():
                    found["" if path.parent == folder else path.parent.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
        return found

    def static_files(self) -> dict[str, Path]:
        """The files the engine copies as they are (stylesheets, scripts, images), by docs path: a team's over the handbook's."""
        found: dict[str, Path] = {}
        for folder in self.folders:
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(folder).as_posix()
                if path.is_file() and not path.is_symlink() and not relative.endswith(".md") and path.name not in (NAV_FILE, TAGS_FILE):
                    found[relative] = path
        return found
