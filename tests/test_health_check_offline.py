"""The health check from the offline bundle, opened from file://: it rates, remembers, shares and combines with no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from handbook.output.offline import build_offline_site

pytest_plugins = ["browser"]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline-check") / "site"
    build_offline_site(ROOT / "mkdocs.yml", site)
    return site


def outside(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]


def test_the_check_works_from_a_folder(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "health-check.html").as_uri())
    assert page.evaluate("typeof window.hbHealthCheck") == "object"
    page.locator("#hb-hc-roles-and-decisions-at-risk").check()
    page.locator("#hb-hc-data-has-owners-some-concern").check()
    page.fill("#hb-hc-name", "Ana")
    page.reload()
    assert page.locator("#hb-hc-roles-and-decisions-at-risk").is_checked()
    result = page.locator('[data-hb-out="result"]')
    first_play = result.locator("ul.hb-hc__next a").first
    assert first_play.get_attribute("href") == "exercises/write-a-team-charter.html"
    page.get_by_role("button", name="Save to my history").click()
    assert page.locator('[data-hb-out="history"] table').is_visible()

    # A share link made here opens in a fresh browser with the ratings in its team view.
    page.get_by_role("button", name="Share my ratings").click()
    link = page.locator("#hb-hc-link").input_value()
    assert link.startswith("file://") and "#hc=1." in link
    fresh = browser.new_context()
    other = fresh.new_page()
    other.on("request", lambda request: requests.append(request.url))
    other.goto(link)
    assert "1 member: Ana" in other.locator('[data-hb-out="team"]').inner_text()
    fresh.close()

    first_play.click()
    page.wait_for_url("**/exercises/write-a-team-charter.html")
    assert outside(requests) == [] and errors == []
    context.close()
