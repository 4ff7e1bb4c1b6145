"""Benchmark: the handbook's whole build against the engine alone on the same pages.

The handbook builds in two steps: `assemble` writes the site source (only what
changed since the last build), then ProperDocs with Material builds it with no
hook. "Stock" is that second step alone: Material building the very same pages.
The ratio is what the handbook's own work costs on a whole build from nothing
(only the cards cached); the line before it, on a rebuild after one page's text
changed (the assembled source of the previous build in place), which is what
`make build` and `make serve` do day to day. A last figure compares with stock Material on the
hand-written pages alone (docs/ with no generated page), as this benchmark
measured before the assembled pipeline.

Each is built `runs` times (default 3), interleaved so that a slow spell of the
machine weighs on all alike, and the median is printed with the range.
Goal: at most 1.1 times the engine alone.
usage: python -m bench.overhead [runs]
"""

from __future__ import annotations

import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import properdocs.replacement  # noqa: F401 - mkdocs.* (Material, plugins) is then properdocs.*
from properdocs.commands.build import build
from properdocs.config import load_config

from handbook.output.assemble import assemble, previous_manifest, write
from handbook.output.project import Project

ROOT = Path(__file__).resolve().parent.parent
# The hand-written pages as stock Material builds them: MkDocs leaves out a /templates/ folder by default, and the
# handbook's template pages live there.
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


def assemble_time(out: Path, *, fresh: bool = False) -> float:
    """Time to assemble into `out`: from nothing (`fresh`), or over the previous run's source."""
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    write(assemble(Project(ROOT / "mkdocs.yml"), previous=previous_manifest(out)), out)
    return time.perf_counter() - started


def _figure(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (range {min(values):.2f}-{max(values):.2f})"


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    logging.getLogger("properdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "assembled"
        stock = Path(tmp) / "stock"
        shutil.copytree(ROOT / "docs", stock / "docs", ignore=shutil.ignore_patterns(".nav.yml", "tags.yml"))
        (stock / "mkdocs.yml").write_text(STOCK, encoding="utf-8")
        # Warm-up: draws any missing card, writes the first assembled source, loads the engine's modules.
        assemble_time(out)
        build_time(out / "mkdocs.yml", Path(tmp) / "warm")
        build_time(stock / "mkdocs.yml", Path(tmp) / "stock-site")
        ours, edited, engine, hand = [], [], [], []
        page = ROOT / "docs" / "practices" / "baseline-first.md"
        text = page.read_bytes()
        for run in range(runs):
            ours.append(assemble_time(out, fresh=True) + build_time(out / "mkdocs.yml", Path(tmp) / "ours"))
            engine.append(build_time(out / "mkdocs.yml", Path(tmp) / "engine"))
            hand.append(build_time(stock / "mkdocs.yml", Path(tmp) / "stock-site"))
            try:  # a rebuild after one page's text changed, as `make build` after an edit
                page.write_bytes(text + f"\nA sentence added for run {run}.\n".encode())
                edited.append(assemble_time(out) + build_time(out / "mkdocs.yml", Path(tmp) / "ours"))
            finally:
                page.write_bytes(text)
    ratio = statistics.median(ours) / statistics.median(engine)
    print(f"handbook build, assemble (from nothing) then build, cards cached: {_figure(ours)}")
    print(f"the same after one page's text changed (assembled over the last build): {_figure(edited)}"
          f" ({statistics.median(edited) / statistics.median(engine):.2f}x)")
    print(f"stock Material on the same pages, no hook: {_figure(engine)}")
    print(f"stock Material on the hand-written pages alone: {_figure(hand)} ({statistics.median(ours) / statistics.median(hand):.2f}x)")
    print(f"ratio: {ratio:.2f}x (goal: at most 1.1x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
