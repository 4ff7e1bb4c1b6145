"""The handbook's own pages, and its version: inside the installed package, or in the checkout the package runs from.

A wheel carries the reference handbook under handbook/_upstream/ (the pages,
the overrides, the schemas, the base mkdocs.yml, the CHANGELOG, the licences
and each page's last-changed day, which git no longer knows once installed).
Run from a checkout (this repository, or an editable install), the same files
are the checkout's own.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
DISTRIBUTION = "ai-team-handbook"
CONFIG = "mkdocs.yml"
DATES = "dates.json"


def upstream() -> Path:
    """The folder that holds the reference handbook's mkdocs.yml, docs/, overrides/ and schema/."""
    packaged = PACKAGE / "_upstream"
    return packaged if (packaged / CONFIG).is_file() else PACKAGE.parent


def installed() -> bool:
    """Run from an installed wheel, not from a checkout."""
    return (PACKAGE / "_upstream" / CONFIG).is_file()


@cache
def version() -> str:
    """The handbook's version: the installed distribution's, else the checkout's pyproject.toml."""
    if installed():
        try:
            return metadata.version(DISTRIBUTION)
        except metadata.PackageNotFoundError:
            pass
    pyproject = PACKAGE.parent / "pyproject.toml"
    found = re.search(r'^version = "([^"]+)"', pyproject.read_text(encoding="utf-8"), re.M) if pyproject.is_file() else None
    return found.group(1) if found else "0"


def packaged_dates() -> dict[str, date] | None:
    """Each reference page's last-changed day as the wheel recorded it, or None when run from a checkout (git knows)."""
    path = PACKAGE / "_upstream" / DATES
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(uri): date.fromisoformat(str(day)) for uri, day in data.items()}
    except (ValueError, AttributeError):
        return {}
