"""The health check for the facilitator and for several teams, in Chromium: each person once, messages where the eye is,
hidden ratings and the reveal, directions, the team's result as an artefact, the overview across teams, real dates."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from test_health_check_browser import URL, code_for, data, share_code

pytestmark = pytest.mark.browser
pytest_plugins = ["browser"]

TEAM = {  # four people rating one session, on 1 December 2026
    "Ana": {"roles-and-decisions": "healthy", "models-watched": "at-risk", "shared-language": "some-concern"},
    "Ben": {"roles-and-decisions": "at-risk", "models-watched": "at-risk", "shared-language": "healthy"},
    "Chioma": {"roles-and-decisions": "some-concern", "models-watched": "some-concern", "shared-language": "healthy"},
    "Dev": {"roles-and-decisions": "at-risk", "models-watched": "unknown", "shared-language": "some-concern"},
}


@pytest.fixture
def check(page, served_site):
    page.goto(served_site + URL)
    return page


def link(page, base: str, name: str, ratings: dict, date: str = "2026-12-01", notes: dict | None = None, directions: dict | None = None) -> str:
    code = page.evaluate(
        "([r, n, o, d, t]) => window.hbHealthCheck.encode(JSON.parse(document.getElementById('hb-hc-data').textContent),"
        " {date: d, name: n, ratings: r, notes: o, directions: t})",
        [ratings, name, notes or {}, date, directions or {}],
    )
    return base + URL + "#hc=" + code


def add(page, *links: str) -> str:
    page.fill("#hb-hc-links", "\n".join(links))
    page.get_by_role("button", name="Add to the team view").click()
    return page.locator('[data-hb-out="team-message"]').inner_text()


def team_text(page) -> str:
    return page.locator('[data-hb-out="team"]').inner_text()


def add_team(page, base: str, directions: bool = False) -> None:
    add(page, *[link(page, base, name, ratings, notes={"roles-and-decisions": f"{name}'s first line\nand a second line"},
                     directions={"models-watched": "worse"} if directions and name != "Chioma" else {}) for name, ratings in TEAM.items()])


def download(page, button: str) -> str:
    with page.expect_download() as got:
        page.get_by_role("button", name=button).click()
    return Path(got.value.path()).read_text(encoding="utf-8")


# --- the logic, as pure functions --------------------------------------------------------------


def test_real_dates_only(check):
    dates = ["2026-12-01", "2028-02-29", "1999-12-31", "2027-02-29", "2027-02-45", "2026-13-01", "2026-00-10", "2026-04-31", "26-12-01", "", None]
    found = check.evaluate("ds => ds.map(d => window.hbHealthCheck.realDate(d))", dates)
    assert found == [True, True, True, False, False, False, False, False, False, False, False]


def test_gather_keeps_each_person_once_and_the_later_link_of_a_name(check, served_site):
    codes = [link(check, served_site, n, r, d).split("#hc=")[1] for n, r, d in [
        ("Ana", {"roles-and-decisions": "healthy"}, "2026-12-01"), ("Ben", {}, "2026-12-01"),
        (" ana", {"roles-and-decisions": "at-risk"}, "2026-12-03"), ("ANA", {"roles-and-decisions": "some-concern"}, "2026-11-20"), ("", {}, "2026-12-01")]]
    found = check.evaluate("([d, c]) => window.hbHealthCheck.gather(d, c.concat([c[1]]))", [data(check), codes])
    assert [(m["member"]["name"], m["member"]["date"]) for m in found["members"]] == [(" ana", "2026-12-03"), ("Ben", "2026-12-01"), ("", "2026-12-01")]
    assert found["replaced"] == [{"name": "ana", "kept": "2026-12-03", "dropped": "2026-12-01"}, {"name": "ANA", "kept": "2026-12-03", "dropped": "2026-11-20"}]


# --- each person once ------------------------------------------------------------------------


def test_a_new_link_from_the_same_name_replaces_the_old_one_and_the_history_holds_the_real_size(check, served_site):
    add_team(check, served_site)
    assert team_text(check).startswith("4 members: Ana (1 December 2026)")
    # Ana sends a new link the next day: still four people, her new ratings count, and it says so beside the box.
    said = add(check, link(check, served_site, "Ana", {"roles-and-decisions": "at-risk", "models-watched": "at-risk"}, "2026-12-02"))
    assert "No member added; the team view holds 4 members." in said
    assert "Ana: the ratings of 2 December 2026 count, and those of 1 December 2026 are left out" in said
    text = team_text(check)
    assert text.startswith("4 members:") and "Ana (2 December 2026" in text and "Ana (1 December 2026" not in text
    assert "0 healthy · 1 some concern · 3 at risk · 0 don't know. Team: at risk." in text
    check.get_by_role("button", name="Save the team's result to my history").click()
    assert "team of 4" in check.locator('[data-hb-out="history"] thead').inner_text()


def test_links_from_different_days_are_flagged_and_a_new_session_starts_empty(check, served_site):
    add(check, link(check, served_site, "Ana", TEAM["Ana"]), link(check, served_site, "Ben", TEAM["Ben"]),
        link(check, served_site, "Cleo", TEAM["Chioma"], "2026-09-14"))
    flag = check.locator('[data-hb-out="team"] .hb-hc__dates')
    assert "Not all from the same day." in flag.inner_text() and "Cleo on 14 September 2026" in flag.inner_text()
    assert "Cleo (14 September 2026, another day)" in team_text(check)
    check.get_by_role("button", name="Start a new session").click()
    assert team_text(check) == "No ratings in the team view yet."
    assert "A new session: the team view is empty" in check.locator('[data-hb-out="status-team"]').inner_text()
    check.reload()
    assert team_text(check) == "No ratings in the team view yet."


# --- messages where the eye is ---------------------------------------------------------------


def test_each_broken_link_gets_its_own_cause_next_to_the_box(check, served_site):
    good = link(check, served_site, "Ana", TEAM["Ana"])
    box = check.locator("#hb-hc-links")
    said = add(check, good, "hello", served_site + URL + "#hc=hello", served_site + URL + "#hc=", good[:-15])
    lines = said.splitlines()
    assert "1 member added; the team view holds 1 member." in lines[0]
    assert [line.split(":")[0] for line in lines[1:] if line] == ["Line 2", "Line 3", "Line 4", "Line 5"]
    assert "Line 2: this is not a share link" in said and "Line 3: This is not a share link of the health check" in said
    assert "Line 4: This share link ends right after" in said and "Line 5: This share link is incomplete" in said
    # Beside the box, and read out by screen readers.
    region = check.locator('[data-hb-out="team-message"]')
    assert region.get_attribute("aria-live") == "polite"
    gap = region.bounding_box()["y"] - (box.bounding_box()["y"] + box.bounding_box()["height"])
    assert 0 < gap < 120
    # The bad lines stay in the box to be fixed; nothing pasted gets a message too.
    assert "hello" in box.input_value()
    box.fill("")
    check.get_by_role("button", name="Add to the team view").click()
    assert "The box is empty" in region.inner_text()


# --- hidden until revealed, and directions ---------------------------------------------------------


def test_ratings_stay_hidden_until_the_facilitator_reveals_them(check, served_site):
    check.locator("#hb-hc-hide").check()
    add_team(check, served_site)
    team = check.locator('[data-hb-out="team"]')
    assert "4 members: Ana" in team.inner_text() and "The ratings are hidden until you reveal them" in team.inner_text()
    assert team.locator(".hb-hc__spread, .hb-hc__flag").count() == 0 and "at risk" not in team.inner_text().lower()
    check.reload()  # the choice and the hiding survive a reload
    assert check.locator("#hb-hc-hide").is_checked() and check.locator(".hb-hc__spread").count() == 0
    check.get_by_role("button", name="Reveal the ratings").click()
    assert check.locator(".hb-hc__spread > li").count() == len(data(check)["attributes"])
    assert check.evaluate("document.activeElement.id") == "team-spread"
    # A new session hides again until the next reveal.
    check.get_by_role("button", name="Start a new session").click()
    add(check, link(check, served_site, "Ana", TEAM["Ana"]))
    assert check.locator(".hb-hc__spread").count() == 0


def test_each_member_may_mark_a_direction(check, served_site):
    check.locator("#hb-hc-models-watched-at-risk").check()
    check.locator("#hb-hc-models-watched-dir-worse").check()
    check.reload()
    assert check.locator("#hb-hc-models-watched-dir-worse").is_checked()
    check.get_by_role("button", name="Share my ratings").click()
    mine = check.locator("#hb-hc-link").input_value()
    add(check, mine, *[link(check, served_site, n, r, directions={"models-watched": "stable"}) for n, r in list(TEAM.items())[:2]])
    spread = check.locator(".hb-hc__spread > li", has_text="Models are watched in production").inner_text()
    assert "Direction: 0 improving · 2 stable · 1 getting worse." in spread


# --- the team's result as an artefact -------------------------------------------------------


def test_the_team_exports_hold_every_member_the_spread_the_level_and_the_plays(check, served_site):
    check.fill("#hb-hc-team-name", "Fraud squad")
    add_team(check, served_site, directions=True)
    exported = json.loads(download(check, "Download the team's JSON"))
    assert (exported["format"], exported["version"], exported["team"]) == ("hb-health-check-team", 1, "Fraud squad")
    assert [m["name"] for m in exported["members"]] == list(TEAM)
    assert exported["members"][1]["ratings"] == TEAM["Ben"] and exported["members"][1]["directions"] == {"models-watched": "worse"}
    assert exported["members"][0]["notes"]["roles-and-decisions"] == "Ana's first line\nand a second line"
    roles = next(a for a in exported["attributes"] if a["id"] == "roles-and-decisions")
    assert roles["counts"] == {"healthy": 1, "some-concern": 1, "at-risk": 2, "unknown": 0} and roles["level"] == "at-risk" and roles["wide"] is True
    assert [n["name"] for n in roles["notes"]] == list(TEAM)
    models = next(a for a in exported["attributes"] if a["id"] == "models-watched")
    assert models["directions"] == {"improving": 0, "stable": 0, "worse": 3} and models["direction"] == "worse"
    assert exported["plays"][0]["attribute"] == "roles-and-decisions" and len(exported["plays"][0]["plays"]) == 3
    rows = download(check, "Download the team's CSV").splitlines()
    assert rows[0] == '"date","team","who","attribute_id","attribute","rating","direction","note","spread","plays"'
    assert rows[1].startswith('"2026-12-01","Fraud squad","Ana","roles-and-decisions","Roles and decision rights are clear","Healthy",""')
    team_row = next(r for r in rows if '"Team of 4","roles-and-decisions"' in r)
    assert '"At risk"' in team_row and "1 healthy · 1 some concern · 2 at risk · 0 don't know; wide spread" in team_row and "Write a team charter" in team_row


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_team_result_prints_on_one_or_two_pages_without_inputs_or_buttons(check, served_site, paper):
    from pypdf import PdfReader

    long = "What I have seen over the last weeks, in a few sentences that run on. " * 6
    add(check, *[link(check, served_site, f"Member {n}", {a["id"]: ("healthy", "at-risk")[n % 2] for a in data(check)["attributes"]},
                      notes={a["id"]: long for a in data(check)["attributes"]}) for n in range(8)])
    check.evaluate("window.print = () => {}")
    check.get_by_role("button", name="Print the team's result").click()
    pdf = PdfReader(BytesIO(check.pdf(format=paper)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert 1 <= len(pdf.pages) <= 2
    assert "team health check" in text and "8 members" in text and "Plays to run next" in text and "Stakeholders and compliance are aligned" in text
    for control in ("Add to the team view", "Start a new session", "Members' share links", "Download", "Remove", "Your history"):
        assert control not in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("script", [True, False])
def test_the_blank_worksheet_prints_on_two_pages(browser, served_site, paper, script):
    from pypdf import PdfReader

    context = browser.new_context(java_script_enabled=script)
    page = context.new_page()
    page.goto(served_site + URL)
    pdf = PdfReader(BytesIO(page.pdf(format=paper)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) <= 2
    assert "10. Stakeholders and compliance are aligned" in text and "Plays that help" in text and "Getting worse" in text
    assert "Team view" not in text and "Overview across teams" not in text and "Why these ten" not in text
    context.close()


# --- the overview across teams ---------------------------------------------------------------


def team_file(check, served_site, tmp_path: Path, name: str, day: str, ratings: dict[str, dict]) -> Path:
    check.clock.set_fixed_time(day + "T10:00:00")
    check.reload()
    check.get_by_role("button", name="Start a new session").click()
    check.fill("#hb-hc-team-name", name)
    add(check, *[link(check, served_site, who, r, day) for who, r in ratings.items()])
    path = tmp_path / f"{name.lower()}-{day}.json"
    path.write_text(download(check, "Download the team's JSON"), encoding="utf-8")
    return path


def three_teams(check, served_site, tmp_path: Path) -> list[Path]:
    risky, fine = {"models-watched": "at-risk", "roles-and-decisions": "healthy"}, {"models-watched": "healthy", "roles-and-decisions": "some-concern"}
    return [
        team_file(check, served_site, tmp_path, "North", "2026-09-01", {"Ana": fine, "Ben": fine}),
        team_file(check, served_site, tmp_path, "North", "2026-12-01", {"Ana": risky, "Ben": risky}),
        team_file(check, served_site, tmp_path, "South", "2026-12-02", {"Cleo": risky, "Dev": {"models-watched": "at-risk"}}),
        team_file(check, served_site, tmp_path, "East", "2026-12-03", {"Eve": fine}),
    ]


def test_the_overview_sets_three_teams_side_by_side(check, served_site, tmp_path):
    files = three_teams(check, served_site, tmp_path)
    check.locator("#hb-hc-files").set_input_files([str(f) for f in files])
    overview = check.locator('[data-hb-out="overview"]')
    overview.locator("table").wait_for()
    assert "3 teams: North (1 December 2026, 2 members); South (2 December 2026, 2 members); East (3 December 2026, 1 member)." in overview.inner_text()
    assert "At risk in more than one team. Models are watched in production (North and South)." in overview.inner_text()
    table = overview.locator("table")
    assert table.locator("thead th").all_inner_texts() == ["Attribute", "North", "South", "East"]
    row = table.locator("tbody tr", has_text="Models are watched in production")
    assert row.locator("td").all_inner_texts() == ["At risk ↓ worse", "At risk –", "Healthy –"]
    assert "Read 4 files" in check.locator('[data-hb-out="overview-message"]').inner_text()


def test_team_files_dropped_onto_the_box_join_the_overview(check, served_site, tmp_path):
    body = three_teams(check, served_site, tmp_path)[2].read_text(encoding="utf-8")
    dropped = check.evaluate_handle(
        "body => { const t = new DataTransfer(); t.items.add(new File([body], 'south.json', {type: 'application/json'})); return t; }", body)
    check.dispatch_event("[data-hb-drop]", "drop", {"dataTransfer": dropped})
    check.locator('[data-hb-out="overview"] table').wait_for()
    assert check.locator('[data-hb-out="overview"] thead th').all_inner_texts() == ["Attribute", "South"]


def test_the_overview_says_why_it_refuses_a_file(check, served_site, tmp_path):
    good = json.loads(three_teams(check, served_site, tmp_path)[2].read_text(encoding="utf-8"))
    files = {
        "notes.json": "not json at all",
        "mine.json": json.dumps({"format": "hb-health-check-runs", "version": 1, "runs": []}),
        "newer.json": json.dumps(good | {"version": 2}),
        "strange-day.json": json.dumps(good | {"date": "2026-02-30"}),
    }
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    check.locator("#hb-hc-files").set_input_files([str(tmp_path / name) for name in files])
    said = check.locator('[data-hb-out="overview-message"]')
    said.locator("p").first.wait_for()
    text = said.inner_text()
    assert "notes.json: it is not JSON" in text and "mine.json: it is one person's export, not a team's" in text
    assert "newer.json: it was made by a newer version of the health check (format version 2)" in text
    assert "strange-day.json: its date, 2026-02-30, is not a real calendar date." in text
    assert said.get_attribute("aria-live") == "polite" and check.locator('[data-hb-out="overview"] table').count() == 0


# --- runs, old links and stored history ---------------------------------------------------------


def test_notes_belong_to_their_run(check):
    check.clock.set_fixed_time("2026-09-01T10:00:00")
    check.reload()
    check.locator("#hb-hc-shared-language-at-risk").check()
    check.fill("#hb-hc-shared-language-note", "Nobody agrees on done.")
    check.get_by_role("button", name="Save to my history").click()
    check.clock.set_fixed_time("2026-12-01T10:00:00")
    check.reload()
    # A new run: the rating is a starting point, the note stays with the run it was written for.
    assert check.locator("#hb-hc-shared-language-at-risk").is_checked()
    assert check.locator("#hb-hc-shared-language-note").input_value() == ""
    assert "A new run: your ratings of 1 September 2026 are kept" in check.locator('[data-hb-out="status"]').inner_text()
    exported = json.loads(download(check, "Download JSON"))
    assert [(r["date"], r["notes"]) for r in exported["runs"]] == [("2026-09-01", {"shared-language": "Nobody agrees on done."}), ("2026-12-01", {})]


def test_links_and_storage_from_before_still_open_and_impossible_dates_are_refused(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-05T10:00:00")
    page.goto(served_site + URL)
    key = data(page)["key"]
    old = code_for({"k": key, "d": "2026-12-01", "n": "Ana", "r": {"roles-and-decisions": "r"}, "o": {"roles-and-decisions": "Old link."}})
    # The storage as the page kept it before: the team view a list of links (one person twice), runs without directions
    # or a draft date, and a run whose date does not exist.
    stored = {"draft": {"name": "Ana", "ratings": {"shared-language": "healthy"}, "notes": {}},
              "runs": [{"date": "2026-09-01", "name": "Ana", "team": 0, "ratings": {"shared-language": "at-risk"}, "notes": {}},
                       {"date": "2027-02-45", "name": "", "team": 3, "ratings": {}, "notes": {}}]}
    again = code_for({"k": key, "d": "2026-12-02", "n": "Ana", "r": {"roles-and-decisions": "h"}, "o": {}})
    page.evaluate("([s, t]) => { localStorage.setItem('hb-health-check', JSON.stringify(s)); localStorage.setItem('hb-health-check:team', JSON.stringify(t)); }",
                  [stored, [old, again]])
    page.goto(served_site + URL + "?again#hc=" + share_code(page, {"done-is-agreed": "at-risk"}, "Ben"))  # a new load, not a hash change
    team = page.locator('[data-hb-out="team"]').inner_text()
    assert team.startswith("2 members: Ana (2 December 2026") and "Ben" in team
    history = page.locator('[data-hb-out="history"]').inner_text()
    assert "1 saved run was left out: 2027-02-45 is not a real calendar date" in history and "1 Sep 2026" in history
    assert "undefined" not in page.locator("article").inner_text()
    context.close()


# --- for everyone: screen readers, hover, phones ---------------------------------------------------


def serious(page, only: list[str] | None = None) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "rule", "values": only}} if only else None
    results = Axe().run(page, options=options) if options else Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_findings_in_any_state_hover_included(page, served_site, tmp_path, scheme):
    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, color: {{scheme: '{scheme}'}}}}))"
    )
    page.goto(served_site + URL)
    found: dict[str, list[str]] = {}
    page.locator("#hb-hc-hide").check()
    add_team(page, served_site, directions=True)
    add(page, link(page, served_site, "Ana", TEAM["Ben"], "2026-12-02"), "hello")
    found["hidden, a repeated name, a broken link"] = serious(page)
    page.get_by_role("button", name="Reveal the ratings").click()
    page.locator("#hb-hc-roles-and-decisions-at-risk").check()
    page.locator("#hb-hc-roles-and-decisions-dir-worse").check()
    page.get_by_role("button", name="Save to my history").click()
    (tmp_path / "team.json").write_text(download(page, "Download the team's JSON"), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{}", encoding="utf-8")
    page.locator("#hb-hc-files").set_input_files([str(tmp_path / "team.json"), str(tmp_path / "broken.json")])
    page.locator('[data-hb-out="overview"] table').wait_for()
    found["revealed, rated, saved, the overview"] = serious(page)
    # The check's buttons hovered, one of each kind (primary, plain, and the one once at 4.25:1): their colours are
    # checked as they are while the pointer is on them.
    for name in ("Add to the team view", "Start a new session", "Share my ratings"):
        page.get_by_role("button", name=name).hover()
        page.wait_for_timeout(300)  # Material's buttons fade for 125 ms: the colours of the state, not of the fade
        found[f"hovering {name!r}"] = serious(page, ["color-contrast"])
    assert found == {name: [] for name in found}


def test_at_390_px_the_team_view_the_overview_and_the_trend_fit(browser, served_site, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.clock.set_fixed_time("2026-09-01T10:00:00")
    page.goto(served_site + URL)
    page.locator("#hb-hc-models-watched-healthy").check()
    page.get_by_role("button", name="Save to my history").click()
    page.clock.set_fixed_time("2026-12-01T10:00:00")
    page.reload()
    page.locator("#hb-hc-models-watched-at-risk").check()
    page.get_by_role("button", name="Save to my history").click()
    add_team(page, served_site, directions=True)
    add(page, link(page, served_site, "Ana", TEAM["Ben"], "2026-09-02"), "hello")
    (tmp_path / "team.json").write_text(download(page, "Download the team's JSON"), encoding="utf-8")
    page.locator("#hb-hc-files").set_input_files(str(tmp_path / "team.json"))
    page.locator('[data-hb-out="overview"] table').wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.evaluate("[...document.querySelectorAll('.hb-hc *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.hb-hc__scroll'))"
                         ".map(e => e.className || e.tagName)")
    assert wide == []
    # The history's trend is on screen without scrolling its table.
    trend = page.locator('[data-hb-out="history"] tbody tr', has_text="Models are watched in production").locator("td.hb-hc__trend")
    assert trend.inner_text() == "↓ worse" and trend.bounding_box()["x"] + trend.bounding_box()["width"] <= 390
    # A note written on two lines keeps them.
    note = page.locator(".hb-hc__notes > li", has_text="Ben's first line").first
    assert note.evaluate("el => el.innerText") == "Ben: Ben's first line\nand a second line"
    assert [u for u in requests if not u.startswith(served_site) and not u.startswith(("data:", "blob:"))] == []
    context.close()
