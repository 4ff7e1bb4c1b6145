"""llms.txt and llms-full.txt at the site root: an index with summaries, and the full text as Markdown."""

from __future__ import annotations

from conftest import minimal_docs

SITE = "https://handbook.example.com"


def test_llms_txt_lists_every_page_with_its_summary_by_part(build_site):
    text = (build_site(minimal_docs()).site / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# Cross-Functional AI Team Handbook\n\n> ")
    assert f"## Roles\n\n- [Loner]({SITE}/roles/loner/): A role with no practices at all.\n" in text
    assert f"- [Stand-up]({SITE}/rituals/stand-up/): A short daily meeting of the whole team.\n" in text
    assert f"- [Full text]({SITE}/llms-full.txt)" in text
    for heading in ("## Rituals", "## Practices", "## Conflict stories", "## Myths", "## Sources"):
        assert heading in text


def test_llms_full_holds_every_page_as_markdown_with_absolute_links(build_site):
    built = build_site(minimal_docs())
    text = (built.site / "llms-full.txt").read_text(encoding="utf-8")
    assert f"# Stand-up\n\nURL: {SITE}/rituals/stand-up/\n\nA short daily meeting of the whole team.\n\n## Purpose\n\nEvery morning. Practise [pairing]({SITE}/practices/pairing/)." in text
    assert text.count("\n---\n\n# ") == 10
    assert "../" not in text


def test_generated_pages_that_ask_for_it_are_listed(build_site):
    # The registry's `llms` flag: the rhythm and the matrix are listed, tag pages are not.
    text = (build_site(minimal_docs()).site / "llms.txt").read_text(encoding="utf-8")
    section = text.split("## Generated pages\n\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split("](")[0] for line in section.splitlines()] == ["- [Team operating rhythm", "- [Responsibility matrix"]
