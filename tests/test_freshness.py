"""Owners and review dates: validation, the review-due page, the non-failing warning, page dates and edit links."""

from __future__ import annotations

from datetime import date

import pytest
from test_validation import RITUAL as UNOWNED
from test_validation import with_page

from conftest import fixture_config, minimal_docs, ritual_body
from handbook.content.problems import ContentError
from handbook.rules import load_catalog


def problems(files: dict[str, str], today: date = date(2026, 11, 23)) -> list[str]:
    tags = files.pop("tags.yml")
    try:
        load_catalog([(name, text.encode()) for name, text in files.items()], tags.encode(), today=today)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


RITUAL = UNOWNED + "owner: lead\nreviewed: 2026-11-23\n"


def retro(front: str) -> dict[str, str]:
    return with_page("rituals/retro.md", f"---\n{front.strip()}\n---\n\n{ritual_body()}\n")


# --- validation ----------------------------------------------------------------


def test_a_page_without_an_owner_or_a_review_date():
    front = RITUAL.replace("owner: lead\n", "").replace("reviewed: 2026-11-23\n", "")
    assert problems(retro(front)) == [
        "docs/rituals/retro.md:1: owner: required field is missing",
        "docs/rituals/retro.md:1: reviewed: required field is missing",
    ]


def test_the_home_page_needs_an_owner_too():
    files = minimal_docs()
    files["index.md"] = files["index.md"].replace("owner: lead\n", "")
    assert problems(files) == ["docs/index.md:1: owner: required field is missing"]


def test_an_unknown_owner_suggests_a_role():
    assert problems(retro(RITUAL.replace("owner: lead", "owner: leda"))) == [
        "docs/rituals/retro.md:11: owner: unknown role 'leda' (did you mean 'lead'?): the owner is a role id, a file name in docs/roles/"
    ]


def test_a_review_date_in_the_future():
    assert problems(retro(RITUAL.replace("reviewed: 2026-11-23", "reviewed: 2026-11-24"))) == [
        "docs/rituals/retro.md:12: reviewed: 2026-11-24 is in the future: give the day of the last review, today (2026-11-23) at the latest"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("23/11/2026", "docs/rituals/retro.md:12: reviewed: '23/11/2026' is not a date: write the day of the last review as YYYY-MM-DD, such as 2026-11-23"),
        ("2026-11-23 10:30:00", "docs/rituals/retro.md:12: reviewed: '2026-11-23 10:30:00' is not a date: write the day of the last review as YYYY-MM-DD, such as 2026-11-23"),
        ("2026-13-01", "docs/rituals/retro.md:12: reviewed: '2026-13-01' is not a date: write a calendar day as YYYY-MM-DD, such as 2026-11-23"),
        ('"2026-02-30"', "docs/rituals/retro.md:12: reviewed: '2026-02-30' is not a date: write the day of the last review as YYYY-MM-DD, such as 2026-11-23"),
    ],
)
def test_a_review_date_that_is_not_a_day(value, expected):
    assert problems(retro(RITUAL.replace("reviewed: 2026-11-23", f"reviewed: {value}"))) == [expected]


def test_a_quoted_review_date_is_accepted():
    assert problems(retro(RITUAL.replace("reviewed: 2026-11-23", 'reviewed: "2026-11-20"'))) == []


# --- the review-due page and the warning ------------------------------------------


def stale_docs() -> dict[str, str]:
    docs = minimal_docs()
    docs["rituals/stand-up.md"] = docs["rituals/stand-up.md"].replace("reviewed: 2026-11-23", "reviewed: 2025-06-01")
    docs["myths/magic.md"] = docs["myths/magic.md"].replace("owner: lead\nreviewed: 2026-11-23", "owner: scientist\nreviewed: 2025-01-10")
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("reviewed: 2026-11-23", "reviewed: 2024-12-01")
    # 365 days before the fixture's today: not yet due.
    docs["stories/clash.md"] = docs["stories/clash.md"].replace("reviewed: 2026-11-23", "reviewed: 2025-11-23")
    return docs


def test_the_review_due_page_lists_overdue_pages_by_owner(build_site):
    built = build_site(stale_docs(), today="2026-11-23")
    assert built.ok, built.messages
    article = built.html("review-due/").select_one("article")
    assert article.h1.get_text() == "Review due"
    groups = {
        h2.get_text(strip=True).removesuffix("¶"): [
            (li.a.get_text(), li.a["href"], li.get_text()) for li in h2.find_next_sibling("div", class_="hb-review-due").select("ul > li")
        ]
        for h2 in article.select("h2")
    }
    assert groups == {
        "Scientist": [("Magic", "../myths/magic/", "Magic: reviewed 2025-01-10, 682 days ago")],
        "Team lead": [
            ("Pairing", "../practices/pairing/", "Pairing: reviewed 2024-12-01, 722 days ago"),
            ("Stand-up", "../rituals/stand-up/", "Stand-up: reviewed 2025-06-01, 540 days ago"),
        ],
    }
    assert [h2.a["href"] for h2 in article.select("h2") if h2.a and "headerlink" not in h2.a.get("class", [])] == [
        "../roles/scientist/",
        "../roles/lead/",
    ]
    assert "Dates are as of 2026-11-23." in article.get_text()


