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
import math
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag

from handbook.content.catalog import WORDS_PER_MINUTE, Catalog
from handbook.content.settings import Settings, today
from handbook.content.types import BOOK_PARTS, page_types
from handbook.pages.outputs import outputs
from handbook.pages.render import render_html
from handbook.rules import load_folder
from handbook.views.role_views import first_week, owned_rituals, pack_name

TITLE = "Cross-Functional AI Team Handbook"
WIDE = {"/matrix/"}
# Tagged PDF for screen readers: a structure tree, the language and the title shown in the window.
PDF_VARIANT = "pdf/ua-1"


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
    """The whole handbook, part by part (`BOOK_PARTS`): each type's index and pages go in its registry entry's part.

    The generated pages that ask for the book (`Output.pdf`: the rhythm, the matrix) open the Reference part.
    """
    urls: dict[str, list[str]] = {title: [] for title in BOOK_PARTS}
    urls["Reference"] += [output.url for output in outputs(catalog, Settings()) if output.pdf]
    for page_type in page_types():
        if page_type.book is None:
            continue
        index = [f"/{page_type.folder}/"] if page_type.index is not None else []
        urls[page_type.book] += index + [e.url for e in catalog.of_type(page_type.name)]
    return Book("handbook", TITLE, "The whole handbook", tuple(Part(title, tuple(found)) for title, found in urls.items()))


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


# Sentences that only make sense on screen, and their printed wording ("" drops the sentence).
PRINT_WORDING = (
    (re.compile(r"Tick them off as you go: this browser keeps your ticks for this role, on this device only\."), "Tick them off as you go."),
    (re.compile(r",? or download it with the button below\."), ", or fill in the printed form below."),
    (re.compile(r"; the boxes they tick stay ticked in their browser\."), "."),
    (re.compile(r"each ready to download as Markdown\."), "each printed here as a form and ready to download as Markdown from the website."),
)
# Headings of what the build adds at a page's foot: never bookmarked.
FOOT_SECTIONS = ("sources", "linked-from")


