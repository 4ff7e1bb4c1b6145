"""Benchmark: the real handbook against the same pages built by stock Material with no hooks.

Builds each three times, alternately, and prints the best time of each and their ratio.
The handbook's build has its social cards cached (one warm-up build first),
as a rebuild does. Goal: at most 1.5 times stock Material.
usage: python -m bench.overhead [runs]
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

import properdocs.replacement  # noqa: F401 - mkdocs.* (Material, plugins, hooks) is then properdocs.*
from properdocs.commands.build import build
from properdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
# The same pages as the handbook builds from docs/: MkDocs leaves out a /templates/
# folder by default, and the handbook's template pages live there.
STOCK = """\
site_name: Stock
docs_dir: docs
exclude_docs: |
  !/templates/
theme:
  name: material
  font: false
markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences]
plugins: [search]
"""


def build_time(config_file: Path, site: Path) -> float:
    config = load_config(str(config_file), site_dir=str(site))
    started = time.perf_counter()
    build(config)
    return time.perf_counter() - started


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    logging.getLogger("properdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        stock = Path(tmp) / "stock"
        shutil.copytree(ROOT / "docs", stock / "docs", ignore=shutil.ignore_patterns(".nav.yml", "tags.yml"))
        (stock / "mkdocs.yml").write_text(STOCK, encoding="utf-8")
        build_time(ROOT / "mkdocs.yml", Path(tmp) / "warm")  # draws any missing social cards
        build_time(stock / "mkdocs.yml", Path(tmp) / "stock-site")  # the same warm-up for stock
        # Interleaved, so that a slow spell of the machine weighs on both alike.
        ours, plain = float("inf"), float("inf")
        for _ in range(runs):
            ours = min(ours, build_time(ROOT / "mkdocs.yml", Path(tmp) / "ours"))
            plain = min(plain, build_time(stock / "mkdocs.yml", Path(tmp) / "stock-site"))
    print(f"handbook build (cards cached): {ours:.2f} s")
    print(f"stock Material, same pages, no hooks: {plain:.2f} s")
    print(f"ratio: {ours / plain:.2f}x (goal: at most 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
