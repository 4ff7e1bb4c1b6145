"""Every link a built site writes, checked: each href and src of every HTML page, raw HTML included.

Anything the browser would fetch by itself (scripts, stylesheets, images,
frames) from another host counts as dead too: the site must work offline.

Works on a served layout (`page/index.html`) and on the offline one
(`page.html`). Links to the site's own address (`site_url`) are checked as
local files; other hosts are out of scope (a build must not need the network).
usage: python -m handbook.output.linkcheck SITE_DIR [--site-url URL]   (exit 1 on any dead link)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch or navigate.
_LINKING = (("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
            ("iframe", "src"), ("video", "src"), ("audio", "src"), ("meta", "content"))
# Link-preview tags whose content is a URL.
_URL_META = frozenset({"og:url", "og:image", "twitter:image"})
_NOT_CHECKED = ("mailto:", "tel:", "data:", "javascript:", "blob:")
# What the browser fetches by itself, as opposed to where a reader may go: never from another host.
_ASSETS = tuple((tag, attribute) for tag, attribute in _LINKING if tag not in ("a", "area", "meta"))
_NOT_FETCHED = frozenset({"canonical", "alternate", "author", "license", "next", "prev", "search", "edit"})


@dataclass(frozen=True, order=True)
class DeadLink:
    page: str  # site-relative path of the HTML file
    url: str
    why: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.why})"


def _links(soup: BeautifulSoup) -> Iterator[str]:
    for tag, attribute in _LINKING:
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not value:
                continue
            if tag == "meta" and (element.get("property") or element.get("name")) not in _URL_META:
                continue
            yield value.strip()


def _outside_assets(soup: BeautifulSoup) -> Iterator[str]:
    for tag, attribute in _ASSETS:
        for element in soup.find_all(tag):
            value = (element.get(attribute) or "").strip()
            if tag == "link" and _NOT_FETCHED.issuperset(element.get("rel") or ["canonical"]):
                continue
            if urlsplit(value).netloc:
                yield value


def check_site(site: Path, site_url: str | None = None) -> list[DeadLink]:
    site = site.resolve()
    base = urlsplit(site_url) if site_url else None
    pages = {path: BeautifulSoup(path.read_bytes(), "html.parser") for path in sorted(site.rglob("*.html"))}
    ids = {path: {str(element["id"]) for element in soup.find_all(id=True)} for path, soup in pages.items()}
    dead: list[DeadLink] = []
    for path, soup in pages.items():
        page = path.relative_to(site).as_posix()
        dead += [DeadLink(page, url, "fetched from another host: the site must work with no network") for url in _outside_assets(soup)]
        for url in _links(soup):
            parts = urlsplit(url)
            if url.startswith(_NOT_CHECKED) or (parts.scheme and parts.scheme not in ("http", "https")):
                continue
            if parts.scheme or parts.netloc:
                if base is None or parts.netloc != base.netloc or not parts.path.startswith(base.path):
                    continue  # another host: not this build's business
                target = site / unquote(parts.path[len(base.path):])
            elif not parts.path:
                target = path
            elif parts.path.startswith("/"):
                target = site / unquote(parts.path.lstrip("/"))
            else:
                target = path.parent / unquote(parts.path)
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(site):
                dead.append(DeadLink(page, url, "outside the site"))
            elif not target.is_file():
                dead.append(DeadLink(page, url, "no such file"))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, set()):
                dead.append(DeadLink(page, url, "no such anchor"))
    return sorted(set(dead))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--site-url", default=None)
    args = parser.parse_args()
    dead = check_site(args.site, args.site_url)
    for link in dead:
        print(link)
    print(f"{len(dead)} dead link{'s' if len(dead) != 1 else ''}")
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
