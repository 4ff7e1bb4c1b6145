"""A hatchling build hook: the reference handbook into the wheel, at handbook/_upstream/.

The pages, overrides, schemas, hosting files, base mkdocs.yml, CHANGELOG and
licences go in beside the code, where an installed copy finds them
(handbook.content.upstream). An installed copy has no git history, so each
page's last-changed day ("Last updated") travels with it too, read here once
from git (dates.json; empty when built from an archive without git).

An editable install runs from the checkout, which has all of these: it gets none.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Checkout path -> path in the wheel.
UPSTREAM = {
    name: f"handbook/_upstream/{name}"
    for name in ("docs", "hooks", "overrides", "schema", "deploy", "mkdocs.yml", "published-urls.txt", "CHANGELOG.md", "LICENSE", "LICENSE-CONTENT",
                 "examples/team.yml")
}


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        for source, target in UPSTREAM.items():
            build_data["force_include"][str(root / source)] = target
        sys.path.insert(0, str(root))
        try:
            from handbook.content.git_dates import last_updated
        finally:
            sys.path.pop(0)
        dates = {path: day.isoformat() for path, day in sorted(last_updated(root / "docs").items())}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
            json.dump(dates, handle, indent=0, sort_keys=True)
        build_data["force_include"][handle.name] = "handbook/_upstream/dates.json"
