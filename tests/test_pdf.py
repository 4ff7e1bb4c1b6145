"""The PDF book and a role pack: pages, bookmarks, role titles, internal links, no web chrome."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, minimal_docs

from handbook.catalog import load_folder
from handbook.pdf import book_html, handbook_book, role_book, write_pdf
from handbook.role_views import first_week, owned_rituals

CHROME = ("Skip to content", "Back to top", "Made with", "Table of contents", "Initializing search")


def _require_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # Pango missing
        if os.environ.get("CI") == "true":
            pytest.fail(f"under CI=true PDFs must build: {error}")
        pytest.skip(f"WeasyPrint cannot load Pango: {error}")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory):
    _require_weasyprint()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pypdf import PdfReader

    site = tmp_path_factory.mktemp("pdf") / "site"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site)))
    catalog = load_folder(ROOT / "docs")
    whole = write_pdf(handbook_book(catalog), site, site / "pdf", "2026-01-01", "test")
    pack = write_pdf(role_book(catalog, "data-scientist"), site, site / "pdf", "2026-01-01", "test")
    # Another address than the site's own, as --site-url gives.
    other = write_pdf(role_book(catalog, "compliance-officer"), site, site / "other", "2026-01-01", "test", site_url="https://handbook.example.org/")
    return catalog, PdfReader(whole), PdfReader(pack), PdfReader(other)


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


def text(reader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_handbook_pdf_pages_and_bookmarks(pdfs):
    catalog, whole, _, _ = pdfs
    book = handbook_book(catalog)
    pages = sum(len(part.urls) for part in book.parts)
    assert len(whole.pages) > pages
    titles = outline_titles(whole)
    assert [t for d, t in titles if d == 0] == [part.title for part in book.parts]
    second_level = {t for d, t in titles if d == 1}
    missing = [e.title for e in catalog.entries.values() if e.type != "home" and e.title not in second_level]
    assert missing == []


def test_every_role_title_is_in_the_text(pdfs):
    catalog, whole, _, _ = pdfs
    body = text(whole)
    assert [r.title for r in catalog.of_type("role") if r.title not in body] == []
    assert "Role-by-practice matrix" in body and "Glossary" in body


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
    wide = [p for p in whole.pages if "Role-by-practice matrix" in p.extract_text() and "Levels" in p.extract_text()]
    assert wide and all(p.mediabox.width > p.mediabox.height for p in wide)


def test_role_pack_follows_the_first_week_then_the_rituals_the_role_runs_or_works_in(pdfs):
    catalog, _, pack, _ = pdfs
    role = catalog.by_stem("role")["data-scientist"]
    week = first_week(catalog, role)
    rituals = [e for e in owned_rituals(catalog, "data-scientist") if e not in week]
    assert [t for d, t in outline_titles(pack) if d == 0] == ["Your role", "Your first week", "Rituals you run or work in"]
    titles = [t for d, t in outline_titles(pack) if d == 1]
    assert titles == [role.title] + [e.title for e in week] + [e.title for e in rituals]
    assert 10 <= len(pack.pages) <= 60


def test_the_pack_holds_the_checklist_and_no_web_controls(pdfs):
    _, _, pack, _ = pdfs
    first_pages = "\n".join(pack.pages[n].extract_text() for n in range(2, 8))
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

    from handbook.catalog import load_catalog

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
    from handbook.catalog import load_catalog

    docs = minimal_docs()
    tags = docs.pop("tags.yml")
    catalog = load_catalog([(name, text.encode()) for name, text in docs.items()], tags.encode())
    book = role_book(catalog, "lead")
    assert (book.name, book.aliases, book.id) == ("team-lead", ("lead",), "lead")
    # No first-week path and no ritual it works in: only the role page.
    assert [part.title for part in role_book(catalog, "loner").parts] == ["Your role"]
