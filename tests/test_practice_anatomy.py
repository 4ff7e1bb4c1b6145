"""Every practice page follows the practice anatomy, in the page source and on the built page."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from handbook.content.types import headings_for

PRACTICES = sorted((ROOT / "docs" / "practices").glob("*.md"))
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_H2 = re.compile(r"^## (.+?)\s*$", re.MULTILINE)


def written_headings(text: str) -> tuple[str, ...]:
    """The `##` headings a page's author wrote, outside front matter and code fences."""
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return tuple(_H2.findall(_FENCE.sub("", body)))


def test_the_heading_reader_sees_only_level_two_headings_outside_fences():
    text = "---\ntitle: x\n---\n\n## What it is\n\n### Detail\n\n```md\n## Not a heading\n```\n\n## Pitfalls\n"
    assert written_headings(text) == ("What it is", "Pitfalls")


def test_there_are_practices_to_check():
    assert len(PRACTICES) >= 20


@pytest.mark.parametrize("path", PRACTICES, ids=lambda p: p.stem)
def test_each_practice_is_written_in_the_practice_anatomy(path):
    assert written_headings(path.read_text(encoding="utf-8")) == headings_for("practice")


def test_each_built_practice_shows_the_anatomy_before_the_generated_sections(real_site):
    wrong = {}
    for path in PRACTICES:
        article = real_site.html(f"practices/{path.stem}/").find("article")
        # Sources and Linked from are added by the build and excluded from search.
        own = tuple(h.get_text().rstrip("¶").strip() for h in article.find_all("h2") if not h.has_attr("data-search-exclude"))
        if own != headings_for("practice"):
            wrong[path.stem] = own
    assert wrong == {}
