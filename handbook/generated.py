"""Everything the build generates: pages (docs-relative path -> Markdown) and static files (site path -> text)."""

from __future__ import annotations

from handbook.catalog import Catalog
from handbook.downloads import template_downloads
from handbook.freshness import Freshness
from handbook.matrix import MATRIX, matrix_page
from handbook.review_due import REVIEW_DUE, review_due_page
from handbook.rhythm import RHYTHM, rhythm_page
from handbook.tag_pages import tag_pages
from handbook.type_indexes import type_index_pages


def generated_pages(catalog: Catalog, freshness: Freshness | None = None) -> dict[str, str]:
    """`freshness` (default: HANDBOOK_TODAY or the date, and a year) decides what the review-due page lists."""
    freshness = freshness or Freshness.from_settings()
    return {
        **tag_pages(catalog),
        MATRIX: matrix_page(catalog),
        RHYTHM: rhythm_page(catalog),
        **type_index_pages(catalog),
        REVIEW_DUE: review_due_page(catalog, freshness),
    }


def generated_files(catalog: Catalog) -> dict[str, str]:
    """Files served as they are: each template's Markdown download."""
    return template_downloads({entry.stem: entry.body for entry in catalog.of_type("template")})
