"""Search: the queries a reader types find the page that answers them, in the real search of a built site."""

from __future__ import annotations

import pytest

pytest_plugins = ["browser"]
pytestmark = pytest.mark.browser

# Query -> the page that must be among the first three results.
QUERIES = {
    "RACI": "/matrix/",
    "data scientist onboarding": "/roles/data-scientist/",
    "model review": "/rituals/model-review/",
    "baseline": "/practices/baseline-first/",
    "time box": "/practices/research-time-boxing/",
    "batch or streaming": "/stories/batch-versus-fresh-data/",
    "daily stand-up": "/rituals/daily-stand-up/",
    "definition of done": "/practices/definition-of-done/",
    "psychological safety": "/practices/psychological-safety/",
    "MLOps engineer": "/roles/mlops-engineer/",
    "technical debt": "/practices/tech-debt-budget/",
    "magic box": "/myths/ai-is-a-magic-box/",
    "product manager": "/roles/ai-product-manager/",
    "glossary": "/glossary/",
    "charter template": "/templates/team-charter/",
    "meeting hours per week": "/rhythm/",
    "roll back a model": "/decision-guides/model-misbehaves-in-production/",
    "role play": "/exercises/role-play-eighty-percent-accurate/",
    # Abbreviations people type for a role. "DE" is also the start of design, definition and delivery.
    "PM": "/roles/ai-product-manager/",
    "DE": "/roles/data-engineer/",
    "DS": "/roles/data-scientist/",
    "MLE": "/roles/ml-engineer/",
    "SWE": "/roles/software-engineer/",
}


def top_three(page, query: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query, delay=20)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta')?.textContent && document.querySelector('input.md-search__input').value === q",
        arg=query,
    )
    page.wait_for_timeout(300)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    return links[:3]


def test_queries_find_their_page_in_the_top_three(page, served_site):
    page.goto(served_site + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    found = {query: top_three(page, query) for query in QUERIES}
    missed = {query: found[query] for query, expected in QUERIES.items() if expected not in found[query]}
    assert missed == {}
