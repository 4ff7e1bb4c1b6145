"""Read every page and the tag list into a `Catalog`: each page parsed and checked against its type's model.

`parse` reads the raw bytes of every Markdown page and of the tag list and
returns the catalog of the valid pages with every problem found on the way.
The rules between pages come after, in `handbook.rules`; `handbook.rules.load_catalog`
runs both and is what the build, `make check` and the tools call.
"""

from __future__ import annotations

import difflib
import math
import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from handbook.content import frontmatter
from handbook.content.fields import INVOLVEMENT_LEVELS, MAX_SLUG, OLD_LEVELS, SLUG
from handbook.content.markdown import links
from handbook.content.model import Page, field_names
from handbook.content.problems import Problem
from handbook.content.types import folders, type_for
from handbook.content.urls import page_url

NAV_FILE = ".nav.yml"
TAGS_FILE = "tags.yml"
_MARKUP = re.compile(r"[<>]")
WORDS_PER_MINUTE = 200


def reading_minutes(words: int) -> int:
    """The one reading-time rule: 200 words a minute, rounded up, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))

@dataclass(frozen=True)
class Entry:
    src_uri: str  # "rituals/daily-stand-up.md"
    type: str  # "ritual"
    meta: Page
    body: str
    links: tuple[str, ...]  # src_uris of the pages this body links to
    key_lines: Mapping[tuple[str, ...], int] = field(default_factory=dict, repr=False, compare=False)
    body_line: int = 1  # the file line of the body's first line

    def line_of(self, *loc: str) -> int:
        """The file line of a front matter field, e.g. entry.line_of("reviewed")."""
        return self.key_lines.get(tuple(loc), 1)

    @property
    def stem(self) -> str:
        return posixpath.splitext(posixpath.basename(self.src_uri))[0]

    @property
    def title(self) -> str:
        return self.meta.title

    @cached_property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)

    @property
    def url(self) -> str:
        """The public URL path, e.g. /rituals/daily-stand-up/."""
        return page_url(self.src_uri)


@dataclass(frozen=True)
class Catalog:
    entries: Mapping[str, Entry]  # by src_uri, in sorted order
    tags: Mapping[str, str]  # slug -> one-line description
    docs_label: str = "docs"
    tag_labels: Mapping[str, str] = field(default_factory=dict)  # slug -> "Psychological safety"
    problems: tuple[Problem, ...] = field(default=())
    # False when tags.yml could not be read at all: tags are then not checked against it.
    tags_read: bool = True

    @cached_property
    def _by_type(self) -> dict[str, list[Entry]]:
        # Grouped once per build: generators ask for these for every page.
        grouped: dict[str, list[Entry]] = {}
        for entry in sorted(self.entries.values(), key=lambda e: e.title.casefold()):
            grouped.setdefault(entry.type, []).append(entry)
        return grouped

    @cached_property
    def _by_stem(self) -> dict[str, dict[str, Entry]]:
        return {kind: {e.stem: e for e in entries} for kind, entries in self._by_type.items()}

    def of_type(self, kind: str) -> list[Entry]:
        """Pages of one type, sorted by title."""
        return list(self._by_type.get(kind, []))

    def by_stem(self, kind: str) -> dict[str, Entry]:
        return self._by_stem.get(kind, {})

    def get(self, src_uri: str) -> Entry | None:
        return self.entries.get(src_uri)



@dataclass(frozen=True)
class Parsed:
    """The pages that passed their own schema, with what the rules between pages need to name lines."""

    catalog: Catalog
    docs: Mapping[str, frontmatter.Parsed]  # src_uri -> the parsed file, for line numbers
    present: tuple[str, ...]  # every page file, valid or not: references to an invalid page are not reported twice
    problems: tuple[Problem, ...]


def parse(pages: Iterable[tuple[str, bytes]], tags_raw: bytes | None, docs_label: str = "docs") -> Parsed:
    """Each page given as (docs-relative path, raw bytes) against its type's model; the tag list against its shape."""
    pages = sorted(pages)
    problems: list[Problem] = []
    tags, tag_labels = _load_tags(tags_raw, f"{docs_label}/{TAGS_FILE}", problems)
    parsed: dict[str, tuple[str, Page, frontmatter.Parsed]] = {}
    for src_uri, raw in pages:
        page_type = type_for(src_uri)
        path = f"{docs_label}/{src_uri}"
        if page_type is None:
            where = ", ".join(f"{folder}/" for folder in folders())
            problems.append(Problem(path, 1, "file", f"pages live in {docs_label}/ itself or directly in one of {where}: move the file"))
            continue
        if not SLUG.match(posixpath.splitext(posixpath.basename(src_uri))[0]) and src_uri != "index.md":
            problems.append(Problem(path, 1, "file name", "must be a lowercase-hyphenated id such as 'daily-stand-up.md'"))
        elif len(posixpath.basename(src_uri)) > MAX_SLUG + len(".md"):
            problems.append(Problem(path, 1, "file name", f"is {len(posixpath.basename(src_uri))} characters; a page's file name has at most {MAX_SLUG} before .md"))
        text, found = frontmatter.decode(raw, path)
        problems += found
        if text is None:
            continue
        doc, found = frontmatter.split(text, path)
        problems += found
        if doc is None:
            continue
        if not doc.body.strip():
            problems.append(Problem(path, doc.body_line, "body", "page is empty: write the page below the front matter"))
        try:
            meta = page_type.model.model_validate(doc.data)
        except ValidationError as error:
            problems += _schema_problems(error, page_type.model, doc, path)
            continue
        parsed[src_uri] = (page_type.name, meta, doc)
    entries = {
        src_uri: Entry(src_uri, kind, meta, doc.body, links(src_uri, doc.body, parsed), doc.key_lines, doc.body_line)
        for src_uri, (kind, meta, doc) in parsed.items()
    }
    catalog = Catalog(entries=entries, tags=tags or {}, docs_label=docs_label, tag_labels=tag_labels, tags_read=tags is not None)
    return Parsed(catalog, {uri: doc for uri, (_, _, doc) in parsed.items()}, tuple(uri for uri, _ in pages), tuple(problems))


