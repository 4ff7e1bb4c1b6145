"""The published URLs of a built site, one per line: the public contract of the handbook.

usage: python -m handbook.output.published_urls SITE_DIR > published-urls.txt
"""

from __future__ import annotations

import sys
from pathlib import Path


def published_urls(site: Path) -> list[str]:
    """Every URL that serves a page (or a redirect), e.g. "/roles/data-scientist/"."""
    urls = []
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site).as_posix()
        urls.append("/" if folder == "." else f"/{folder}/")
    return sorted(urls)


def main() -> int:
    for url in published_urls(Path(sys.argv[1])):
        print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
