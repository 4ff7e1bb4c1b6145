"""The rules between pages, and the one loader the build, `make check` and the tools share.

`load_catalog` parses every page against its type's model (`handbook.content`)
and then checks the pages against each other; it returns the `Catalog` or
raises `ContentError` with every problem found, never the first one only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from handbook.content.catalog import Catalog, parse, read_folder, symlink_problems
from handbook.content.problems import ContentError, Problem
from handbook.content.settings import today as default_today
from handbook.rules.references import cross_problems


def review_problems(catalog: Catalog, today: date) -> list[Problem]:
    return [
        Problem(f"{catalog.docs_label}/{uri}", entry.line_of("reviewed"), "reviewed",
                f"{entry.meta.reviewed.isoformat()} is in the future: give the day of the last review, today ({today.isoformat()}) at the latest")
        for uri, entry in catalog.entries.items()
        if entry.meta.reviewed > today
    ]


def load_catalog(
    pages: Iterable[tuple[str, bytes]],
    tags_raw: bytes | None,
    docs_label: str = "docs",
    today: date | None = None,
) -> Catalog:
    """Validate pages given as (docs-relative path, raw bytes); raise ContentError on any problem.

    `today` (default: HANDBOOK_TODAY or the date) is the latest valid `reviewed` date.
    """
    parsed = parse(pages, tags_raw, docs_label)
    problems = [*parsed.problems, *cross_problems(parsed), *review_problems(parsed.catalog, today or default_today())]
    if problems:
        raise ContentError(problems)
    return parsed.catalog


def load_folder(docs: Path, docs_label: str = "docs", today: date | None = None) -> Catalog:
    """The catalog of a docs folder on disk, for tools that run outside the build."""
    if problems := symlink_problems(docs, docs_label):
        raise ContentError(problems)
    pages, tags = read_folder(docs)
    return load_catalog(pages, tags, docs_label=docs_label, today=today)
