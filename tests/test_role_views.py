"""A role page welcomes a new hire: first week, first 90 days, then the role's reference lists."""

from __future__ import annotations

import pytest

from conftest import ROOT, anatomy_body, minimal_docs
from handbook.content.catalog import WORDS_PER_MINUTE

FIRST_WEEK = "first_week: [practices/pairing, rituals/stand-up, myths/magic]\n"
CHECKLIST = """\
checklist:
  first-30-days:
    - do: Join the stand-up every morning.
      see: rituals/stand-up
    - do: Pair with the lead on one task.
      see: practices/pairing
  first-60-days:
    - do: Run an experiment of your own.
    - do: Write down what it ruled out.
  first-90-days:
    - do: Present a result to the team.
    - do: Bring cake to the retrospective.
      suggestion: true
"""


def with_onboarding(first_week: str = FIRST_WEEK, checklist: str = CHECKLIST) -> dict[str, str | bytes]:
    docs = minimal_docs()
    docs["roles/scientist.md"] = docs["roles/scientist.md"].replace("short: DS\n", "short: DS\n" + first_week + checklist)
    return docs


def section(page, heading_id):
    heading = page.find(id=heading_id)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return parts


def text(parts):
    return " ".join(" ".join(p.get_text(" ", strip=True) for p in parts).split())


def test_without_an_introduction_the_summary_leads_into_the_welcome(build_site):
    docs = with_onboarding()
    # The fixture's body starts with its first section: it has no introduction of its own.
    assert docs["roles/scientist.md"].split("---\n\n", 1)[1].startswith("## Focus")
    page = build_site(docs).html("roles/scientist/").select_one("article")
    lead = page.select_one("p.hb-lead")
    assert lead.get_text() == "Runs experiments for the team."
    welcome = lead.find_next("p")
    assert welcome["class"] == ["hb-welcome"]
    # The abbreviation people type (the short label, DS) is named, for search.
    assert welcome.get_text().startswith("Welcome. This page is your onboarding as a scientist (DS):")
    assert welcome.find_next("h2")["id"] == "your-first-week"
    assert [h["id"] for h in page.find_all("h2")][:3] == ["your-first-week", "your-first-90-days", "focus"]


def test_a_body_introduction_is_kept_before_the_welcome_and_no_lead_is_added(build_site):
    docs = with_onboarding()
    docs["roles/scientist.md"] = docs["roles/scientist.md"].replace("## Focus\n\nExperiments.", "You run the experiments.\n\n## Focus\n\nData.")
    page = build_site(docs).html("roles/scientist/").select_one("article")
    assert page.select_one("p.hb-lead") is None
    intro = page.find("p", string="You run the experiments.")
    assert intro.find_next("h2")["id"] == "your-first-week"
    assert [h["id"] for h in page.find_all("h2")][:3] == ["your-first-week", "your-first-90-days", "focus"]


def test_first_week_is_the_chosen_path_in_order_with_minutes_and_a_total(build_site):
    page = build_site(with_onboarding()).html("roles/scientist/")
    steps = page.select("#suggested-reading-order ol.hb-path > li")
    assert [li.select_one(".hb-path__title a").get_text() for li in steps] == ["Pairing", "Stand-up", "Magic"]
    assert [li.select_one(".hb-path__meta").get_text() for li in steps] == ["Practice, 1 min", "Ritual, 1 min", "Myth, 1 min"]
    assert "Read these 3 pages in this order during your first week: about 3 minutes of reading in all." in text(section(page, "your-first-week"))
    # Each step is named by its type's label, as the registry gives it: a story is a "Conflict story".
    story = build_site(with_onboarding(FIRST_WEEK.replace("myths/magic", "stories/clash")), name="story").html("roles/scientist/")
    assert story.select("#suggested-reading-order .hb-path__meta")[-1].get_text() == "Conflict story, 1 min"
    # The old anchor still lands on the section.
    assert page.find(id="suggested-reading-order").find("h2")["id"] == "your-first-week"


