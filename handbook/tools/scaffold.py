"""Scaffolds: a new page of any type, valid as written.

`python -m handbook new ritual "Weekly demo"` writes docs/rituals/weekly-demo.md
with the type's anatomy (its registry entry in content/types.py) as `##` headings and front
matter derived from the type's model: every required field, with a placeholder
value taken from the field's JSON Schema and, for ids, the first existing role,
source or tag. New page types and changed anatomies need no change here.

A type whose cross-field rules those generic placeholders cannot satisfy (an
exercise's steps add up to its length, a decision guide's choices lead to its
questions and answers, a template holds its ```markdown block) has an `example`
in its registry entry: the placeholder values of those fields and the text under those headings.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.content.catalog import read_folder
from handbook.content.fields import INVOLVEMENT_LEVELS
from handbook.content.model import Page
from handbook.content.problems import ContentError
from handbook.content.references import role_fields
from handbook.content.settings import Settings
from handbook.content.types import (
    Example,
    PageIn,
    folders,
    headings_for,
    names,
    page_type,
    page_types,
)
from handbook.content.urls import page_id, page_url
from handbook.pages.outputs import generated_pages
from handbook.rules import load_catalog
from handbook.tools.nav import NAV_FILE, add_to_nav


# Fields whose values are ids of other pages, by the folder the ids come from: the role fields
# come from the model (see content/model.py, `Ref`); any other field named after a folder refers to it.
def _references(model: type[Page]) -> dict[str, str]:
    return {**dict.fromkeys(role_fields(model), "roles"), "sources": "sources"}


GUIDE = (
    "<!-- Replace every placeholder above and write each section below in your own words. "
    "Link at least three other pages with relative .md links, cite figures by footnote, "
    "then run `make check`. -->"
)


class ScaffoldError(Exception):
    """A page that cannot be written: the message says why and what to do."""


def kinds() -> dict[str, tuple[str, type[Page]]]:
    """Page type -> (folder, model) for every type a contributor can create, in reading order."""
    return {t.name: (t.folder, t.model) for t in page_types() if t.scaffold}


@dataclass(frozen=True)
class Written:
    src_uri: str
    path: Path


def new_page(docs: Path, kind: str, title: str, today: date, docs_label: str = "docs") -> Written:
    """Write a new page of `kind` titled `title` into `docs`; raise ScaffoldError when it cannot be written."""
    known = kinds()
    if kind not in known:
        raise ScaffoldError(f"unknown page type '{kind}': known types are {', '.join(known)}")
    folder, model = known[kind]
    stem = page_id(title)
    if not stem:
        raise ScaffoldError(f"'{title}' gives no id: use a title with letters or digits, such as 'Weekly demo'")
    src_uri = posixpath.join(folder, f"{stem}.md")
    label = f"{docs_label}/{src_uri}"
    if (docs / src_uri).exists():
        raise ScaffoldError(f"{label} already exists: edit that page, or choose another title")

    pages, tags_raw = read_folder(docs)
    text = page_text(kind, model, title, known_ids(pages, tags_raw), today)
    try:
        catalog = load_catalog([*pages, (src_uri, text.encode("utf-8"))], tags_raw, docs_label=docs_label, today=today)
    except ContentError as error:
        # Problems of other pages are not this command's business; `make check` reports them.
        mine = [str(p) for p in error.problems if p.path == label or f" {label}" in p.message]
        if mine:
            raise ScaffoldError(f"{label} was not written:\n" + "\n".join(mine)) from None
        catalog = None
    if catalog is not None:
        url = page_url(src_uri)
        clash = next((uri for uri in generated_pages(catalog, Settings(today=today)) if page_url(uri) == url), None)
        if clash is not None:
            raise ScaffoldError(f"{label} would take the address {url}, where the build generates {docs_label}/{clash}: choose another title")
    path = docs / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if not folder:
        # A page directly in docs/ is in the navigation only where .nav.yml lists it (a folder's pages are listed by the folder).
        add_to_nav(docs / NAV_FILE, src_uri)
    return Written(src_uri, path)



def page_text(kind: str, model: type[Page], title: str, ids: dict[str, list[str]], today: date) -> str:
    """The whole page: front matter from the model, then the anatomy's headings."""
    schema = model.model_json_schema()
    example = page_type(kind).example if kind in names() else Example()
    references = _references(model)
    lines = ["---"]
    optional = []
    for name, field in schema["properties"].items():
        if name not in schema.get("required", []):
            optional.append(name)
            continue
        if name == "title":
            value: Any = title
        elif name == "summary":
            value = "Replace this with one sentence that says what the page is for."
        elif name in example.fields:
            value = _existing(example.fields[name], ids)
        else:
            value = _value(name, field, schema, ids, today, references)
        lines += _yaml_lines(name, value, _hint(field, schema))
    if optional:
        lines.append(f"# optional fields: {', '.join(optional)}")
    lines.append("---")
    body = [GUIDE, ""]
    for heading in headings_for(kind):
        body += [f"## {heading}", ""]
        if heading in example.sections:
            body += [example.sections[heading], ""]
    if not headings_for(kind):
        body += ["Write the page here.", ""]
    return "\n".join(lines) + "\n\n" + "\n".join(body)


def known_ids(pages: list[tuple[str, bytes]], tags_raw: bytes | None) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {folder: [] for folder in folders()}
    for src_uri, _ in pages:
        folder, _, name = src_uri.rpartition("/")
        if folder in ids and name.endswith(".md"):
            ids[folder].append(name[: -len(".md")])
    try:
        tags = yaml.safe_load(tags_raw or b"") or {}
    except yaml.YAMLError:
        tags = {}
    ids["tags"] = [str(slug) for slug in tags] if isinstance(tags, dict) else []
    return {folder: sorted(found) for folder, found in ids.items()}


