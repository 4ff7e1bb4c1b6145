"""Link previews: canonical URLs, a sitemap of absolute URLs, Open Graph and Twitter tags with a card per page."""

from __future__ import annotations

from PIL import Image

from conftest import minimal_docs

SITE = "https://handbook.example.com/"


def meta(page, key):
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_preview_tags_and_a_card(build_site):
    built = build_site(minimal_docs())
    page = built.html("roles/scientist/")
    assert page.find("link", rel="canonical")["href"] == SITE + "roles/scientist/"
    assert meta(page, "og:title") == "Scientist · Cross-Functional AI Team Handbook"
    assert meta(page, "og:description") == "Runs experiments for the team."
    assert meta(page, "og:url") == SITE + "roles/scientist/"
    assert meta(page, "og:image") == SITE + "assets/cards/roles/scientist.png"
    assert meta(page, "twitter:card") == "summary_large_image"
    card = Image.open(built.site / "assets/cards/roles/scientist.png")
    assert card.size == (1200, 630)
    for url, image in (("index.html", "index.png"), ("matrix/", "matrix.png"), ("tags/teamwork/", "tags/teamwork.png")):
        assert meta(built.html(url), "og:image") == SITE + "assets/cards/" + image
        assert (built.site / "assets/cards" / image).is_file()


def test_the_site_address_comes_from_the_environment(build_site, monkeypatch):
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://wiki.example.org/handbook/")
    built = build_site(minimal_docs())
    assert built.html("roles/scientist/").find("link", rel="canonical")["href"] == "https://wiki.example.org/handbook/roles/scientist/"
    assert "<loc>https://wiki.example.org/handbook/roles/scientist/</loc>" in (built.site / "sitemap.xml").read_text()


def test_a_title_with_markup_characters_is_escaped_in_the_tags(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("title: Pairing", 'title: Pairing & "review"')
    page = build_site(docs).html("practices/pairing/")
    assert meta(page, "og:title") == 'Pairing & "review" · Cross-Functional AI Team Handbook'


def test_cards_are_cached_by_content(tmp_path):
    from handbook.output.social_cards import cached_card

    cache = tmp_path / "cache"
    first = cached_card(cache, "Site", "Role", "Title", "Summary.")
    drawn = first.stat().st_mtime_ns
    assert cached_card(cache, "Site", "Role", "Title", "Summary.") == first and first.stat().st_mtime_ns == drawn
    other = cached_card(cache, "Site", "Role", "Other title", "Summary.")
    assert other != first and len(list(cache.iterdir())) == 2