def test_the_total_adds_each_pages_minutes(build_site):
    docs = with_onboarding()
    words = " ".join(["word"] * (WORDS_PER_MINUTE * 7 - len(anatomy_body("practice", "").split())))  # a seven-minute page
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("Pair up.", words)
    page = build_site(docs).html("roles/scientist/")
    metas = [m.get_text() for m in page.select(".hb-path__meta")]
    assert metas == ["Practice, 7 min", "Ritual, 1 min", "Myth, 1 min"]
    assert "about 9 minutes of reading in all" in text(section(page, "your-first-week"))


def test_a_first_week_over_90_minutes_fails_the_build(build_site):
    docs = with_onboarding()
    words = " ".join(["word"] * (WORDS_PER_MINUTE * 89 - len(anatomy_body("practice", "").split())))
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("Pair up.", words)
    built = build_site(docs)
    assert not built.ok
    assert built.errors() == [
        "docs/roles/scientist.md:8: first_week: about 91 minutes of reading; the first week holds at most 90: drop a page or choose shorter ones"
    ]


@pytest.mark.parametrize(
    ("first_week", "error"),
    [
        ("first_week: [practices/pairin]\n",
         "docs/roles/scientist.md:8: first_week: unknown page 'practices/pairin' (did you mean 'practices/pairing'?): "
         "use folder/id of a page in docs/, e.g. practices/baseline-first"),
        ("first_week: [roles/scientist]\n", "docs/roles/scientist.md:8: first_week: 'roles/scientist' is this role page: the path lists the pages to read after it"),
        ("first_week: [myths/magic, myths/magic]\n", "docs/roles/scientist.md:8: first_week: 'myths/magic' is listed twice: keep one"),
        ("first_week: [Magic]\n", "docs/roles/scientist.md:8: first_week.0: 'Magic' is not a page id such as 'practices/team-charter' (folder/file name without .md)"),
    ],
)
def test_a_bad_first_week_names_the_line_and_the_fix(build_site, first_week, error):
    assert build_site(with_onboarding(first_week=first_week)).errors() == [error]


def test_the_checklist_renders_real_checkboxes_in_lists_by_phase(build_site):
    page = build_site(with_onboarding()).html("roles/scientist/")
    checklist = page.select_one(".hb-checklist")
    assert checklist["data-hb-checklist"] == "scientist"
    assert [h.get_text(strip=True).rstrip("¶") for h in checklist.find_all("h3")] == ["First 30 days", "By day 60", "By day 90"]
    lists = checklist.select("ul.hb-checklist__items")
    assert [len(ul.find_all("li")) for ul in lists] == [2, 2, 2]
    boxes = checklist.select("ul > li > input[type=checkbox]")
    assert len(boxes) == 6 and len({box["id"] for box in boxes}) == 6
    assert not any(box.has_attr("checked") or box.has_attr("disabled") for box in boxes)
    first = lists[0].find("li")
    assert first.find("label", attrs={"for": first.input["id"]}).get_text() == "Join the stand-up every morning."
    assert first.select_one(".hb-checklist__see a")["href"] == "../../rituals/stand-up/"
    # The reset control only appears once the script runs.
    assert checklist.select_one(".hb-checklist__actions").has_attr("hidden")
    assert checklist.select_one("button.hb-checklist__reset").get_text() == "Clear my ticks"


def test_the_handbooks_own_suggestions_are_labelled(build_site):
    page = build_site(with_onboarding()).html("roles/scientist/")
    flagged = [li.label.get_text() for li in page.select(".hb-checklist li") if li.select_one(".hb-checklist__flag")]
    assert flagged == ["Bring cake to the retrospective."]
    assert page.select_one(".hb-checklist__flag").get_text() == "(handbook suggestion)"


