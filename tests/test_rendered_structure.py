"""Generated sections render as the structure a reader needs: boxes hold their lists, lists are lists, tables are tables."""

from __future__ import annotations

import pytest

from conftest import minimal_docs


def article(built, url):
    return built.html(url).select_one("article")


def test_every_box_holds_its_list(build_site):
    built = build_site(minimal_docs())
    for url, title in (("practices/pairing/", "At a glance"), ("rituals/stand-up/", "At a glance"), ("stories/clash/", "At a glance")):
        box = article(built, url).select_one(".admonition.hb-glance")
        assert box.select_one(".admonition-title").get_text(strip=True) == title
        items = box.select(":scope > ul > li")
        assert items, f"{url}: the box is empty"
        # Nothing of the list fell out below the box.
        after = box.find_next_sibling()
        assert after is None or after.name != "ul"


def test_the_involved_box_lists_one_level_per_item_with_links(build_site):
    box = article(build_site(minimal_docs()), "practices/pairing/").select_one(".hb-glance")
    items = [(li.strong.get_text(), [a.get_text() for a in li.find_all("a")]) for li in box.select("ul > li")]
    assert items == [("Accountable:", ["Scientist"]), ("Informed:", ["Team lead"])]


def test_myth_boxes_hold_the_belief_and_the_reality(build_site):
    page = article(build_site(minimal_docs()), "myths/magic/")
    assert [b.select_one("p:not(.admonition-title)").get_text() for b in page.select(".admonition")] == ["Models are magic.", "Models need data."]


def test_generated_lists_are_lists(build_site):
    built = build_site(minimal_docs())
    for url, heading in (("roles/scientist/", "stories-where-you-are-a-party"), ("roles/scientist/", "myths-to-unlearn"),
                         ("roles/scientist/", "sources"), ("practices/pairing/", "linked-from"), ("sources/guide/", "pages-drawn-from-this-source")):
        following = article(built, url).find(id=heading).find_next_sibling()
        assert following.name in ("ul", "ol"), f"{url} {heading} is followed by <{following.name}>"
    # Rituals by RACI level: a heading per level, each followed by its list.
    level = article(built, "roles/scientist/").find(id="rituals-responsible")
    assert level.name == "h3" and level.find_next_sibling().name == "ul"


def test_the_matrix_is_made_of_tables(build_site):
    page = article(build_site(minimal_docs()), "matrix/")
    assert len(page.select("table thead th")) >= 4
    assert page.select("table tbody tr")


def test_no_paragraph_of_the_real_site_is_a_list_of_links(real_site):
    crowded = []
    for path in real_site.site.rglob("index.html"):
        body = real_site.html(str(path.relative_to(real_site.site))).select_one("article")
        if body is None:
            continue
        # The glossary's A-Z bar is a navigation row, not prose.
        crowded += [str(path.relative_to(real_site.site)) for p in body.find_all("p") if len(p.find_all("a")) > 12 and not p.find_parent("nav")]
    assert crowded == []


@pytest.mark.parametrize("folder", ["practices", "rituals", "stories"])
def test_no_box_of_the_real_site_is_empty(real_site, folder):
    empty = []
    for path in (real_site.site / folder).glob("*/index.html"):
        for box in real_site.html(str(path.relative_to(real_site.site))).select("article .admonition"):
            title = box.select_one(".admonition-title")
            text = box.get_text(" ", strip=True).replace(title.get_text(" ", strip=True) if title else "", "", 1).strip()
            if not text:
                empty.append(path.parent.name)
    assert empty == []
