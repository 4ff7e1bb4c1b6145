"""The handbook speaks in its own voice: few narrated attributions, few disagreement notes, defaults labelled."""

from __future__ import annotations

from conftest import ROOT
from voice import ATTRIBUTION, counts

DOCS = ROOT / "docs"


def pages():
    return [p for p in sorted(DOCS.rglob("*.md")) if p.relative_to(DOCS).parts[0] != "sources"]


def test_the_counter_finds_narration():
    found = ATTRIBUTION.findall("The essay says so; the course session's example and the sources differ. Plain advice is not narration.")
    assert found == ["The essay", "the course", "the sources"]


def test_at_most_three_narrated_attributions_per_thousand_words():
    attributions = words = 0
    for page in pages():
        a, w = counts(page)
        attributions, words = attributions + a, words + w
    assert 1000 * attributions / words <= 3


def test_at_most_twelve_notes_where_the_sources_differ():
    notes = sum(p.read_text(encoding="utf-8").count("!!! sources-differ") for p in DOCS.rglob("*.md"))
    assert 1 <= notes <= 12
