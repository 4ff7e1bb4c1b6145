"""Published URLs keep resolving; moved pages redirect from their old URLs; anchors stay put."""

from __future__ import annotations

from conftest import ROOT, minimal_docs
from handbook.output.published_urls import published_urls

LIST = ROOT / "published-urls.txt"


def listed() -> list[str]:
    return [line.strip() for line in LIST.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_published_url_still_resolves(real_site):
    site = real_site.site
    broken = [url for url in listed() if not (site / url.strip("/") / "index.html").is_file()]
    assert broken == [], "a published URL stopped resolving: restore the page or add the URL to the moved page's aliases"


def test_every_page_is_in_the_published_list(real_site):
    new = sorted(set(published_urls(real_site.site)) - set(listed()))
    assert new == [], "new pages: run `make urls` to add them to published-urls.txt"


def test_a_moved_page_redirects_from_its_old_url(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("roles:\n", 'aliases: ["/practices/pair-programming/"]\nroles:\n')
    built = build_site(docs)
    assert built.ok, built.messages
    redirect = built.html("practices/pair-programming/")
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"].endswith("../pairing/")


def test_an_alias_that_is_a_live_page_is_an_error(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("roles:\n", 'aliases: ["/rituals/stand-up/"]\nroles:\n')
    built = build_site(docs)
    assert built.errors() == ["docs/practices/pairing.md:6: aliases: '/rituals/stand-up/' is already used by docs/rituals/stand-up.md"]


def test_an_alias_must_be_a_site_path(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("roles:\n", 'aliases: ["../../etc/"]\nroles:\n')
    built = build_site(docs)
    assert built.errors() == [
        "docs/practices/pairing.md:6: aliases.0: String should match pattern '^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$'"
    ]


def test_generated_heading_anchors_are_stable(real_site):
    page = real_site.html("roles/data-scientist/")
    ids = {tag["id"] for tag in page.select("article [id]")}
    # Published anchors of a role page: the reading order became the first week, and "Linked from" is folded.
    expected = {"rituals-you-attend", "practices-you-lead-or-take-part-in", "stories-where-you-are-a-party", "myths-to-unlearn", "suggested-reading-order", "sources", "linked-from"}
    assert expected <= ids
    assert page.select_one("article #suggested-reading-order h2")["id"] == "your-first-week"
    assert page.select_one("article h2#focus a.headerlink")["href"] == "#focus"


def test_matrix_anchors_are_stable(real_site):
    page = real_site.html("matrix/")
    assert {"practices-by-role", "rituals-who-attends"} <= {h["id"] for h in page.select("article h2[id]")}
