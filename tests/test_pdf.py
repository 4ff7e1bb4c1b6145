"""The PDF book and a role pack: pages, bookmarks, role titles, internal links, no web chrome."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

from handbook.catalog import load_folder
from handbook.pdf import handbook_book, role_book, write_pdf
from handbook.role_views import reading_order

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
    return catalog, PdfReader(whole), PdfReader(pack)


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
    catalog, whole, _ = pdfs
    book = handbook_book(catalog)
    pages = sum(len(part.urls) for part in book.parts)
    assert len(whole.pages) > pages
    titles = outline_titles(whole)
    assert [t for d, t in titles if d == 0] == [part.title for part in book.parts]
    second_level = {t for d, t in titles if d == 1}
    missing = [e.title for e in catalog.entries.values() if e.type != "home" and e.title not in second_level]
    assert missing == []


def test_every_role_title_is_in_the_text(pdfs):
    catalog, whole, _ = pdfs
    body = text(whole)
    assert [r.title for r in catalog.of_type("role") if r.title not in body] == []
    assert "Role-by-practice matrix" in body and "Glossary" in body


def test_internal_links_jump_within_the_pdf(pdfs):
    _, whole, _ = pdfs
    internal = 0
    for page in whole.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") == "/Link" and ("/Dest" in link or link.get("/A", {}).get("/S") == "/GoTo"):
                internal += 1
    assert internal > 1000


def test_no_web_chrome(pdfs):
    _, whole, pack = pdfs
    for reader in (whole, pack):
        body = text(reader)
        assert [c for c in CHROME if c in body] == []


def test_matrix_is_on_a_landscape_page(pdfs):
    _, whole, _ = pdfs
    wide = [p for p in whole.pages if "Practices by role" in p.extract_text()]
    assert wide and all(p.mediabox.width > p.mediabox.height for p in wide)


def test_role_pack_holds_the_role_and_its_reading_order(pdfs):
    catalog, _, pack = pdfs
    order = reading_order(catalog, catalog.by_stem("role")["data-scientist"])
    titles = [t for d, t in outline_titles(pack) if d == 1]
    assert titles == [e.title for e in order]
