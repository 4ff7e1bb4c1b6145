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
    # One table per type with RACI roles: rituals, practices, templates, exercises, decision guides.
    assert page.locator(".hb-matrix table").count() == 5


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


def test_matrix_on_a_phone_puts_the_filter_first_and_nothing_scrolls_inside_the_page(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/matrix/")
    form = page.locator("form.hb-matrix-filter")
    # The filter is on the first screen, above the download and the legend.
    assert form.is_visible() and form.bounding_box()["y"] + form.bounding_box()["height"] < 844
    assert form.bounding_box()["y"] < page.locator(".hb-download").bounding_box()["y"] < page.locator(".hb-matrix-legend").bounding_box()["y"]
    # No box scrolls inside the page, and the page does not scroll sideways.
    assert page.evaluate("""() => [...document.querySelectorAll('article *')].filter(el => {
        const style = getComputedStyle(el);
        return /(auto|scroll)/.test(style.overflowX + style.overflowY) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    }).map(el => el.className)""") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Each row is the page it names, then who is involved, accountable first: "A MLE", "R DE", ...
    row = page.locator('table.hb-matrix__table tbody tr:has(th a:text-is("Architecture review"))')
    chips = [c.inner_text().split("\n")[0].replace("\u00a0", " ") for c in row.locator("td[data-level]").all()]
    shown = sorted((row.locator("td[data-level]").nth(n).bounding_box()["y"], row.locator("td[data-level]").nth(n).bounding_box()["x"], n)
                   for n in range(len(chips)))
    first = row.locator("td[data-level]").nth(shown[0][2])
    assert first.get_attribute("data-level") == "accountable"
    assert first.evaluate("td => getComputedStyle(td, '::after').content") == f'"{first.get_attribute("data-short")}"'
    # Choosing a role leaves its rows.
    page.locator("#hb-matrix-role").select_option("data-scientist")
    rituals = page.locator("table.hb-matrix__table").first
    assert rituals.locator("tbody tr:visible").count() == matrix_involvement("data-scientist")["ritual"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def matrix_involvement(role: str, levels: tuple[str, ...] = ("accountable", "responsible", "consulted", "informed")) -> dict[str, int]:
    from conftest import ROOT
    from handbook.rules import load_folder

    catalog = load_folder(ROOT / "docs")
    return {kind: sum(1 for e in catalog.of_type(kind) if e.meta.roles.get(role) in levels) for kind in ("ritual", "practice")}


def test_all_eleven_role_columns_fit_at_1280(page, served_site):
    page.goto(served_site + "/matrix/")
    for table in page.locator("table.hb-matrix__table").all():
        headers = table.locator("thead th.hb-matrix__role")
        assert headers.count() == 11
        right = headers.last.bounding_box()
        assert right["x"] + right["width"] <= 1280
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_matrix_header_row_stays_visible_after_scrolling_down(page, served_site):
    page.goto(served_site + "/matrix/")
    table = page.locator("table.hb-matrix__table").nth(1)  # practices, the longest
    top = table.evaluate("t => t.getBoundingClientRect().top + window.scrollY")
    page.evaluate(f"window.scrollTo(0, {top} + 700)")
    page.wait_for_timeout(200)
    header = table.locator("thead th").nth(4)
    box = header.bounding_box()
    assert 40 <= box["y"] <= 60  # just under Material's 48-pixel header, not scrolled away
    # Nothing covers it: the point at its centre belongs to the header cell.
    hit = page.evaluate(f"document.elementFromPoint({box['x'] + box['width'] / 2}, {box['y'] + box['height'] / 2}).closest('th') !== null")
    assert hit
    first_row = table.locator("tbody tr").first.bounding_box()
    assert first_row["y"] < 0  # the page really did scroll past the first rows


def test_matrix_role_filter_shows_one_roles_rows_or_highlights_its_column(page, served_site):
    expected = matrix_involvement("data-scientist")
    page.goto(served_site + "/matrix/")
    rituals, practices = page.locator("table.hb-matrix__table").all()[:2]
    total = rituals.locator("tbody tr").count(), practices.locator("tbody tr").count()
    page.locator("#hb-matrix-role").select_option("data-scientist")
    assert rituals.locator("tbody tr:visible").count() == expected["ritual"] < total[0]
    assert practices.locator("tbody tr:visible").count() == expected["practice"] < total[1]
    assert rituals.locator("thead th.is-highlighted").get_attribute("data-role") == "data-scientist"
    status = page.locator(".hb-matrix-filter__status").inner_text()
    assert status.startswith(f"Data scientist is involved in {expected['ritual']} of {total[0]} rituals, {expected['practice']} of {total[1]} practices, ")
    assert status.count(" and ") == 1 and status.endswith(" decision guides.")
    assert page.url.endswith("?role=data-scientist")
    # Responsible and accountable only: the rows where the role does the work, and no consulted cell anywhere.
    page.locator("input[name=hb-matrix-owned]").check()
    owned = matrix_involvement("data-scientist", ("responsible", "accountable"))
    assert practices.locator("tbody tr:visible").count() == owned["practice"] < expected["practice"]
    assert page.locator(".hb-matrix-filter__status").inner_text().startswith(
        f"Data scientist is responsible or accountable for {owned['ritual']} of {total[0]} rituals, ")
    consulted = practices.locator('tbody tr:visible td[data-level="consulted"]')
    assert consulted.count() > 0
    shown = "tds => tds.filter(td => getComputedStyle(td, '::first-letter').color !== 'rgba(0, 0, 0, 0)')"
    assert consulted.evaluate_all(shown) == []
    page.locator("input[name=hb-matrix-owned]").uncheck()
    page.locator("input[name=hb-matrix-mode][value=column]").check()
    assert rituals.locator("tbody tr:visible").count() == total[0]
    assert rituals.locator("tbody td.is-highlighted").count() == total[0]
    page.locator("#hb-matrix-role").select_option("")
    assert practices.locator("tbody tr:visible").count() == total[1]
    assert page.locator(".is-highlighted").count() == 0
    # A link with ?role= opens the matrix already filtered.
    page.goto(served_site + "/matrix/?role=ml-engineer")
    assert rituals.locator("tbody tr:visible").count() == matrix_involvement("ml-engineer")["ritual"]


def test_a_matrix_cell_explains_itself_on_keyboard_focus_and_hover(page, served_site):
    page.goto(served_site + "/matrix/")
    row = 'table.hb-matrix__table tbody tr:has(th a:text-is("Start with a baseline"))'
    cell = page.locator(row + ' td[data-level="accountable"]')
    # Screen readers read the sentence as the cell's name; no element holds it until someone hovers or focuses a cell.
    # Baseline-first has no source for its owner, so the sentence says the accountable role is the handbook's proposal.
    assert cell.get_attribute("aria-label") == "Data scientist is accountable for Start with a baseline (the handbook's proposal: no source assigns it)"
    assert cell.inner_text() == "A*"
    assert page.locator(".hb-matrix-tip").count() == 0
    # Reached by the keyboard: Tab stops on the cell, and the sentence shows beside it, on top of what is below.
    page.locator(row + " th a").focus()
    page.keyboard.press("Tab")  # the row's first letter: the data scientist's A
    assert cell.evaluate("el => el === document.activeElement")
    tip = page.locator(".hb-matrix-tip")
    assert tip.inner_text() == "Data scientist is accountable for Start with a baseline (the handbook's proposal: no source assigns it)"
    shown, mark = tip.bounding_box(), cell.bounding_box()
    assert shown["width"] > 100 and shown["height"] > 10 and shown["y"] >= mark["y"] + mark["height"] - 1
    # On top of the rows below it (the tip lets the pointer through, so ask with that switched off for a moment).
    middle = (shown["x"] + shown["width"] / 2, shown["y"] + shown["height"] / 2)
    tip.evaluate("el => { el.style.pointerEvents = 'auto'; }")
    assert page.evaluate(f"document.elementFromPoint({middle[0]}, {middle[1]}).closest('.hb-matrix-tip') !== null")
    tip.evaluate("el => { el.style.pointerEvents = ''; }")
    # Escape dismisses it (WCAG 1.4.13); the next Tab explains the next cell.
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.keyboard.press("Tab")
    assert tip.inner_text() != "Data scientist is accountable for Start with a baseline (the handbook's proposal: no source assigns it)" and tip.is_visible()
    # No script tooltip is mounted for the matrix: its cells carry no title.
    assert page.locator("table.hb-matrix__table [title]").count() == 0
    # The pointer shows it too, and it goes when the pointer leaves.
    page.locator(row + ' td[data-level="responsible"]').first.hover()
    assert tip.is_visible() and " is responsible for Start with a baseline" in tip.inner_text()
    page.locator("h1").hover()
    assert not tip.is_visible()


def test_the_matrix_on_a_phone_has_no_serious_accessibility_findings(browser, served_site):
    # Tables out of sight are laid out late (content-visibility): a check that lays them out early, as axe's target
    # size does, must find every link whole and apart from its neighbours.
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/matrix/")
    assert page.locator(".hb-matrix").first.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations if v["impact"] in ("serious", "critical")] == []
    assert [v["id"] for v in violations if v["id"] == "target-size"] == []
    context.close()


def test_matrix_cells_a_filter_leaves_empty_are_no_tab_stops(page, served_site):
    page.goto(served_site + "/matrix/")
    consulted = page.locator('table.hb-matrix__table td[data-level="consulted"]').first
    assert consulted.get_attribute("tabindex") == "0"
    page.locator("input[name=hb-matrix-owned]").check()
    assert consulted.get_attribute("tabindex") is None and consulted.get_attribute("aria-label") is None
    page.locator("input[name=hb-matrix-owned]").uncheck()
    assert consulted.get_attribute("tabindex") == "0" and " is consulted on " in consulted.get_attribute("aria-label")


def test_checklist_ticks_survive_a_reload_and_reset_clears_them(page, served_site):
    page.goto(served_site + "/roles/data-scientist/")
    boxes = page.locator(".hb-checklist input[type=checkbox]")
    count = boxes.count()
    assert count >= 6
    boxes.nth(0).check()
    page.locator(".hb-checklist label").nth(3).click()  # a label ticks its box too
    page.reload()
    assert [boxes.nth(n).is_checked() for n in range(count)] == [n in (0, 3) for n in range(count)]
    assert page.locator(".hb-checklist__status").inner_text() == f"2 of {count} done."
    # Another role keeps its own ticks.
    page.goto(served_site + "/roles/ml-engineer/")
    assert page.locator(".hb-checklist input:checked").count() == 0
    page.go_back()
    page.locator("button.hb-checklist__reset").click()
    assert page.locator(".hb-checklist input:checked").count() == 0
    page.reload()
    assert page.locator(".hb-checklist input:checked").count() == 0
    # At zero the counter says nothing and there is nothing to clear.
    assert page.locator(".hb-checklist__status").is_hidden() and page.locator(".hb-checklist__actions").is_hidden()


def test_printing_the_checklist_shows_empty_boxes(page, served_site):
    page.goto(served_site + "/roles/data-scientist/")
    page.locator(".hb-checklist input[type=checkbox]").first.check()
    page.emulate_media(media="print")
    box = page.locator(".hb-checklist input[type=checkbox]").first
    assert box.evaluate("b => getComputedStyle(b).appearance") == "none"
    assert page.locator(".hb-checklist__actions").is_hidden()


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


def test_a_glossary_term_shows_its_definition_on_keyboard_focus(page, served_site):
    page.goto(served_site + "/practices/baseline-first/", wait_until="networkidle")
    term = page.locator("article abbr[tabindex='0']").first
    definition = term.get_attribute("title")
    term.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text() == definition


def test_a_template_block_has_a_copy_button(page, served_site):
    page.goto(served_site + "/templates/team-charter/")
    assert page.locator(".md-typeset pre button.md-code__button[data-md-type=copy]").count() >= 1


def test_a_templates_markdown_fits_a_phone_screen(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/templates/model-review-checklist/")
    block = page.locator("article pre > code").first
    assert "| Date | Decision owner | Reviewers |" in block.inner_text()
    # The table rows wrap inside the block: nothing runs off the right edge, and nothing scrolls sideways.
    assert block.evaluate("c => c.scrollWidth <= c.clientWidth + 1")
    box = block.bounding_box()
    assert box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_the_home_pages_first_phone_screen_says_where_a_new_hire_and_a_lead_start(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/")
    for name in ("your role's page", "Adopting this handbook"):
        link = page.locator("article a", has_text=name).first
        box = link.bounding_box()
        assert box["y"] + box["height"] <= 844, f"{name!r} is below the first screen"
    # The new hire's link lands on the role cards.
    page.locator("article a", has_text="your role's page").first.click()
    page.wait_for_function("location.hash === '#find-your-role'")
    assert page.locator(".hb-role-cards a").first.is_visible()
    context.close()
