"""axe-core on one page of every type and every generated page type: no serious or critical violation."""

from __future__ import annotations

import pytest

pytest_plugins = ["browser"]
pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/roles/data-scientist/",
    "/rituals/daily-stand-up/",
    "/practices/baseline-first/",
    "/stories/batch-versus-fresh-data/",
    "/myths/ai-is-a-magic-box/",
    "/sources/leadership-in-ai-essay/",
    "/glossary/",
    "/reading-list/",
    "/matrix/",
    "/tags/",
    "/tags/psychological-safety/",
    "/roles/",
    "/rituals/",
]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_or_critical_violations(page, served_site, url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, color: {{scheme: '{scheme}'}}}}))"
    )
    page.goto(served_site + url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
