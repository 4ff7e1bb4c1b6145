"""The offline bundle opened from file://: pages navigate, search works, nothing leaves the machine."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from handbook.offline import build_offline_site, zip_site

pytest_plugins = ["browser"]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    build_offline_site(ROOT / "mkdocs.yml", work / "site")
    archive = zip_site(work / "site", work / "handbook-offline-test.zip", "handbook-offline-test")
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(work / "unzipped")
    return work / "unzipped" / "handbook-offline-test"


def test_offline_pages_navigate_and_search_works_with_no_outside_request(page, bundle):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((bundle / "index.html").as_uri())
    page.locator("article").get_by_role("link", name="Data scientist").first.click()
    page.wait_for_url("**/roles/data-scientist.html")
    page.locator("article").get_by_role("link", name="Daily stand-up", exact=True).first.click()
    page.wait_for_url("**/rituals/daily-stand-up.html")
    assert page.locator("article h1").inner_text() == "Daily stand-up"

    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Postman", delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30_000)
    assert "Model-to-API meeting" in " ".join(results.all_inner_texts())

    outside = [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert outside == []


def test_checklist_ticks_are_kept_when_opened_from_a_folder(page, bundle):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((bundle / "roles" / "data-scientist.html").as_uri())
    boxes = page.locator(".hb-checklist input[type=checkbox]")
    boxes.nth(1).check()
    boxes.nth(2).check()
    page.reload()
    assert [boxes.nth(n).is_checked() for n in range(4)] == [False, True, True, False]
    page.locator("button.hb-checklist__reset").click()
    page.reload()
    assert page.locator(".hb-checklist input:checked").count() == 0
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
