"""Search hit rate: the queries of tests/search-queries.yml typed into Material's own search box on a built site.

Each query names the page a reader who types it is after; it is a hit when that page is among the
first three results. The queries are typed into the real box of the real site in Chromium, so the
figure is what a reader gets: Material builds its lunr index in the browser and changes the query
(a trailing wildcard on every word, words split at its separator), and a re-implementation in
Python would measure something else.
usage: python -m bench.search [--site site]   (without --site: builds the handbook into a temporary folder)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import logging
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search-queries.yml"
GOAL = 0.9


def queries() -> dict[str, str]:
    """Query -> the path of the page that must be among the first three results."""
    return {str(q["query"]): str(q["page"]) for q in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))}


def top_three(page, query: str) -> list[str]:
    """The paths of the first three results Material's search box lists for `query` (the box must be open)."""
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q && document.querySelector('.md-search-result__meta')?.textContent",
        arg=query,
    )
    # One item per page, its article's link first, then links to the page's sections: the first three pages.
    read = "items => items.slice(0, 3).map(li => new URL(li.querySelector('a').href).pathname)"
    links, previous = None, []
    while links != previous:  # the worker answers asynchronously: read until two readings agree
        previous = links
        page.wait_for_timeout(150)
        links = page.locator(".md-search-result__item").evaluate_all(read)
    return links


def run(page, base_url: str) -> dict[str, list[str]]:
    """Every query's first three results, typed into the search box of the site at `base_url`."""
    page.goto(base_url + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    return {query: top_three(page, query) for query in queries()}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def build_site(site: Path) -> None:
    import properdocs.replacement  # noqa: F401 - mkdocs.* is then properdocs.*
    from properdocs.commands.build import build
    from properdocs.config import load_config

    logging.getLogger("properdocs").setLevel(logging.ERROR)
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path

    if chromium_path() is None:
        print("search hit rate: needs Chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build_site(site)
        expected = queries()
        with served(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            found = run(browser.new_page(viewport={"width": 1280, "height": 900}), url)
            browser.close()
    missed = {q: found[q] for q, page in expected.items() if page not in found[q]}
    for query, top in missed.items():
        print(f"  missed {query!r}: wanted {expected[query]}, got {', '.join(top) or 'nothing'}")
    hits = len(expected) - len(missed)
    print(f"search hit rate: {hits}/{len(expected)} = {hits / len(expected):.0%} of queries find their page in the top three"
          f" (goal: at least {GOAL:.0%}; the queries: {QUERIES.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
