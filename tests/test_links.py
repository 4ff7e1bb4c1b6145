"""Every link a build writes resolves: hrefs and srcs, raw HTML included, assets and anchors."""

from __future__ import annotations

from pathlib import Path

from conftest import minimal_docs
from handbook.output.linkcheck import check_site


def write(site: Path, files: dict[str, str]) -> Path:
    for name, html in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(html, encoding="utf-8")
    return site


def test_the_checker_finds_dead_pages_anchors_and_assets(tmp_path):
    site = write(tmp_path, {
        "index.html": '<a href="a/">ok</a><a href="a/#here">ok</a><a href="a/#gone">x</a><a href="missing/">x</a>'
                      '<img src="img/none.png"><script src="js/app.js"></script><link href="style.css" rel="stylesheet">'
                      '<a href="https://elsewhere.example/">other host</a><a href="mailto:a@b.c">mail</a>'
                      '<meta property="og:image" content="https://handbook.test/cards/home.png">',
        "a/index.html": '<h2 id="here">Here</h2><a href="../">up</a><a href="../../../etc/passwd">out</a>',
        "js/app.js": "",
    })
    dead = [str(d) for d in check_site(site, "https://handbook.test/")]
    assert dead == [
        "a/index.html: ../../../etc/passwd (outside the site)",
        "index.html: a/#gone (no such anchor)",
        "index.html: https://handbook.test/cards/home.png (no such file)",
        "index.html: img/none.png (no such file)",
        "index.html: missing/ (no such file)",
        "index.html: style.css (no such file)",
    ]


def test_an_asset_from_another_host_counts_as_dead(tmp_path):
    site = write(tmp_path, {
        "index.html": '<script src="https://cdn.example/app.js"></script><link rel="stylesheet" href="//fonts.example/a.css">'
                      '<img src="https://img.example/a.png"><link rel="canonical" href="https://handbook.test/">'
                      '<a href="https://elsewhere.example/">a link away is fine</a>',
    })
    why = "fetched from another host: the site must work with no network"
    assert [str(d) for d in check_site(site, "https://handbook.test/")] == [
        f"index.html: //fonts.example/a.css ({why})",
        f"index.html: https://cdn.example/app.js ({why})",
        f"index.html: https://img.example/a.png ({why})",
    ]


def test_every_link_of_the_real_site_resolves(real_site):
    assert [str(d) for d in check_site(real_site.site, "https://handbook.example.com/")] == []


def test_a_plain_build_has_no_download_buttons(build_site):
    built = build_site(minimal_docs())
    assert built.html("index.html").select(".hb-download") == []
    assert built.html("roles/lead/").select(".hb-download") == []


def test_a_build_with_pdfs_shows_the_buttons(build_site, monkeypatch):
    monkeypatch.setenv("HANDBOOK_PDF", "true")
    built = build_site(minimal_docs())
    assert [a["href"] for a in built.html("index.html").select(".hb-download a")] == ["pdf/handbook.pdf"]
    assert [a["href"] for a in built.html("roles/lead/").select(".hb-download a")] == ["../../pdf/team-lead.pdf"]


def test_a_clean_build_is_quiet(real_site):
    # MkDocs' own lines only: no list of pages left out of the navigation, no notes from plugins.
    expected = ("Cleaning site directory", "Building documentation to directory", "Documentation built in")
    assert [line for line in real_site.info if not line.startswith(expected)] == []
