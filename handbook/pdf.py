"""The handbook as PDF books: the whole handbook and one onboarding pack per role.

Each book is assembled from the pages of a built site (their <article> only,
so no header, sidebar or search box), with a cover, a table of contents with
page numbers, nested bookmarks and links that jump within the PDF, then
rendered by WeasyPrint.
usage: python -m handbook.pdf SITE_DIR [--docs docs] [--only handbook|ROLE_ID ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import posixpath
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag
from jinja2 import Environment, select_autoescape

from handbook.catalog import Catalog, load_folder
from handbook.role_views import reading_order

TITLE = "Cross-Functional AI Team Handbook"
PARTS = (
    ("Introduction", "home", None),
    ("Roles", "role", "/roles/"),
    ("Rituals", "ritual", "/rituals/"),
    ("Practices", "practice", "/practices/"),
    ("Templates", "template", "/templates/"),
    ("Exercises", "exercise", "/exercises/"),
    ("Decision guides", "decision-guide", "/decision-guides/"),
    ("Conflict stories", "story", "/stories/"),
    ("Field reports", "report", "/field-reports/"),
    ("Myths", "myth", "/myths/"),
    ("Reference", None, None),
    ("Sources", "source", "/sources/"),
)
REFERENCE = ("/matrix/", "/glossary/", "/reading-list/", "/what-do-i-do-when/")
WIDE = {"/matrix/"}


@dataclass(frozen=True)
class Part:
    title: str
    urls: tuple[str, ...]


@dataclass(frozen=True)
class Book:
    name: str  # file stem: "handbook" or a role id
    title: str
    subtitle: str
    parts: tuple[Part, ...]


def handbook_book(catalog: Catalog) -> Book:
    parts = []
    for title, kind, index in PARTS:
        if kind is None and title == "Reference":
            urls = list(REFERENCE)
        else:
            urls = ([index] if index else []) + [e.url for e in catalog.of_type(kind)]
        parts.append(Part(title, tuple(urls)))
    return Book("handbook", TITLE, "The whole handbook", tuple(parts))


def role_book(catalog: Catalog, role_id: str) -> Book:
    role = catalog.by_stem("role")[role_id]
    order = reading_order(catalog, role)
    parts = (Part("Your role", (order[0].url,)), Part("Suggested reading, in order", tuple(e.url for e in order[1:])))
    return Book(role_id, f"Onboarding pack: {role.title}", TITLE, parts)


# --- one page of the site into a section of the book -----------------------------


def anchor(url: str, fragment: str = "") -> str:
    base = "p" + url.rstrip("/").replace("/", "-") if url != "/" else "p-home"
    return f"{base}--{fragment}" if fragment else base


def _page_path(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url != "/" else site / "index.html"


def article(site: Path, url: str, included: set[str]) -> tuple[str, str]:
    """(title, HTML) of one page's article, with ids made unique and links made internal."""
    soup = BeautifulSoup(_page_path(site, url).read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    if body is None:
        raise ValueError(f"{url}: no <article> in the built page")
    # Web-only parts: permalinks, edit buttons, tag chips (tag pages are not in the book), scripts.
    for junk in body.select("a.headerlink, .md-content__button, .md-source-file, .md-tags, script, form, .hb-download"):
        junk.decompose()
    for element in body.find_all(id=True):
        element["id"] = anchor(url, element["id"])
    for link in body.find_all("a", href=True):
        _rewrite(link, url, included)
    heading = body.find("h1")
    title = heading.get_text(" ", strip=True) if heading else url
    if heading is not None:
        heading["id"] = anchor(url)
        heading["class"] = ["page-title"]
    return title, body.decode_contents()


def _rewrite(link: Tag, url: str, included: set[str]) -> None:
    href = link["href"]
    if href.startswith(("http://", "https://", "mailto:")):
        return
    target, fragment = urldefrag(urljoin(url, href))
    target = posixpath.normpath(target) + "/" if target not in ("", "/") else "/"
    if target.endswith("index.html/"):
        target = target[: -len("index.html/")]
    if target in included:
        link["href"] = "#" + anchor(target, fragment)
    else:
        link.unwrap()


# --- the book ------------------------------------------------------------------

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ book.title }}</title></head>
<body>
<section class="cover">
  <p class="kicker">{{ book.subtitle }}</p>
  <h1 class="cover-title">{{ book.title }}</h1>
  <p class="meta">Built {{ built }} · version {{ version }}</p>
