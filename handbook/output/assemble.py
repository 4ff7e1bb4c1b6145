"""`python -m handbook assemble OUT`: the whole site source, as plain files that any engine builds with no hook.

OUT/mkdocs.yml holds the project's settings as the build applies them (the
team's name and addresses, the environment's values: no `!ENV` is left), the
navigation written out, and only what the theme itself runs (Material's search
and offline plugins). OUT/docs holds every page with its generated sections,
glossary hovers and front matter written in, every generated page and file, a
small page at each moved page's old address, the link-preview cards, the
stylesheets and scripts; OUT/overrides the theme overrides. Paths are relative,
so OUT builds from any working directory: `properdocs build -f OUT/mkdocs.yml`,
`zensical build` inside OUT, or Backstage TechDocs.

Writing is incremental: a file whose content is unchanged is left alone (its
date too, so an engine's dirty rebuild skips it), and what an earlier run left
in OUT that no longer belongs is removed.
usage: python -m handbook assemble OUT [--config mkdocs.yml]
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pathspec
import yaml

from handbook.content.catalog import NAV_FILE
from handbook.content.urls import site_path
from handbook.output.build import Build
from handbook.output.project import Project
from handbook.output.social_cards import place
from handbook.pages.nav import navigation
from handbook.pages.redirects import redirect_map
from handbook.pages.render import render_html

# The plugins an assembled site keeps: the theme's own. The others' work is written into the files.
THEME_PLUGINS = ("search", "offline")
# Settings an assembled site drops: the hooks, and the plugins above it replaced.
DROPPED = ("hooks", "INHERIT")
OVERRIDES = "overrides"
# A folder holding this file is one `assemble` wrote, so it may be emptied of what no longer belongs.
MARKER = ".assembled"


@dataclass(frozen=True)
class Assembly:
    """What `write` puts in OUT: mkdocs.yml's values and every file, by its path in OUT."""

    config: dict[str, Any]
    texts: dict[str, str]
    files: dict[str, Path]  # copied (hard-linked) from the project or a cache
    kept: frozenset[str] = frozenset()  # pages whose inputs are those of the OUT that holds them: left as they are
    manifest: dict[str, Any] = field(default_factory=dict)  # what each page was made from, for the next run
    unchanged: bool = False  # nothing it is made from changed since the OUT it will be written over

    def paths(self) -> set[str]:
        return {"mkdocs.yml", MARKER, *self.texts, *self.files, *self.kept}


