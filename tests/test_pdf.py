"""The PDF book and a role pack: pages, bookmarks, role titles, internal links, no web chrome."""

from __future__ import annotations

import functools
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, minimal_docs
from handbook.output.pdf import book_html, handbook_book, role_book, write_pdf
from handbook.rules import load_folder
from handbook.views.role_views import first_week, owned_rituals

pytestmark = pytest.mark.pdf

CHROME = ("Skip to content", "Back to top", "Made with", "Table of contents", "Initializing search")


def _require_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # Pango missing
        if os.environ.get("CI") == "true":
            pytest.fail(f"under CI=true PDFs must build: {error}")
        pytest.skip(f"WeasyPrint cannot load Pango: {error}")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, real_site):
    _require_weasyprint()
    from concurrent.futures import ProcessPoolExecutor

    from pypdf import PdfReader

    # The real site the other tests read, copied so the PDFs do not land in it.
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(real_site.site, site)
    catalog = load_folder(ROOT / "docs")
    # WeasyPrint is single-threaded: the book on one core, the two packs on the other.
    with ProcessPoolExecutor(max_workers=2) as pool:
        whole = pool.submit(write_pdf, handbook_book(catalog), site, site / "pdf", "2026-01-01", "test")
        pack = pool.submit(write_pdf, role_book(catalog, "data-scientist"), site, site / "pdf", "2026-01-01", "test")
        # Another address than the site's own, as --site-url gives.
        other = pool.submit(write_pdf, role_book(catalog, "compliance-partner"), site, site / "other", "2026-01-01", "test",
                            site_url="https://handbook.example.org/")
        return catalog, PdfReader(whole.result()), PdfReader(pack.result()), PdfReader(other.result())


def outline_titles(reader) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 0)
    return found


@functools.cache
def page_texts(reader) -> tuple[str, ...]:
    # pypdf's text extraction is the slow part of these tests: once per PDF.
    return tuple(page.extract_text() for page in reader.pages)


def text(reader) -> str:
    return "\n".join(page_texts(reader))


def test_handbook_pdf_pages_and_bookmarks(pdfs):
    catalog, whole, _, _ = pdfs
    book = handbook_book(catalog)
    pages = sum(len(part.urls) for part in book.parts)
    assert len(whole.pages) > pages
    titles = outline_titles(whole)
    assert [t for d, t in titles if d == 0] == ["Contents"] + [part.title for part in book.parts]
    second_level = {t for d, t in titles if d == 1}
    missing = [e.title for e in catalog.entries.values() if e.type != "home" and e.title not in second_level]
    assert missing == []


def test_every_role_title_is_in_the_text(pdfs):
    catalog, whole, _, _ = pdfs
    body = text(whole)
    assert [r.title for r in catalog.of_type("role") if r.title not in body] == []
    assert "Responsibility matrix" in body and "Glossary" in body


def test_internal_links_jump_within_the_pdf(pdfs):
    _, whole, _, _ = pdfs
    internal = 0
    for page in whole.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") == "/Link" and ("/Dest" in link or link.get("/A", {}).get("/S") == "/GoTo"):
                internal += 1
    assert internal > 1000


def test_no_web_chrome(pdfs):
    _, whole, pack, _ = pdfs
    for reader in (whole, pack):
        body = text(reader)
        assert [c for c in CHROME if c in body] == []


def test_matrix_is_on_a_landscape_page(pdfs):
    _, whole, _, _ = pdfs
    wide = [p for p, body in zip(whole.pages, page_texts(whole), strict=False) if "Responsibility matrix" in body and "Levels" in body]
    assert wide and all(p.mediabox.width > p.mediabox.height for p in wide)


def test_role_pack_follows_the_first_week_then_the_rituals_the_role_runs_or_works_in(pdfs):
    catalog, _, pack, _ = pdfs
    role = catalog.by_stem("role")["data-scientist"]
    week = first_week(catalog, role)
    rituals = [e for e in owned_rituals(catalog, "data-scientist") if e not in week]
    assert [t for d, t in outline_titles(pack) if d == 0] == ["Contents", "Your role", "Your first week", "Rituals you run or work in"]
    titles = [t for d, t in outline_titles(pack) if d == 1]
    assert titles == [role.title] + [e.title for e in week] + [e.title for e in rituals]
    assert 10 <= len(pack.pages) <= 60


