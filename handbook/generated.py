"""Every file the build generates: docs-relative path -> content (Markdown pages, and the matrix as CSV)."""

from __future__ import annotations

from handbook.catalog import Catalog
from handbook.matrix import MATRIX, MATRIX_CSV, matrix_csv, matrix_page
from handbook.tag_pages import tag_pages
from handbook.type_indexes import type_index_pages


def generated_pages(catalog: Catalog, site_url: str = "") -> dict[str, str]:
    """`site_url` makes the CSV's page addresses absolute."""
    return {
        **tag_pages(catalog),
        MATRIX: matrix_page(catalog),
        MATRIX_CSV: matrix_csv(catalog, site_url),
        **type_index_pages(catalog),
    }
