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

from handbook.content.catalog import TAGS_FILE, docs_label, read_folder, setting_file_problems, symlink_problems
from handbook.content.problems import ContentError, Problem
from handbook.content.settings import Settings, config_problems, read_settings
from handbook.content.team import TeamFile
from handbook.content.team_file import config_overrides, read_team, team_label, team_path
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
    config_file: Path
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @cached_property
    def values(self) -> dict[str, Any]:
        """mkdocs.yml as the engine reads it, `!ENV` read from this project's environment."""
        return read_settings(self.config_file, self.environ)

    @property
    def docs(self) -> Path:
        return self.root / str(self.values.get("docs_dir") or "docs")

    @property
    def docs_label(self) -> str:
        return docs_label(self.docs, self.root)

    @property
    def team_file(self) -> Path:
        return team_path(self.root, self.environ)

    def setting_problems(self) -> list[Problem]:
        """mkdocs.yml and the navigation files as text and YAML, the environment and the team file on their own."""
        if problems := setting_file_problems(self.config_file, self.docs, self.docs_label) or config_problems(self.config_file):
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
        if problems := self.setting_problems() or symlink_problems(self.docs, self.docs_label):
            raise ContentError(problems)
        found, tags = read_folder(self.docs)
        tags_file = self.docs / TAGS_FILE
        config = self.config()
        return Build.start(
            Settings.read(config, self.environ), found if pages is None else pages, tags if tags_file.is_file() else None,
            self.docs, self.docs_label, self.team_file, self.root, directory_urls=bool(config.get("use_directory_urls", True)),
            environ=self.environ,
        )
