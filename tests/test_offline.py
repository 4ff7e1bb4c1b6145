"""The offline bundle opened from file://: pages navigate, search works, nothing leaves the machine."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.output.offline import build_offline_site, bundled, zip_site

pytest_plugins = ["browser"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    build_offline_site(ROOT / "mkdocs.yml", work / "site")
    archive = zip_site(work / "site", work / "handbook-offline-test.zip", "handbook-offline-test")
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(work / "unzipped")
    return work / "unzipped" / "handbook-offline-test"


@pytest.mark.browser
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


@pytest.mark.browser
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


def test_the_bundle_leaves_out_source_maps_and_the_second_search_index(tmp_path):
    site = tmp_path / "site"
    for name in ("index.html", "assets/javascripts/bundle.min.js", "assets/javascripts/bundle.min.js.map",
                 "assets/stylesheets/main.min.css.map", "search/search_index.js", "search/search_index.json"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x")
    archive = zip_site(site, tmp_path / "bundle.zip", "top")
    assert zipfile.ZipFile(archive).namelist() == ["top/assets/javascripts/bundle.min.js", "top/index.html", "top/search/search_index.js"]
    # Without the script copy, the JSON index is the only one and stays.
    (site / "search" / "search_index.js").unlink()
    assert [p.name for p in bundled(site) if p.parent.name == "search"] == ["search_index.json"]


@pytest.mark.slow
def test_every_link_of_the_bundle_resolves_between_html_files(bundle):
    # The build writes the generated sections' links itself: offline they must name .html files.
    from handbook.output.linkcheck import check_site

    assert check_site(bundle) == []
    page = (bundle / "practices" / "baseline-first.html").read_text(encoding="utf-8")
    assert 'href="../roles/data-scientist.html"' in page and 'href="../sources/leadership-in-ai-essay.html"' in page