def test_the_review_due_page_says_when_none_are_due(build_site):
    built = build_site(minimal_docs(), today="2027-11-23")
    article = built.html("review-due/").select_one("article")
    assert "No page is due for review: every page was reviewed in the last 365 days." in article.get_text()
    assert article.select("h2") == []


def test_stale_pages_are_a_warning_that_does_not_fail_a_strict_build(build_site):
    built = build_site(stale_docs(), strict=True, today="2026-11-23")
    assert built.ok
    assert built.errors() == [
        "docs/practices/pairing.md:10: reviewed: last reviewed 2024-12-01, 722 days ago (pages are due after 365): "
        "check it against its sources, then set reviewed to the day of that review",
        "docs/myths/magic.md:10: reviewed: last reviewed 2025-01-10, 682 days ago (pages are due after 365): "
        "check it against its sources, then set reviewed to the day of that review",
        "docs/rituals/stand-up.md:13: reviewed: last reviewed 2025-06-01, 540 days ago (pages are due after 365): "
        "check it against its sources, then set reviewed to the day of that review",
    ]


def test_the_review_age_comes_from_mkdocs_yml(build_site, monkeypatch):
    docs = stale_docs()

    def longer(root):
        path = fixture_config(root)
        path.write_text(path.read_text(encoding="utf-8").replace("review_after_days: 365", "review_after_days: 2000"), encoding="utf-8")
        return path

    monkeypatch.setattr("conftest.fixture_config", longer)
    built = build_site(docs)
    assert built.errors() == []
    assert "No page is due for review: every page was reviewed in the last 2000 days." in built.html("review-due/").get_text()


def test_a_bad_today_setting_fails_the_build_with_its_fix(build_site):
    built = build_site(minimal_docs(), today="next tuesday")
    assert not built.ok
    assert "HANDBOOK_TODAY='next tuesday' is not a date: set it as YYYY-MM-DD, such as 2026-11-23, or unset it" in built.messages
    assert not any("Traceback" in m for m in built.messages)


# --- dates and edit links on pages ------------------------------------------------


def test_pages_show_their_review_and_update_dates(build_site):
    built = build_site(minimal_docs())
    dates = built.html("rituals/stand-up/").select_one("article .hb-page-dates")
    # The fixture is not a git checkout: there is no "last updated" to give, and no warning about it.
    assert dates.get_text(" ", strip=True) == "Last reviewed 23 November 2026"
    assert [t["datetime"] for t in dates.select("time")] == ["2026-11-23"]
    assert built.errors() == []
    assert built.html("rituals/stand-up/").select(".md-source-file") == []


def test_the_last_update_comes_from_git(tmp_path):
    import subprocess

    from handbook.content.git_dates import last_updated

    docs = tmp_path / "repo" / "docs"
    (docs / "rituals").mkdir(parents=True)
    (docs / "rituals" / "retro.md").write_text("one\n")
    (docs / "index.md").write_text("home\n")

    def git(*args: str, day: str) -> None:
        env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00", "GIT_AUTHOR_NAME": "a",
               "GIT_AUTHOR_EMAIL": "a@b.c", "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@b.c", "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", "-C", str(tmp_path / "repo"), *args], check=True, env=env, capture_output=True)

    git("init", "-q", day="2026-01-01")
    git("add", ".", day="2026-01-01")
    git("commit", "-qm", "first", day="2026-01-02")
    (docs / "rituals" / "retro.md").write_text("two\n")
    git("commit", "-qam", "second", day="2026-03-04")
    assert last_updated(docs) == {"rituals/retro.md": date(2026, 3, 4), "index.md": date(2026, 1, 2)}
    assert last_updated(tmp_path) == {}  # not a checkout


def test_every_written_page_has_an_edit_link_and_generated_pages_none(build_site, monkeypatch):
    monkeypatch.setenv("HANDBOOK_REPO_URL", "https://code.example.org/team/handbook")
    monkeypatch.setenv("HANDBOOK_EDIT_URI", "-/edit/trunk/docs/")
    built = build_site(minimal_docs())
    edit = built.html("rituals/stand-up/").select_one('article a[rel="edit"]')
    assert edit["href"] == "https://code.example.org/team/handbook/-/edit/trunk/docs/rituals/stand-up.md"
    assert built.html("/").select_one('article a[rel="edit"]')["href"].endswith("/-/edit/trunk/docs/index.md")
    for url in ("tags/", "tags/teamwork/", "matrix/", "rituals/", "review-due/"):
        assert built.html(url).select('article a[rel="edit"]') == [], url
