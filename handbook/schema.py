"""JSON Schema of each page type's front matter, exported from the content model for editors.

`python -m handbook schema` writes schema/<type>.json. The files are committed,
and a test fails when they differ from a fresh export, so a model change
without a re-export does not go unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handbook.model import GENERAL, SPECIAL, TYPES, Page

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def page_types() -> dict[str, tuple[str, type[Page]]]:
    """Type -> (the files it covers, as a glob under docs/, model), for every page type."""
    found = {kind: (f"{folder}/*.md", model) for folder, (kind, model) in TYPES.items()}
    found.update({kind: (name, model) for name, (kind, model) in SPECIAL.items()})
    special = ", ".join(SPECIAL)
    found[GENERAL[0]] = (f"*.md (except {special})", GENERAL[1])
    return found


def schema_for(kind: str, files: str, model: type[Page]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {
        "$schema": DIALECT,
        "title": f"Front matter of a {kind} page",
        "description": f"docs/{files}. Generated from handbook/model.py by `python -m handbook schema`; do not edit.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def exported() -> dict[str, str]:
    """File name -> JSON text of every schema, exactly as written to the schema folder."""
    return {
        f"{kind}.json": json.dumps(schema_for(kind, files, model), indent=2, ensure_ascii=False) + "\n"
        for kind, (files, model) in page_types().items()
    }


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder`, removing schemas of page types that no longer exist."""
    folder.mkdir(parents=True, exist_ok=True)
    files = exported()
    for stale in folder.glob("*.json"):
        if stale.name not in files:
            stale.unlink()
    written = []
    for name, text in files.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
