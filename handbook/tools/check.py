"""The fast check: every page and every cross-reference, without building the site.

It reports the same `docs/<path>.md:<line>: <field>: <what is wrong>` lines as
the build's validation, then checks the links in every body the way the strict
build would (a link to a missing page or file, to a missing heading, to a
folder instead of a page's .md file, or an absolute link), in well under a second.
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import yaml

from handbook.content.catalog import Catalog, Entry, read_folder, symlink_problems
from handbook.content.markdown import prose_lines
from handbook.content.problems import ContentError, Problem
from handbook.content.settings import Freshness, SettingError, Settings
from handbook.output.build import plan
from handbook.output.project import Project
from handbook.pages.outputs import Output
from handbook.pages.review_due import overdue
from handbook.tools.nav import NAV_FILE, NAV_PART

# [text](target "title") and ![alt](target); the target may be wrapped in <...>.
_INLINE = re.compile(r"!?\[[^\]]*\]\(\s*(?:<(?P<wrapped>[^>]*)>|(?P<plain>[^()\s]+))(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
# [label]: target  (reference definitions; footnote definitions [^x]: are text, not links)
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<target>[^\s>]+)>?", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    due: int = 0
    seconds: float = 0.0


def check_folder(
    docs: Path, freshness: Freshness, docs_label: str = "docs", markdown_extensions: list[Any] | None = None, team_file: Path | None = None,
    config_file: Path | None = None,
) -> Report:
    """Every page, the team file when there is one (`team_file`: its path, usually team.yml beside mkdocs.yml), and every link.

    With `config_file` (mkdocs.yml), the project's check (`check_project`): it and the navigation file are checked as
    text, the team file must lie beside it in the project, and the environment's settings are checked as the build
    checks them. Without, the folder alone with the default settings."""
    if config_file is not None:
        return check_project(Project(config_file), markdown_extensions)
    return _checked(
        symlink_problems(docs, docs_label), lambda: read_folder(docs), Settings(today=freshness.today, review_after_days=freshness.after_days),
        docs_label, team_file, docs.parent, os.environ, lambda: {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()},
        lambda catalog: nav_problems(docs, catalog), markdown_extensions,
    )


def check_project(project: Project, markdown_extensions: list[Any] | None = None) -> Report:
    """`make check` of a project: the handbook's repository, or a team's (its own pages over the installed handbook's).
    `markdown_extensions`: default, mkdocs.yml's."""
    extensions = markdown_extensions if markdown_extensions is not None else list(project.values.get("markdown_extensions") or [])

    def nav(catalog: Catalog) -> list[Problem]:
        text = project.nav_files().get("")  # the team's own .nav.yml over the handbook's
        return nav_problems_of(text, catalog) if text is not None else []

    return _checked(
        project.setting_problems() or project.symlink_problems(), project.pages, project.settings, project.docs_label, project.team_file,
        project.root, project.environ, lambda: set(project.static_files()), nav, extensions,
    )


def _checked(
    first: list[Problem], read: Callable[[], tuple[list[tuple[str, bytes]], bytes | None]], settings_of: Settings | Callable[[], Settings],
    docs_label: str, team_file: Path | None, root: Path, environ: Any, assets_of: Callable[[], set[str]],
    nav: Callable[[Catalog], list[Problem]], markdown_extensions: list[Any] | None,
) -> Report:
    """The check itself, as the build loads: the settings and the links (`first`: problems that stop it before any page
    is read), then every page with the loader the build uses, then the links once the pages themselves are valid."""
    started = time.perf_counter()
    report = Report()
    if first:
        report.problems, report.seconds = first, time.perf_counter() - started
        return report
    pages, tags = read()
    report.pages = len(pages)
    try:
        settings = settings_of() if callable(settings_of) else settings_of
        planned = plan(settings, pages, tags, docs_label, team_file, root, environ)
    except (ContentError, SettingError) as error:
        report.problems = getattr(error, "problems", None) or [Problem("environment", 0, "setting", str(error))]
        report.seconds = time.perf_counter() - started
        return report
    generated = {o.path: o.page_text() for o in planned.outputs if o.is_page}
    problems, report.links = link_problems(planned.catalog, generated, assets_of(), markdown_extensions or [], planned.outputs)
    problems += nav(planned.catalog)
    report.problems = sorted(problems)
    report.due = len(overdue(planned.catalog, settings.freshness))
    report.seconds = time.perf_counter() - started
    return report


def _listed(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _listed(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _listed(value)


def nav_problems(docs: Path, catalog: Catalog) -> list[Problem]:
    """A page directly in docs/ that .nav.yml does not list: the strict build refuses it (validation.omitted_files)."""
    nav = docs / NAV_FILE
    if not nav.is_file():
        return []
    try:
        return nav_problems_of(nav.read_text(encoding="utf-8"), catalog)
    except UnicodeDecodeError as error:
        return [Problem(f"{catalog.docs_label}/{NAV_FILE}", 1, "nav", f"does not parse: {error}")]


def nav_problems_of(text: str, catalog: Catalog) -> list[Problem]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        return [Problem(f"{catalog.docs_label}/{NAV_FILE}", 1, "nav", f"does not parse: {error}")]
    listed = set(_listed(data.get("nav", []) if isinstance(data, dict) else []))
    return [
        Problem(f"{catalog.docs_label}/{uri}", 1, "file",
                f"is not in the navigation: list it in {catalog.docs_label}/{NAV_FILE} under a part, e.g. '- {uri}' under '{NAV_PART}'")
        for uri in catalog.entries
        if "/" not in uri and uri not in listed
    ]


def link_problems(
    catalog: Catalog, generated: dict[str, str], assets: set[str], extensions: list[Any], planned: list[Output] | None = None
) -> tuple[list[Problem], int]:
    """Problems with the links of every page body, and the number of links checked."""
    anchors = _Anchors(catalog, generated, extensions, planned or [])
    problems: list[Problem] = []
    count = 0
    for uri, entry in catalog.entries.items():
        path = f"{catalog.docs_label}/{uri}"
        for line, target in _targets(entry):
            count += 1
            message = _link_problem(uri, target, catalog, generated, assets, anchors)
            if message:
                problems.append(Problem(path, entry.body_line + line, "link", message))
    return problems, count


def _targets(entry: Entry) -> list[tuple[int, str]]:
    """(line within the body, target) of every link outside code."""
    found = []
    for number, line in prose_lines(entry.body):
        text = _CODE_SPAN.sub("", line)
        found += [(number, m.group("wrapped") if m.group("wrapped") is not None else m.group("plain")) for m in _INLINE.finditer(text)]
        found += [(number, m.group("target")) for m in _REFERENCE.finditer(text)]
    return found


def _link_problem(uri: str, target: str, catalog: Catalog, generated: dict[str, str], assets: set[str], anchors: _Anchors) -> str | None:
    if _EXTERNAL.match(target):
        return None
    if target.startswith("/"):
        stem = target.split("#", 1)[0].strip("/")
        page = next((c for c in (f"{stem}.md", f"{stem}/index.md", "index.md" if not stem else "") if c in catalog.entries or c in generated), None)
        hint = posixpath.relpath(page, posixpath.dirname(uri) or ".") if page else "../roles/data-scientist.md"
        return f"'{target}' is an absolute link: link the page's file relatively, e.g. {hint}"
    path, _, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    if not path:
        return None if anchors.has(uri, fragment) else f"'{target}': no heading with the anchor '#{fragment}' on this page"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path))
    if resolved.startswith("../"):
        return f"'{target}' points outside the docs folder"
    if resolved.endswith(".md"):
        if resolved not in catalog.entries and resolved not in generated:
            return f"'{target}': no page {catalog.docs_label}/{resolved}"
        if fragment and not anchors.has(resolved, fragment):
            return f"'{target}': {catalog.docs_label}/{resolved} has no heading with the anchor '#{fragment}'"
        return None
    if resolved in assets:
        return None
    page = resolved.rstrip("/") + ".md" if resolved != "." else "index.md"
    index = posixpath.join(resolved, "index.md") if resolved != "." else "index.md"
    for candidate in (page, index):
        if candidate in catalog.entries or candidate in generated:
            return f"'{target}' is not a link to a file: link {posixpath.relpath(candidate, posixpath.dirname(uri) or '.')} instead"
    return f"'{target}': no file {catalog.docs_label}/{resolved}"


class _Anchors:
    """Heading ids of a page, computed only for pages that are linked to with an anchor."""

    def __init__(self, catalog: Catalog, generated: dict[str, str], extensions: list[Any], planned: list[Output]) -> None:
        self.catalog = catalog
        self.planned = planned
        self.generated = generated
        self.extensions = extensions
        self.known: dict[str, set[str]] = {}
        self.sections: Any = None

    def has(self, uri: str, fragment: str) -> bool:
        if uri not in self.known:
            self.known[uri] = self._ids(uri)
        return fragment in self.known[uri]

    def _ids(self, uri: str) -> set[str]:
        import markdown  # only when an anchor is checked

        from handbook.views.sections import Sections

        entry = self.catalog.get(uri)
        body = entry.body if entry is not None else self.generated[uri].split("\n---\n", 1)[-1]
        # The generated sections (Sources, Linked from, a role's lists, the matrix's tables) carry anchors too.
        self.sections = self.sections or Sections.build(self.catalog, self.planned)
        parts = self.sections.decorate(uri, body)
        text = parts.markdown
        ids: set[str] = set(parts.ids)
        converter = markdown.Markdown(extensions=_extension_names(self.extensions), extension_configs=_extension_configs(self.extensions))
        converter.treeprocessors.register(_Collect(converter, ids.add), "handbook-ids", 0)
        converter.convert(text)
        return ids


def _extension_names(extensions: list[Any]) -> list[str]:
    names = [next(iter(item)) if isinstance(item, dict) else str(item) for item in extensions]
    return names or ["toc", "attr_list", "md_in_html"]


def _extension_configs(extensions: list[Any]) -> dict[str, dict[str, Any]]:
    return {name: config or {} for item in extensions if isinstance(item, dict) for name, config in item.items()}


class _Collect:
    """A Markdown tree processor that reports every id and name in the page, as MkDocs collects anchors."""

    def __init__(self, converter: Any, add: Callable[[str], None]) -> None:
        self.md = converter
        self.add = add

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("id", "name"):
                if element.get(attribute):
                    self.add(element.get(attribute))
