"""Benchmark: `make serve`'s edit loop, from saving a file until the served page shows the change.

Starts `python -m handbook serve --port N` on a free port and waits until it serves. Then, EDITS times
(default 5), appends a sentence no page holds to a real page under docs/ and polls the page's address
every 25 ms until its HTML holds the sentence; puts the page back as it was and waits until the served
page no longer shows it, before the next edit. The same for the team file: a channel is added until
/team/ shows it (a temporary team.yml is written before the server starts when there is none, and
removed afterwards). Only the served site is measured, over HTTP, so that it measures any implementation
of `serve`. Every file is put back as it was, also on a failure, Ctrl-C or SIGTERM.
Goal: at most 1.0 s (1000 ms) median from saving a page to seeing it.
usage: python -m bench.serve [edits] [--page docs/PATH.md]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from bench.engines import page_html
from bench.nginx import free_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = "docs/practices/baseline-first.md"
POLL = 0.025
START_TIMEOUT = 300.0  # the first build, and anything a later `serve` does before it listens
EDIT_TIMEOUT = 60.0
GOAL_MS = 1000


# --- Edits that are always undone -----------------------------------------------------------------------


@contextmanager
def restored(path: Path) -> Iterator[None]:
    """Whatever happens inside, `path` ends as it was: the same bytes, or no file if there was none."""
    original = path.read_bytes() if path.is_file() else None
    try:
        yield
    finally:
        if original is None:
            path.unlink(missing_ok=True)
        elif not path.is_file() or path.read_bytes() != original:
            path.write_bytes(original)


def token() -> str:
    """A word no page holds: letters and digits only, so every format writes it as it is."""
    return "servebench" + uuid.uuid4().hex[:12]


def page_with(text: str, word: str) -> str:
    """The page with one more paragraph at its end, a sentence holding `word`."""
    return text.rstrip("\n") + f"\n\nServe benchmark marker {word}.\n"


def team_with(text: str, word: str) -> str:
    """The team file with one more channel, named after `word`: a change that only the team page shows."""
    team = yaml.safe_load(text)
    if not isinstance(team, dict):
        raise ValueError("the team file is not a mapping of keys")
    channels = list(team.get("channels") or [])
    channels.append({"name": f"#{word}", "url": f"https://chat.example.com/{word}"})
    return yaml.safe_dump({**team, "channels": channels}, sort_keys=False, allow_unicode=True)


def page_url(base: str, src: str) -> str:
    """The served address of a docs path: docs/practices/x.md -> BASE/practices/x/."""
    relative = src.removeprefix("docs/")
    return f"{base}/{page_html(relative).removesuffix('index.html')}"


# --- Watching the served site -----------------------------------------------------------------------------


def fetch(url: str) -> str:
    """The page's HTML, or "" while the server cannot answer (it may be rebuilding)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return ""


def wait_for(url: str, done: Callable[[str], bool], since: float, timeout: float, get: Callable[[str], str] = fetch) -> float:
    """Seconds from `since` (a perf_counter time) until the page at `url` satisfies `done`; polled every 25 ms."""
    while True:
        if done(get(url)):
            return time.perf_counter() - since
        if time.perf_counter() - since > timeout:
            raise TimeoutError(f"{url} did not change within {timeout:.0f} s")
        time.sleep(POLL)


def edit_to_visible(path: Path, url: str, change: Callable[[str, str], str], edits: int) -> list[float]:
    """Seconds from each save of `path` until `url` shows it; the file is put back (and seen back) after each."""
    original = path.read_bytes()
    text = original.decode("utf-8")
    times = []
    with restored(path):
        for _ in range(edits):
            word = token()
            path.write_text(change(text, word), encoding="utf-8")
            times.append(wait_for(url, lambda body, word=word: word in body, time.perf_counter(), EDIT_TIMEOUT))
            path.write_bytes(original)
            wait_for(url, lambda body, word=word: bool(body) and word not in body, time.perf_counter(), EDIT_TIMEOUT)
    return times


def summary(times: list[float]) -> str:
    ms = sorted(round(1000 * t) for t in times)
    return f"median {round(statistics.median(ms))} ms, range {ms[0]}–{ms[-1]} ms"


# --- The server ---------------------------------------------------------------------------------------------


@contextmanager
def serving(log: Path) -> Iterator[str]:
    """`python -m handbook serve` on a free port until the block ends; its address once it answers."""
    port = free_port()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen([sys.executable, "-m", "handbook", "serve", "--port", str(port)], cwd=ROOT, stdout=output,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.perf_counter()
        while not fetch(base + "/"):
            if process.poll() is not None:
                lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
                raise RuntimeError(f"serve stopped (exit {process.returncode}): {lines[-1] if lines else 'no output'}")
            if time.perf_counter() - started > START_TIMEOUT:
                raise RuntimeError(f"serve did not answer within {START_TIMEOUT:.0f} s (log: {log})")
            time.sleep(0.1)
        print(f"serve: python -m handbook serve on port {port}, answering after {time.perf_counter() - started:.1f} s")
        yield base
    finally:
        # Its own session: the server and anything it started, and nothing else.
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            if process.poll() is not None:
                break
            try:
                os.killpg(process.pid, sig)
                process.wait(timeout=wait)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass


def team_file() -> Path:
    """The team file the build reads: HANDBOOK_TEAM (relative to the project), else team.yml."""
    return ROOT / (os.environ.get("HANDBOOK_TEAM", "").strip() or "team.yml")


def _stop(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through every `restored`, as Ctrl-C does


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edits", nargs="?", type=int, default=5, help="edits of each file (default: %(default)s)")
    parser.add_argument("--page", default=DEFAULT_PAGE, help="the page to edit (default: %(default)s)")
    args = parser.parse_args(argv)
    page = (ROOT / args.page).resolve()
    if args.edits < 1 or not page.is_file() or not page.is_relative_to(ROOT / "docs") or page.suffix != ".md":
        parser.error(f"give a number of edits of at least 1 and a page under docs/ (not {args.page})")
    team = team_file()
    if not team.resolve().is_relative_to(ROOT):
        parser.error(f"the team file {team} is outside the project")
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    src = page.relative_to(ROOT).as_posix()
    with tempfile.TemporaryDirectory() as tmp, restored(page), restored(team):
        temporary = not team.is_file()
        if temporary:
            team.write_text("# A temporary team file of bench/serve.py, removed when it ends.\nname: Serve benchmark team\n", encoding="utf-8")
        with serving(Path(tmp) / "serve.log") as base:
            times = edit_to_visible(page, page_url(base, src), page_with, args.edits)
            print(f"serve: edit to visible, {src}, {args.edits} edits: {summary(times)} (goal: median at most {GOAL_MS} ms)")
            times = edit_to_visible(team, f"{base}/team/", team_with, args.edits)
            which = "a temporary team file" if temporary else team.relative_to(ROOT).as_posix()
            print(f"serve: edit to visible, a channel added to {which}, on /team/, {args.edits} edits: {summary(times)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