@pytest.mark.parametrize(
    ("checklist", "error"),
    [
        ("checklist:\n  first-30-days:\n    - do: Join the stand-up.\n  first-60-days:\n    - do: Run an experiment.\n  first-90-days:\n    - do: Present a result.\n",
         "docs/roles/scientist.md:9: checklist: 3 actions; give at least 6 across first-30-days, first-60-days, first-90-days"),
        (CHECKLIST.replace("first-90-days:", "first-100-days:"),
         "docs/roles/scientist.md:18: checklist.first-100-days: Input should be 'first-30-days', 'first-60-days' or 'first-90-days'"),
        (CHECKLIST.replace("see: practices/pairing", "see: practices/pairs"),
         "docs/roles/scientist.md:14: checklist.first-30-days.1.see: unknown page 'practices/pairs' (did you mean 'practices/pairing'?): use folder/id, e.g. rituals/daily-stand-up"),
        (CHECKLIST.replace("Write down what it ruled out.", "Run an experiment of your own."),
         "docs/roles/scientist.md:17: checklist.first-60-days.1: this action is already in the checklist: keep one"),
    ],
)
def test_a_bad_checklist_names_the_line_and_the_fix(build_site, checklist, error):
    assert build_site(with_onboarding(checklist=checklist)).errors() == [error]


def test_a_missing_phase_is_an_error():
    from test_validation import problems

    docs = with_onboarding(checklist=CHECKLIST.replace("  first-60-days:\n", "").replace("    - do: Run an experiment of your own.\n", "      see: practices/pairing\n    - do: Run an experiment of your own.\n", 1))
    found = problems(docs)
    assert "docs/roles/scientist.md:9: checklist: no actions for first-60-days: give each of first-30-days, first-60-days, first-90-days at least one" in found


def test_reference_lists_rituals_and_practices_by_level(build_site):
    docs = with_onboarding()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("lead: informed", "lead: informed\n  loner: consulted")
    page = build_site(docs).html("roles/scientist/")
    rituals = section(page, "rituals-you-attend")
    assert [(p.name, text([p])) for p in rituals][1:] == [("h3", "You bring work to these (responsible) ¶"), ("ul", "Stand-up : daily, 15 min")]
    # The role's recurring time opens the section (no core rituals in this fixture, so no core figure).
    assert text([rituals[0]]).startswith("Recurring rituals take about 1 h 15 min a week of your time (1 ritual).")
    practices = section(page, "practices-you-lead-or-take-part-in")
    # One list per level, never a paragraph of links.
    assert [(p.name, text([p])) for p in practices] == [("h3", "You own these (accountable) ¶"), ("ul", "Pairing")]
    assert "A clash" in text(section(page, "stories-where-you-are-a-party"))
    assert "Magic" in text(section(page, "myths-to-unlearn"))
    loner = build_site(docs, name="loner").html("roles/loner/")
    assert [(p.name, text([p])) for p in section(loner, "practices-you-lead-or-take-part-in")] == [
        ("h3", "You are asked for input (consulted) ¶"), ("ul", "Pairing")]
    # What a role does the work for is a list to read; what it is only consulted on, one compact line.
    assert [ul["class"] for ul in section(page, "practices-you-lead-or-take-part-in") if ul.name == "ul"] == [["hb-columns"]]
    assert [ul["class"] for ul in section(loner, "practices-you-lead-or-take-part-in") if ul.name == "ul"] == [["hb-inline-list"]]


def test_a_role_with_nothing_yet(build_site):
    page = build_site(minimal_docs()).html("roles/loner/")
    assert text(section(page, "rituals-you-attend")) == "No ritual lists this role yet."
    assert text(section(page, "practices-you-lead-or-take-part-in")) == "No practice lists this role yet."
    assert text(section(page, "your-first-week")) == "No first-week reading has been chosen for this role yet."
    assert page.select(".hb-checklist input") == []