def code_digest() -> str:
    """The handbook's own code and templates: a page assembled by other code is assembled again."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2", ".css") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def previous_manifest(out: Path) -> dict[str, Any]:
    """What the assembly in OUT was made from, or {} (none, or one this version cannot read)."""
    try:
        found = json.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def inputs_digest(project: Project) -> str:
    """Everything an assembly is made from: every file of docs/ and the overrides, mkdocs.yml, the team file, the
    HANDBOOK_* settings, the day, the commit (the pages' "Last updated" dates) and the handbook's own code."""
    digest = hashlib.sha256()
    files = [project.config_file, project.team_file, *_walk(project.docs), *(_walk(project.overlay) if project.overlay and project.overlay.is_dir() else [])]
    overrides = project.config_file.parent / OVERRIDES
    files += list(_walk(overrides)) if overrides.is_dir() else []
    for path in files:
        digest.update(str(path).encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    settings = sorted((key, value) for key, value in project.environ.items() if key.startswith("HANDBOOK_"))
    digest.update(json.dumps([settings, date.today().isoformat(), _commit(project.root), code_digest()]).encode())
    return digest.hexdigest()


def _commit(root: Path) -> str:
    try:
        found = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip()


def assemble(project: Project, build: Build | None = None, previous: Mapping[str, Any] | None = None) -> Assembly:
    """The site source of a project, as `build` (default: the project's, loaded now) hands it to the engine.

    `previous`: the manifest of the OUT it will be written over. When nothing it is made from changed, nothing is made
    (not even checked: it was, when those inputs were assembled). A page made from the same code, the same
    whole-catalog inputs (every page's front matter, links and length, the team, the settings) and the same text is
    not made again.
    """
    earlier = previous or {}
    digest = inputs_digest(project)
    if build is None and earlier.get("inputs") == digest:
        return Assembly({}, {}, {}, frozenset(earlier.get("paths") or []), dict(earlier), unchanged=True)
    build = build or project.load()
    config = project.config()
    whole = hashlib.sha256(f"{code_digest()}\0{build.signature()}".encode()).hexdigest()
    inputs = {uri: _page_inputs(build, uri) for uri in build.pages()}
    same = earlier.get("whole") == whole
    kept = frozenset(f"docs/{uri}" for uri in inputs if same and (earlier.get("pages") or {}).get(uri) == inputs[uri])
    texts: dict[str, str] = {f"docs/{uri}": build.page_source(uri) for uri in build.pages() if f"docs/{uri}" not in kept}
    texts.update({f"docs/{path}": text for path, text in build.files().items()})
    texts.update({f"docs/{path}": text for path, text in redirect_pages(build.catalog, build.directory_urls).items()})
    files: dict[str, Path] = {f"docs/{path}": card for path, card in build.cards(project.root / ".cache" / "social-cards").items()}
    # Everything else in docs/ (and a team's docs/) that the engine copies as it is: stylesheets, scripts, images.
    for relative, path in project.static_files().items():
        files.setdefault(f"docs/{relative}", path)
    overrides = _overrides(project, config)
    if overrides is not None:
        files.update({f"{OVERRIDES}/{p.relative_to(overrides).as_posix()}": p for p in _walk(overrides)})
    assembly = Assembly(engine_config(config, build, overrides is not None), texts, files, kept)
    assembly.manifest.update(inputs=digest, whole=whole, pages=inputs, paths=sorted(assembly.paths()))
    return assembly


def _page_inputs(build: Build, src_uri: str) -> str:
    """What a page's source is made from beyond the whole-catalog inputs: its own text and its last commit's day."""
    text = build.sources.get(src_uri, "")
    return hashlib.sha256(f"{text}\0{build.updated.get(src_uri)}".encode()).hexdigest()


def _overrides(project: Project, config: Mapping[str, Any]) -> Path | None:
    theme = config.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    base = project.config_file.parent  # relative to mkdocs.yml, as the engine reads it
    return (base / custom) if custom and (base / custom).is_dir() else None


def engine_config(config: Mapping[str, Any], build: Build, has_overrides: bool) -> dict[str, Any]:
    """mkdocs.yml for the assembled site: the project's, with the navigation written out and no plugin but the theme's."""
    found = {key: value for key, value in config.items() if key not in DROPPED}
    found["docs_dir"], found["site_dir"] = "docs", "site"
    plugins = [item for item in config.get("plugins") or [] if (item if isinstance(item, str) else next(iter(item))) in THEME_PLUGINS]
    found["plugins"] = plugins
    if has_overrides:
        found["theme"] = {**config["theme"], "custom_dir": OVERRIDES}
    # The pages an engine would put in the navigation: not those `not_in_nav` names, nor generated pages listed nowhere.
    outside = pathspec.GitIgnoreSpec.from_lines(str(config.get("not_in_nav") or "").splitlines())
    titles = {uri: entry.title for uri, entry in build.catalog.entries.items()}
    titles.update({o.path: o.title for o in build.outputs if o.is_page and o.nav})
    titles = {uri: title for uri, title in titles.items() if not outside.match_file(uri)}
    found["nav"] = navigation(titles, _nav_files(build), build.hidden())
    # The pages the navigation leaves out on purpose (a role the team lacks, a starter's page, a tag's page) are named
    # as such, or the engine's strict build would count each as forgotten.
    listed = set(_nav_paths(found["nav"]))
    unlisted = sorted(uri for uri in build.pages() if uri not in listed and not outside.match_file(uri))
    if unlisted:
        found["not_in_nav"] = "".join(f"{line}\n" for line in [*str(config.get("not_in_nav") or "").splitlines(), *(f"/{uri}" for uri in unlisted)] if line)
    return found


def _nav_paths(items: Any) -> Iterator[str]:
    """Every page a written navigation lists."""
    if isinstance(items, str):
        yield items
    elif isinstance(items, list):
        for item in items:
            yield from _nav_paths(item)
    elif isinstance(items, dict):
        for value in items.values():
            yield from _nav_paths(value)


def _nav_files(build: Build) -> dict[str, str]:
    """Each folder's navigation file (folder, "" for docs/ itself -> its text)."""
    if build.nav_files is not None:
        return build.nav_files
    root = build.docs
    if root is None or not root.is_dir():
        return {}
    return {
        ("" if path.parent == root else path.parent.relative_to(root).as_posix()): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob(NAV_FILE)) if path.is_file() and not path.is_symlink()
    }


def redirect_pages(catalog: Any, directory_urls: bool) -> dict[str, str]:
    """A small page at each moved page's old address that sends the reader on, as mkdocs-redirects writes them."""
    found = {}
    for old, new in redirect_map(catalog).items():
        old_path = site_path(old, directory_urls)
        old_file = old_path + "index.html" if old_path.endswith("/") else old_path
        target = os.path.relpath(site_path(new, directory_urls), os.path.dirname(old_file) or ".")
        found[old_file] = render_html("redirect.html.j2", url=target + ("/" if directory_urls and not target.endswith("/") else ""))
    return found


def write(assembly: Assembly, out: Path) -> tuple[int, int]:
    """Write the assembly into OUT: only what changed, and remove what an earlier run wrote that no longer belongs.
    (files written, files removed)"""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise FileExistsError(f"{out} holds files that assemble did not write: give an empty or new folder")
    if assembly.unchanged and all((out / relative).is_file() for relative in assembly.kept):
        return 0, 0
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    texts = {**assembly.texts, "mkdocs.yml": _yaml(assembly.config), MARKER: json.dumps(assembly.manifest, sort_keys=True)}
    missing = [relative for relative in assembly.kept if not (out / relative).is_file()]
    if missing:
        raise FileNotFoundError(f"{out / missing[0]} is gone: assemble again without the earlier run's record")
    for relative, text in texts.items():
        target = out / relative
        data = text.encode("utf-8")
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    for relative, source in assembly.files.items():
        target = out / relative
        if target.is_file() and (os.path.samefile(source, target) or filecmp.cmp(source, target, shallow=False)):
            continue
        place(source, target)
        written += 1
    keep = assembly.paths()
    removed = 0
    for path in list(_walk(out)):
        relative = path.relative_to(out).as_posix()
        if relative not in keep and not relative.startswith("site/"):
            path.unlink()
            removed += 1
    for folder in sorted((p for p in out.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()) and not folder.relative_to(out).as_posix().startswith("site"):
            folder.rmdir()
    return written, removed


def _yaml(config: Mapping[str, Any]) -> str:
    return ("# Written by `python -m handbook assemble`: the handbook's settings as its build applies them.\n"
            + yaml.safe_dump(dict(config), sort_keys=False, allow_unicode=True, width=10_000))

