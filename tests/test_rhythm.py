"""The team operating rhythm at /rhythm/, recomputed here from ritual front matter."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import yaml

from conftest import ROOT, minimal_docs, page, ritual_body, write_docs
from handbook.pages.rhythm import core_rituals, duration_text, per_week, role_hours, weekly_minutes
from handbook.rules import load_folder

# id -> (cadence, minutes, extra front matter, roles)
RITUALS = {
    "weekly-planning": ("weekly", 60, "core: {why: sets the week's priorities.}\n", {"lead": "accountable", "scientist": "responsible", "loner": "informed"}),
    "retrospective": ("fortnightly", 60, "core: {why: changes how the team works.}\n", {"lead": "accountable", "scientist": "consulted"}),
    "showcase": ("monthly", 40, "suggested: [cadence, duration_minutes]\n", {"loner": "accountable", "lead": "consulted"}),
    "debt-review": ("per-sprint", 30, "", {"scientist": "accountable", "lead": "responsible"}),
    "health-check": ("quarterly", 72, "suggested: [cadence, duration_minutes]\n", {"lead": "accountable", "scientist": "responsible"}),
    "failure-friday": ("weekly", 30, "day: friday\n", {"scientist": "accountable"}),
    "model-review": ("per-release", 60, "core: {why: an explicit decision before a model ships.}\n", {"lead": "accountable", "scientist": "responsible"}),
    "workshop": ("as-needed", 90, "", {"lead": "accountable", "loner": "responsible"}),
    "focus-day": ("weekly", 480, "day: wednesday\nmeeting: false\n", {"lead": "accountable", "scientist": "responsible"}),
}


def rhythm_docs() -> dict[str, str]:
    docs = minimal_docs()
    for stem, (cadence, minutes, extra, roles) in RITUALS.items():
        involvement = "".join(f"  {role}: {level}\n" for role, level in roles.items())
        docs[f"rituals/{stem}.md"] = page(
            f"title: {stem.replace('-', ' ').capitalize()}\nsummary: A ritual of the fixture rhythm.\ntags: [teamwork]\nsources: [guide]\n"
            f"cadence: {cadence}\nduration_minutes: {minutes}\n{extra}prep: Come ready.\nroles:\n{involvement}",
            ritual_body(),
        )
    return docs


def expected_minutes(docs: dict[str, str]) -> dict[str, Fraction]:
    """Weekly meeting minutes per role title, straight from the fixture's front matter."""
    times = {"daily": 5, "weekly": 1, "fortnightly": Fraction(1, 2), "monthly": Fraction(1, 4), "quarterly": Fraction(1, 12),
             "per-sprint": Fraction(1, 2)}
    titles = {name[len("roles/") : -3]: yaml.safe_load(text.split("---\n")[1])["title"] for name, text in docs.items() if name.startswith("roles/")}
    minutes = dict.fromkeys(titles.values(), Fraction(0))
    for name, text in docs.items():
        if not name.startswith("rituals/"):
            continue
        front = yaml.safe_load(text.split("---\n")[1])
        if front["cadence"] not in times or front.get("meeting") is False:
            continue
        for role, level in front["roles"].items():
            if level != "informed":
                minutes[titles[role]] += front["duration_minutes"] * times[front["cadence"]]
    return minutes


def as_minutes(text: str) -> int:
    if text == "none":
        return 0
    match = re.fullmatch(r"(?:(\d+) h)?\s*(?:(\d+) min)?", text)
    assert match, text
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


def rows_after(soup, heading_id: str) -> list[list[str]]:
    """The body rows of the first table after a heading."""
    table = soup.find(id=heading_id).find_next("table")
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]


@pytest.mark.parametrize(
    ("cadence", "times"),
    [("daily", 5), ("weekly", 1), ("fortnightly", Fraction(1, 2)), ("monthly", Fraction(1, 4)), ("quarterly", Fraction(1, 12)), ("per-sprint", Fraction(1, 2)),
     ("per-release", None), ("as-needed", None)],
)
def test_cadence_arithmetic(cadence, times):
    assert per_week(cadence) == times


def test_weekly_minutes_and_their_text(tmp_path):
    catalog = load_folder(write_docs(tmp_path, rhythm_docs()))
    minutes = {e.stem: weekly_minutes(e.meta) for e in catalog.of_type("ritual")}
    assert minutes == {
        "stand-up": 75, "weekly-planning": 60, "retrospective": 30, "showcase": 10, "debt-review": 15,
        "failure-friday": 30, "model-review": None, "workshop": None, "focus-day": None, "health-check": 6,
    }
    assert [duration_text(m) for m in (15, 60, 90, Fraction(45, 2), 0)] == ["15 min", "1 h", "1 h 30 min", "22 min", "none"]


