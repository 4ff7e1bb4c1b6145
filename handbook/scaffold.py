"""Scaffolds: a new page of any type, valid as written.

`python -m handbook new ritual "Weekly demo"` writes docs/rituals/weekly-demo.md
with the type's anatomy (`anatomy.headings_for`) as `##` headings and front
matter derived from the type's model: every required field, with a placeholder
value taken from the field's JSON Schema and, for ids, the first existing role,
source or tag. New page types and changed anatomies need no change here.
"""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.anatomy import headings_for
from handbook.catalog import load_catalog, read_folder
from handbook.freshness import Freshness
from handbook.generated import generated_pages
from handbook.model import GENERAL, INVOLVEMENT_LEVELS, TYPES, Page
from handbook.problems import ContentError

# Fields whose values are ids of other pages, by the folder the ids come from.
# Any other field named after a folder ("practices", or "practice") refers to that folder.
REFERENCES = {"owner": "roles", "roles": "roles", "parties": "roles", "involved": "roles", "concerns": "roles", "sources": "sources"}

GUIDE = (
    "<!-- Replace every placeholder above and write each section below in your own words. "
    "Link at least three other pages with relative .md links, cite figures by footnote, "
    "then run `make check`. -->"
)


class ScaffoldError(Exception):
    """A page that cannot be written: the message says why and what to do."""


def kinds() -> dict[str, tuple[str, type[Page]]]:
    """Page type -> (folder, model) for every type a contributor can create, in model order."""
    found = {kind: (folder, model) for folder, (kind, model) in TYPES.items()}
    found[GENERAL[0]] = ("", GENERAL[1])
    return found


def page_id(title: str) -> str:
    """ "Weekly demo: the why" -> "weekly-demo-the-why" (accents dropped, lowercase-hyphenated)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.casefold()).strip("-")


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
        url = _url(src_uri)
        clash = next((uri for uri in generated_pages(catalog, Freshness(today)) if _url(uri) == url), None)
        if clash is not None:
            raise ScaffoldError(f"{label} would take the address {url}, where the build generates {docs_label}/{clash}: choose another title")
    path = docs / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Written(src_uri, path)


def page_text(kind: str, model: type[Page], title: str, ids: dict[str, list[str]], today: date) -> str:
    """The whole page: front matter from the model, then the anatomy's headings."""
    schema = model.model_json_schema()
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
        else:
            value = _value(name, field, schema, ids, today)
        lines += _yaml_lines(name, value, _hint(field, schema))
    if optional:
        lines.append(f"# optional fields: {', '.join(optional)}")
    lines.append("---")
    headings = headings_for(kind)
    body = [GUIDE, ""] + ([line for heading in headings for line in (f"## {heading}", "")] if headings else ["Write the page here.", ""])
    return "\n".join(lines) + "\n\n" + "\n".join(body)


def known_ids(pages: list[tuple[str, bytes]], tags_raw: bytes | None) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {folder: [] for folder in TYPES}
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


def _ids_for(name: str, ids: dict[str, list[str]]) -> list[str]:
    folder = REFERENCES.get(name) or next((f for f in (name, f"{name}s") if f in ids), None)
    return ids.get(folder, []) if folder else []


def _resolve(field: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = field.get("$ref")
    if ref:
        return schema["$defs"][ref.rsplit("/", 1)[-1]]
    return field


def _value(name: str, field: dict[str, Any], schema: dict[str, Any], ids: dict[str, list[str]], today: date) -> Any:  # noqa: ANN401, C901
    field = _resolve(field, schema)
    if "anyOf" in field:
        if {"type": "null"} in field["anyOf"]:
            return None
        return _value(name, field["anyOf"][0], schema, ids, today)
    if "enum" in field:
        if set(field["enum"]) == set(INVOLVEMENT_LEVELS):
            return INVOLVEMENT_LEVELS[0]
        return field["enum"][0]
    kind = field.get("type")
    if kind == "string":
        if field.get("format") == "date":
            return today
        known = _ids_for(name, ids)
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
        known = _ids_for(name, ids)
        if known and item.get("type") == "string":
            return known[:count]
        return [_value(name, item, schema, ids, today) for _ in range(count)]
    if kind == "object" and "properties" in field:
        return {key: _value(key, sub, schema, ids, today) for key, sub in field["properties"].items() if key in field.get("required", [])}
    if kind == "object":
        values = next(iter(field.get("patternProperties", {}).values()), field.get("additionalProperties", {}))
        keys = _ids_for(name, ids)[:1] or ["replace-me"]
        return {key: _value(name, values, schema, ids, today) for key in keys}
    return None


def _hint(field: dict[str, Any], schema: dict[str, Any]) -> str:
    field = _resolve(field, schema)
    options = field.get("enum") or next((v["enum"] for v in field.get("patternProperties", {}).values() if "enum" in v), None)
    if options:
        return "one of: " + ", ".join(options)
    options = field.get("anyOf", [])
    if any(option.get("type") == "null" for option in options):
        number = next((o for o in options if o.get("type") == "integer"), None)
        if number and "minimum" in number and "maximum" in number:
            return f"a whole number from {number['minimum']} to {number['maximum']}, or null"
        return "or null"
    if field.get("type") == "string" and field.get("maxLength", 1000) < 20:
        return f"at most {field['maxLength']} characters"
    return ""


def _yaml_lines(name: str, value: Any, hint: str) -> list[str]:  # noqa: ANN401
    comment = f"  # {hint}" if hint else ""
    if isinstance(value, dict) and value and all(not isinstance(v, (dict, list)) for v in value.values()):
        return [f"{name}:{comment}"] + [f"  {key}: {_scalar(v)}" for key, v in value.items()]
    return [f"{name}: {_scalar(value)}{comment}"]


def _scalar(value: Any) -> str:  # noqa: ANN401
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


def _url(src_uri: str) -> str:
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return "/"
    return f"/{stem.removesuffix('/index')}/"

