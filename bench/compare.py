"""Compare two built sites page by page: the same files, and on every page the same headings, links and anchors.

usage: python -m bench.compare OLD_SITE NEW_SITE [--ignore-text]

Prints each file only one site has, then for each HTML page the headings
(level, id, text), links (href and src) and anchors (every id) that differ, and
a summary line. Exit code 0 when the sites agree on all of it, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup


def _page(path: Path) -> dict[str, Counter[str]]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
    article = soup.select_one("article") or soup
    headings = Counter(f"{h.name} #{h.get('id', '')} {' '.join(h.get_text(' ', strip=True).replace('¶', '').split())}"
                       for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]))
    links = Counter(f"{tag.name} {tag.get('href') or tag.get('src')}" for tag in soup.find_all(["a", "img", "script", "link"])
                    if tag.get("href") or tag.get("src"))
    anchors = Counter(tag["id"] for tag in article.find_all(id=True))
    toc = Counter(f"{a.get('href')} {' '.join(a.get_text(' ', strip=True).split())}" for a in soup.select("nav.md-nav--secondary a.md-nav__link"))
    return {"headings": headings, "links": links, "anchors": anchors, "table of contents": toc}


def compare(old: Path, new: Path) -> list[str]:
    found: list[str] = []
    old_files = {p.relative_to(old).as_posix() for p in old.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file()}
    found += [f"only in the old site: {name}" for name in sorted(old_files - new_files)]
    found += [f"only in the new site: {name}" for name in sorted(new_files - old_files)]
    for name in sorted(old_files & new_files):
        if not name.endswith(".html"):
            continue
        before, after = _page(old / name), _page(new / name)
        for kind in before:
            gone, added = before[kind] - after[kind], after[kind] - before[kind]
            for item in sorted(gone.elements()):
                found.append(f"{name}: {kind}: - {item}")
            for item in sorted(added.elements()):
                found.append(f"{name}: {kind}: + {item}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args()
    found = compare(args.old, args.new)
    for line in found:
        print(line)
    pages = sum(1 for _ in args.new.rglob("*.html"))
    print(f"{len(found)} difference{'s' if len(found) != 1 else ''} over {pages} HTML files", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
