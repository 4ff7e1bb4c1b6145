"""End to end in a real browser: navigation, search, dark mode, the matrix on a phone, page budget."""

from __future__ import annotations

import gzip

import pytest

pytest_plugins = ["browser"]
pytestmark = pytest.mark.browser


def test_home_to_role_to_ritual_to_tag_to_matrix(page, served_site):
    page.goto(served_site + "/")
    page.locator("article").get_by_role("link", name="Data scientist").first.click()
    page.wait_for_url("**/roles/data-scientist/")
    assert page.locator("article h1").inner_text() == "Data scientist"
    page.locator("article").get_by_role("link", name="Daily stand-up", exact=True).first.click()
    page.wait_for_url("**/rituals/daily-stand-up/")
    page.locator("article .md-tags").get_by_role("link", name="Communication").click()
    page.wait_for_url("**/tags/communication/")
    assert "Daily stand-up" in page.locator("article").inner_text()
    page.goto(served_site + "/matrix/")
    assert page.locator(".hb-matrix table").count() == 2


def test_search_finds_a_ritual_by_a_word_in_its_body(page, served_site):
    # Wait until the search index has loaded, then type as a person would.
    page.goto(served_site + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Postman", delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30_000)
    titles = " ".join(results.all_inner_texts())
    assert "Model-to-API meeting" in titles


def test_dark_mode_toggles(page, served_site):
    page.goto(served_site + "/")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator('label[for="__palette_1"]').click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert before == "default"


def test_matrix_on_a_phone_scrolls_with_its_first_column_visible(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/matrix/")
    wrapper = page.locator(".hb-matrix .md-typeset__scrollwrap, .hb-matrix .md-typeset__table").first
    table = page.locator(".hb-matrix table").first
    first_cell = table.locator("tbody tr td").first
    assert table.evaluate("t => t.scrollWidth") > 375
    start = first_cell.bounding_box()["x"]
    scroller = page.locator(".hb-matrix .md-typeset__scrollwrap").first
    scroller.evaluate("el => { el.scrollLeft = 400; }")
    assert scroller.evaluate("el => el.scrollLeft") > 0
    scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    last_header = table.locator("thead th").last.bounding_box()
    assert last_header["x"] + last_header["width"] <= 376
    pinned = first_cell.bounding_box()
    assert start > 0
    assert 0 <= pinned["x"] and pinned["x"] + pinned["width"] <= 375
    context.close()
    del wrapper


def test_no_request_leaves_the_machine_and_a_role_page_stays_small(page, served_site):
    requests: list[str] = []
    bodies: list[bytes] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: bodies.append(response.body() if response.ok else b""))
    page.goto(served_site + "/roles/data-scientist/", wait_until="networkidle")
    page.wait_for_timeout(500)
    outside = [url for url in requests if not url.startswith(served_site) and not url.startswith("data:")]
    assert outside == []
    raw = sum(len(body) for body in bodies)
    # Transfer as any static host sends it: gzip-compressed text.
    transfer = sum(len(gzip.compress(body, 6)) for body in bodies)
    print(f"\nrole page: {len(requests)} requests, {raw / 1024:.0f} KB uncompressed, {transfer / 1024:.0f} KB gzip transfer")
    assert transfer <= 400 * 1024
