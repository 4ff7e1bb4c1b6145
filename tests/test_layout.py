"""The package is laid out by build stage: each module imports only from its own or an earlier stage."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.tools.schema import exported

STAGES = ("content", "rules", "pages", "views", "output", "tools")
PACKAGE = ROOT / "handbook"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.stat().st_size)
MAX_LINES = 310


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[0] == "handbook" and parts[1] in STAGES else None


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names if node.module == "handbook" or node.module.count(".") == 1]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_imports_from_a_later_stage(path):
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    own = _stage(module)
    if own is None:
        return
    later = [name for name in _imports(path) if (stage := _stage(name)) is not None and stage > own]
    assert later == [], f"{module} ({STAGES[own]}) imports from a later stage"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_is_long(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_the_package_imports_no_build_engine():
    engines = ("mkdocs", "properdocs", "material", "zensical")
    found = {p.relative_to(ROOT).as_posix(): n for p in MODULES for n in _imports(p) if n.split(".")[0] in engines}
    assert found == {}


def test_every_schema_property_has_a_description():
    def missing(node, where):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    yield f"{where}.{name}"
            for key, value in node.items():
                yield from missing(value, f"{where}.{key}" if key != "properties" else where)
        elif isinstance(node, list):
            for item in node:
                yield from missing(item, where)

    schemas = exported()
    assert "team.json" in schemas  # the team file's schema too, for editors of team.yml
    assert [m for name, text in schemas.items() for m in missing(json.loads(text), name)] == []


def test_the_stage_check_catches_an_import_against_the_flow(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from handbook.views.sections import Sections\nfrom handbook.content import model\n")
    assert [n for n in _imports(bad) if (_stage(n) or 0) > _stage("handbook.content.catalog")] == ["handbook.views.sections"]
