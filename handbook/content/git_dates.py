"""The day each page was last changed, from one `git log` over the docs folder.

One subprocess for the whole site, newest commit first, so each file's first
appearance is its last change. Outside a git checkout, or without git, there
are no dates and pages simply show none.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path, PurePosixPath


def last_updated(docs: Path) -> dict[str, date]:
    """docs-relative path ("rituals/retro.md") -> the committer date of the last commit that changed it."""
    try:
        top = subprocess.run(["git", "-C", str(docs), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True, timeout=30)
        root = Path(top.stdout.strip()).resolve()
        prefix = PurePosixPath(docs.resolve().relative_to(root).as_posix())
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", prefix.as_posix()],
            capture_output=True, text=True, check=True, timeout=60,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return {}
    found: dict[str, date] = {}
    for commit in log.stdout.split("\0")[1:]:
        day, *paths = commit.strip().split("\n")
        for path in paths:
            if path and (relative := PurePosixPath(path).relative_to(prefix).as_posix()) not in found:
                found[relative] = date.fromisoformat(day)
    return found