def article(site: Path, url: str, included: set[str], site_url: str = "", *, backlinks: bool = True) -> tuple[str, str]:
    """(title, HTML) of one page's article, with ids made unique and links made internal."""
    soup = BeautifulSoup(_page_path(site, url).read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    if body is None:
        raise ValueError(f"{url}: no <article> in the built page")
    # Web-only parts: permalinks, edit buttons, tag chips (tag pages are not in the book), scripts, download
    # buttons, footnote back-arrows, anything marked .hb-web-only.
    # The role page's folded backlinks and its checklist's controls are web-only too.
    for junk in body.select("a.headerlink, .md-content__button, .md-source-file, .md-tags, script, form, .hb-download, "
                            "details.hb-linked-from, .hb-checklist__status, .hb-checklist__actions, .hb-web-only, "
                            "a.footnote-backref, a.md-button[download], .hb-matrix__hint"):
        junk.decompose()
    for paragraph in body.find_all("p"):
        if not paragraph.get_text(strip=True) and paragraph.find(True) is None:
            paragraph.decompose()
    _print_wording(body)
    _linked_from(soup, body, backlinks)
    for heading in body.find_all(["h2", "h3"], id=FOOT_SECTIONS):
        heading["class"] = [*heading.get("class", []), "hb-foot"]
    if url.startswith("/templates/") and url != "/templates/":
        _template_form(soup, body)
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


def _print_wording(body: Tag) -> None:
    for string in body.find_all(string=True):
        text = str(string)
        for pattern, replacement in PRINT_WORDING:
            text = pattern.sub(replacement, text)
        if text != string:
            string.replace_with(text)


def _linked_from(soup: BeautifulSoup, body: Tag, keep: bool) -> None:
    """The web's "Linked from" list as one compact line (or nothing, in a pack)."""
    heading = body.find("h2", id="linked-from")
    if heading is None:
        return
    links = []
    for sibling in list(heading.find_next_siblings()):
        if sibling.name in ("h1", "h2") or sibling.name not in ("ul", "ol"):
            break
        links += sibling.find_all("a", href=True)
        sibling.extract()
    if keep and links:
        line = soup.new_tag("p", attrs={"class": "hb-linked-line"})
        label = soup.new_tag("span", attrs={"class": "hb-linked-line__label"})
        label.string = "Linked from: "
        line.append(label)
        for n, link in enumerate(links):
            if n:
                line.append(" · ")
            line.append(link)
        heading.replace_with(line)
    else:
        heading.decompose()


def _template_form(soup: BeautifulSoup, body: Tag) -> None:
    """A template's Markdown block printed as a form: its Markdown rendered, boxed, with ruled blanks to write on."""
    import markdown

    heading = body.find("h2", id="the-template")
    block = heading.find_next_sibling("div", class_="highlight") if heading else None
    if block is None:
        return
    # "<team name>" is a blank to fill in, not an HTML tag.
    html = markdown.markdown(block.get_text().replace("<", "&lt;"), extensions=["tables", "sane_lists"])
    form = BeautifulSoup(f'<div class="hb-form">{html}</div>', "html.parser").div
    # Its headings are the form's own: not page headings, so no bookmark and no running head.
    for level in ("h1", "h2", "h3", "h4"):
        for h in form.find_all(level):
            h.name = "p"
            h["class"] = [f"hb-form__{level}"]
    for cell in form.find_all("td"):
        if not cell.get_text(strip=True):
            cell["class"] = ["hb-form__blank"]
    for item in form.find_all("li"):
        text = item.get_text()
        if text.startswith("[ ]"):
            item["class"] = ["hb-form__task"]
            first = item.find(string=re.compile(r"^\[ \]"))
            first.replace_with(first[3:].lstrip())
        if text.rstrip().endswith(":"):
            item["class"] = [*item.get("class", []), "hb-form__fill"]
    for paragraph in form.find_all("p"):
        if paragraph.get_text().rstrip().endswith((":", "…", "We will")):
            paragraph["class"] = [*paragraph.get("class", []), "hb-form__fill"]
    block.replace_with(form)


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


_CSS = """
@page { size: A4; margin: 22mm 18mm 22mm;
  @top-left { content: string(part); font-size: 8pt; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: string(pagetitle, first); font-size: 8pt; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; } }
@page wide { size: A4 landscape; margin: 16mm 12mm 18mm; }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
@page divider { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
a { color: #1a237e; text-decoration: none; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; }
h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
p, li, dd, blockquote { orphans: 2; widows: 2; }
.cover { break-after: page; padding-top: 70mm; }
.cover-title { font-size: 28pt; margin: 4mm 0 8mm; }
.kicker, .meta { color: #444; }
.toc { break-after: page; }
.toc-title { bookmark-level: 1; bookmark-state: closed; string-set: pagetitle "Contents" part ""; }
.toc-part { font-size: 11pt; margin: 5mm 0 1mm; bookmark-level: none; }
.toc ol { list-style: none; padding: 0; margin: 0 0 2mm; }
.toc li { break-inside: avoid; }
.toc li a::after { content: leader('.') target-counter(attr(href url), page); }
.toc li a { display: block; color: #111; }
.toc-minutes { color: #666; font-size: 8.5pt; font-weight: normal; margin-left: 2mm; }
.toc-minutes::before { content: "· "; }
.divider { page: divider; break-before: page; break-after: page; }
.part-title { bookmark-level: 1; bookmark-state: closed; string-set: part content(); font-size: 22pt; margin-top: 60mm; }
/* Pages run on from one another, so that no page is left nearly empty; a rule marks where one begins. */
section.page { margin-top: 8mm; }
section.page:not(.wide) + section.page:not(.wide) { border-top: 0.8pt solid #9fa8da; padding-top: 4mm; }
.divider + section.page { margin-top: 0; }
section.page.wide { page: wide; }
section.page h1.page-title { bookmark-level: 2; bookmark-state: closed; string-set: pagetitle content(); font-size: 18pt; margin-top: 0; }
section.page h2 { bookmark-level: 3; font-size: 13pt; margin-top: 6mm; }
section.page h2.hb-foot { bookmark-level: none; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 3mm 0; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #bbb; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
.wide table { font-size: 7.5pt; }
.hb-matrix-legend { columns: 2; column-gap: 10mm; font-size: 9pt; }
.hb-matrix-legend dd { margin-left: 6mm; }
.wide td:not(:first-child), .wide th:not(:first-child) { text-align: center; }
tr, li, .footnote li { break-inside: avoid; }
.admonition, details, .hb-first-week, blockquote, pre { break-inside: avoid; }
.admonition { border-left: 2pt solid #3949ab; background: #f3f4fb; padding: 1mm 4mm; margin: 3mm 0; }
.admonition-title { font-weight: bold; margin: 1mm 0; break-after: avoid; }
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
.hb-linked-line { font-size: 8pt; color: #444; margin: 3mm 0 1mm; }
.hb-linked-line__label { font-weight: bold; }
.hb-page-dates, .footnote { font-size: 8pt; color: #444; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
/* A template printed as a form to fill in. */
.hb-form { border: 1pt solid #333; padding: 2mm 5mm 4mm; margin: 3mm 0; }
.hb-form__h1 { font-size: 13pt; font-weight: bold; margin: 2mm 0 3mm; }
.hb-form__h2 { font-size: 10.5pt; font-weight: bold; margin: 5mm 0 1mm; border-bottom: 0.5pt solid #333; break-after: avoid; }
.hb-form__h3, .hb-form__h4 { font-weight: bold; margin: 3mm 0 1mm; break-after: avoid; }
.hb-form td.hb-form__blank { height: 7mm; }
.hb-form li.hb-form__fill::after, .hb-form p.hb-form__fill::after { content: ""; display: block; height: 6mm; border-bottom: 0.5pt solid #999; }
.hb-form ul { padding-left: 5mm; }
.hb-form li.hb-form__task { list-style: none; }
.hb-form li.hb-form__task::before { content: ""; display: inline-block; width: 3mm; height: 3mm; border: 0.7pt solid #222; margin: 0 2mm 0 -5mm; vertical-align: -0.4mm; }
.hb-form p, .hb-form li { orphans: 1; widows: 1; }
"""

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
                          "minutes": max(1, math.ceil(words / WORDS_PER_MINUTE))})
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
    for number, page in enumerate(document.pages):
        kept = []
        for mark in page.bookmarks:
            if mark[0] <= 2:
                cursor += 1
                kept.append(mark)
            elif cursor and starts[cursor] - starts[cursor - 1] > LONG_PAGE:
                kept.append(mark)
        page.bookmarks[:] = kept


def write_pdf(book: Book, site: Path, out: Path, built: str, revision: str, site_url: str | None = None) -> Path:
    """Write the book as out/<name>.pdf (and a copy under each alias); `site_url` defaults to the site's own address."""
    from weasyprint import CSS, HTML  # imported here: only PDF builds need Pango

    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{book.name}.pdf"
    address = site_address(site) if site_url is None else site_url
    html = HTML(string=book_html(book, site, built, revision, address), base_url=str(site))
    document = html.render(stylesheets=[CSS(string=_CSS)], pdf_variant=PDF_VARIANT)
    prune_bookmarks(document)
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
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
    built, revision = today().isoformat(), version(args.docs.resolve().parent)
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
