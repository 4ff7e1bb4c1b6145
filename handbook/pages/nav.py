"""The navigation written out, as mkdocs-awesome-nav 3 makes it from the .nav.yml files.

The ProperDocs build lets awesome-nav read docs/.nav.yml and docs/<folder>/.nav.yml.
An engine that runs no plugin (Zensical, TechDocs) is handed the same
navigation as mkdocs.yml's `nav:`, made here by the same rules: a list keeps its
order; a folder is a section titled by its name, holding its index first and
then its pages; a glob takes the pages no earlier item took, sorted (here by
title, naturally, ignoring case); pages are placed before folders, folders
before globs; `append_unmatched` adds the rest of a folder at its end. A test
compares this with awesome-nav's result for every page of the real handbook.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from natsort import natsort_keygen, ns
from wcmatch import glob

# What a folder holds when its .nav.yml does not say: its index, then everything else.
_DEFAULT_NAV: list[Any] = [{"glob": "@(index.md|README.md)", "ignore_no_matches": True}, {"glob": "*", "ignore_no_matches": True}]


@dataclass
class _Config:
    nav: list[Any]
    title: str | None = None
    sort_by: str = "path"
    ignore_case: bool = False
    sections: str = "last"
    append_unmatched: bool = False

    @classmethod
    def read(cls, text: str | None, parent: _Config | None) -> _Config:
        data = (yaml.safe_load(text) or {}) if text else {}
        sort = data.get("sort") or {}
        inherited = parent or cls([])
        config = cls(
            nav=list(data.get("nav", _DEFAULT_NAV)),
            title=data.get("title"),
            sort_by=sort.get("by") or (inherited.sort_by if parent else "path"),
            ignore_case=bool(sort.get("ignore_case") or (parent and parent.ignore_case)),
            sections=sort.get("sections") or (inherited.sections if parent else "last"),
            append_unmatched=data.get("append_unmatched", parent.append_unmatched if parent else False),
        )
        if config.append_unmatched:
            config.nav.append({"glob": "*", "ignore_no_matches": True})
        return config


@dataclass
class _Section:
    title: str
    folder: str
    children: list[Any] = field(default_factory=list)


@dataclass
class _Page:
    path: str
    title: str | None = None  # given in .nav.yml


def dirname_to_title(name: str) -> str:
    """ "field-reports" -> "Field reports", as MkDocs titles a folder."""
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


class _Context:
    def __init__(self, titles: Mapping[str, str | None], nav_files: Mapping[str, str]) -> None:
        self.titles = titles
        self.nav_files = nav_files
        self.folders = {parent for path in titles for parent in _parents(path)}
        self.unvisited: set[str] = set(titles) | {f + "/" for f in self.folders}

    def visit(self, key: str) -> None:
        self.unvisited.discard(key)


def _parents(path: str) -> list[str]:
    found, folder = [], posixpath.dirname(path)
    while folder:
        found.append(folder)
        folder = posixpath.dirname(folder)
    return found


def _join(folder: str, name: str) -> str:
    return posixpath.normpath(posixpath.join(folder, name)) if folder else posixpath.normpath(name)


def _folder(context: _Context, folder: str, parent: _Config | None, title: str | None = None) -> list[Any]:
    """A folder as a section (or nothing, when it holds no page)."""
    config = _Config.read(context.nav_files.get(folder), parent)
    context.visit(folder + "/")
    section = _Section(title or config.title or dirname_to_title(posixpath.basename(folder)), folder)
    section.children = _resolve([_parse(context, item, folder, config) for item in config.nav], context)
    return [section] if section.children else []


@dataclass
class _Pending:
    """An item still to resolve, as awesome-nav queues them: pages first, then folders (deepest first), then globs."""

    kind: str  # "one", "folder", "glob"
    value: Any
    folder: str = ""
    config: _Config | None = None
    title: str | None = None
    ignore_no_matches: bool = False


def _parse(context: _Context, item: Any, folder: str, config: _Config) -> Any:
    if isinstance(item, str):
        target = _join(folder, item)
        if target in context.titles:
            return _Pending("one", target)
        if target in context.folders:
            return _Pending("folder", target, config=config)
        return _Pending("glob", item, folder, config)
    if isinstance(item, dict) and "glob" in item:
        local = _Config([], sort_by=config.sort_by, ignore_case=config.ignore_case, sections=config.sections)
        sort = item.get("sort") or {}
        local.sort_by, local.ignore_case = sort.get("by") or local.sort_by, bool(sort.get("ignore_case") or local.ignore_case)
        return _Pending("glob", item["glob"], folder, local, ignore_no_matches=bool(item.get("ignore_no_matches")))
    (key, value), = item.items()
    if isinstance(value, list):
        return _Section(key, folder, [_parse(context, child, folder, config) for child in value])
    target = _join(folder, value)
    if target in context.folders:
        return _Pending("folder", target, config=config, title=key)
    return _Pending("one", target, title=key) if target in context.titles else {key: value}


def _queue(items: list[Any]) -> list[tuple[tuple[int, ...], list[Any], int]]:
    found = []
    for index, item in enumerate(items):
        if isinstance(item, _Section):
            found += _queue(item.children)
        elif isinstance(item, _Pending):
            priority = {"one": (1, index), "folder": (2, -len(item.value.split("/")), index), "glob": (3, index)}[item.kind]
            found.append((priority, items, index))
    return found


def _resolve(items: list[Any], context: _Context) -> list[Any]:
    for _, holder, index in sorted(_queue(items), key=lambda entry: entry[0]):
        item = holder[index]
        if item.kind == "one":
            context.visit(item.value)
            holder[index] = _Page(item.value, item.title)
        elif item.kind == "folder":
            holder[index] = _folder(context, item.value, item.config, item.title)
        else:
            holder[index] = _glob(context, item)
    return _flat(items)


def _flat(items: list[Any]) -> list[Any]:
    result = []
    for item in items:
        if isinstance(item, list):
            result += item
        else:
            result.append(item)
    for item in result:
        if isinstance(item, _Section):
            item.children = _flat(item.children)
    return result


def _glob(context: _Context, pending: _Pending) -> list[Any]:
    pattern = posixpath.join(pending.folder, pending.value) if pending.folder else pending.value
    config = pending.config or _Config([])
    matches: list[Any] = []
    for key in sorted(context.unvisited):
        if glob.globmatch(key, pattern, flags=glob.GLOBSTAR | glob.EXTGLOB):
            matches.append(_Pending("folder", key.rstrip("/"), config=config) if key.endswith("/") else _Pending("one", key))
    items = _resolve(matches, context)
    _sort(items, config, context)
    return items


def _sort(items: list[Any], config: _Config, context: _Context) -> None:
    def by_title(item: Any) -> tuple[str, str, str]:
        path = item.folder if isinstance(item, _Section) else item.path
        title = item.title if isinstance(item, _Section) else (context.titles.get(item.path) or posixpath.basename(item.path))
        return title, posixpath.basename(path), path

    def by_path(item: Any) -> str:
        return item.folder if isinstance(item, _Section) else item.path

    flags = ns.GROUPLETTERS | ns.INT | (ns.IGNORECASE if config.ignore_case else 0) | (0 if config.sort_by == "title" else ns.PATH)
    items.sort(key=natsort_keygen(key=by_title if config.sort_by == "title" else by_path, alg=flags))
    if config.sections != "mixed":
        items.sort(key=lambda item: 2 if isinstance(item, _Section) else 1, reverse=config.sections == "first")


def _written(item: Any, hidden: set[str]) -> Any:
    if isinstance(item, _Section):
        return {item.title: [w for child in item.children if (w := _written(child, hidden)) is not None]}
    if isinstance(item, _Page):
        if item.path in hidden:
            return None
        return {item.title: item.path} if item.title else item.path
    return item


def navigation(titles: Mapping[str, str | None], nav_files: Mapping[str, str], hidden: set[str] = frozenset()) -> list[Any]:
    """mkdocs.yml's `nav:` for the pages in the navigation (docs path -> front matter title), from the .nav.yml files
    (folder, "" for docs/ itself -> the file's text), without the `hidden` pages (roles and rituals a team leaves out)."""
    context = _Context(titles, nav_files)
    root = _Config.read(nav_files.get(""), None)
    items = _resolve([_parse(context, item, "", root) for item in root.nav], context)
    return [w for item in items if (w := _written(item, hidden)) is not None]
