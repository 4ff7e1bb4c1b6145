"""The content model, validation and generators import nothing from MkDocs or Material."""

from __future__ import annotations

import ast

from conftest import ROOT


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_handbook_package_does_not_import_mkdocs():
    offenders = {
        path.name: sorted(name for name in imported_modules(path) if name.split(".")[0] in ("mkdocs", "material"))
        for path in (ROOT / "handbook").glob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_hook_files_define_only_events():
    for path in (ROOT / "hooks").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
        assert functions and all(name.startswith("on_") for name in functions), path.name
