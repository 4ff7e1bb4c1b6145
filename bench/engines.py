"""Benchmark: one assembled site source (OUT: mkdocs.yml and docs/) built by three engines, side by side.

The engines, each in its own virtual environment under .cache/engines/<name>/, made on first use with
python3 -m venv and pip, pinned by bench/engines/<name>.txt:

- ProperDocs 1.6 with Material 9.8, as constraints.txt pins them: the reference build;
- Zensical 0.0.73 (0.0.74 and later need `zensical-ui`, which the package registry does not have);
- Backstage TechDocs: `mkdocs build` with `mkdocs-techdocs-core` 1.7.1 and its own pins (Material 9.7.7),
  on mkdocs.yml as Backstage hands it over: `techdocs-core` added to `plugins` and `hooks` removed.

Per engine: pages built (the HTML pages that OUT/docs' pages should make), dead links (the project's link
check on the engine's output), missing sections (headings of the reference build's page that the
engine's page lacks, summed over pages, and on how many pages), warnings in the engine's log, and the
build time (the median of --runs clean builds, each in a fresh copy of OUT). An engine that cannot be
installed, or whose build fails, is one row that says so. Then the same as a Markdown table for the README.

OUT is `python -m handbook assemble .cache/assembled`, or the folder given with --out (or OUT=... to make).
usage: python -m bench.engines [--out DIR] [--runs N] [--engines properdocs,zensical,techdocs]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from pathspec.gitignore import GitIgnoreSpec

from handbook.output.linkcheck import check_site

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "engines"
PINS = Path(__file__).resolve().parent / "engines"
ASSEMBLED = ROOT / ".cache" / "assembled"
OUT_VARIABLE = "HANDBOOK_ENGINES_OUT"  # `make engines OUT=dir`, passed in the environment
BUILD_TIMEOUT = 900
INSTALL_TIMEOUT = 1200
# An engine's log without colours and without Material's notice about MkDocs 2.0.
QUIET = {"NO_COLOR": "1", "TERM": "dumb", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


# --- mkdocs.yml as plain YAML, whatever tags it holds ------------------------------------------------


@dataclass(frozen=True)
class Tagged:
    """A value with a YAML tag this harness does not interpret (`!!python/name:...`, `!relative`), kept as written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: _Loader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.MappingNode):
        value: Any = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: _Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


def _represent_text(dumper: _Dumper, data: str) -> yaml.Node:
    # Multi-line values (exclude_docs, not_in_nav) stay literal blocks, as people write them.
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent_tagged)
_Dumper.add_representer(str, _represent_text)


def read_config(text: str) -> dict[str, Any]:
    loaded = yaml.load(text, Loader=_Loader)
    return loaded if isinstance(loaded, dict) else {}


