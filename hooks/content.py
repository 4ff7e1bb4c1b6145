"""Read the settings, load and validate every page once per build, plan what it generates; fail the build on any problem."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook.content.catalog import TAGS_FILE, docs_label, setting_file_problems, symlink_problems
from handbook.content.problems import ContentError
from handbook.content.settings import SettingError, Settings
from handbook.content.team_file import read_team, team_label, team_path
from handbook.output.build import KEY, Build
from handbook.output.project import site_values
from handbook.pages.redirects import redirect_map

# A logger under "mkdocs." so that --strict counts what it says.
log = logging.getLogger("mkdocs.hooks.content")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The team file names the site and its addresses before anything is rendered.
    root = Path(config.config_file_path).parent
    path = team_path(root)
    problems = setting_file_problems(Path(config.config_file_path), Path(config.docs_dir), docs_label(Path(config.docs_dir), root))
    found, team_problems = read_team(path, team_label(path, root), root=root)
    problems += team_problems
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(str(ContentError(problems)))
    offline = config.plugins.get("material/offline")
    for key, value in site_values(found, config.repo_url, dict(config.extra), bool(offline and offline.config.enabled), os.environ).items():
        if key == "extra":
            config.extra.update(value)
        else:
            config[key] = value
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # The team file is read by every build, so a change to it rebuilds as a page's does. Its folder is watched, not the
    # file: an editor that saves by writing a new file and renaming it over the old one would end a watch on the file.
    root = Path(config.config_file_path).parent
    server.watch(str(team_path(root).parent), recursive=False)
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    # Before MkDocs collects the files, which would follow a link out of docs/ (or round a loop).
    if problems := symlink_problems(Path(config.docs_dir), docs_label(Path(config.docs_dir), Path(config.config_file_path).parent)):
        for problem in problems:
            log.error(str(problem))
        raise PluginError(str(ContentError(problems)))


# Before the plugins' on_files: mkdocs-redirects reads its map there.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    label = docs_label(docs_dir, Path(config.config_file_path).parent)
    pages = [(f.src_uri, Path(f.abs_src_path).read_bytes()) for f in files.documentation_pages() if not f.generated_by]
    tags_file = docs_dir / TAGS_FILE
    try:
        settings = Settings.read(config)
        root = Path(config.config_file_path).parent
        build = Build.start(settings, pages, tags_file.read_bytes() if tags_file.is_file() else None, docs_dir, label, team_path(root), root,
                            directory_urls=config.use_directory_urls)
    except SettingError as error:
        raise PluginError(str(error)) from None
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise PluginError(str(error)) from None
    # The build's state, where a plugin keeps its own: hook modules outlive the build (see handbook/output/build.py).
    config.plugins[KEY] = build
    # Each page as `assemble` writes it: the engine reads this instead of the file (which keeps its edit link).
    for file in files.documentation_pages():
        if not file.generated_by and file.src_uri in build.catalog.entries:
            file.content_string = build.page_source(file.src_uri)
    if "redirects" in config.plugins:
        config.plugins["redirects"].config["redirect_maps"].update(redirect_map(build.catalog))
    return files
