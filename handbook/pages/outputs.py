"""Everything the build generates: pages (docs-relative path -> Markdown) and static files (site path -> text)."""

from __future__ import annotations

from handbook.content.catalog import Catalog
from handbook.pages.downloads import template_downloads
from handbook.content.settings import Freshness
from handbook.pages.matrix import MATRIX, MATRIX_CSV, matrix_csv, matrix_page
from handbook.pages.review_due import REVIEW_DUE, review_due_page
from handbook.pages.rhythm import RHYTHM, rhythm_page
from handbook.pages.tag_pages import tag_pages
from handbook.pages.type_indexes import type_index_pages


def generated_pages(catalog: Catalog, freshness: Freshness | None = None, site_url: str = "") -> dict[str, str]:
    """`freshness` (default: HANDBOOK_TODAY or the date, and a year) decides what the review-due page lists;
    `site_url` makes the matrix CSV's page addresses absolute."""
    freshness = freshness or Freshness.from_settings()
    return {
        **tag_pages(catalog),
        MATRIX: matrix_page(catalog),
        MATRIX_CSV: matrix_csv(catalog, site_url),
        RHYTHM: rhythm_page(catalog),
        **type_index_pages(catalog),
        REVIEW_DUE: review_due_page(catalog, freshness),
    }


def generated_files(catalog: Catalog) -> dict[str, str]:
    """Files served as they are: each template's Markdown download."""
    return template_downloads({entry.stem: entry.body for entry in catalog.of_type("template")})