def test_linked_from_is_folded_on_a_role_page(build_site):
    docs = with_onboarding()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("Pair up.", "Pair up. Ask [a scientist](../roles/scientist.md).")
    docs["myths/magic.md"] = docs["myths/magic.md"].replace("Not magic.", "Not magic. Ask [a scientist](../roles/scientist.md).")
    page = build_site(docs).html("roles/scientist/")
    folded = page.select_one("details#linked-from")
    assert folded is not None and not folded.has_attr("open")
    assert folded.summary.get_text() == "Linked from 2 pages"
    assert [a.get_text() for a in folded.select("ul > li > a")] == ["Magic", "Pairing"]


def test_the_download_button_uses_the_pack_named_after_the_title(build_site, monkeypatch):
    monkeypatch.setenv("HANDBOOK_PDF", "true")  # buttons only in builds that make the PDFs
    docs = minimal_docs()
    page = build_site(docs).html("roles/lead/")
    assert page.select_one(".hb-download a")["href"] == "../../pdf/team-lead.pdf"


def test_every_role_of_the_handbook_has_a_first_week_and_a_checklist():
    from handbook.content.model import (
        CHECKLIST_MIN_ITEMS,
        CHECKLIST_PHASES,
        FIRST_WEEK_MAX_MINUTES,
    )
    from handbook.rules import load_folder
    from handbook.views.role_views import first_week, minutes

    catalog = load_folder(ROOT / "docs")
    for role in catalog.of_type("role"):
        week = first_week(catalog, role)
        assert week and minutes(week) <= FIRST_WEEK_MAX_MINUTES, role.stem
        assert set(role.meta.checklist) == set(CHECKLIST_PHASES), role.stem
        assert sum(len(items) for items in role.meta.checklist.values()) >= CHECKLIST_MIN_ITEMS, role.stem


def test_checklist_text_is_escaped(build_site):
    hostile = CHECKLIST.replace("Join the stand-up every morning.", '"<script>alert(1)</script> [x](javascript:alert(1)) *every* morning."')
    page = build_site(with_onboarding(checklist=hostile)).html("roles/scientist/")
    label = page.select_one(".hb-checklist label")
    assert label.get_text() == "<script>alert(1)</script> [x](javascript:alert(1)) *every* morning."
    # The only script in the article is the checklist's own, by its src; no markup from the text runs.
    assert [s.get("src", "") for s in page.select("article script")] == ["../../javascripts/checklist.js"]
    assert not page.select('article a[href^="javascript:"]')


def test_headings_inside_fenced_code_are_not_headings():
    # One fence scanner for every reader of a body: a ```` block may show ``` lines and headings.
    from handbook.content.markdown import headings
    from handbook.views.role_views import split_intro

    body = "Intro.\n\n````markdown\n```\n## Shown, not a heading\n```\n````\n\n   ~~~\n# Also shown\n   ~~~\n\n## Real"
    assert headings(body) == [("Real", 13)]
    intro, rest = split_intro(body)
    assert rest == "## Real" and intro.endswith("   ~~~\n")


def test_one_reading_time_for_the_first_week_on_the_home_page_the_role_page_and_the_pack(real_site):
    # The figure is computed once (Entry.minutes): the home page's card, the role page and the pack's contents agree.
    import re

    from bs4 import BeautifulSoup

    from handbook.output.book import role_book
    from handbook.output.pdf import book_html
    from handbook.rules import load_folder

    role_page = real_site.html("/roles/data-scientist/").select_one(".hb-first-week").get_text(" ")
    on_page = int(re.search(r"about (\d+) minutes of reading in all", role_page).group(1))
    cards = {a.get_text(): a.find_parent("li").get_text(" ") for a in real_site.html("/").select(".hb-role-cards a")}
    assert f"First week: about {on_page} minutes" in cards["Data scientist"]
    book = BeautifulSoup(book_html(role_book(load_folder(ROOT / "docs"), "data-scientist"), real_site.site, "2026-12-04", "test"), "html.parser")
    week = next(h for h in book.select("h2.toc-part") if h.get_text().startswith("Your first week"))
    assert week.select_one(".toc-minutes").get_text() == f"{on_page} min"
