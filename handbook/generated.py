"""Every page the build generates, as docs-relative path -> Markdown."""

from __future__ import annotations

from handbook.catalog import Catalog
from handbook.matrix import MATRIX, matrix_page
from handbook.rhythm import RHYTHM, rhythm_page
from handbook.tag_pages import tag_pages
from handbook.type_indexes import type_index_pages


def generated_pages(catalog: Catalog) -> dict[str, str]:
    return {**tag_pages(catalog), MATRIX: matrix_page(catalog), RHYTHM: rhythm_page(catalog), **type_index_pages(catalog)}
