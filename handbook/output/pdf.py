"""The handbook as PDF books: the whole handbook and one onboarding pack per role.

Each book is assembled from the pages of a built site (their <article> only,
so no header, sidebar or search box, and web-only parts left out or reworded),
with a cover, a contents list grouped by part with page numbers and reading
times, running heads and "page X of Y", bookmarks collapsed to the parts and
links that jump within the PDF, then rendered by WeasyPrint as a tagged PDF.
A link to a page that is not in the book points to the published site: the
address is the built site's canonical URL (mkdocs.yml's `site_url`, which
HANDBOOK_SITE_URL overrides), or --site-url.
usage: python -m handbook.output.pdf SITE_DIR [--docs docs] [--site-url URL] [--only handbook|ROLE_ID ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from handbook.content.catalog import reading_minutes
from handbook.output.book import TITLE, Book, Part, handbook_book, role_book  # noqa: F401 - the books this module writes
from handbook.output.book_pages import anchor, article, site_address
from handbook.output.project import Project
from handbook.pages.render import TEMPLATES, render_html
from handbook.pages.team_view import team_catalog

WIDE = {"/matrix/"}
BOOK_CSS = TEMPLATES / "book.css"
# Tagged PDF for screen readers: a structure tree, the language and the title shown in the window.
PDF_VARIANT = "pdf/ua-1"



# Bookmarks of a page's sections are kept only when the page is longer than this many printed pages.
LONG_PAGE = 3
AUTHOR = "The handbook's editors"


def version(root: Path) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unversioned"


def book_html(book: Book, site: Path, built: str, revision: str, site_url: str = "") -> str:
    included = set(book.urls)
    parts = []
    for part in book.parts:
        pages = []
        for url in part.urls:
            title, html = article(site, url, included, site_url, backlinks=book.backlinks)
            words = len(BeautifulSoup(html, "html.parser").get_text(" ").split())
            pages.append({"id": anchor(url), "title": title, "html": html, "wide": url in WIDE,
                          "minutes": book.minutes.get(url) or reading_minutes(words)})
        parts.append({"title": part.title, "pages": pages, "minutes": sum(p["minutes"] for p in pages)})
    return render_html("book.html.j2", book=book, parts=parts, built=built, version=revision, author=AUTHOR)


def prune_bookmarks(document) -> None:
    """Keep a page's section bookmarks (level 3) only where that page runs over LONG_PAGE printed pages."""
    starts = []  # (page index, bookmarks) of every level-1 or level-2 bookmark, in order
    for number, page in enumerate(document.pages):
        for mark in page.bookmarks:
            if mark[0] <= 2:
                starts.append(number)
    starts.append(len(document.pages))
    cursor = 0
    for page in document.pages:
        kept = []
        for mark in page.bookmarks:
            if mark[0] <= 2:
                cursor += 1
                kept.append(mark)
            elif cursor and starts[cursor] - starts[cursor - 1] > LONG_PAGE:
                kept.append(mark)
        page.bookmarks[:] = kept


class OutsideSite(ValueError):
    """A URL the book asked for that is not a file of the built site."""


def site_fetcher(site: Path):
    """WeasyPrint's URL fetcher, limited to the files of the built site (and data: URIs): nothing else is read or embedded."""
    from weasyprint.urls import URLFetcher

    root = site.resolve()

    class SiteFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> object:
            parsed = urlsplit(url)
            inside = parsed.scheme == "file" and (path := Path(unquote(parsed.path)).resolve()).is_relative_to(root) and path.is_file()
            if not (inside or parsed.scheme == "data"):
                # WeasyPrint reports the error as a warning and leaves the resource out.
                raise OutsideSite(f"not a file of the built site, so not in the book: {url}")
            return super().fetch(url, headers)

    return SiteFetcher(allowed_protocols=("file", "data"))


def write_pdf(book: Book, site: Path, out: Path, built: str, revision: str, site_url: str | None = None) -> Path:
    """Write the book as out/<name>.pdf (and a copy under each alias); `site_url` defaults to the site's own address."""
    from weasyprint import CSS, HTML  # imported here: only PDF builds need Pango

    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{book.name}.pdf"
    address = site_address(site) if site_url is None else site_url
    html = HTML(string=book_html(book, site, built, revision, address), base_url=str(site), url_fetcher=site_fetcher(site))
    document = html.render(stylesheets=[CSS(string=BOOK_CSS.read_text(encoding="utf-8"))], pdf_variant=PDF_VARIANT)
    prune_bookmarks(document)
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    for alias in book.aliases:
        shutil.copyfile(target, out / f"{alias}.pdf")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the project's mkdocs.yml (default: %(default)s)")
    parser.add_argument("--team", type=Path, default=None, help="a team's repository, built with the installed handbook")
    parser.add_argument("--only", nargs="*", help="book names: handbook and/or role ids")
    parser.add_argument("--site-url", default=None, help="address of the published site (default: the built site's canonical URL)")
    args = parser.parse_args()
    # The project as the build read it: the pages, the team's name on the covers, packs for the roles the team has.
    project = Project.for_team(args.team) if args.team is not None else Project(args.config.resolve())
    build = project.load()
    catalog, team = build.catalog, build.team
    title = team.team.name if team else TITLE
    roles = [stem for stem in sorted(catalog.by_stem("role")) if team is None or team.team.has_role(stem)]
    # A pack holds only the rituals the team holds.
    view = team_catalog(catalog, team) if team else catalog
    books = [handbook_book(catalog, title, build.outputs)] + [role_book(view, stem, title) for stem in roles]
    if args.only:
        books = [b for b in books if b.name in args.only or b.id in args.only]
    built, revision = build.settings.today.isoformat(), version(project.root)
    out = args.site / "pdf"
    started = time.perf_counter()
    # WeasyPrint is single-threaded: one book per core.
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        jobs = {pool.submit(_timed_write, book, args.site, out, built, revision, args.site_url): book for book in books}
        for job in as_completed(jobs):
            path, seconds = job.result()
            print(f"{path}: {seconds:.1f} s")
    print(f"{len(books)} PDFs in {time.perf_counter() - started:.1f} s")
    return 0


def _timed_write(book: Book, site: Path, out: Path, built: str, revision: str, site_url: str | None) -> tuple[Path, float]:
    began = time.perf_counter()
    return write_pdf(book, site, out, built, revision, site_url), time.perf_counter() - began


if __name__ == "__main__":
    sys.exit(main())
