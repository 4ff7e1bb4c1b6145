"""A team's own handbook: team.yml names the site, hides what the team lacks, and adds the team page, new starters' pages and calendars."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from datetime import date, datetime, timedelta
from fractions import Fraction

import icalendar
import pytest
import recurring_ical_events
from properdocs.commands.build import build
from properdocs.config import load_config

from conftest import FIXTURE_TODAY, ROOT, fixture_config, minimal_docs, write_docs
from handbook.content.settings import Freshness
from handbook.pages.calendars import calendars
from handbook.pages.rhythm import duration_text, rhythm_page, role_times
from handbook.pages.schedule import schedule
from handbook.pages.team_view import team_catalog
from handbook.rules import load_folder
from handbook.rules.team import load_team
from handbook.tools.check import check_folder
from teams import TEAM, build_team, html

pytest_plugins = ["browser"]

def test_without_a_team_file_the_site_is_the_generic_handbook_with_no_dead_repository_link(tmp_path):
    site, errors = build_team(tmp_path, None)
    assert errors == []
    page = html(site, "/rituals/stand-up/")
    assert page.select('a[rel="edit"]') == [] and page.select(".md-source") == []
    assert not (site / "team").exists()
    assert "Cross-Functional AI Team Handbook" in page.title.get_text()


def test_the_team_file_names_the_site_and_links_its_repository(tmp_path):
    site, errors = build_team(tmp_path)
    assert errors == []
    page = html(site, "/rituals/stand-up/")
    assert page.title.get_text().endswith("Pairing Crew")
    assert page.select_one('a[rel="edit"]')["href"] == "https://git.crew.example/crew/handbook/edit/main/docs/rituals/stand-up.md"


def test_a_role_the_team_lacks_stays_says_so_and_leaves_nav_matrix_and_cards(tmp_path):
    site, _ = build_team(tmp_path)
    loner = html(site, "/roles/loner/")
    note = loner.select_one(".hb-team-note").get_text(" ", strip=True)
    assert "Pairing Crew does not have this role" in note and "Team lead" in note
    home = html(site, "/")
    assert [a.get_text() for a in home.select(".hb-role-cards a")] == ["Team lead", "Scientist"]
    assert "Loner" not in [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a")]
    matrix = html(site, "/matrix/")
    assert [a.find(string=True) for a in matrix.select("#practices-by-role ~ div thead a")] in (["TL", "DS"], [])
    heads = [tip.get_text() for tip in matrix.select("table thead a .hb-tip")]
    assert "Loner" not in heads and "Team lead" in heads


def test_the_team_page_lists_people_the_week_channels_and_hours(tmp_path):
    site, _ = build_team(tmp_path)
    team = html(site, "/team/")
    text = team.select_one("article").get_text(" ", strip=True)
    # A name with markup is shown as text.
    assert "Ana <b>Ruiz</b>" in text and team.select("article b") == []
    assert "Bo Chen" in text and "starts 11 January 2027" in text and "buddy: Bo Chen" in text
    assert "09:30" in text and "Europe/Berlin" in text
    assert [a["href"] for a in team.select("article a[href^='https://chat']")] == ["https://chat.crew.example/crew"]
    assert team.select_one("a[href$='rhythm.ics']") is not None


def test_a_new_starter_gets_dated_days_a_dated_checklist_a_buddy_and_a_calendar(tmp_path):
    site, _ = build_team(tmp_path)
    page = html(site, "/team/ana-b-ruiz-b/")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "Welcome, Ana <b>Ruiz</b>" in text and "Your buddy: Bo Chen" in text and "Your lead: Bo Chen" in text
    assert page.select_one("a[href$='rhythm-scientist.ics']") is not None
    assert page.select_one("[data-hb-checklist][data-hb-share]") is not None


def test_the_public_switch_leaves_every_name_out(tmp_path):
    site, errors = build_team(tmp_path, public=True)
    assert errors == []
    found = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".txt", ".json", ".ics", ".xml", ".csv")
             and ("Bo Chen" in p.read_text(encoding="utf-8", errors="replace") or "Ruiz" in p.read_text(encoding="utf-8", errors="replace"))]
    assert found == []
    assert not (site / "team" / "ana-b-ruiz-b").exists()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("roles: [lead, scientist]", "roles: [lead, wizard]"), "team.yml:4: roles.1: unknown role 'wizard': role ids are the file names in docs/roles/"),
        (("stand-up:", "stand-upp:"), "team.yml:9: rhythm.stand-upp: unknown ritual 'stand-upp' (did you mean 'stand-up'?): ritual ids are the file names in docs/rituals/"),
        (("buddy: Bo Chen", "buddy: Cy Dee"), "team.yml:6: people.0.buddy: 'Cy Dee' is not a person on the team: use the id or name of someone in `people`"),
        (("{name: Bo Chen, role: lead}", "{name: Bo Chen, role: loner}"), "team.yml:7: people.1.role: 'loner' is not one of the team's roles: add it to `roles` or give another role"),
        (('time: "09:30"', 'time: "25:00"'), "team.yml:9: rhythm.stand-up.time: '25:00' is not a time of day: write it as HH:MM on the 24-hour clock, such as 09:30"),
        (("timezone: Europe/Berlin", "timezone: Europe/Berlinn"), "team.yml:2: timezone: 'Europe/Berlinn' is not a time zone (did you mean 'Europe/Berlin'?): use an IANA name such as Europe/Berlin or America/New_York"),
        (("thursday,", "thursdy,"), "team.yml:9: rhythm.stand-up.days.3: 'thursdy' is not a weekday: use monday, tuesday, wednesday, thursday or friday"),
        (("start: 2027-01-11", "start: soon"), "team.yml:6: people.0.start: 'soon' is not a date: write the first day as YYYY-MM-DD, such as 2027-01-11"),
        (("{name: Bo Chen, role: lead}", "{name: Bo Chen, role: lead}\n  - {name: Bo Chen, role: scientist}"), "team.yml:8: people.2.name: two people have the id 'bo-chen' (the first is Bo Chen, line 7): give one of them an `id`, such as bo-chen-2"),
    ],
)
def test_bad_team_files_get_one_line_in_check_and_build_and_keep_no_site(tmp_path, change, expected):
    team = TEAM.replace(*change)
    site, errors = build_team(tmp_path, team)
    assert expected in errors
    report = check_folder(tmp_path / "site" / "docs", Freshness(date.fromisoformat(FIXTURE_TODAY)), team_file=tmp_path / "site" / "team.yml")
    assert expected in [str(p) for p in report.problems]


def test_an_open_position_is_shown_not_refused(tmp_path):
    site, errors = build_team(tmp_path, TEAM.replace("roles: [lead, scientist]", "roles: [lead, scientist, loner]"))
    assert errors == []
    assert "open position" in html(site, "/team/").get_text()


def test_a_page_may_cite_the_team_s_own_decision(tmp_path):
    files = minimal_docs()
    files["practices/pairing.md"] = files["practices/pairing.md"].replace("sources: [guide]", "sources: [team]")
    docs = write_docs(tmp_path / "p", files)
    catalog = load_folder(docs)
    assert catalog.get("practices/pairing.md").meta.sources == ["team"]


def test_the_calendars_hold_what_the_rhythm_page_counts(tmp_path):
    # The real handbook with a team: each role's hours a week in its calendar equal the rhythm page's figure.
    team_file = tmp_path / "team.yml"
    team_file.write_text(textwrap.dedent("""\
        name: Calendar team
        timezone: America/New_York
        roles: [ai-team-lead, data-scientist, ml-engineer, ai-product-manager]
        rhythm:
          daily-stand-up: {days: [monday, tuesday, wednesday, thursday, friday], time: "09:30"}
          weekly-planning: {day: monday, time: "10:00"}
          retrospective: {day: thursday, time: "15:00", cadence: fortnightly, duration_minutes: 60}
          pm-ds-sync: {day: wednesday, time: "11:00"}
          one-on-one: {day: tuesday, time: "14:00"}
          model-review: true
          knowledge-sharing-session: {day: friday, time: "16:00", cadence: fortnightly, first: 2027-01-15}
          demo-day: false
        """), encoding="utf-8")
    catalog = load_folder(ROOT / "docs")
    found = load_team(team_file, "team.yml", catalog)
    view = team_catalog(catalog, found)
    start = date(2027, 1, 4)
    files = calendars(view, found, "https://h.example/", start)
    page = rhythm_page(view, found)
    counts = {}
    for path, text in files.items():
        events = recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(datetime(2027, 1, 4), datetime(2027, 1, 4) + timedelta(weeks=4))
        counts[path] = len(events)
        minutes = sum((e["DTEND"].dt - e["DTSTART"].dt).total_seconds() / 60 for e in events)
        if path.startswith("team/rhythm-"):
            role = path.removeprefix("team/rhythm-").removesuffix(".ics")
            expected = next(t.minutes for t in role_times(view, schedule(view, found)) if t.role.stem == role)
            assert Fraction(int(minutes), 4) == expected, (role, minutes / 4, float(expected))
            # The rhythm page prints the same figure in that role's row.
            title = catalog.by_stem("role")[role].title
            assert any(line.startswith(f"| [{title}]") and f"| {duration_text(expected)} |" in line for line in page.splitlines()), role
    assert counts["team/rhythm.ics"] > 0
    # Stable UIDs: the same build twice gives the same events.
    again = calendars(view, found, "https://h.example/", start)
    assert [c["UID"] for c in icalendar.Calendar.from_ical(again["team/rhythm.ics"]).walk("VEVENT")] == [
        c["UID"] for c in icalendar.Calendar.from_ical(files["team/rhythm.ics"]).walk("VEVENT")
    ]
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(files["team/rhythm.ics"]).walk("VEVENT")}
    assert events["Daily stand-up"]["DTSTART"].dt.tzinfo is not None and str(events["Daily stand-up"]["DTSTART"].params.get("TZID")) == "America/New_York"
    assert "https://h.example/rituals/daily-stand-up/" in str(events["Daily stand-up"]["DESCRIPTION"])
    assert defaultdict(int, counts)["team/rhythm-ai-team-lead.ics"] > 0


REAL_TEAM = """\
name: Share Crew
timezone: Europe/Berlin
roles: [ai-team-lead, data-scientist]
people:
  - {name: Ana Ruiz, role: data-scientist, start: 2027-01-11}
  - {name: Bo Chen, role: ai-team-lead}