def docs_label(docs: Path, root: Path) -> str:
    """How messages name the docs folder: relative to the project ("docs"), else as given."""
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.as_posix()


def symlink_problems(docs: Path, docs_label: str = "docs") -> list[Problem]:
    """Every symbolic link under docs/: refused, so nothing outside docs/ is read or published and no folder loops."""
    problems = []
    for folder, subfolders, names in os.walk(docs, followlinks=False):
        for name in sorted(subfolders + names):
            path = Path(folder) / name
            if path.is_symlink():
                rel = path.relative_to(docs).as_posix()
                problems.append(Problem(f"{docs_label}/{rel}", 1, "file",
                                        "is a symbolic link: links are not followed, so copy the file or folder into docs/ instead"))
    return problems


def setting_file_problems(config_file: Path, docs: Path, docs_label: str = "docs") -> list[Problem]:
    """mkdocs.yml and the navigation file (docs/.nav.yml), read as text: what a merge left in them, control characters.

    Pages, tags.yml and team.yml get the same checks as they are read; these two are read by the engine and by
    awesome-nav, which would take a marker inside a block of text for part of a value.
    """
    problems = []
    for path, label in ((config_file, config_file.name), (docs / NAV_FILE, f"{docs_label}/{NAV_FILE}")):
        if path.is_file() and not path.is_symlink():
            _, found = frontmatter.decode(path.read_bytes(), label)
            problems += found
    return problems


def read_folder(docs: Path) -> tuple[list[tuple[str, bytes]], bytes | None]:
    """The raw pages and tag list of a docs folder on disk (symbolic links left out: see `symlink_problems`)."""
    pages = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in sorted(docs.rglob("*.md")) if not _linked(p, docs)]
    tags = docs / TAGS_FILE
    return pages, tags.read_bytes() if tags.is_file() else None

def _linked(path: Path, docs: Path) -> bool:
    return any(part.is_symlink() for part in (path, *path.parents) if part != docs and part.is_relative_to(docs))


# --- the tag list -----------------------------------------------------------


def tag_label(slug: str) -> str:
    """The label a slug gets when tags.yml gives none: "psychological-safety" -> "Psychological safety"."""
    return slug.replace("-", " ").capitalize()