def test_the_pack_holds_the_checklist_and_no_web_controls(pdfs):
    _, _, pack, _ = pdfs
    first_pages = "\n".join(page_texts(pack)[2:8])
    assert "Your first 90 days" in first_pages and "By day 90" in first_pages
    assert "Clear my ticks" not in first_pages
    assert "Linked from" not in text(pack)


def web_links(reader) -> set[str]:
    found = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A", {})
            if action.get("/S") == "/URI":
                found.add(str(action["/URI"]))
    return found


def test_links_outside_the_pack_point_to_the_published_site(pdfs):
    _, _, pack, other = pdfs
    # The role page links to the hiring practice, which is not in the pack.
    assert "https://handbook.example.com/practices/hiring-product-data-scientists/" in web_links(pack)
    assert "https://handbook.example.org/practices/compliance-by-design/" not in web_links(other)  # in that pack: internal
    assert any(u.startswith("https://handbook.example.org/") for u in web_links(other))


def test_compliance_pack_is_named_after_its_title_and_keeps_the_old_name(pdfs, tmp_path_factory):
    out = next(iter(tmp_path_factory.getbasetemp().glob("pdf*/site/other")))
    assert sorted(p.name for p in out.iterdir()) == ["compliance-officer.pdf", "compliance-partner.pdf"]


# --- pack contents and links, from a fixture site (no PDF rendering) -----------------


def test_pack_contents_follow_the_first_week_path(build_site):
    from test_role_views import with_onboarding

    from handbook.rules import load_catalog

    docs = with_onboarding(first_week="first_week: [myths/magic, practices/pairing]\n")
    built = build_site(docs)
    tags = docs.pop("tags.yml")
    catalog = load_catalog([(name, text.encode()) for name, text in docs.items()], tags.encode())
    book = role_book(catalog, "scientist")
    assert [(part.title, part.urls) for part in book.parts] == [
        ("Your role", ("/roles/scientist/",)),
        ("Your first week", ("/myths/magic/", "/practices/pairing/")),
        ("Rituals you run or work in", ("/rituals/stand-up/",)),
    ]
    assert (book.name, book.aliases) == ("scientist", ())
    html = BeautifulSoup(book_html(book, built.site, "2026-01-01", "test", "https://handbook.example.org/"), "html.parser")
    hrefs = {a.get_text(" ", strip=True): a["href"] for a in html.select("section.page a")}
    assert hrefs["Stand-up"] == "#p-rituals-stand-up"  # in the pack: a jump within the PDF
    assert hrefs["Team lead"] == "https://handbook.example.org/roles/lead/"  # not in it: the published page
    assert html.select("details.hb-linked-from, .hb-checklist__actions, .hb-checklist__status") == []
    assert len(html.select(".hb-checklist input[type=checkbox]")) == 6


def test_a_pack_is_named_after_the_role_title(build_site):
    from handbook.rules import load_catalog

    docs = minimal_docs()
    tags = docs.pop("tags.yml")
    catalog = load_catalog([(name, text.encode()) for name, text in docs.items()], tags.encode())
    book = role_book(catalog, "lead")
    assert (book.name, book.aliases, book.id) == ("team-lead", ("lead",), "lead")
    # No first-week path and no ritual it works in: only the role page.
    assert [part.title for part in role_book(catalog, "loner").parts] == ["Your role"]


# --- a printed book: running heads, tags, bookmarks, breaks, print content ---------------


def outline_items(reader):
    """(depth, title, /Count) of every bookmark, from the PDF's own outline dictionaries."""
    found = []

    def walk(node, depth):
        while node is not None:
            item = node.get_object()
            found.append((depth, str(item["/Title"]), int(item.get("/Count", 0))))
            if "/First" in item:
                walk(item["/First"], depth + 1)
            node = item.get("/Next")

    walk(reader.trailer["/Root"]["/Outlines"].get("/First"), 0)
    return found


