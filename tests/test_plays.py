"""Templates, exercises and decision guides render their front matter as boxes, tables and question lists."""

from __future__ import annotations

import re

import pytest
from properdocs.commands.build import build
from properdocs.config import load_config

from conftest import ROOT, Built, fixture_config, write_docs
from handbook.content.types import headings_for, page_type
from handbook.output.pdf import handbook_book
from handbook.rules import load_folder
from plays import play_docs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # One strict build serves every rendering test of this module; a warning aborts it.
    root = tmp_path_factory.mktemp("plays")
    write_docs(root, play_docs())
    build(load_config(str(fixture_config(root)), strict=True))
    return Built(root / "site", [], True)


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


# --- decision guides -------------------------------------------------------------


def test_questions_are_an_ordered_list_of_items_with_choices(built):
    article = built.html("/decision-guides/rules-or-a-model/").select_one("article")
    questions = article.select("ol.hb-questions > li")
    assert [li["id"] for li in questions] == ["question-problem", "question-rules"]
    assert [text(li.select_one("p.hb-ask")) for li in questions] == [
        "Can you state the problem without naming a technique?",
        "Would a fixed rule do the job?",
    ]
    assert text(questions[0].select_one("p.hb-hint")) == "Say what it costs today."
    assert questions[1].select_one("p.hb-hint") is None
    choices = [[text(li) for li in q.select("ul.hb-choices > li")] for q in questions]
    assert choices == [
        ["Yes → go to question 2", "No → answer: Frame the problem first"],
        ["Yes → answer: Write the rule", "No → answer: Try a model, time-boxed"],
    ]


def test_every_choice_links_to_a_question_or_answer_on_the_page(built):
    article = built.html("/decision-guides/rules-or-a-model/").select_one("article")
    questions = article.select("ol.hb-questions > li")
    for link in article.select("ul.hb-choices a"):
        target = article.find(id=link["href"].removeprefix("#"))
        assert target is not None, link["href"]
        if target.name == "li":
            # "question 2" names the item's position in the ordered list.
            assert link.get_text() == f"question {questions.index(target) + 1}"
        else:
            assert link.get_text() == text(target.select_one(".admonition-title"))


def test_answers_are_boxes_with_links_to_read_next(built):
    article = built.html("/decision-guides/rules-or-a-model/").select_one("article")
    answers = article.select("div.admonition.hb-answer")
    assert [a["id"] for a in answers] == ["answer-frame-first", "answer-use-rules", "answer-try-a-model"]
    assert text(answers[1].select_one(".admonition-title")) == "Write the rule"
    assert "Ship the rule and measure it." in text(answers[1])
    assert [(a.get_text(), a["href"]) for a in answers[1].select("p a")] == [
        ("Stand-up", "../../rituals/stand-up/"),
        ("Team lead", "../../roles/lead/"),
    ]


def test_the_guide_box_says_when_to_use_it_and_who_decides(built):
    box = built.html("/decision-guides/rules-or-a-model/").select_one("article div.hb-glance")
    items = [text(li) for li in box.select("ul > li")]
    assert items == [
        "Use this guide when: Someone asks for a model.",
        "Accountable (makes the call): Team lead",
        "Consulted (is asked): Scientist",
    ]


def test_generated_headings_come_before_the_body(built):
    headings = [h["id"] for h in built.html("/decision-guides/rules-or-a-model/").select("article h2")]
    assert headings[:4] == ["the-questions", "the-answers", "why-these-questions", "after-you-decide"]


# --- exercises -------------------------------------------------------------------


def test_exercise_box_marks_the_handbook_suggestions(built):
    box = built.html("/exercises/charter-workshop/").select_one("article div.hb-glance")
    items = [text(li) for li in box.find("ul", recursive=False).find_all("li", recursive=False)]
    assert items == [
        "Run time: 30 minutes",
        "Group size: 3 to 8 people (handbook suggestion)",
        "Accountable (facilitates): Team lead",
        "Responsible (takes part): Scientist",
        "Materials: the charter template, printed",
    ]
    lists = box.find_all("ul", recursive=False)
    assert [text(li) for li in lists[1].find_all("li")] == ["Scribe (the Scientist ): Writes the draft.", "Timekeeper : Calls time."]


