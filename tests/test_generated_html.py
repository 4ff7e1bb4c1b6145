"""The generated sections are HTML put in after Markdown: their links, anchors, contents entries and search index match what Markdown gave."""

from __future__ import annotations

import itertools
import json

import pytest
from properdocs.structure.files import File

from handbook.content.urls import Linker, site_path
from handbook.views.sections import Heading, Insert, insert_headings

URIS = ["index.md", "glossary.md", "roles/index.md", "roles/data-scientist.md", "practices/baseline-first.md", "tags/delivery.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_are_the_ones_mkdocs_writes(directory_urls):
    for target, here in itertools.product(URIS, URIS):
        to, at = File(target, "/docs", "/site", directory_urls), File(here, "/docs", "/site", directory_urls)
        assert site_path(target, directory_urls) == to.url
        assert Linker(here, directory_urls).href(target) == to.url_relative_to(at), (target, here)


def test_link_text_is_escaped():
    assert Linker("practices/a.md")("roles/b.md", "<script>") == '<a href="../../roles/b/">&lt;script&gt;</a>'


def test_headings_are_read_from_the_generated_html_and_nested():
    part = Insert('<h2 id="a" data-search-exclude>A &amp; B<a class="headerlink" href="#a">¶</a></h2><h3 id="b">B<a class="headerlink" href="#b">¶</a></h3>')
    assert part.headings == [Heading(2, "a", "A & B"), Heading(3, "b", "B")]

    class Link:
        def __init__(self, title, id, level):
            self.title, self.id, self.level, self.children = title, id, level, []

    toc = [Link("Own", "own", 2)]
    insert_headings(toc, Link, part.headings, at=0)
    assert [(link.title, [c.title for c in link.children]) for link in toc] == [("A & B", ["B"]), ("Own", [])]


def contents(built, url):
    """The page's table of contents: (title, [child titles])."""
    nav = built.html(url).select_one("nav.md-nav--secondary > ul")
    return [
        (item.a.get_text(strip=True), [child.get_text(strip=True) for child in item.select(":scope > nav > ul > li > a")])
        for item in nav.select(":scope > li")
    ]


def test_a_role_page_lists_its_generated_sections_in_its_contents(real_site):
    toc = contents(real_site, "roles/data-scientist/")
    assert toc[0] == ("Your first week", [])
    assert toc[1] == ("Your first 90 days", ["First 30 days", "By day 60", "By day 90"])
    assert [title for title, _ in toc[-5:]] == [
        "Rituals you attend", "Practices you own or work in", "Stories and field reports that involve you", "Myths to unlearn", "Sources",
    ]
    assert toc[-5][1] == ["You bring work to these (responsible)", "You join when your input is needed (consulted)"]


def test_other_pages_list_their_generated_sections_in_their_contents(real_site):
    assert [t for t, _ in contents(real_site, "practices/baseline-first/")][-2:] == ["Sources", "Linked from"]
    assert [t for t, _ in contents(real_site, "decision-guides/do-we-need-machine-learning/")][:2] == ["The questions", "The answers"]
    assert [t for t, _ in contents(real_site, "glossary/")][:3] == ["A", "B", "C"]


def test_generated_parts_sit_where_a_reader_expects_them(real_site):
    article = real_site.html("practices/baseline-first/").select_one("article")
    blocks = [el for el in article.find_all(recursive=False) if el.name in ("div", "h2", "p")]
    # The box first, then the page's own text and its footnotes, then sources, backlinks and dates.
    order = [el.get("id") or " ".join(el.get("class", [])) for el in blocks]
    assert order[:2] == ["md-tags hb-tags", "admonition abstract hb-glance"]
    assert order[-4:] == ["footnote", "sources", "linked-from", "hb-page-dates"]
    role = real_site.html("roles/data-scientist/").select_one("article")
    assert role.select_one(".hb-welcome").find_next_sibling().get("class") == ["hb-first-week"]
    assert "handbook:path" not in str(role)


def test_generated_lists_stay_out_of_the_search_index_and_the_welcome_stays_in(real_site):
    docs = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    anchors = {doc["location"].partition("#")[2] for doc in docs}
    assert not anchors & {"sources", "linked-from", "your-first-week", "your-first-90-days", "rituals-you-attend", "myths-to-unlearn"}
    role = next(doc["text"] for doc in docs if doc["location"] == "roles/data-scientist/")
    assert "your onboarding as a data scientist" in role
    # A decision guide's questions are its content: they are searched.
    assert any(doc["location"] == "decision-guides/do-we-need-machine-learning/#the-questions" for doc in docs)




def test_search_tags_are_what_readers_type_for_a_page_and_never_its_topic_tags(real_site):
    # Search tags weigh as much as a title: a role's abbreviations and other names, and the glossary's terms and
    # their other spellings on the page each term sends readers to; a word already in the title is not repeated.
    docs = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tagged = {doc["location"].partition("#")[0]: doc["tags"] for doc in docs["docs"] if doc.get("tags")}
    assert tagged["roles/data-engineer/"][0] == "DE"
    assert tagged["roles/ml-engineer/"][0] == "MLE"
    assert "researcher" in tagged["roles/research-scientist/"]
    assert "DoD" in tagged["practices/definition-of-done/"]
    assert "Definition of done" not in tagged["practices/definition-of-done/"]
    assert {"retro", "retros"} <= set(tagged["rituals/retrospective/"])
    assert "drift" in tagged["practices/mlops-foundations/"]
    topics = {"communication", "delivery", "data", "metrics"}
    assert not [tags for tags in tagged.values() if topics & set(tags)]
    assert docs["config"]["fields"]["tags"] == {"boost": docs["config"]["fields"]["title"]["boost"]}