</section>
<nav class="toc">
  <h1 class="toc-title">Contents</h1>
  {% for part in parts %}
  <h2 class="toc-part">{{ part.title }}</h2>
  <ol>{% for page in part.pages %}<li><a href="#{{ page.id }}">{{ page.title }}</a></li>{% endfor %}</ol>
  {% endfor %}
</nav>
{% for part in parts %}
<h1 class="part-title">{{ part.title }}</h1>
{% for page in part.pages %}
<section class="page{{ ' wide' if page.wide }}">{{ page.html | safe }}</section>
{% endfor %}
{% endfor %}
</body></html>
"""

_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm;
  @bottom-center { content: counter(page); font-size: 9pt; color: #555; } }
@page wide { size: A4 landscape; margin: 14mm 12mm 18mm; }
@page :first { @bottom-center { content: none; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
a { color: #1a237e; text-decoration: none; }
h1, h2, h3, h4 { line-height: 1.25; }
h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
.cover { page-break-after: always; padding-top: 70mm; }
.cover-title { font-size: 28pt; margin: 4mm 0 8mm; }
.kicker, .meta { color: #444; }
.toc { page-break-after: always; }
.toc-title, .toc-part { bookmark-level: none; }
.toc ol { list-style: none; padding: 0; margin: 0 0 4mm; }
.toc li a::after { content: leader('.') target-counter(attr(href url), page); }
.toc li a { display: block; color: #111; }
.part-title { page-break-before: always; bookmark-level: 1; font-size: 22pt; margin-top: 60mm; }
section.page { page-break-before: always; }
section.page.wide { page: wide; }
section.page h1.page-title { bookmark-level: 2; font-size: 18pt; }
section.page h2 { bookmark-level: 3; font-size: 13pt; margin-top: 6mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 3mm 0; }
th, td { border: 0.5pt solid #bbb; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
.wide table { font-size: 7.5pt; }
.wide td:not(:first-child), .wide th:not(:first-child) { text-align: center; }
tr { page-break-inside: avoid; }
.admonition { border-left: 2pt solid #3949ab; background: #f3f4fb; padding: 1mm 4mm; margin: 3mm 0; }
.admonition-title { font-weight: bold; margin: 1mm 0; }
.md-tags { margin: 0 0 3mm; }
.md-tag { display: inline-block; border: 0.5pt solid #999; border-radius: 2mm; padding: 0 2mm; margin-right: 1.5mm; font-size: 8pt; color: #333; }
abbr { text-decoration: none; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
"""


def version(root: Path) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unversioned"


def book_html(book: Book, site: Path, built: str, revision: str) -> str:
    included = {url for part in book.parts for url in part.urls}
    parts = []
    for part in book.parts:
        pages = []
        for url in part.urls:
            title, html = article(site, url, included)
            pages.append({"id": anchor(url), "title": title, "html": html, "wide": url in WIDE})
        parts.append({"title": part.title, "pages": pages})
    env = Environment(autoescape=select_autoescape(default=True))
    return env.from_string(_TEMPLATE).render(book=book, parts=parts, built=built, version=revision)


def write_pdf(book: Book, site: Path, out: Path, built: str, revision: str) -> Path:
    from weasyprint import CSS, HTML  # imported here: only PDF builds need Pango

    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{book.name}.pdf"
    HTML(string=book_html(book, site, built, revision), base_url=str(site)).write_pdf(target, stylesheets=[CSS(string=_CSS)])
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--only", nargs="*", help="book names: handbook and/or role ids")
    args = parser.parse_args()
    catalog = load_folder(args.docs)
    books = [handbook_book(catalog)] + [role_book(catalog, stem) for stem in sorted(catalog.by_stem("role"))]
    if args.only:
        books = [b for b in books if b.name in args.only]
    built, revision = dt.date.today().isoformat(), version(args.docs.resolve().parent)
    out = args.site / "pdf"
    started = time.perf_counter()
    # WeasyPrint is single-threaded: one book per core.
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        jobs = {pool.submit(_timed_write, book, args.site, out, built, revision): book for book in books}
        for job in as_completed(jobs):
            path, seconds = job.result()
            print(f"{path}: {seconds:.1f} s")
    print(f"{len(books)} PDFs in {time.perf_counter() - started:.1f} s")
    return 0


def _timed_write(book: Book, site: Path, out: Path, built: str, revision: str) -> tuple[Path, float]:
    began = time.perf_counter()
    return write_pdf(book, site, out, built, revision), time.perf_counter() - began


if __name__ == "__main__":
    sys.exit(main())
