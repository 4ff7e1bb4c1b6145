"""docs/.nav.yml: the pages directly in docs/ are in the navigation only where it lists them."""

from __future__ import annotations

from pathlib import Path

from handbook.content.catalog import NAV_FILE

__all__ = ["NAV_FILE", "NAV_PART", "add_to_nav"]
NAV_PART = "Getting started"


def add_to_nav(nav: Path, src_uri: str) -> bool:
    """List a page at the end of the first part of .nav.yml; False when there is no such part to add it to."""
    if not nav.is_file():
        return False
    lines = nav.read_text(encoding="utf-8").split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == f"- {NAV_PART}:")
    except StopIteration:
        return False
    indent = len(lines[start]) - len(lines[start].lstrip()) + 4
    end = start + 1
    while end < len(lines) and lines[end].startswith(" " * indent + "- "):
        end += 1
    lines.insert(end, " " * indent + f"- {src_uri}")
    nav.write_text("\n".join(lines), encoding="utf-8")
    return True
