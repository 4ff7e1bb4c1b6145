"""Each template page offers its template as a Markdown download that equals the template shown on the page.

The file is served as templates/<id>.txt (a .md file in the site's source would be a page to every engine) and
saved as <id>.md; _redirects sends the earlier address, templates/<id>.md, to it."""

from __future__ import annotations

import posixpath

import pytest

from conftest import ROOT, Built
from handbook.pages.downloads import download_uri
from handbook.rules import load_folder
from plays import play_docs


def shown_template(built: Built, url: str) -> str:
    """The text of the code block under the page's "The template" heading, as a reader sees it."""
    article = built.html(url).select_one("article")
    heading = article.find("h2", id="the-template")
    assert heading is not None, f"{url}: no 'The template' heading"
    block = heading.find_next("div", class_="highlight")
    assert block is not None, f"{url}: no code block after 'The template'"
    return block.find("code").get_text()


def download_links(built: Built, url: str) -> list[str]:
    """The site paths the page's download buttons point at, resolved from the page's URL."""
    links = built.html(url).select("article a[download]")
    return [posixpath.normpath(posixpath.join(url, link["href"])).lstrip("/") for link in links]


def test_the_download_exists_is_linked_twice_and_equals_the_shown_template(build_site):
    built = build_site(play_docs())
    assert download_links(built, "/templates/charter/") == ["templates/charter.txt", "templates/charter.txt"]
    assert [a["download"] for a in built.html("/templates/charter/").select("article a[download]")] == ["charter.md", "charter.md"]
    download = (built.site / "templates" / "charter.txt").read_text(encoding="utf-8")
    assert download == shown_template(built, "/templates/charter/")
    assert download.startswith("# Charter: <team name>\n")
    assert download.endswith("- [ ] Everyone has read it & agreed\n")


def test_the_download_buttons_are_labelled_and_outside_the_pdf(build_site):
    built = build_site(play_docs())
    buttons = built.html("/templates/charter/").select("article p.hb-download a.md-button[download]")
    assert [b.get_text() for b in buttons] == ["Download the template (Markdown)"] * 2


def test_the_download_is_a_file_not_a_page_and_its_earlier_address_redirects(build_site):
    built = build_site(play_docs())
    assert (built.site / "templates" / "charter.txt").is_file()
    assert not (built.site / "templates" / "charter.txt" / "index.html").exists()
    assert (built.site / "templates" / "charter" / "index.html").is_file()
    assert "/templates/charter.md /templates/charter.txt 301\n" in (built.site / "_redirects").read_text(encoding="utf-8")


def test_only_the_fenced_block_is_downloaded(build_site):
    built = build_site(play_docs())
    download = (built.site / "templates" / "charter.txt").read_text(encoding="utf-8")
    assert "What it is for" not in download
    assert "````" not in download


@pytest.fixture(scope="module")
def real_templates():
    return load_folder(ROOT / "docs").of_type("template")


def test_every_real_template_is_downloadable_and_matches_its_page(real_site, real_templates):
    assert len(real_templates) >= 7
    for entry in real_templates:
        url = entry.url
        assert download_links(real_site, url) == [download_uri(entry.stem)] * 2, url
        download = (real_site.site / download_uri(entry.stem)).read_text(encoding="utf-8")
        assert download == shown_template(real_site, url), url