def _existing(value: Any, ids: dict[str, list[str]]) -> Any:
    """`value` with each PageIn replaced by an existing page: the first of its folder, else of any folder."""
    if isinstance(value, PageIn):
        candidates = [value.folder, *(folder for folder in folders() if folder != value.folder)]
        folder = next((f for f in candidates if ids.get(f)), value.folder)
        return f"{folder}/{ids[folder][0]}" if ids.get(folder) else f"{folder}/replace-me"
    if isinstance(value, dict):
        return {key: _existing(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_existing(item, ids) for item in value]
    return value


def _ids_for(name: str, ids: dict[str, list[str]], references: dict[str, str]) -> list[str]:
    folder = references.get(name) or next((f for f in (name, f"{name}s") if f in ids), None)
    return ids.get(folder, []) if folder else []


def _resolve(field: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = field.get("$ref")
    if ref:
        return schema["$defs"][ref.rsplit("/", 1)[-1]]
    return field


def _value(name: str, field: dict[str, Any], schema: dict[str, Any], ids: dict[str, list[str]], today: date, references: dict[str, str]) -> Any:
    field = _resolve(field, schema)
    if "anyOf" in field:
        if {"type": "null"} in field["anyOf"]:
            return None
        return _value(name, field["anyOf"][0], schema, ids, today, references)
    if "enum" in field:
        if set(field["enum"]) == set(INVOLVEMENT_LEVELS):
            return INVOLVEMENT_LEVELS[0]
        return field["enum"][0]
    kind = field.get("type")
    if kind == "string":
        if field.get("format") == "date":
            return today
        known = _ids_for(name, ids, references)
        if known and "pattern" in field:
            return known[0]
        low, high = field.get("minLength", 0), field.get("maxLength", 1000)
        candidates = (f"Replace with the {name.replace('_', ' ')}.", "Replace", "TODO")
        return next((text for text in candidates if low <= len(text) <= high), "X" * max(low, 1))
    if kind == "integer":
        return field.get("minimum", 1)
    if kind == "boolean":
        return False
    if kind == "array":
        count = max(field.get("minItems", 1), 1)
        item = _resolve(field.get("items", {}), schema)
        known = _ids_for(name, ids, references)
        if known and item.get("type") == "string":
            return known[:count]
        return [_value(name, item, schema, ids, today, references) for _ in range(count)]
    if kind == "object" and "properties" in field:
        return {key: _value(key, sub, schema, ids, today, references) for key, sub in field["properties"].items() if key in field.get("required", [])}
    if kind == "object":
        values = next(iter(field.get("patternProperties", {}).values()), field.get("additionalProperties", {}))
        keys = _ids_for(name, ids, references)[:1] or ["replace-me"]
        return {key: _value(name, values, schema, ids, today, references) for key in keys}
    return None


def _hint(field: dict[str, Any], schema: dict[str, Any]) -> str:
    field = _resolve(field, schema)
    options = field.get("enum") or next((v["enum"] for v in field.get("patternProperties", {}).values() if "enum" in v), None)
    if options:
        return "one of: " + ", ".join(options)
    options = field.get("anyOf", [])
    nullable = any(option.get("type") == "null" for option in options)
    number = next((o for o in (field, *options) if o.get("type") == "integer"), None)
    if number and "minimum" in number and "maximum" in number:
        return f"a whole number from {number['minimum']} to {number['maximum']}" + (", or null" if nullable else "")
    if nullable:
        return "or null"
    if field.get("type") == "string" and field.get("maxLength", 1000) < 20:
        return f"at most {field['maxLength']} characters"
    return ""


def _yaml_lines(name: str, value: Any, hint: str) -> list[str]:
    """One field in block style, as the real pages write it: a nested mapping or a list of mappings one item a line."""
    comment = f"  # {hint}" if hint else ""
    if (isinstance(value, dict) and value) or (isinstance(value, list) and not _flat(value)):
        return [f"{name}:{comment}", *_block(value, 1)]
    return [f"{name}: {_scalar(value)}{comment}"]


def _flat(value: Any) -> bool:
    """Whether `value` fits on one line: a scalar, or a list or mapping of scalars."""
    if isinstance(value, dict):
        return all(not isinstance(v, (dict, list)) for v in value.values())
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return True


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_scalar(item)}" for key, item in value.items()) + "}"
    return _scalar(value)


def _block(value: dict[str, Any] | list[Any], depth: int) -> list[str]:
    pad = "  " * depth
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            lines += [f"{pad}{key}: {_flow(item)}"] if _flat(item) else [f"{pad}{key}:", *_block(item, depth + 1)]
        return lines
    for item in value:
        if _flat(item):
            lines.append(f"{pad}- {_flow(item)}")
        else:
            # A mapping with nested values: its first key on the item's line, the rest aligned under it.
            first, *rest = _block(item, depth + 1)
            lines += [f"{pad}- {first.lstrip()}", *rest]
    return lines


def _scalar(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, str) and _reads_back(value):
        return value
    # JSON is valid YAML and quotes whatever needs it.
    return json.dumps(value, default=str, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    """Whether `text` can stand unquoted, in a mapping and in a flow list, and still read as itself."""
    if not text or any(c in text for c in ",[]{}#&*!|>'\"%@`") or text != text.strip():
        return False
    try:
        return yaml.safe_load(f"key: {text}") == {"key": text}
    except yaml.YAMLError:
        return False

