"""Hostile and careless input gets a clear error naming the file, or a safe page."""

from __future__ import annotations

import time

import pytest

from conftest import minimal_docs
from handbook.content.problems import ContentError
from handbook.rules import load_catalog

SCRIPT = "<script>alert(1)</script>"


def hostile_docs() -> dict[str, str | bytes]:
    docs = minimal_docs()
    docs["practices/pairing.md"] = (
        docs["practices/pairing.md"]
        .replace("summary: Two people work on one problem together.", """summary: 'Two people <img src=x onerror=alert(1)> work | "together" [x](javascript:alert(1)).'""")
    )
    docs["myths/magic.md"] = docs["myths/magic.md"].replace("belief: Models are magic.", f'belief: "{SCRIPT} [x](javascript:alert(1))"')
    docs["glossary.md"] = (
        "---\ntitle: Glossary\nsummary: Terms used in the fixture handbook.\nowner: lead\nreviewed: 2026-11-23\ntags: [teamwork]\nsources: [guide]\n"
        f'terms:\n  - term: Pairing\n    definition: "Two people, one problem {SCRIPT}"\n    sources: [guide]\n---\n\nTerms.\n'
    )
    return docs


def test_metadata_is_escaped_everywhere(build_site):
    built = build_site(hostile_docs())
    assert built.ok, built.messages
    for url in ("practices/pairing/", "tags/teamwork/", "matrix/", "practices/", "myths/", "myths/magic/", "roles/scientist/", "glossary/"):
        path = built.site / url / "index.html"
        if not path.exists():
            continue
        page = built.html(url)
        article = page.select_one("article")
        # No script but the handbook's own, loaded by its src where a page needs it (the matrix's filter, the checklist).
        assert [s.get("src", "").rsplit("/", 1)[-1] for s in article.find_all("script")] in ([], ["matrix.js"], ["checklist.js"]), url
        assert not [s for s in article.find_all("script") if s.string], url
        assert article.find("img", attrs={"onerror": True}) is None, url
        assert not article.select('a[href^="javascript:"]'), url
    assert "<img src=x onerror=alert(1)>" in built.html("tags/teamwork/").select_one("article").get_text()
    assert SCRIPT in built.html("myths/").select_one("article").get_text()
    description = built.html("practices/pairing/").find("meta", attrs={"name": "description"})["content"]
    assert description == 'Two people <img src=x onerror=alert(1)> work | "together" [x](javascript:alert(1)).'


BREAKOUT = '"><script>alert(2)</script>'


def test_script_in_every_other_metadata_field_is_inert(build_site):
    docs = minimal_docs()
    quoted = BREAKOUT.replace('"', '\\"')
    docs["tags.yml"] = docs["tags.yml"].replace("Working together.", f'"Working {quoted} together."')
    docs["rituals/stand-up.md"] = docs["rituals/stand-up.md"].replace("prep: Know your blockers.", f'prep: "Know {quoted}"')
    docs["stories/clash.md"] = docs["stories/clash.md"].replace("outcome: The team reported that they shipped on time.", f'outcome: "Shipped {quoted}"')
    docs["myths/magic.md"] = docs["myths/magic.md"].replace("reality: Models need data.", f'reality: "Data {quoted}"')
    docs["sources/guide.md"] = docs["sources/guide.md"].replace("author: A team lead", f'author: "A lead {quoted}"')
    docs["roles/lead.md"] = docs["roles/lead.md"].replace("short: TL", 'short: "<b>TL"')
    built = build_site(docs)
    assert built.ok, built.messages
    for path in built.site.rglob("index.html"):
        page = built.html(str(path.relative_to(built.site)))
        scripts = [tag for tag in page.find_all("script") if "alert" in (tag.string or "")]
        assert scripts == [], path
        assert page.find("b", string="TL") is None, path
    meta = built.html("tags/teamwork/").find("meta", attrs={"name": "description"})
    assert meta["content"] == f"Working {BREAKOUT} together."


def test_markup_in_a_title_is_an_error(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("title: Pairing", f'title: "Pair {SCRIPT}"')
    built = build_site(docs)
    assert built.errors() == ["docs/practices/pairing.md:2: title: must be plain text: '<' and '>' are not allowed"]


@pytest.mark.parametrize("slug", ["../../outside", "..", "a/b", "/etc/passwd", "UP"])
def test_tags_that_climb_out_of_the_site_are_rejected(slug):
    docs = minimal_docs()
    docs["tags.yml"] = f'"{slug}": Sneaky.\n'
    pages = [(k, v.encode()) for k, v in docs.items() if k != "tags.yml"]
    with pytest.raises(ContentError) as error:
        load_catalog(pages, docs["tags.yml"].encode())
    assert f"docs/tags.yml:1: tags: '{slug}' is not a lowercase-hyphenated slug such as 'psychological-safety'" in map(str, error.value.problems)


def test_a_page_tag_that_climbs_out_is_an_error(build_site, tmp_path):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("tags: [teamwork, rare]", "tags: [../../../escape]")
    built = build_site(docs)
    assert not built.ok
    assert built.errors() == ["docs/practices/pairing.md:4: tags.0: '../../../escape' is not a lowercase-hyphenated id such as 'data-scientist'"]
    assert not list(tmp_path.rglob("escape*"))


def test_a_page_of_several_megabytes_is_refused_quickly(build_site):
    docs = minimal_docs()
    docs["practices/huge.md"] = docs["practices/pairing.md"].replace("Pairing", "Huge") + "word " * 1_500_000
    started = time.perf_counter()
    built = build_site(docs)
    assert time.perf_counter() - started < 60
    assert built.errors() == ["docs/practices/huge.md:1: file: page is 7324 KB; the limit is 512 KB: split it into several pages"]


def test_bytes_that_are_not_utf8(build_site):
    docs = minimal_docs()
    docs["practices/latin.md"] = docs["practices/pairing.md"].replace("Pairing", "Latin").encode() + "café".encode("latin-1")
    built = build_site(docs)
    line = docs["practices/pairing.md"].count("\n") + 1
    assert built.errors()[0].startswith(f"docs/practices/latin.md:{line}: file: byte ")
    assert built.errors()[0].endswith(" is not UTF-8: save the file as UTF-8")


def test_byte_order_mark_and_crlf_give_a_normal_page(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = b"\xef\xbb\xbf" + docs["practices/pairing.md"].replace("\n", "\r\n").encode()
    built = build_site(docs)
    assert built.ok, built.messages
    page = built.html("practices/pairing/")
    assert page.select_one("article h1").get_text() == "Pairing"
    assert "---" not in page.select_one("article").get_text()


def test_yaml_alias_bomb_is_refused_without_expanding(build_site):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)
    )
    docs = minimal_docs()
    docs["practices/bomb.md"] = f"---\ntitle: Bomb\n{bomb}---\n\nBody.\n"
    started = time.perf_counter()
    built = build_site(docs)
    assert time.perf_counter() - started < 60
    assert built.errors() == [
        "docs/practices/bomb.md:4: front matter: YAML does not parse: YAML aliases (*name) are not allowed in front matter; write the value out"
    ]


def test_front_matter_that_is_not_a_mapping(build_site):
    docs = minimal_docs()
    docs["practices/list.md"] = "---\n- just\n- a list\n---\n\nBody.\n"
    built = build_site(docs)
    assert built.errors() == ["docs/practices/list.md:2: front matter: must be a mapping of 'field: value' lines"]