def test_content_pages_carry_the_part_and_page_title_and_a_folio(pdfs):
    _, whole, pack, _ = pdfs
    total = len(whole.pages)
    # Margin boxes come last in a page's text: the running head (part, then page title), then the folio.
    ends = [body.splitlines()[-2:] for body in page_texts(whole)[1:]]
    heads = {end[0] for end in ends if len(end) == 2 and re.fullmatch(rf"page \d+ of {total}", end[1])}
    assert {"Rituals Daily stand-up", "Practices A team charter", "Reference Responsibility matrix"} <= heads
    # The part dividers and the cover have no running head and no folio.
    catalog = pdfs[0]
    parts = [part.title for part in handbook_book(catalog).parts]
    dividers = [n for n, body in enumerate(page_texts(whole)) if body.strip() in parts]
    unnumbered = [n for n, body in enumerate(page_texts(whole)) if not re.search(r"page \d+ of \d+$", body)]
    assert len(dividers) == len(parts) and unnumbered == [0, *dividers]
    assert page_texts(pack)[3].splitlines()[-2:] == ["Your role Data scientist", f"page 4 of {len(pack.pages)}"]


def test_the_pdf_is_tagged_with_title_language_and_author(pdfs):
    _, whole, pack, _ = pdfs
    for reader, title in ((whole, "Cross-Functional AI Team Handbook"), (pack, "Onboarding pack: Data scientist")):
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert root["/Lang"] == "en"
        assert reader.metadata.title == title and reader.metadata.author == "The handbook's editors"


def test_bookmarks_are_parts_pages_and_sections_of_long_pages_only_collapsed_with_contents(pdfs):
    catalog, whole, _, _ = pdfs
    items = outline_items(whole)
    top = [(title, count) for depth, title, count in items if depth == 0]
    assert top[0][0] == "Contents"
    # Closed when the PDF opens: a negative /Count on every part that has pages under it.
    assert all(count < 0 for title, count in top[1:])
    assert max(depth for depth, _, _ in items) == 2
    assert "Linked from" not in {title for _, title, _ in items}
    assert "Sources" not in {title for depth, title, _ in items if depth == 2}  # only the part and its index page
    # Section bookmarks only under a page that runs over three printed pages.
    starts = []  # (first page, page title, has section bookmarks) of every page bookmark, in order

    def walk(nodes, depth):
        for n, node in enumerate(nodes):
            if isinstance(node, list):
                continue
            if depth == 1:
                children = nodes[n + 1] if n + 1 < len(nodes) and isinstance(nodes[n + 1], list) else []
                starts.append((whole.get_destination_page_number(node), node.title, bool(children)))
            following = nodes[n + 1] if n + 1 < len(nodes) and isinstance(nodes[n + 1], list) else None
            if following is not None and depth == 0:
                walk(following, 1)

    walk(whole.outline, 0)
    ends = [first for first, _, _ in starts[1:]] + [len(whole.pages)]
    long_pages = {title for (first, title, _), end in zip(starts, ends, strict=False) if end - first > 3}
    with_sections = {title for _, title, has in starts if has}
    assert with_sections and with_sections <= long_pages
    assert "Glossary" in with_sections


def test_no_page_is_nearly_empty_but_the_dividers_and_no_page_holds_only_backlinks(pdfs):
    catalog, whole, pack, _ = pdfs
    dividers = {part.title for part in handbook_book(catalog).parts} | {part.title for part in role_book(catalog, "data-scientist").parts}
    for reader in (whole, pack):
        short = []
        for number, page in enumerate(page_texts(reader)[1:], start=2):
            body = page.strip()
            if body in dividers:
                continue
            if len(body) < 200:
                short.append(number)
        assert short == []
        assert not any(body.count("Linked from") > 1 for body in page_texts(reader))
    assert "Linked from" not in text(pack)


def test_web_only_sentences_are_printed_in_print_wording(pdfs):
    _, whole, pack, _ = pdfs
    body = " ".join((text(whole) + text(pack)).split())
    for web in ("this browser keeps your ticks", "download it with the button", "Download the template", "Clear my ticks", "↩"):
        assert web not in body
    assert "Tick them off as you go." in " ".join(text(pack).split())


def test_every_pack_is_named_and_titled_after_its_role(pdfs, tmp_path_factory):
    catalog, _, pack, _ = pdfs
    from pypdf import PdfReader

    from handbook.views.role_views import pack_name

    out = next(iter(tmp_path_factory.getbasetemp().glob("pdf*/site/other")))
    reader = PdfReader(out / "compliance-partner.pdf")
    assert reader.metadata.title == "Onboarding pack: Compliance partner"
    assert pack_name(catalog.by_stem("role")["compliance-partner"]) == "compliance-partner"
    assert 10 <= len(reader.pages) <= 60


