"""On paper: the health check's worksheet in the PDF book and in the lead's onboarding pack."""

from __future__ import annotations

import os
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from handbook.output.book import Book, Part
from handbook.output.pdf import book_html, handbook_book, role_book, write_pdf
from handbook.rules import load_folder


def worksheet(html: str):
    soup = BeautifulSoup(html, "html.parser")
    # The page's title carries its anchor in the book; the page is the section around it.
    return soup.find(id="p-health-check").find_parent("section")


def test_the_book_holds_the_worksheet_without_the_webs_parts(real_site):
    catalog = load_folder(ROOT / "docs")
    assert "/health-check/" in handbook_book(catalog).urls
    # The page as the book takes it, in a book of its own: the whole book's HTML is the slow PDF tests' business.
    alone = Book("health-check", "Health check", "test", (Part("Templates", ("/health-check/",)),))
    section = worksheet(book_html(alone, real_site.site, "2026-12-04", "test"))
    assert len(section.select("fieldset.hb-hc__attr")) == len(catalog.get("health-check.md").meta.attributes)
    assert len(section.select("input.hb-hc__pick")) == 4 * len(section.select("fieldset.hb-hc__attr"))
    text = section.get_text(" ", strip=True)
    assert "Plays that help" in text and "Then work on the attributes rated at risk first" in text
    # The web's parts are left out, and the page's sentence about printing is reworded for paper.
    assert section.select("script, button, [data-hb-panel], .hb-web-only") == []
    assert "turn on JavaScript" not in text and "print this page" not in text
    assert "On paper, use the worksheet below" in text


@pytest.mark.pdf
def test_the_leads_pack_prints_the_worksheet(tmp_path, real_site):
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # Pango missing
        if os.environ.get("CI") == "true":
            pytest.fail(f"under CI=true PDFs must build: {error}")
        pytest.skip(f"WeasyPrint cannot load Pango: {error}")
    from pypdf import PdfReader

    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    catalog = load_folder(ROOT / "docs")
    reader = PdfReader(write_pdf(role_book(catalog, "ai-team-lead"), site, site / "pdf", "2026-12-04", "test"))
    assert [item.title for item in reader.outline if not isinstance(item, list)][-1] == "Tools you run"
    texts = [p.extract_text() for p in reader.pages]
    pages = [n for n, t in enumerate(texts) if "Plays that help" in t]
    names = [a.name for a in catalog.get("health-check.md").meta.attributes]
    sheet = " ".join(texts[n] for n in pages)
    assert all(name in sheet for name in names)
    # Three attributes to a printed page, or close to it.
    assert len(pages) <= 5
    assert "Share my ratings" not in sheet and "Team view" not in sheet
