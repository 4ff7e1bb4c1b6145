"""The navigation override (overrides/partials/nav-item.html): Material's own template with one saving, rendering the same HTML."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup
from properdocs.commands.build import build
from properdocs.config import load_config

from conftest import ROOT

OURS = ROOT / "overrides" / "partials" / "nav-item.html"
THEIRS = Path(material.__file__).parent / "templates" / "partials" / "nav-item.html"
# The block that looks for a section's index page: moved below the prune decision, and skipped for pruned sections.
_INDEX_BLOCK = re.compile(r"\n *\{#- Handbook:.*?-#\}|\n    \{% set _ = namespace\(index = none\) %\}.*?\{% set index = _\.index %\}", re.DOTALL)


def _without_the_change(text: str) -> str:
    text = re.sub(r"\A\{#-.*?-#\}", "", text, count=1, flags=re.DOTALL)
    return _INDEX_BLOCK.sub("", text)


def test_the_override_is_materials_template_but_for_the_marked_change():
    # After a Material upgrade this fails until the override is copied again from the new template.
    assert _without_the_change(OURS.read_text(encoding="utf-8")) == _without_the_change(THEIRS.read_text(encoding="utf-8"))
    assert "and not is_pruned" in OURS.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_navigation_is_the_same_as_with_materials_template(real_site, tmp_path):
    # The real handbook once more, with every override but this one.
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides, ignore=shutil.ignore_patterns("nav-item.html"))
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - hooks/", f"  - {ROOT / 'hooks'}/").replace("custom_dir: overrides", f"custom_dir: {overrides}")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    logging.getLogger("properdocs").setLevel(logging.ERROR)
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))

    def navigation(site: Path, page: Path) -> str:
        return str(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary"))

    pages = sorted(real_site.site.rglob("index.html"))
    assert len(pages) > 100
    differ = [str(p.relative_to(real_site.site)) for p in pages
              if navigation(real_site.site, p) != navigation(tmp_path / "site", tmp_path / "site" / p.relative_to(real_site.site))]
    assert differ == []
    # Pruned sections exist on the practices' pages, so the change is exercised.
    assert real_site.html("practices/baseline-first/").select("li.md-nav__item--pruned")
