"""Benchmark: build synthetic handbooks of 200, 1,000 and 2,000 pages; time the whole build and the hooks.

Prints, per corpus, the better of two whole build times and the time spent inside the hook
functions. Goals on a 2-core machine: 1,000 pages build in under 15 s, and the
whole build grows linearly (2,000 pages cost at most 2.0 times 1,000). Like the
real handbook, each folder groups its pages into navigation sections of 25, so
that a pruned sidebar stays short. Social cards are off here: they are cached
by content, so they cost a cold build once (see bench/overhead.py for the real
site with cards).
usage: python -m bench.hooks [sizes...]
"""

from __future__ import annotations

import logging
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import properdocs.replacement  # noqa: F401 - mkdocs.* (Material, plugins, hooks) is then properdocs.*
from properdocs.commands.build import build
from properdocs.config import load_config

from handbook.content.types import names, page_type

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["team", "model", "data", "deploy", "review", "metric", "sprint", "baseline", "experiment", "pipeline", "product", "research", "engineer", "scientist"]
TYPES = ("rituals", "practices", "stories", "myths")
ROLES = 10
SOURCES = 5
TAGS = 20
GROUP = 25
RUNS = 2


def corpus(pages: int, seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    files = {"tags.yml": "".join(f"tag-{i}: Synthetic tag {i}.\n" for i in range(TAGS))}
    roles = [f"role-{i}" for i in range(ROLES)]
    sources = [f"source-{i}" for i in range(SOURCES)]
    typed = [(TYPES[i % len(TYPES)], f"page-{i}") for i in range(pages - ROLES - SOURCES - 2)]
    targets = [f"../roles/{r}.md" for r in roles] + [f"../{kind}/{stem}.md" for kind, stem in typed]

    def body(headings: tuple[str, ...] = ("Section", "Related")) -> str:
        words = " ".join(rng.choice(WORDS) for _ in range(300))
        links = " ".join(f"[link {n}]({rng.choice(targets)})" for n in range(5))
        middle = "".join(f"## {h}\n\nText.\n\n" for h in headings[1:-1])
        return f"## {headings[0]}\n\n{words}\n\n{middle}## {headings[-1]}\n\n{links}\n"

    def common(title: str) -> str:
        tags = ", ".join(rng.sample([f"tag-{i}" for i in range(TAGS)], 3))
        return f"title: {title}\nsummary: Synthetic page {title.lower()}.\nowner: {roles[0]}\nreviewed: 2026-11-23\ntags: [{tags}]\n"

    def involvement() -> str:
        owner, *others = rng.sample(roles, 3)
        return f"roles:\n  {owner}: accountable\n" + "".join(f"  {r}: {rng.choice(['responsible', 'consulted', 'informed'])}\n" for r in others)

    def body_of(kind: str) -> str:
        # Pages of a type whose anatomy is enforced carry its headings, as real pages must.
        anatomy = page_type(kind).anatomy if kind in names() else None
        return body(anatomy.headings) if anatomy and anatomy.enforced else body()

    files["index.md"] = f"---\ntitle: Home\nsummary: The synthetic handbook's home page.\nowner: {roles[0]}\nreviewed: 2026-11-23\n---\n\n" + body().replace("../", "")
    files["glossary.md"] = (
        "---\n" + common("Glossary") + f"sources: [{sources[0]}]\nterms:\n"
        + "".join(f"  - term: Term{i}\n    definition: Definition {i}.\n    sources: [{sources[0]}]\n" for i in range(30))
        + "---\n\n" + body().replace("../", "")
    )
    for source in sources:
        files[f"sources/{source}.md"] = f"---\n{common(source.title())}kind: essay\nauthor: A writer\nyear: 2025\n---\n\n{body()}"
    for i, role in enumerate(roles):
        files[f"roles/{role}.md"] = f"---\n{common(f'Role {i}')}sources: [{rng.choice(sources)}]\nfamily: engineering\nshort: R{i}\n---\n\n{body_of('role')}"
    for kind, stem in typed:
        front = common(f"{kind.title()} {stem}") + f"sources: [{rng.choice(sources)}]\n"
        if kind == "rituals":
            front += "cadence: weekly\nduration_minutes: 30\nprep: Nothing special.\n" + involvement()
        elif kind == "practices":
            front += involvement()
        elif kind == "stories":
            front += f"parties: [{', '.join(rng.sample(roles, 2))}]\noutcome: The team reported success.\n"
        else:
            front += f"belief: A belief.\nreality: A reality.\nconcerns: [{rng.choice(roles)}]\n"
        files[f"{kind}/{stem}.md"] = f"---\n{front}---\n\n{body_of(kind.removesuffix('s').replace('storie', 'story'))}"
    for kind in TYPES:
        stems = [stem for k, stem in typed if k == kind]
        groups = [stems[i : i + GROUP] for i in range(0, len(stems), GROUP)]
        files[f"{kind}/.nav.yml"] = "nav:\n  - index.md\n" + "".join(
            f"  - Group {n}:\n" + "".join(f"      - {stem}.md\n" for stem in group) for n, group in enumerate(groups, start=1)
        )
    return files


def timed_build(pages: int, workdir: Path) -> tuple[float, float, int]:
    docs = workdir / "docs"
    for name, text in corpus(pages).items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config_text = config_text.replace("  - hooks/", f"  - {ROOT / 'hooks'}/").replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (workdir / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    config = load_config(str(workdir / "mkdocs.yml"), site_dir=str(workdir / "site"))

    spent: dict[str, float] = defaultdict(float)
    hooks_dir = str(ROOT / "hooks")
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            code = getattr(method, "__code__", None)
            if code is None or not code.co_filename.startswith(hooks_dir):
                continue

            def timed(*args, _method=method, _event=event, **kwargs):
                started = time.perf_counter()
                try:
                    return _method(*args, **kwargs)
                finally:
                    spent[_event] += time.perf_counter() - started

            methods[index] = timed
    started = time.perf_counter()
    build(config)
    total = time.perf_counter() - started
    written = sum(1 for _ in (workdir / "site").rglob("index.html"))
    return total, sum(spent.values()), written


def main() -> int:
    logging.getLogger("properdocs").setLevel(logging.ERROR)
    os.environ["HANDBOOK_SOCIAL_CARDS"] = "false"
    sizes = [int(a) for a in sys.argv[1:]] or [200, 1000, 2000]
    hook_times: dict[int, float] = {}
    build_times: dict[int, float] = {}
    print(f"{'pages':>6} {'html pages':>10} {'build s':>8} {'hooks s':>8} {'hooks %':>8}")
    for size in sizes:
        # The better of two builds of each corpus: one slow spell of the machine should not decide a ratio.
        runs = []
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as tmp:
                runs.append(timed_build(size, Path(tmp)))
        total, hooks, written = min(runs)
        hook_times[size] = hooks
        build_times[size] = total
        print(f"{size:>6} {written:>10} {total:>8.2f} {hooks:>8.3f} {100 * hooks / total:>7.1f}%")
    if 1000 in build_times:
        print(f"whole build at 1,000 pages: {build_times[1000]:.1f} s (goal: under 15 s)")
    if 1000 in hook_times and 2000 in hook_times:
        print(f"whole build 2,000 / 1,000 pages: {build_times[2000] / build_times[1000]:.2f}x (goal: at most 2.0x)")
        print(f"hook time 2,000 / 1,000 pages: {hook_times[2000] / hook_times[1000]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