def test_hours_per_role_are_recomputed_from_front_matter(build_site):
    docs = rhythm_docs()
    built = build_site(docs)
    assert built.ok, built.messages
    rows = rows_after(built.html("rhythm/"), "meeting-time-per-role")
    shown = {role: as_minutes(time) for role, time, _core, _count in rows}
    expected = {role: round(minutes) for role, minutes in expected_minutes(docs).items()}
    assert shown == expected
    # Stand-up 75 + planning 60 + retro 30 + showcase 10 + debt review 15 + health check 6 (72 min a quarter, a quarter
    # taken as 12 weeks): informed, per-release, as-needed and focus time do not count.
    assert shown["Team lead"] == 196
    assert {role: count for role, _time, _core, count in rows} == {"Team lead": "6", "Scientist": "6", "Loner": "1"}
    # Core rituals only: planning 60 + retro 30 (the model review is per release); the loner is only informed of planning.
    assert {role: as_minutes(core) for role, _time, core, _count in rows} == {"Team lead": 90, "Scientist": 90, "Loner": 0}


def test_the_week_at_a_glance(build_site):
    built = build_site(rhythm_docs())
    soup = built.html("rhythm/")
    days = dict(rows_after(soup, "fixed-days"))
    assert days["Monday"] == "Stand-up , 15 min"
    assert days["Wednesday"] == "Focus day , 8 h, kept free of meetings, weekly Stand-up , 15 min"
    assert days["Friday"] == "Failure friday , 30 min, weekly Stand-up , 15 min"
    assert rows_after(soup, "on-a-day-the-team-chooses") == [
        ["Weekly planning", "weekly", "1 h"],
        ["Retrospective", "every two weeks", "1 h"],
        ["Debt review", "once a sprint", "30 min"],
        ["Showcase", "monthly (handbook suggestion)", "40 min (handbook suggestion)"],
        ["Health check", "every quarter (handbook suggestion)", "1 h 12 min (handbook suggestion)"],
    ]
    assert rows_after(soup, "outside-the-weekly-calendar") == [["Model review", "before each release", "1 h"], ["Workshop", "when needed", "1 h 30 min"]]


def test_the_core_rituals_are_a_labelled_suggestion(build_site):
    built = build_site(rhythm_docs())
    box = built.html("rhythm/").find(id="the-core-rituals").find_next_sibling("div")
    assert box["class"] == ["admonition", "suggestion"]
    assert box.find(class_="admonition-title").get_text() == "Handbook suggestion"
    items = [li.get_text(" ", strip=True) for li in box.find("ul").find_all("li")]
    # The rituals marked core in their front matter, most frequent first, each with its reason.
    assert [i.split(" (")[0] for i in items] == ["Weekly planning", "Retrospective", "Model review"]
    assert items[1].endswith(": changes how the team works.")
    assert all(": " in i and i.endswith(".") for i in items)
    assert "about 1 h 30 min of meetings a week for each member" in box.get_text(" ", strip=True)
    # The section's earlier anchor, published before it was renamed, still lands on it; the contents name it once.
    page = built.html("rhythm/")
    assert page.find(id="a-minimal-rhythm-for-a-small-team").find_parent("h2")["id"] == "the-core-rituals"
    assert {a.get_text(strip=True) for a in page.select('.md-nav--secondary a[href="#the-core-rituals"]')} == {"The core rituals"}


def test_a_site_without_core_rituals_has_no_core_section(build_site):
    built = build_site(minimal_docs())
    assert built.ok, built.messages
    soup = built.html("rhythm/")
    assert soup.find(id="the-core-rituals") is None
    assert soup.find(class_="suggestion") is None


def test_the_handbook_marks_its_core_rituals_and_every_role_sees_its_hours(real_site):
    catalog = load_folder(ROOT / "docs")
    assert [e.stem for e, _ in core_rituals(catalog)] == ["daily-stand-up", "weekly-planning", "one-on-one", "retrospective", "model-review"]
    scientist = role_hours(catalog, "data-scientist")
    assert 0 < scientist.core < scientist.full
    # The role page states the same figures as the rhythm's table.
    rows = {role: (time, core) for role, time, core, _count in rows_after(real_site.html("rhythm/"), "meeting-time-per-role")}
    note = real_site.html("roles/data-scientist/").select_one("p.hb-hours").get_text(" ", strip=True)
    time, core = rows["Data scientist"]
    assert f"about {time} a week" in note and f"alone take {core}" in note
    assert "No-meeting Wednesday keeps Wednesday free of meetings" in note
