"""Tag indexes and tag chips."""

from conftest import minimal_docs


def test_tags_index_lists_every_tag_with_its_count(build_site):
    built = build_site(minimal_docs())
    rows = {tr.find("a").get_text(): tr.find_all("td")[-1].get_text() for tr in built.html("tags/").select("article tbody tr")}
    # Labels, not slugs: slugs appear only in URLs.
    assert rows == {"Rare": "1", "Teamwork": "9", "Unused": "0"}


def test_tag_page_groups_pages_by_type_with_summaries(build_site):
    built = build_site(minimal_docs())
    article = built.html("tags/rare/").select_one("article")
    assert article.h1.get_text(strip=True) == "Tag: Rare"
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


def test_a_tag_can_name_its_label(build_site):
    docs = minimal_docs()
    docs["tags.yml"] = docs["tags.yml"].replace("rare: A tag used once.", "rare:\n  label: MLOps rarity\n  description: A tag used once.")
    built = build_site(docs)
    chips = built.html("practices/pairing/").select(".md-tags a.md-tag")
    assert [a.get_text() for a in chips] == ["Teamwork", "MLOps rarity"]
    assert built.html("tags/rare/").select_one("article h1").get_text(strip=True) == "Tag: MLOps rarity"


def test_a_bad_label_is_an_error(build_site):
    docs = minimal_docs()
    docs["tags.yml"] = docs["tags.yml"].replace("rare: A tag used once.", "rare:\n  label: ''\n  description: A tag used once.")
    built = build_site(docs)
    assert not built.ok
    assert "docs/tags.yml:2: rare.label: must be a short text such as 'Psychological safety'" in built.messages
