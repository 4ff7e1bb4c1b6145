"""Load every page, validate it against the model and against the other pages.

`load_catalog` is the one entry point: it reads the raw bytes of every
Markdown page and of the tag list, and returns a `Catalog` or raises
`ContentError` with every problem found, never the first one only.
"""

from __future__ import annotations

import difflib
import math
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from handbook.content import frontmatter
from handbook.content.types import ANATOMIES
from handbook.content.decision_guides import guide_problems
from handbook.pages.downloads import block_problem
from handbook.content.exercises import timing_problems
from handbook.content.settings import today as default_today
from handbook.content.model import (
    CHECKLIST_MIN_ITEMS,
    CHECKLIST_PHASES,
    FIRST_WEEK_MAX_MINUTES,
    INVOLVEMENT_LEVELS,
    OLD_LEVELS,
    SLUG,
    TYPES,
    DecisionGuide,
    Exercise,
    Glossary,
    Page,
    Report,
    Ritual,
    Role,
    Story,
    Template,
    WithRoles,
    field_names,
    model_for,
)
from handbook.content.problems import ContentError, Problem
from handbook.content.urls import site_path

TAGS_FILE = "tags.yml"
WORDS_PER_MINUTE = 200
# A level-2 ATX heading at column 0: "## When and how long", optionally closed by #s or followed by { attributes }.
_H2 = re.compile(r"^##[ \t]+(?P<text>.+?)(?:[ \t]+\{[^}]*\})?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
# Cadences on which a usual weekday means something.
_DAY_CADENCES = ("weekly", "fortnightly", "monthly", "per-sprint")
# An inline Markdown link to another page: [text](../folder/page.md#anchor "title")
MARKDOWN_LINK = re.compile(r"\]\(\s*<?(?P<target>[^()\s<>#]+\.md)(?P<anchor>#[^()\s<>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


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
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))

    @property
    def url(self) -> str:
        """The public URL path, e.g. /rituals/daily-stand-up/."""
        return page_url(self.src_uri)


def page_url(src_uri: str) -> str:
    """The public URL path of a docs file: "rituals/daily-stand-up.md" -> "/rituals/daily-stand-up/"."""
    return "/" + site_path(src_uri).removeprefix("./")


@dataclass(frozen=True)
class Catalog:
    entries: Mapping[str, Entry]  # by src_uri, in sorted order
    tags: Mapping[str, str]  # slug -> one-line description
    docs_label: str = "docs"
    tag_labels: Mapping[str, str] = field(default_factory=dict)  # slug -> "Psychological safety"
    problems: tuple[Problem, ...] = field(default=())

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


def load_catalog(
    pages: Iterable[tuple[str, bytes]],
    tags_raw: bytes | None,
    docs_label: str = "docs",
    today: date | None = None,
) -> Catalog:
    """Validate pages given as (docs-relative path, raw bytes); raise ContentError on any problem.

    `today` (default: freshness.today(), which reads HANDBOOK_TODAY) is the latest valid `reviewed` date.
    """
    problems: list[Problem] = []
    tags, tag_labels = _load_tags(tags_raw, f"{docs_label}/{TAGS_FILE}", problems)

    parsed: dict[str, tuple[str, Page, frontmatter.Parsed]] = {}
    for src_uri, raw in sorted(pages):
        typed = model_for(src_uri)
        path = f"{docs_label}/{src_uri}"
        if typed is None:
            folders = ", ".join(f"{folder}/" for folder in TYPES)
            problems.append(Problem(path, 1, "file", f"pages live in {docs_label}/ itself or directly in one of {folders}: move the file"))
            continue
        kind, model = typed
        if not SLUG.match(posixpath.splitext(posixpath.basename(src_uri))[0]) and src_uri != "index.md":
            problems.append(Problem(path, 1, "file name", "must be a lowercase-hyphenated id such as 'daily-stand-up.md'"))
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
            meta = model.model_validate(doc.data)
        except ValidationError as error:
            problems += _schema_problems(error, model, doc, path)
            continue
        parsed[src_uri] = (kind, meta, doc)

    entries = {
        src_uri: Entry(src_uri, kind, meta, doc.body, _links(src_uri, doc.body, parsed), doc.key_lines, doc.body_line)
        for src_uri, (kind, meta, doc) in parsed.items()
    }
    catalog = Catalog(entries=entries, tags=tags, docs_label=docs_label, tag_labels=tag_labels)
    present = [uri for uri, _ in pages]
    problems += _cross_problems(catalog, {uri: doc for uri, (_, _, doc) in parsed.items()}, present)
    problems += _review_problems(catalog, today or default_today())
    if problems:
        raise ContentError(problems)
    return catalog