def write_config(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def techdocs_config(config: dict[str, Any]) -> dict[str, Any]:
    """mkdocs.yml as Backstage's TechDocs builds it: `techdocs-core` added to `plugins` when missing, `hooks` removed."""
    patched = {key: value for key, value in config.items() if key != "hooks"}
    plugins = list(patched.get("plugins") or [])
    names = [p if isinstance(p, str) else next(iter(p), None) if isinstance(p, dict) else None for p in plugins]
    if "techdocs-core" not in names:
        plugins.append("techdocs-core")
    patched["plugins"] = plugins
    return patched


# --- The engines --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Engine:
    name: str  # its folder under .cache/engines/ and its pins, bench/engines/<name>.txt
    label: str
    requirements: tuple[str, ...]
    # The build command in the copy of OUT, given the venv's bin folder and the site folder to write.
    command: Callable[[Path, Path], list[str]]
    # mkdocs.yml as this engine is handed it.
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    # Where the engine writes the site: given by the command, or the config's site_dir (Zensical has no --site-dir).
    site_from_config: bool = False


ENGINES = (
    Engine("properdocs", "ProperDocs 1.6.7 + Material 9.8.1", ("properdocs==1.6.7", "mkdocs-material==9.8.1", "pymdown-extensions==13.1"),
           lambda bin_, site: [str(bin_ / "properdocs"), "build", "--config-file", "mkdocs.yml", "--site-dir", str(site)]),
    Engine("zensical", "Zensical 0.0.73", ("zensical==0.0.73",),
           lambda bin_, site: [str(bin_ / "zensical"), "build", "--config-file", "mkdocs.yml", "--clean"], site_from_config=True),
    Engine("techdocs", "TechDocs: mkdocs-techdocs-core 1.7.1 (Material 9.7.7)", ("mkdocs-techdocs-core==1.7.1",),
           lambda bin_, site: [str(bin_ / "mkdocs"), "build", "--config-file", "mkdocs.yml", "--site-dir", str(site)], prepare=techdocs_config),
)
REFERENCE = "properdocs"


class EngineUnavailable(Exception):
    """The engine could not be installed or run; the message is one line saying why."""


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_WARNING = re.compile(r"^\s*(WARNING\b|Warning:)")
_ERROR = re.compile(r"^\s*(ERROR\b|Error:|error:)|^\w*(Error|Exception)\b:?|Aborted with")


def plain_lines(log: str) -> list[str]:
    return [_ANSI.sub("", line).rstrip() for line in log.splitlines()]


def warning_count(log: str) -> int:
    return sum(1 for line in plain_lines(log) if _WARNING.match(line))


def failure_reason(log: str) -> str:
    """One line for a failed command: its last error line (a traceback's last line), else its last line."""
    lines = [line.strip() for line in plain_lines(log) if line.strip()]
    errors = [line for line in lines if _ERROR.search(line) and not line.startswith("Aborted with")]
    reason = (errors or lines or ["no output"])[-1]
    return reason if len(reason) <= 200 else reason[:197] + "..."


def environment(engine: Engine, cache: Path = CACHE, pins: Path = PINS) -> Path:
    """The engine's bin folder, its virtual environment made and installed first when its pins changed."""
    venv = cache / engine.name / "venv"
    stamp = venv / ".installed-with"
    constraints = pins / f"{engine.name}.txt"
    wanted = constraints.read_text(encoding="utf-8")
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return venv / "bin"
    python = shutil.which("python3") or sys.executable
    steps = [
        [python, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-c", str(constraints), *engine.requirements],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise EngineUnavailable(f"not installed: {error}") from None
        if done.returncode != 0:
            raise EngineUnavailable(f"not installed: {failure_reason(done.stdout + done.stderr)}")
    stamp.write_text(wanted, encoding="utf-8")
    return venv / "bin"


# --- What a build made ----------------------------------------------------------------------------------


def expected_pages(out: Path, config: dict[str, Any]) -> dict[str, str]:
    """Docs path -> the HTML file MkDocs writes for it, for every page of OUT/docs that a build publishes."""
    docs = out / str(config.get("docs_dir") or "docs")
    exclude = GitIgnoreSpec.from_lines([".*", "/templates/", *str(config.get("exclude_docs") or "").splitlines()])
    directory_urls = config.get("use_directory_urls", True) is not False
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        if not exclude.match_file(src):
            pages[src] = page_html(src, directory_urls)
    return pages


def page_html(src: str, directory_urls: bool = True) -> str:
    """MkDocs' output file of a page: a/b.md -> a/b/index.html (or a/b.html), a/index.md and a/README.md -> a/index.html."""
    folder, _, name = src.rpartition("/")
    stem = name[: -len(".md")]
    prefix = f"{folder}/" if folder else ""
    if stem in ("index", "README"):
        return f"{prefix}index.html"
    return f"{prefix}{stem}/index.html" if directory_urls else f"{prefix}{stem}.html"


def headings(html: str) -> Counter[str]:
    """The headings of a page's article (Material's and Zensical's <article>), by text, without permalink signs."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.find("article") or soup.find("main") or soup.body or soup
    for link in body.select("a.headerlink"):
        link.decompose()
    found = Counter()
    for heading in body.find_all(re.compile(r"^h[1-6]$")):
        text = " ".join(heading.get_text(" ", strip=True).split())
        if text:
            found[text] += 1
    return found


def missing_sections(reference: Path, site: Path, pages: Iterable[str]) -> dict[str, list[str]]:
    """Per page built by both: the reference's headings that the other site's page lacks."""
    missing = {}
    for page in pages:
        ours, theirs = reference / page, site / page
        if not (ours.is_file() and theirs.is_file()):
            continue
        lost = headings(ours.read_text(encoding="utf-8")) - headings(theirs.read_text(encoding="utf-8"))
        if lost:
            missing[page] = sorted(lost.elements())
    return missing


# --- One row per engine ----------------------------------------------------------------------------------


@dataclass
class Row:
    label: str
    problem: str = ""  # "not installed: ..." or "build failed: ...": the row has nothing else
    pages: int = 0
    expected: int = 0
    dead_links: int = 0
    missing: dict[str, list[str]] | None = None  # None: no reference to compare with
    warnings: int = 0
    times: list[float] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.pages / self.expected if self.expected else 0.0

    @property
    def missing_count(self) -> int:
        return sum(len(headings) for headings in (self.missing or {}).values())

    def time_text(self) -> str:
        if not self.times:
            return "–"
        if len(self.times) == 1:
            return f"{self.times[0]:.1f} s (1 run)"
        return f"{statistics.median(self.times):.1f} s (median of {len(self.times)}, {min(self.times):.1f}–{max(self.times):.1f})"

    def missing_text(self, reference: bool = False) -> str:
        if reference:
            return "reference"
        if self.missing is None:
            return "–"
        return f"{self.missing_count} on {len(self.missing)} page{'s' if len(self.missing) != 1 else ''}" if self.missing else "0"

    def cells(self, reference: bool = False) -> list[str]:
        if self.problem:
            return [self.label, self.problem, "–", "–", "–", "–"]
        pages = f"{self.pages} of {self.expected} ({100 * self.share:.0f} %)"
        return [self.label, pages, str(self.dead_links), self.missing_text(reference), str(self.warnings), self.time_text()]

    def line(self, reference: bool = False) -> str:
        if self.problem:
            return f"{self.label}: {self.problem}"
        label, pages, dead, missing, warnings, took = self.cells(reference)
        return f"{label}: {pages} pages built, {dead} dead links, missing sections: {missing}, {warnings} warnings, build {took}"


HEADER = ["engine", "pages built", "dead links", "missing sections", "warnings", "build time"]


def markdown_table(rows: list[Row], reference: str | None = None) -> str:
    def escape(cell: str) -> str:
        return cell.replace("|", "\\|")

    lines = ["| " + " | ".join(HEADER) + " |", "| " + " | ".join("---" for _ in HEADER) + " |"]
    lines += ["| " + " | ".join(escape(c) for c in row.cells(row.label == reference)) + " |" for row in rows]
    return "\n".join(lines)


def build(engine: Engine, bin_: Path, out: Path, config: dict[str, Any], work: Path, log: Path) -> tuple[Path, float]:
    """One clean build in a fresh copy of OUT; the site folder and the seconds it took."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(out, work, ignore=shutil.ignore_patterns("site", ".cache"))
    if engine.prepare is not None:
        (work / "mkdocs.yml").write_text(write_config(engine.prepare(config)), encoding="utf-8")
    site = work / str(config.get("site_dir") or "site") if engine.site_from_config else work / "site"
    started = time.perf_counter()
    try:
        done = subprocess.run(engine.command(bin_, site), cwd=work, env={**os.environ, **QUIET}, capture_output=True, text=True,
                              timeout=BUILD_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise EngineUnavailable(f"build failed: no result after {BUILD_TIMEOUT} s") from None
    except OSError as error:
        raise EngineUnavailable(f"build failed: {error}") from None
    took = time.perf_counter() - started
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        raise EngineUnavailable(f"build failed (exit {done.returncode}): {failure_reason(done.stdout + done.stderr)}")
    return site, took


def measure(engine: Engine, out: Path, runs: int, reference: Path | None, cache: Path = CACHE) -> tuple[Row, Path | None]:
    row = Row(engine.label)
    config = read_config((out / "mkdocs.yml").read_text(encoding="utf-8"))
    folder = cache / engine.name
    folder.mkdir(parents=True, exist_ok=True)
    try:
        bin_ = environment(engine, cache)
        site = None
        for run in range(runs):
            site, took = build(engine, bin_, out, config, folder / "work", folder / "build.log")
            row.times.append(took)
            print(f"  {engine.name}: build {run + 1} of {runs}: {took:.1f} s", file=sys.stderr)
    except EngineUnavailable as why:
        row.problem = str(why)
        return row, None
    assert site is not None
    pages = expected_pages(out, config)
    row.expected = len(pages)
    row.pages = sum(1 for html in pages.values() if (site / html).is_file())
    dead = check_site(site, config.get("site_url") if isinstance(config.get("site_url"), str) else None)
    row.dead_links = len(dead)
    row.warnings = warning_count((folder / "build.log").read_text(encoding="utf-8"))
    if reference is not None:
        row.missing = missing_sections(reference, site, pages.values())
    details = [f"# {engine.label}: {site}", f"## pages not built ({row.expected - row.pages})"]
    details += [f"{src} -> {html}" for src, html in pages.items() if not (site / html).is_file()]
    details += [f"## dead links ({len(dead)})", *map(str, dead), f"## missing sections ({row.missing_count})"]
    details += [f"{page}: {', '.join(lost)}" for page, lost in sorted((row.missing or {}).items())]
    (folder / "details.txt").write_text("\n".join(details) + "\n", encoding="utf-8")
    return row, site


# --- OUT ------------------------------------------------------------------------------------------------


def site_source(given: str | None) -> tuple[Path, str]:
    """OUT, and a line saying where it came from."""
    if given:
        out = Path(given).resolve()
        if not (out / "mkdocs.yml").is_file():
            raise SystemExit(f"engines: {out} has no mkdocs.yml: give an assembled folder (python -m handbook assemble OUT)")
        return out, f"OUT: {out}"
    done = subprocess.run([sys.executable, "-m", "handbook", "assemble", str(ASSEMBLED)], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"engines: python -m handbook assemble failed: {failure_reason(done.stdout + done.stderr)}")
    return ASSEMBLED, f"OUT: {ASSEMBLED.relative_to(ROOT)} (python -m handbook assemble)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.environ.get(OUT_VARIABLE) or None, help="an assembled folder (default: assemble one)")
    parser.add_argument("--runs", type=int, default=3, help="clean builds per engine; the build time is their median (default: %(default)s)")
    parser.add_argument("--engines", default=",".join(e.name for e in ENGINES), help="which engines, comma-separated (default: %(default)s)")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.engines.split(",") if name.strip()]
    unknown = sorted(set(chosen) - {e.name for e in ENGINES})
    if unknown or args.runs < 1:
        parser.error(f"unknown engine {', '.join(unknown)}" if unknown else "--runs must be at least 1")
    out, origin = site_source(args.out)
    print(origin)
    rows: list[Row] = []
    reference: Path | None = None
    reference_label = None
    for engine in (e for e in ENGINES if e.name in chosen):
        try:
            row, site = measure(engine, out, args.runs, reference)
        except Exception as error:  # one engine's surprise is its row, never a traceback
            row, site = Row(engine.label, problem=f"failed: {type(error).__name__}: {error}"[:200]), None
        if engine.name == REFERENCE and site is not None:
            reference, reference_label = site, engine.label
        rows.append(row)
        print(row.line(row.label == reference_label))
    print()
    print(markdown_table(rows, reference_label))
    print()
    zensical = next((r for r in rows if r.label.startswith("Zensical")), None)
    if zensical is not None and not zensical.problem:
        print(f"Zensical: {100 * zensical.share:.0f} % of the pages built (goal: at least 95 %)")
    print(f"Details (pages not built, dead links, missing headings): {CACHE.relative_to(ROOT)}/<engine>/details.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