def test_exercise_timing_is_a_table_with_clock_times(built):
    box = built.html("/exercises/charter-workshop/").select_one("article div.hb-timing")
    assert "suggestion" in box["class"]
    assert text(box.select_one(".admonition-title")) == "Handbook suggestion: timing"
    rows = [[text(td) for td in tr.find_all("td")] for tr in box.select("table tbody tr")]
    assert rows == [
        ["0:00–0:05", "5", "Explain the five headings."],
        ["0:05–0:25", "20", "Draft the charter in pairs."],
        ["0:25–0:30", "5", "Debrief."],
    ]


def test_sourced_timing_is_not_labelled_a_suggestion(build_site):
    files = play_docs()
    files["exercises/charter-workshop.md"] = files["exercises/charter-workshop.md"].replace("suggested: [group_size, timing]", "suggested: []")
    built = build_site(files)
    box = built.html("/exercises/charter-workshop/").select_one("article div.hb-timing")
    assert "suggestion" not in box["class"] and text(box.select_one(".admonition-title")) == "Timing"
    assert "handbook suggestion" not in text(built.html("/exercises/charter-workshop/").select_one("article div.hb-glance"))


# --- templates, indexes, tags ----------------------------------------------------------


def test_template_box_lists_where_it_is_used_and_who_owns_it(built):
    box = built.html("/templates/charter/").select_one("article div.hb-glance")
    assert [text(li) for li in box.select("ul > li")] == [
        "Used in: Pairing , Charter workshop",
        "Accountable (owns the document): Team lead",
        "Responsible (fills it in): Scientist",
    ]


def rows(built, url):
    return [[text(td) for td in tr.find_all("td")] for tr in built.html(url).select("article tbody tr")]


def test_type_indexes_of_the_three_types(built):
    assert rows(built, "templates/") == [["Charter template", "Pairing , Charter workshop", "Team lead", "A working agreement the whole team fills in."]]
    assert rows(built, "exercises/") == [["Charter workshop", "30 min", "3 to 8 people", "Team lead", "The team writes its charter together in half an hour."]]
    assert rows(built, "decision-guides/") == [["Rules or a model", "Someone asks for a model.", "Team lead"]]


def test_tag_pages_group_the_new_types(built):
    headings = [text(h).rstrip("¶").strip() for h in built.html("tags/teamwork/").select("article h2")]
    assert {"Templates", "Exercises", "Decision guides"} <= set(headings)


def test_the_new_pages_are_searchable(built):
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    for title in ("Charter template", "Charter workshop", "Rules or a model"):
        assert f'"title":"{title}"' in index


# --- the real handbook --------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    return load_folder(ROOT / "docs")


def test_the_real_handbook_has_enough_of_each_type(catalog):
    counts = {kind: len(catalog.of_type(kind)) for kind in ("template", "exercise", "decision-guide")}
    assert counts["template"] >= 7 and counts["exercise"] >= 4 and counts["decision-guide"] >= 4


@pytest.mark.parametrize("kind", ["template", "exercise", "decision-guide"])
def test_real_pages_follow_their_anatomy(catalog, kind):
    expected = list(headings_for(kind))
    optional = list(page_type(kind).anatomy.optional)
    wrong = {}
    for entry in catalog.of_type(kind):
        # Headings inside a fenced block (the template itself) are not the page's own.
        body = re.sub(r"^(`{3,}|~{3,}).*?^\1\s*$", "", entry.body, flags=re.MULTILINE | re.DOTALL)
        found = re.findall(r"^## (.+?)\s*$", body, flags=re.MULTILINE)
        # The required headings in order, then any of the optional ones (a template's worked example).
        if found[: len(expected)] != expected or found[len(expected) :] not in ([], optional):
            wrong[entry.src_uri] = found
    assert wrong == {}


def test_the_pdf_book_has_a_part_per_type(catalog):
    parts = {part.title: part.urls for part in handbook_book(catalog).parts}
    # The health check's worksheet is a form to fill in too: it closes the Templates part.
    assert parts["Templates"][0] == "/templates/" and len(parts["Templates"]) == 1 + len(catalog.of_type("template")) + 1
    assert parts["Templates"][-1] == "/health-check/"
    assert parts["Exercises"][0] == "/exercises/" and len(parts["Exercises"]) == 1 + len(catalog.of_type("exercise"))
    assert parts["Decision guides"][0] == "/decision-guides/" and len(parts["Decision guides"]) == 1 + len(catalog.of_type("decision-guide"))