def _load_tags(raw: bytes | None, path: str, problems: list[Problem]) -> tuple[dict[str, str] | None, dict[str, str]]:
    """slug -> description and slug -> label, from 'slug: description' or 'slug: {label: ..., description: ...}' lines.

    None instead of the descriptions when the file cannot be read at all: its one problem is reported, and no
    page is also told its tags are unknown.
    """
    if raw is None:
        problems.append(Problem(path, 1, "tags", "the controlled tag list is missing: create it as 'slug: one-line description' lines"))
        return {}, {}
    text, found = frontmatter.decode(raw, path)
    if text is None:
        problems += found
        return None, {}
    try:
        node, data = frontmatter.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        problems.append(Problem(path, mark.line + 1 if mark else 1, "tags", f"YAML does not parse: {problem}"))
        return None, {}
    if not isinstance(data, dict):
        problems.append(Problem(path, 1, "tags", "must be a mapping of 'slug: one-line description' lines"))
        return {}, {}
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    tags: dict[str, str] = {}
    labels: dict[str, str] = {}
    for slug, value in data.items():
        line = lines.get(str(slug), 1)
        label, description = (value.get("label"), value.get("description")) if isinstance(value, dict) else (None, value)
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.append(Problem(path, line, "tags", f"'{slug}' is not a lowercase-hyphenated slug such as 'psychological-safety'"))
        elif len(slug) > MAX_SLUG:
            problems.append(Problem(path, line, "tags", f"'{slug[:20]}...' is {len(slug)} characters; a tag's slug has at most {MAX_SLUG}"))
        elif not isinstance(description, str) or not description.strip():
            problems.append(Problem(path, line, slug, "needs a one-line description"))
        elif label is not None and (not isinstance(label, str) or not label.strip() or len(label) > 60):
            problems.append(Problem(path, line, f"{slug}.label", "must be a short text such as 'Psychological safety'"))
        elif label and _MARKUP.search(label):
            # A label becomes a page title, which themes print as it is; descriptions are escaped wherever they go.
            problems.append(Problem(path, line, f"{slug}.label", "must be plain text: '<' and '>' are not allowed (a label is a page title)"))
            # The slug is fine: pages that carry the tag are not wrong too.
            tags[slug], labels[slug] = description.strip(), tag_label(slug)
        else:
            tags[slug] = description.strip()
            labels[slug] = label.strip() if label else tag_label(slug)
    return tags, labels

# --- one page against its schema --------------------------------------------


def _schema_problems(error: ValidationError, model: type[Page], doc: frontmatter.Parsed, path: str) -> list[Problem]:
    problems = []
    allowed = field_names(model)
    for detail in error.errors():
        loc = tuple(part for part in detail["loc"] if part != "[key]")
        name = ".".join(str(part) for part in loc) or "front matter"
        kind = detail["type"]
        if kind == "missing":
            message = "required field is missing"
            line = doc.line_of(loc[:-1]) if len(loc) > 1 else 1
        elif kind == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close and len(loc) == 1 else ""
            message = f"unknown field: {hint}allowed fields are {', '.join(allowed)}" if len(loc) == 1 else "unknown field"
            line = doc.line_of(loc)
        elif kind == "literal_error" and loc[0] == "roles":
            message = _level_message(detail["input"])
            line = doc.line_of(loc)
        else:
            message = detail["msg"].removeprefix("Value error, ")
            line = doc.line_of(loc)
        problems.append(Problem(path, line, name, message))
    return problems


_RACI = ", ".join(INVOLVEMENT_LEVELS)


def _level_message(value: object) -> str:
    if isinstance(value, str) and value in OLD_LEVELS:
        return f"'{value}' is a level from before RACI (probably '{OLD_LEVELS[value]}'): allowed levels are {_RACI}"
    return f"unknown level '{value}': allowed levels are {_RACI}"


# The order of the role families in the matrix's columns and the rhythm's table.
ROLE_FAMILIES = ("leadership", "product-and-design", "science", "engineering", "stakeholder")


def ordered_roles(catalog: Catalog) -> list[Entry]:
    """Role pages by family, then by title."""
    return sorted(catalog.of_type("role"), key=lambda r: (ROLE_FAMILIES.index(r.meta.family), r.title.casefold()))
