"""The handbook as PDF books: the whole handbook and one onboarding pack per role.

Each book is assembled from the pages of a built site (their <article> only,
so no header, sidebar or search box), with a cover, a table of contents with
page numbers, nested bookmarks and links that jump within the PDF, then
rendered by WeasyPrint.
A link to a page that is not in the book points to the published site: the
address is the built site's canonical URL (mkdocs.yml's `site_url`, which
HANDBOOK_SITE_URL overrides), or --site-url.
usage: python -m handbook.pdf SITE_DIR [--docs docs] [--site-url URL] [--only handbook|ROLE_ID ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import posixpath
import shutil
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
from handbook.role_views import first_week, owned_rituals, pack_name

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
    name: str  # file stem: "handbook" or a role's pack name, e.g. "compliance-partner"
    title: str
    subtitle: str
    parts: tuple[Part, ...]
    # Other file stems the same PDF is also written under, so that earlier download links keep working.
    aliases: tuple[str, ...] = ()
    id: str = ""  # the role id of a pack, for --only
    # A pack stays short: its pages' "Linked from" lists point mostly outside it.
    backlinks: bool = True

    @property
    def urls(self) -> list[str]:
        return [url for part in self.parts for url in part.urls]


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
    """The role page (with its 90-day checklist), its first-week reading in order, then the rituals it runs or works in."""
    role = catalog.by_stem("role")[role_id]
    week = [e.url for e in first_week(catalog, role)]
    rituals = [e.url for e in owned_rituals(catalog, role_id) if e.url not in week]
    parts = [Part("Your role", (role.url,)), Part("Your first week", tuple(week)), Part("Rituals you run or work in", tuple(rituals))]
    name = pack_name(role)
    return Book(name, f"Onboarding pack: {role.title}", TITLE, tuple(p for p in parts if p.urls),
                aliases=(role_id,) if name != role_id else (), id=role_id, backlinks=False)


# --- one page of the site into a section of the book -----------------------------


def anchor(url: str, fragment: str = "") -> str:
    base = "p" + url.rstrip("/").replace("/", "-") if url != "/" else "p-home"
    return f"{base}--{fragment}" if fragment else base


def _page_path(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url != "/" else site / "index.html"


def site_address(site: Path) -> str:
    """The published address the site was built for, from its home page's canonical link ("" when it has none)."""
    home = site / "index.html"
    if not home.is_file():
        return ""
    canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find("link", rel="canonical")
    href = canonical.get("href", "") if canonical else ""
    return href if href.startswith(("http://", "https://")) else ""


def article(site: Path, url: str, included: set[str], site_url: str = "", *, backlinks: bool = True) -> tuple[str, str]:
    """(title, HTML) of one page's article, with ids made unique and links made internal."""
    soup = BeautifulSoup(_page_path(site, url).read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    if body is None:
        raise ValueError(f"{url}: no <article> in the built page")
    # Web-only parts: permalinks, edit buttons, tag chips (tag pages are not in the book), scripts.
    # The role page's folded backlinks and its checklist's controls are web-only too.
    for junk in body.select("a.headerlink, .md-content__button, .md-source-file, .md-tags, script, form, .hb-download, "
                            "details.hb-linked-from, .hb-checklist__status, .hb-checklist__actions"):
        junk.decompose()
    heading = body.find("h2", id="linked-from")
    if heading is not None and not backlinks:
        for sibling in list(heading.find_next_siblings()):
            if sibling.name in ("h1", "h2"):
                break
            sibling.decompose()
        heading.decompose()
    for element in body.find_all(id=True):
        element["id"] = anchor(url, element["id"])
    for link in body.find_all("a", href=True):
        _rewrite(link, url, included, site_url)
    heading = body.find("h1")
    title = heading.get_text(" ", strip=True) if heading else url
    if heading is not None:
        heading["id"] = anchor(url)
        heading["class"] = ["page-title"]
    return title, body.decode_contents()


def _rewrite(link: Tag, url: str, included: set[str], site_url: str) -> None:
    href = link["href"]
    if href.startswith(("http://", "https://", "mailto:")):
        return
    joined, fragment = urldefrag(urljoin(url, href))
    target = posixpath.normpath(joined) + "/" if joined not in ("", "/") else "/"
    if target.endswith("index.html/"):
        target = target[: -len("index.html/")]
    if target in included:
        link["href"] = "#" + anchor(target, fragment)
    elif site_url:
        # Not in this book: the page on the published site. A file such as matrix.csv keeps its name.
        path = target if posixpath.splitext(joined)[1] == "" else joined
        link["href"] = urljoin(site_url, path.lstrip("/")) + (f"#{fragment}" if fragment else "")
        link["class"] = [*link.get("class", []), "external"]
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
a.external { text-decoration: underline; text-decoration-color: #9fa8da; }
.hb-lead { font-size: 11.5pt; }
.hb-first-week, .hb-checklist { border-left: 2pt solid #3949ab; padding: 0 0 0 4mm; margin: 4mm 0; }
.hb-path__meta, .hb-path__why, .hb-checklist__see { color: #444; font-size: 9pt; }
.hb-path__why { display: block; }
ul.hb-checklist__items { list-style: none; padding-left: 0; }
ul.hb-checklist__items li { margin: 1.5mm 0; padding-left: 6mm; text-indent: -6mm; }
/* Real checkboxes, printed empty. */
input.hb-checklist__box { appearance: none; display: inline-block; width: 3mm; height: 3mm; border: 0.7pt solid #222; margin: 0 3mm 0 0; vertical-align: -0.4mm; text-indent: 0; }
.hb-checklist__flag { font-style: italic; color: #00695c; }
.hb-raci { font-weight: bold; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
"""


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
            pages.append({"id": anchor(url), "title": title, "html": html, "wide": url in WIDE})
        parts.append({"title": part.title, "pages": pages})
    env = Environment(autoescape=select_autoescape(default=True))
    return env.from_string(_TEMPLATE).render(book=book, parts=parts, built=built, version=revision)


def write_pdf(book: Book, site: Path, out: Path, built: str, revision: str, site_url: str | None = None) -> Path:
    """Write the book as out/<name>.pdf (and a copy under each alias); `site_url` defaults to the site's own address."""
    from weasyprint import CSS, HTML  # imported here: only PDF builds need Pango

    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{book.name}.pdf"
    address = site_address(site) if site_url is None else site_url
    HTML(string=book_html(book, site, built, revision, address), base_url=str(site)).write_pdf(target, stylesheets=[CSS(string=_CSS)])
    for alias in book.aliases:
        shutil.copyfile(target, out / f"{alias}.pdf")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--only", nargs="*", help="book names: handbook and/or role ids")
    parser.add_argument("--site-url", default=None, help="address of the published site (default: the built site's canonical URL)")
    args = parser.parse_args()
    catalog = load_folder(args.docs)
    books = [handbook_book(catalog)] + [role_book(catalog, stem) for stem in sorted(catalog.by_stem("role"))]
    if args.only:
        books = [b for b in books if b.name in args.only or b.id in args.only]
    built, revision = dt.date.today().isoformat(), version(args.docs.resolve().parent)
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
