"""Tag indexes and tag chips."""

from conftest import minimal_docs


def test_tags_index_lists_every_tag_with_its_count(build_site):
    built = build_site(minimal_docs())
    rows = {tr.find("a").get_text(): tr.find_all("td")[-1].get_text() for tr in built.html("tags/").select("article tbody tr")}
    assert rows == {"rare": "1", "teamwork": "9", "unused": "0"}


def test_tag_page_groups_pages_by_type_with_summaries(build_site):
    built = build_site(minimal_docs())
    article = built.html("tags/rare/").select_one("article")
    assert "A tag used once." in article.get_text()
    assert [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")] == ["Practices"]
    item = article.select_one("li")
    assert item.find("a")["href"] == "../../practices/pairing/"
    assert "Two people work on one problem together." in item.get_text()


def test_unused_tag_page_says_so(build_site):
    built = build_site(minimal_docs())
    assert "No page carries this tag yet." in built.html("tags/unused/").get_text()


def test_chips_link_to_the_tag_pages(build_site):
    built = build_site(minimal_docs())
    chips = built.html("practices/pairing/").select(".md-tags a.md-tag")
    assert [(a.get_text(), a["href"]) for a in chips] == [("Teamwork", "../../tags/teamwork/"), ("Rare", "../../tags/rare/")]


def test_a_page_without_tags_has_no_chips(build_site):
    built = build_site(minimal_docs())
    assert built.html("/").select(".md-tags") == []