"""


@pytest.mark.browser
def test_share_my_progress_carries_the_ticks_to_a_fresh_browser(tmp_path, browser, monkeypatch):
    import functools
    import http.server
    import shutil
    import threading

    # The real handbook (its scripts included) with a team file.
    root = tmp_path / "real"
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "team.yml").write_text(REAL_TEAM, encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    monkeypatch.delenv("HANDBOOK_TEAM", raising=False)
    build(load_config(str(fixture_config(root)), strict=True))
    site = root / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/team/ana-ruiz/"
    try:
        mine = browser.new_context()
        page = mine.new_page()
        page.goto(url)
        boxes = page.locator(".hb-checklist input[type=checkbox]")
        assert page.locator(".hb-checklist__share").is_hidden()  # nothing to share yet
        boxes.nth(1).check()
        page.locator(".hb-checklist__share").click()
        link = page.locator(".hb-checklist__url").input_value()
        assert link.endswith("#done=1")
        mine.close()
        # The lead opens the link in another browser: the ticks are shown, read-only; a broken fragment shows none.
        lead = browser.new_context()
        other = lead.new_page()
        other.goto(link)
        shown = other.locator(".hb-checklist input[type=checkbox]")
        assert [shown.nth(n).is_checked() for n in range(3)] == [False, True, False]
        assert shown.nth(1).is_disabled() and "Shared progress: 1 of" in other.locator(".hb-checklist__status").inner_text()
        other.goto(url + "#done=99")
        other.reload()
        assert other.locator(".hb-checklist input:checked").count() == 0 and not other.locator(".hb-checklist input").first.is_disabled()
        lead.close()
    finally:
        server.shutdown()


def test_no_link_a_reader_can_click_points_at_a_placeholder_host(real_site):
    # The generic build has no repository: no edit pencils and no header link to a placeholder.
    from urllib.parse import urlsplit

    from bs4 import BeautifulSoup

    found = set()
    for path in real_site.site.rglob("*.html"):
        for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            host = urlsplit(a["href"]).hostname or ""
            if host.endswith("example.com") or host.endswith(".example"):
                found.add((path.relative_to(real_site.site).as_posix(), a["href"]))
    assert found == set()