def test_every_link_in_the_pdfs_is_valid(pdfs):
    _, whole, pack, other = pdfs
    for reader, address in ((whole, "https://handbook.example.com/"), (pack, "https://handbook.example.com/"), (other, "https://handbook.example.org/")):
        names = set(reader.named_destinations)
        broken = []
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                link = annotation.get_object()
                if link.get("/Subtype") != "/Link":
                    continue
                action = link.get("/A", {})
                if action.get("/S") == "/URI":
                    uri = str(action["/URI"])
                    if not uri.startswith(address) and not uri.startswith("https://"):
                        broken.append(uri)
                    continue
                dest = link.get("/Dest", action.get("/D"))
                if isinstance(dest, str) or hasattr(dest, "original_bytes"):
                    if str(dest) not in names:
                        broken.append(str(dest))
                elif dest is None:
                    broken.append(repr(link))
        assert broken == []


def test_the_team_rhythm_is_in_reference(pdfs):
    catalog, whole, _, _ = pdfs
    reference = next(part for part in handbook_book(catalog).parts if part.title == "Reference")
    assert reference.urls[0] == "/rhythm/"
    assert ("Team operating rhythm") in {t for d, t in outline_titles(whole) if d == 1}


# --- print content from a hand-made built page (no PDF rendering) ---------------------


def _built_page(tmp_path: Path, url: str, body: str) -> Path:
    site = tmp_path / "site"
    folder = site / url.strip("/")
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f"<html><body><article><h1>Page</h1>{body}</article></body></html>", encoding="utf-8")
    return site


def test_a_template_prints_as_a_form_with_blanks(tmp_path):
    from handbook.output.pdf import article

    block = ("# Charter: &lt;team&gt;\n\n## Members\n\n| Name | Role |\n| --- | --- |\n| Ann |  |\n|  |  |\n\n"
             "## Checks\n\n- [ ] Agreed by all\n- Owner:\n")
    site = _built_page(tmp_path, "/templates/charter/", f'<h2 id="the-template">The template</h2>'
                       f'<p>Copy the block into a wiki page, or download it with the button below.</p>'
                       f'<div class="highlight"><pre><code>{block}</code></pre></div>'
                       f'<p class="hb-download"><a class="md-button" href="../charter.md" download>Download the template (Markdown)</a></p>')
    _, html = article(site, "/templates/charter/", set())
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("div.hb-form")
    assert form is not None and soup.select("div.highlight, pre, .hb-download") == []
    assert [p.get_text() for p in form.select("p.hb-form__h1, p.hb-form__h2")] == ["Charter: <team>", "Members", "Checks"]
    assert len(form.select("table td.hb-form__blank")) == 3
    assert [li.get_text() for li in form.select("li.hb-form__task")] == ["Agreed by all"]
    assert [li.get_text() for li in form.select("li.hb-form__fill")] == ["Owner:"]
    assert "Copy the block into a wiki page, or fill in the printed form below." in soup.get_text()


def test_linked_from_becomes_one_compact_line_and_leaves_packs(tmp_path):
    from handbook.output.pdf import article

    site = _built_page(tmp_path, "/practices/x/", '<p>Text.</p><h2 id="sources">Sources</h2><ul><li>A source</li></ul>'
                       '<h2 id="linked-from">Linked from</h2><ul><li><a href="../y/">Y</a></li><li><a href="../z/">Z</a></li></ul>'
                       '<p class="hb-page-dates">Last reviewed</p>')
    _, html = article(site, "/practices/x/", {"/practices/x/", "/practices/y/"}, "https://handbook.example.org/")
    soup = BeautifulSoup(html, "html.parser")
    line = soup.select_one("p.hb-linked-line")
    assert line.get_text() == "Linked from: Y · Z"
    assert [a["href"] for a in line.find_all("a")] == ["#p-practices-y", "https://handbook.example.org/practices/z/"]
    assert soup.find("h2", string="Linked from") is None
    assert soup.select("h2.hb-foot") == soup.find_all("h2")  # Sources: no bookmark
    _, html = article(site, "/practices/x/", {"/practices/x/"}, backlinks=False)
    soup = BeautifulSoup(html, "html.parser")
    assert "Linked from" not in soup.get_text() and soup.select_one("p.hb-page-dates") is not None


