"""Field reports: accounts with no conflict at their heart, validated, boxed, indexed and listed on role pages."""

from __future__ import annotations

from conftest import ROOT, minimal_docs, page
from handbook.content.problems import ContentError
from handbook.content.types import headings_for
from handbook.rules import load_catalog, load_folder

REPORT = """
title: A quiet delivery
summary: The team shipped a model early by writing its standards down first.
tags: [teamwork]
sources: [guide]
aliases: [/stories/a-quiet-delivery/]
involved: [lead, scientist]
outcome: The team reported delivery two weeks early.
"""
BODY = "## Context\n\nSee [the lead](../roles/lead.md).\n\n## What the team did\n\nWrote it down.\n"


def with_report(front: str = REPORT) -> dict[str, str]:
    docs = minimal_docs()
    docs["field-reports/a-quiet-delivery.md"] = page(front, BODY)
    return docs


def problems(files: dict[str, str]) -> list[str]:
    tags = files.pop("tags.yml")
    try:
        load_catalog([(name, text.encode()) for name, text in files.items()], tags.encode())
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


def test_a_report_renders_its_roles_and_outcome_in_a_box(build_site):
    built = build_site(with_report())
    assert built.ok, built.messages
    box = built.html("field-reports/a-quiet-delivery/").select_one("article .hb-glance")
    assert box.select_one(".admonition-title").get_text() == "At a glance"
    items = box.select("ul > li")
    assert [li.get_text(" ", strip=True) for li in items] == [
        "Roles involved: Team lead , Scientist",
        "What came of it, as reported: The team reported delivery two weeks early.",
    ]
    assert [a["href"] for a in items[0].find_all("a")] == ["../../roles/lead/", "../../roles/scientist/"]


def test_reports_have_their_own_index_tag_group_and_redirect(build_site):
    built = build_site(with_report())
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in built.html("field-reports/").select("article tbody tr")]
    assert rows == [["A quiet delivery", "Team lead , Scientist", "The team reported delivery two weeks early."]]
    headings = [h.get_text(" ", strip=True) for h in built.html("tags/teamwork/").select("article h2")]
    assert headings.index("Conflict stories ¶") < headings.index("Field reports ¶") < headings.index("Myths ¶")
    refresh = built.html("stories/a-quiet-delivery/").find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"].endswith("field-reports/a-quiet-delivery/")


def test_a_role_page_lists_the_reports_that_involve_it(build_site):
    built = build_site(with_report())
    section = built.html("roles/scientist/").find("h2", id="stories-where-you-are-a-party").find_next_sibling("ul")
    assert [a.get_text() for a in section.find_all("a")] == ["A clash", "A quiet delivery"]
    assert "A quiet delivery" not in built.html("roles/loner/").select_one("article").get_text()


def test_an_unknown_role_in_a_report_names_the_line_and_the_fix():
    docs = with_report(REPORT.replace("involved: [lead, scientist]", "involved: [lead, scientsit]"))
    assert problems(docs) == [
        "docs/field-reports/a-quiet-delivery.md:7: involved: unknown role 'scientsit' (did you mean 'scientist'?): "
        "role ids are the file names in docs/roles/"
    ]


def test_a_report_needs_roles_and_an_outcome():
    docs = with_report(REPORT.replace("involved: [lead, scientist]", "involved: []").replace("outcome: The team reported delivery two weeks early.\n", ""))
    assert problems(docs) == [
        "docs/field-reports/a-quiet-delivery.md:1: outcome: required field is missing",
        "docs/field-reports/a-quiet-delivery.md:7: involved: List should have at least 1 item after validation, not 0",
    ]


def test_a_report_has_no_parties_because_nobody_clashed():
    docs = with_report(REPORT + "parties: [lead, scientist]\n")
    assert problems(docs) == [
        "docs/field-reports/a-quiet-delivery.md:9: parties: unknown field: allowed fields are "
        "title, summary, owner, reviewed, tags, sources, aliases, involved, outcome"
    ]


def test_every_real_report_and_story_follows_its_anatomy():
    catalog = load_folder(ROOT / "docs")
    for kind in ("story", "report"):
        entries = catalog.of_type(kind)
        assert entries, kind
        wrong = {
            e.src_uri: headings
            for e in entries
            if (headings := tuple(line[3:].strip() for line in e.body.splitlines() if line.startswith("## "))) != headings_for(kind)
        }
        assert wrong == {}, kind

