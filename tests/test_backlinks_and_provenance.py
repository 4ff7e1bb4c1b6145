"""Every page ends with "Linked from" and shows its sources; source pages list what cites them."""

from conftest import minimal_docs


def items_after(page, heading_id):
    heading = page.find("h2", id=heading_id)
    following = heading.find_next_sibling()
    return [a.get_text() for a in following.find_all("a")] if following.name == "ul" else following.get_text(strip=True)


def test_linked_from(build_site):
    built = build_site(minimal_docs())
    assert items_after(built.html("rituals/stand-up/"), "linked-from") == ["Team lead"]
    assert items_after(built.html("practices/pairing/"), "linked-from") == ["Stand-up"]
    assert items_after(built.html("myths/magic/"), "linked-from") == "No page links here yet."


def test_every_page_shows_its_sources(build_site):
    built = build_site(minimal_docs())
    assert items_after(built.html("practices/pairing/"), "sources") == ["A guide"]


def test_source_page_lists_the_pages_drawn_from_it(build_site):
    built = build_site(minimal_docs())
    drawn = items_after(built.html("sources/guide/"), "pages-drawn-from-this-source")
    assert drawn == ["Loner", "Scientist", "Team lead", "Stand-up", "Pairing", "A clash", "Magic", "No tags here"]
