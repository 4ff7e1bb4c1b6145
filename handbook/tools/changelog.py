"""CHANGELOG.md: the handbook's versions and, for each, the pages added, changed, moved and removed.

Two uses:

- `handbook update` prints the entries between the version a team had and the
  one it moves to (`entries`), read from the new version's own CHANGELOG;
- `python -m handbook changelog --since REF` drafts the "Pages" part of the
  next entry from git (`pages_since`): a maintainer edits it into CHANGELOG.md.

An entry starts with a level-two heading that begins with the version:
`## 2.1.0 (2027-01-18)`.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from packaging.version import InvalidVersion, Version

HEADING = re.compile(r"^## +v?(?P<version>\d+(?:\.\d+)*\S*)", re.M)


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def entries(changelog: str, after: str, upto: str) -> list[tuple[str, str]]:
    """The (version, entry text) of each version newer than `after` and not newer than `upto`, newest first."""
    low, high = _version(after), _version(upto)
    starts = list(HEADING.finditer(changelog))
    found = []
    for index, start in enumerate(starts):
        version = _version(start.group("version"))
        end = starts[index + 1].start() if index + 1 < len(starts) else len(changelog)
        if version is not None and (low is None or version > low) and (high is None or version <= high):
            found.append((start.group("version"), changelog[start.start():end].strip()))
    return found


def pages_since(root: Path, ref: str) -> str:
    """The pages under docs/ added, changed, moved and removed since git `ref`, as the "Pages" list of an entry."""
    out = subprocess.run(["git", "-C", str(root), "diff", "--name-status", "-M", ref, "--", "docs"],
                         capture_output=True, text=True, check=True).stdout
    kinds: dict[str, list[str]] = {"Added": [], "Changed": [], "Moved": [], "Removed": []}
    for line in out.splitlines():
        status, *paths = line.split("\t")
        paths = [p.removeprefix("docs/") for p in paths]
        if not paths[-1].endswith(".md") and not paths[0].endswith(".md"):
            continue
        if status.startswith("R"):
            kinds["Moved"].append(f"`{paths[0]}` to `{paths[1]}`")
        else:
            kinds[{"A": "Added", "D": "Removed"}.get(status[0], "Changed")].append(f"`{paths[0]}`")
    return "\n".join(f"- {kind}: {', '.join(sorted(paths))}" for kind, paths in kinds.items() if paths) or "- No page changed."