def test_sentences_about_the_browser_get_their_print_wording(tmp_path):
    from handbook.output.pdf import article

    site = _built_page(tmp_path, "/roles/x/", "<p>Tick them off as you go: this browser keeps your ticks for this role, on this device only.</p>"
                       "<p>They work through the checklist; the boxes they tick stay ticked in their browser.</p>"
                       '<noscript><style>.hb-matrix-filter { display: none; }</style></noscript>'
                       '<p><span class="hb-raci">A</span><span class="hb-tip">Lead is accountable for X</span></p>')
    _, html = article(site, "/roles/x/", set())
    assert [p.get_text() for p in BeautifulSoup(html, "html.parser").find_all("p")] == [
        "Tick them off as you go.", "They work through the checklist.", "A"]
    assert "<style" not in html


# One-line items that end page A this near the foot of its first printed page: without the keep rules, its
# footnote stays there and Sources, "Linked from" and the dates print alone on the next (37 to 47 items do).
FILLING_ITEMS = 42


def test_a_foot_that_would_print_alone_before_a_divider_goes_over_with_the_last_lines(tmp_path):
    """A page whose list ends near the foot of a printed page, before the next part: its foot would print alone on
    a page of its own (as "Linked from" did in the book); it goes over whole, with the list's last item."""
    _require_weasyprint()
    from pypdf import PdfReader

    from handbook.output.pdf import Book, Part

    items = "".join(f"<li>Point {n} of page A.</li>" for n in range(1, FILLING_ITEMS)) + "<li>Last point of page A.</li>"
    sources = "".join(f"<li>Source {n}</li>" for n in range(1, 6))
    for url, body in (("a", f'<h1>Page A</h1><ul>{items}</ul><div class="footnote"><hr><ol><li><p>A footnote.</p></li></ol></div>'
                             f'<h2 id="sources">Sources</h2><ul>{sources}</ul><h2 id="linked-from">Linked from</h2>'
                             '<ul><li><a href="../b/">Page B</a></li></ul><p class="hb-page-dates">Last reviewed 1 January 2026</p>'),
                      ("b", "<h1>Page B</h1><p>Text.</p>")):
        (tmp_path / "site" / url).mkdir(parents=True)
        (tmp_path / "site" / url / "index.html").write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    book = Book("t", "T", "Test", (Part("One", ("/a/",)), Part("Two", ("/b/",))))
    html = BeautifulSoup(book_html(book, tmp_path / "site", "2026-01-01", "test"), "html.parser")
    assert [s["class"] for s in html.select("section.page")] == [["page", "before-break"]] * 2
    assert [c.name for c in html.select_one("div.hb-page-foot").find_all(recursive=False)] == ["div", "h2", "ul", "p", "p"]
    pdf = write_pdf(book, tmp_path / "site", tmp_path / "pdf", "2026-01-01", "test", site_url="")
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    # Page A runs over two printed pages (the case this is about); the second holds the list's end and the whole foot.
    title = next(n for n, body in enumerate(pages) if body.startswith("Page A"))
    dates = next(n for n, body in enumerate(pages) if "Last reviewed" in body)
    assert dates == title + 1
    assert "Last point of page A." in pages[dates] and "Sources" in pages[dates]


def test_a_pages_foot_is_one_block_after_its_text(tmp_path):
    from handbook.output.pdf import article

    site = _built_page(tmp_path, "/roles/x/", '<p>Text.</p><ul><li>Last item</li></ul><div class="footnote"><hr><ol><li>A note</li></ol></div>'
                       '<div class="hb-role-reference"><h2 id="myths">Myths to unlearn</h2><ul><li>A myth</li></ul></div>'
                       '<h2 id="sources">Sources</h2><ul><li>A source</li></ul><p class="hb-page-dates">Last reviewed</p>')
    _, html = article(site, "/roles/x/", {"/roles/x/"}, backlinks=False)
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(recursive=False)] == ["h1", "p", "ul", "div"]
    foot = soup.select_one("div.hb-page-foot")
    assert [(t.name, t.get("class")) for t in foot.find_all(recursive=False)] == [
        ("div", ["footnote"]), ("div", ["hb-role-reference"]), ("h2", ["hb-foot"]), ("ul", None), ("p", ["hb-page-dates"])]
    _, html = article(_built_page(tmp_path / "other", "/myths/y/", "<p>Text.</p><ul><li>Item</li></ul>"), "/myths/y/", set())
    assert "hb-page-foot" not in html