def read_folder(docs: Path) -> tuple[list[tuple[str, bytes]], bytes | None]:
    """The raw pages and tag list of a docs folder on disk."""
    pages = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in sorted(docs.rglob("*.md"))]
    tags = docs / TAGS_FILE
    return pages, tags.read_bytes() if tags.is_file() else None


def load_folder(docs: Path, docs_label: str = "docs", today: date | None = None) -> Catalog:
    """The catalog of a docs folder on disk, for tools that run outside MkDocs."""
    pages, tags = read_folder(docs)
    return load_catalog(pages, tags, docs_label=docs_label, today=today)


# --- the tag list -----------------------------------------------------------


def tag_label(slug: str) -> str:
    """The label a slug gets when tags.yml gives none: "psychological-safety" -> "Psychological safety"."""
    return slug.replace("-", " ").capitalize()


def _load_tags(raw: bytes | None, path: str, problems: list[Problem]) -> tuple[dict[str, str], dict[str, str]]:
    """slug -> description and slug -> label, from 'slug: description' or 'slug: {label: ..., description: ...}' lines."""
    if raw is None:
        problems.append(Problem(path, 1, "tags", "the controlled tag list is missing: create it as 'slug: one-line description' lines"))
        return {}, {}
    try:
        node, data = frontmatter.compose(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        problems.append(Problem(path, 1, "tags", f"byte {error.start} is not UTF-8: save the file as UTF-8"))
        return {}, {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        problems.append(Problem(path, mark.line + 1 if mark else 1, "tags", f"YAML does not parse: {problem}"))
        return {}, {}
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
        elif not isinstance(description, str) or not description.strip():
            problems.append(Problem(path, line, slug, "needs a one-line description"))
        elif label is not None and (not isinstance(label, str) or not label.strip()):
            problems.append(Problem(path, line, f"{slug}.label", "must be a short text such as 'Psychological safety'"))
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


def _accountable_problem(meta: WithRoles, doc: frontmatter.Parsed, path: str) -> Problem | None:
    owners = [role for role, level in meta.roles.items() if level == "accountable"]
    if len(owners) == 1:
        return None
    if not owners:
        return Problem(path, doc.line_of(("roles",)), "roles",
                       f"no role is accountable: mark exactly one role 'accountable' (the one who owns the outcome); levels are {_RACI}")
    return Problem(path, doc.line_of(("roles", owners[1])), "roles",
                   f"{len(owners)} roles are accountable ({', '.join(owners)}): exactly one may be; make the others responsible or consulted")


# --- pages against each other ------------------------------------------------


def _ids(present: Iterable[str], folder: str) -> set[str]:
    return {uri[len(folder) + 1 : -len(".md")] for uri in present if uri.startswith(f"{folder}/") and uri.count("/") == 1}


def _cross_problems(catalog: Catalog, docs: dict[str, frontmatter.Parsed], present: list[str]) -> list[Problem]:
    # Ids come from the files present, so one invalid page does not make every reference to it fail too.
    problems: list[Problem] = []
    roles = _ids(present, "roles")
    sources = _ids(present, "sources")
    titles: dict[str, str] = {}
    urls = {entry.url: uri for uri, entry in catalog.entries.items()}
    aliases: dict[str, str] = {}
    pages = {uri[: -len(".md")] for uri in present}

    def check(uri: str, loc: tuple[str | int, ...], value: str, known: Iterable[str], what: str, where: str) -> None:
        if value not in known:
            close = difflib.get_close_matches(value, list(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(f"{catalog.docs_label}/{uri}", docs[uri].line_of(loc), loc[0] if isinstance(loc[0], str) else what,
                                    f"unknown {what} '{value}'{hint}: {where}"))

    for uri, entry in catalog.entries.items():
        meta, path = entry.meta, f"{catalog.docs_label}/{uri}"
        folded = meta.title.casefold()
        if folded in titles:
            problems.append(Problem(path, docs[uri].line_of(("title",)), "title", f"'{meta.title}' is already the title of {catalog.docs_label}/{titles[folded]}"))
        else:
            titles[folded] = uri
        for index, tag in enumerate(getattr(meta, "tags", [])):
            check(uri, ("tags", index), tag, catalog.tags, "tag", f"tags are listed in {catalog.docs_label}/{TAGS_FILE}")
        for index, source in enumerate(getattr(meta, "sources", []) if entry.type != "source" else []):
            check(uri, ("sources", index), source, sources, "source", "source ids are the file names in docs/sources/")
        if isinstance(meta, WithRoles):
            for role in meta.roles:
                check(uri, ("roles", role), role, roles, "role", "role ids are the file names in docs/roles/")
            if (problem := _accountable_problem(meta, docs[uri], path)) is not None:
                problems.append(problem)
        if isinstance(meta, Ritual) and meta.day is not None and meta.cadence not in _DAY_CADENCES:
            problems.append(Problem(path, docs[uri].line_of(("day",)), "day",
                                    f"a ritual held {meta.cadence.replace('-', ' ')} has no usual weekday: remove the line"
                                    f" (a day goes with the cadences {', '.join(_DAY_CADENCES)})"))
        problems += anatomy_problems(entry.type, entry.body, docs[uri].body_line, path)
        problems += outside_asset_problems(entry.body, docs[uri].body_line, path)
        if isinstance(meta, (Story, Report)):
            for index, role in enumerate(getattr(meta, "parties", [])):
                check(uri, ("parties", index), role, roles, "role", "role ids are the file names in docs/roles/")
            for index, role in enumerate(meta.involved):
                check(uri, ("involved", index), role, roles, "role", "role ids are the file names in docs/roles/")
        check(uri, ("owner",), meta.owner, roles, "role", "the owner is a role id, a file name in docs/roles/")
        for index, role in enumerate(getattr(meta, "concerns", [])):
            check(uri, ("concerns", index), role, roles, "role", "role ids are the file names in docs/roles/")
        for index, alias in enumerate(getattr(meta, "aliases", [])):
            if alias in urls or alias in aliases:
                other = urls.get(alias) or aliases[alias]
                problems.append(Problem(path, docs[uri].line_of(("aliases", index)), "aliases", f"'{alias}' is already used by {catalog.docs_label}/{other}"))
            aliases[alias] = uri
        if isinstance(meta, Glossary):
            problems += _glossary_problems(catalog, uri, meta, docs[uri], sources, present)
        problems += _play_problems(entry, docs[uri], path, check, roles, pages)
        if isinstance(meta, Role):
            problems += _onboarding_problems(catalog, uri, meta, docs[uri], present)
    return problems


def _page_hint(ref: str, present: list[str]) -> str:
    close = difflib.get_close_matches(ref, [uri[: -len(".md")] for uri in present if uri.endswith(".md")], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _onboarding_problems(catalog: Catalog, uri: str, meta: Role, doc: frontmatter.Parsed, present: list[str]) -> list[Problem]:
    """The first-week path and the 90-day checklist of a role page."""
    problems: list[Problem] = []
    path = f"{catalog.docs_label}/{uri}"
    seen: set[str] = set()
    for index, ref in enumerate(meta.first_week):
        line = doc.line_of(("first_week", index))
        if f"{ref}.md" not in present:
            problems.append(Problem(path, line, "first_week", f"unknown page '{ref}'{_page_hint(ref, present)}: use folder/id of a page in {catalog.docs_label}/, e.g. practices/baseline-first"))
        elif f"{ref}.md" == uri:
            problems.append(Problem(path, line, "first_week", f"'{ref}' is this role page: the path lists the pages to read after it"))
        elif ref in seen:
            problems.append(Problem(path, line, "first_week", f"'{ref}' is listed twice: keep one"))
        seen.add(ref)
    minutes = sum(entry.minutes for ref in dict.fromkeys(meta.first_week) if (entry := catalog.get(f"{ref}.md")) is not None)
    if minutes > FIRST_WEEK_MAX_MINUTES:
        problems.append(Problem(path, doc.line_of(("first_week",)), "first_week",
                                f"about {minutes} minutes of reading; the first week holds at most {FIRST_WEEK_MAX_MINUTES}: drop a page or choose shorter ones"))
    if meta.checklist:
        line = doc.line_of(("checklist",))
        missing = [phase for phase in CHECKLIST_PHASES if phase not in meta.checklist]
        if missing:
            problems.append(Problem(path, line, "checklist", f"no actions for {', '.join(missing)}: give each of {', '.join(CHECKLIST_PHASES)} at least one"))
        count = sum(len(items) for items in meta.checklist.values())
        if count < CHECKLIST_MIN_ITEMS:
            problems.append(Problem(path, line, "checklist", f"{count} actions; give at least {CHECKLIST_MIN_ITEMS} across {', '.join(CHECKLIST_PHASES)}"))
        actions: set[str] = set()
        for phase, items in meta.checklist.items():
            for index, item in enumerate(items):
                if item.do.casefold() in actions:
                    problems.append(Problem(path, doc.line_of(("checklist", phase, index)), f"checklist.{phase}.{index}", "this action is already in the checklist: keep one"))
                actions.add(item.do.casefold())
                if item.see is not None and f"{item.see}.md" not in present:
                    problems.append(Problem(path, doc.line_of(("checklist", phase, index, "see")), f"checklist.{phase}.{index}.see",
                                            f"unknown page '{item.see}'{_page_hint(item.see, present)}: use folder/id, e.g. rituals/daily-stand-up"))
    return problems


# --- the body against its type's anatomy ---------------------------------------


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(0-based index, line) of every line of a Markdown body outside fenced code, fence lines left out.

    A fence closes on a line of the same character, at least as long, with
    nothing after it (CommonMark), so a ```` block can show ``` lines.
    """
    fence = ""
    for index, line in enumerate(body.split("\n")):
        if match := _FENCE.match(line):
            marker = match.group("fence")
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip().strip(marker[0]).strip():
                fence = ""
            continue
        if not fence:
            yield index, line


def headings(body: str, first_line: int = 1) -> list[tuple[str, int]]:
    """The body's `##` headings with their file lines, skipping fenced code."""
    return [(match.group("text").strip(), first_line + index) for index, line in prose_lines(body) if (match := _H2.match(line))]


# An image, script, frame or stylesheet the browser would fetch from another host:
# Markdown images and the raw HTML tags that load something.
_OUTSIDE_ASSET = re.compile(
    r"!\[[^\]]*\]\(\s*<?(?P<image>(?:https?:)?//[^)\s>]+)"
    r"|<(?:img|script|iframe|source|video|audio|embed)\b[^>]*?\ssrc\s*=\s*[\"']?(?P<src>(?:https?:)?//[^\"'\s>]+)"
    r"|<link\b[^>]*?\shref\s*=\s*[\"']?(?P<href>(?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)


def outside_asset_problems(body: str, body_line: int, path: str) -> list[Problem]:
    """The site must load with no request leaving the reader's machine (and build with no network)."""
    # Code shows markup, it does not load it.
    return [
        Problem(path, body_line + index, "body",
                f"'{match.group('image') or match.group('src') or match.group('href')}' would be fetched from another host:"
                " save the file under docs/ and link it relatively")
        for index, line in prose_lines(body)
        for match in _OUTSIDE_ASSET.finditer(line)
    ]


def anatomy_problems(kind: str, body: str, body_line: int, path: str) -> list[Problem]:
    """A page of an enforced type has exactly its anatomy's `##` headings, in order; deeper headings are free."""
    anatomy = ANATOMIES.get(kind)
    if anatomy is None or not anatomy.enforced or not body.strip():
        return []
    expected = list(anatomy.headings)
    listing = f"{kind} pages have these '##' headings, in this order: {', '.join(expected)}"
    found = headings(body, body_line)
    problems = []
    seen: set[str] = set()
    for text, line in found:
        if text not in expected:
            close = difflib.get_close_matches(text, [e for e in expected if e not in {t for t, _ in found}], n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(path, line, "body", f"unexpected heading '## {text}'{hint}: {listing}"))
        elif text in seen:
            problems.append(Problem(path, line, "body", f"heading '## {text}' appears twice: {listing}"))
        seen.add(text)
    present = [(text, line) for text, line in found if text in expected]
    end_line = body_line + body.count("\n")
    for index, heading in enumerate(expected):
        if heading not in seen:
            # Report it where it belongs: at the next expected heading the page has, or at the end.
            later = [line for text, line in present if expected.index(text) > index]
            problems.append(Problem(path, min(later) if later else end_line, "body", f"missing heading '## {heading}': {listing}"))
    order = [text for text, _ in present]
    ranked = sorted(dict.fromkeys(order), key=expected.index)
    if not problems and order != ranked:
        text, line = next((t, ln) for (t, ln), want in zip(present, ranked) if t != want)
        problems.append(Problem(path, line, "body", f"heading '## {text}' is out of order: {listing}"))
    return problems


def _play_problems(entry: Entry, doc: frontmatter.Parsed, path: str, check: Callable[..., None], roles: set[str], pages: set[str]) -> list[Problem]:
    """Cross-field rules of templates, exercises and decision guides."""
    meta, uri = entry.meta, entry.src_uri
    where = "use folder/id of an existing page, e.g. practices/team-charter"
    if isinstance(meta, Template):
        for index, ref in enumerate(meta.used_in):
            check(uri, ("used_in", index), ref, pages, "page", where)
        problem = block_problem(entry.body, doc.body_line, path)
        return [problem] if problem else []
    if isinstance(meta, Exercise):
        for index, part in enumerate(meta.parts):
            if part.role is not None:
                check(uri, ("parts", index, "role"), part.role, roles, "role", "role ids are the file names in docs/roles/")
        return timing_problems(meta, doc.line_of, path)
    if isinstance(meta, DecisionGuide):
        for index, answer in enumerate(meta.answers):
            for number, ref in enumerate(answer.see):
                check(uri, ("answers", index, "see", number), ref, pages, "page", where)
        return guide_problems(meta, doc.line_of, path)
    return []
def _review_problems(catalog: Catalog, today: date) -> list[Problem]:
    return [
        Problem(f"{catalog.docs_label}/{uri}", entry.line_of("reviewed"), "reviewed",
                f"{entry.meta.reviewed.isoformat()} is in the future: give the day of the last review, today ({today.isoformat()}) at the latest")
        for uri, entry in catalog.entries.items()
        if entry.meta.reviewed > today
    ]


def _glossary_problems(
    catalog: Catalog, uri: str, meta: Glossary, doc: frontmatter.Parsed, sources: set[str], present: list[str]
) -> list[Problem]:
    problems = []
    path = f"{catalog.docs_label}/{uri}"
    seen: dict[str, int] = {}
    for index, term in enumerate(meta.terms):
        for name in (term.term, *term.aka):
            key = name.casefold()
            if key in seen:
                problems.append(Problem(path, doc.line_of(("terms", index)), f"terms.{index}", f"'{name}' is already defined by term {seen[key]}"))
            seen.setdefault(key, index)
        if term.see and f"{term.see}.md" not in present:
            problems.append(Problem(path, doc.line_of(("terms", index, "see")), f"terms.{index}.see", f"no page '{term.see}': use folder/id, e.g. practices/baseline-first"))
        for source in term.sources:
            if source not in sources:
                problems.append(Problem(path, doc.line_of(("terms", index, "sources")), f"terms.{index}.sources", f"unknown source '{source}'"))
    return problems


def _links(src_uri: str, body: str, known: Mapping[str, object]) -> tuple[str, ...]:
    folder = posixpath.dirname(src_uri)
    found: dict[str, None] = {}
    for match in MARKDOWN_LINK.finditer(body):
        target = posixpath.normpath(posixpath.join(folder, match.group("target")))
        if target in known and target != src_uri:
            found[target] = None
    return tuple(found)

