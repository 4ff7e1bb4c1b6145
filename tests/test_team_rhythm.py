"""A team's rhythm and people exactly as its file says: every weekday kept, recurrences anchored by the team, nothing held
that the team did not write, starters who have joined, and calendars that subscribe and read alike in every library."""

from __future__ import annotations

import os
import re
import textwrap
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject

from conftest import ROOT
from handbook.content.team_file import read_team
from handbook.pages.calendars import TEAM_CALENDAR, calendars
from handbook.pages.schedule import EPOCH, schedule
from handbook.pages.team_view import team_catalog
from handbook.pages.timezones import vtimezone
from handbook.rules import load_folder
from handbook.rules.team import load_team
from teams import build_team, html

# A fraud-detection team in Lisbon: a stand-up three days a week, a retrospective every second Thursday.
LISBON = """\
name: Fraud signals squad
site_url: https://handbook.fraud.example.org/
timezone: Europe/Lisbon
roles: [ai-team-lead, data-scientist, ml-engineer, data-engineer, ai-product-manager]
people:
  - {name: Inês Duarte, role: ai-team-lead, start: 2025-03-03}
  - {name: Kofi Mensah, role: data-scientist, start: 2027-01-18, buddy: Inês Duarte}
  - {name: Ravi Patel, role: ml-engineer}
  - {name: Lea Roth, role: data-engineer, start: 2026-11-02, buddy: ravi-patel}
rhythm:
  daily-stand-up: {days: [monday, wednesday, friday], time: "09:30"}
  retrospective: {day: thursday, time: "15:00", cadence: fortnightly}
  weekly-planning: {day: monday, time: "10:00"}
  knowledge-sharing-session: {day: tuesday, time: "16:00", cadence: monthly, first: 2027-01-12}
  model-review: true
  failure-friday: false
"""


@pytest.fixture(scope="module")
def handbook_catalog():
    return load_folder(ROOT / "docs")


def team_of(tmp_path: Path, text: str, catalog):
    path = tmp_path / "team.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_team(path, "team.yml", catalog)


def occurrences(text: str, start: datetime, end: datetime) -> dict[str, list[datetime]]:
    """Summary -> start times between two moments, as recurring-ical-events (on icalendar) expands the file."""
    found: dict[str, list[datetime]] = {}
    for event in recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(start, end):
        found.setdefault(str(event["SUMMARY"]), []).append(event["DTSTART"].dt)
    return {summary: sorted(days) for summary, days in found.items()}


def vobject_occurrences(text: str, start: datetime, end: datetime) -> dict[str, list[datetime]]:
    """The same, as vobject expands it."""
    found: dict[str, list[datetime]] = {}
    for event in vobject.readOne(text).vevent_list:
        for moment in event.getrruleset():
            if moment >= end:
                break
            if moment >= start:
                found.setdefault(event.summary.value, []).append(moment)
    return found


# --- every weekday the team writes ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lisbon_site(tmp_path_factory):
    """The real handbook built for the Lisbon team on 6 December 2026 (the team file inside the project, as it must be)."""
    from properdocs.commands.build import build
    from properdocs.config import load_config

    site = tmp_path_factory.mktemp("lisbon") / "site"
    team_file = ROOT / ".cache" / "tests" / f"lisbon-{os.getpid()}.yml"
    team_file.parent.mkdir(parents=True, exist_ok=True)
    team_file.write_text(LISBON, encoding="utf-8")
    saved = dict(os.environ)
    os.environ.update({"HANDBOOK_TEAM": team_file.relative_to(ROOT).as_posix(), "HANDBOOK_TODAY": "2026-12-06"})
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site)))
    finally:
        os.environ.clear()
        os.environ.update(saved)
        team_file.unlink()
    return site


@pytest.mark.slow
def test_every_weekday_the_team_writes_is_kept_on_the_team_page_the_rhythm_and_the_hours(lisbon_site):
    week = {row.th.get_text(): row.td.get_text(" ", strip=True) for row in html(lisbon_site, "/team/").select(".hb-week tbody tr")}
    assert [day for day, text in week.items() if "Daily stand-up" in text] == ["Monday", "Wednesday", "Friday"]
    assert "every Monday, Wednesday and Friday" in week["Monday"]
    rhythm = html(lisbon_site, "/rhythm/").select_one("article").get_text(" ", strip=True)
    assert "every Monday, Wednesday and Friday" in rhythm and "weekly, 15 min" not in rhythm
    # Three stand-ups of 15 minutes, planning 1 h, half a 1 h retrospective, a quarter of a 30 min session: 2 h 22 min.
    hours = {row.select("td")[0].get_text(): row.select("td")[1].get_text() for row in html(lisbon_site, "/team/").select("#meeting-hours ~ table tbody tr")}
    assert hours["Data scientist"] == "2 h 22 min"


@pytest.mark.parametrize(("days", "codes"), [
    (["monday", "wednesday", "friday"], ["MO", "WE", "FR"]),
    (["monday", "tuesday", "wednesday", "thursday"], ["MO", "TU", "WE", "TH"]),
    (["friday", "monday"], ["MO", "FR"]),
])
def test_one_event_a_ritual_with_every_day_in_its_rule_and_in_the_hours(tmp_path, handbook_catalog, days, codes):
    found = team_of(tmp_path, f"""\
        name: Days team
        rhythm:
          daily-stand-up: {{days: [{", ".join(days)}], time: "09:30"}}
        """, handbook_catalog)
    text = calendars(team_catalog(handbook_catalog, found), found, "https://h.example/", date(2027, 1, 4))[TEAM_CALENDAR]
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 1
    assert [str(day) for day in events[0]["RRULE"]["BYDAY"]] == codes
    when = schedule(handbook_catalog, found)[0]
    assert when.per_week == len(days) and when.cadence == "weekly"
    held = occurrences(text, datetime(2027, 1, 4), datetime(2027, 1, 11))["Daily stand-up"]
    assert [moment.strftime("%A").lower() for moment in held] == [d for d in ("monday", "tuesday", "wednesday", "thursday", "friday") if d in days]


def test_all_five_days_is_a_daily_ritual(tmp_path, handbook_catalog):
    found = team_of(tmp_path, """\
        name: Daily team
        rhythm:
          daily-stand-up: {days: [monday, tuesday, wednesday, thursday, friday], time: "09:30"}
        """, handbook_catalog)
    when = schedule(handbook_catalog, found)[0]
    assert (when.cadence, when.often(), when.per_week) == ("daily", "every working day", 5)


# --- recurrences anchored by the team -------------------------------------------------------------------------------


def test_two_builds_a_week_apart_give_the_same_events_and_uids(tmp_path, handbook_catalog):
    found = team_of(tmp_path, LISBON, handbook_catalog)
    view = team_catalog(handbook_catalog, found)
    first = calendars(view, found, "https://h.example/", date(2026, 12, 6))[TEAM_CALENDAR]
    later = calendars(view, found, "https://h.example/", date(2026, 12, 13))[TEAM_CALENDAR]
    window = (datetime(2026, 12, 14), datetime(2027, 6, 1))
    assert occurrences(first, *window) == occurrences(later, *window)
    uids = lambda text: sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT"))  # noqa: E731
    assert uids(first) == uids(later)
    # The retrospective falls every second Thursday, in the same weeks for both builds.
    retro = occurrences(first, *window)["Retrospective"]
    assert {d.strftime("%A") for d in retro} == {"Thursday"} and all((b - a).days == 14 for a, b in zip(retro, retro[1:], strict=False))


def test_without_a_first_date_the_weeks_are_counted_from_a_fixed_monday(tmp_path, handbook_catalog):
    found = team_of(tmp_path, LISBON, handbook_catalog)
    retro = next(w for w in schedule(handbook_catalog, found) if w.entry.stem == "retrospective")
    for today in (date(2026, 12, 6), date(2027, 3, 1), date(2028, 7, 19)):
        held = retro.next_on(today)
        assert held >= today and ((held - EPOCH).days // 7) % 2 == 0
    assert "fortnights counted from the week of Monday 1 January 2024" in (ROOT / "schema" / "team.json").read_text(encoding="utf-8")


def test_a_first_date_sets_the_week_and_the_weekday_of_the_month(tmp_path, handbook_catalog):
    found = team_of(tmp_path, LISBON.replace("cadence: fortnightly}", "cadence: fortnightly, first: 2026-12-17}"), handbook_catalog)
    whens = {w.entry.stem: w for w in schedule(handbook_catalog, found)}
    assert whens["retrospective"].next_on(date(2026, 12, 18)) == date(2026, 12, 31)
    # 12 January 2027 is the second Tuesday: so is every session after it.
    sessions = whens["knowledge-sharing-session"]
    assert sessions.often() == "the second Tuesday of each month"
    text = calendars(team_catalog(handbook_catalog, found), found, "https://h.example/", date(2026, 12, 6))[TEAM_CALENDAR]
    held = occurrences(text, datetime(2027, 1, 1), datetime(2028, 1, 1))["Knowledge-sharing session"]
    assert len(held) == 12 and all(d.weekday() == 1 and 8 <= d.day <= 14 for d in held)


def test_a_first_date_off_the_rituals_days_is_refused_at_its_line(tmp_path, handbook_catalog):
    from handbook.content.problems import ContentError

    with pytest.raises(ContentError) as raised:
        team_of(tmp_path, LISBON.replace("first: 2027-01-12", "first: 2027-01-13"), handbook_catalog)
    assert [str(p) for p in raised.value.problems] == [
        "team.yml:14: rhythm.knowledge-sharing-session.first: 2027-01-13 is a Wednesday, but the ritual is held on tuesday: give a date on one of its days"
    ]


# --- calendars every library reads alike ---------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe/Lisbon", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Jerusalem", "Pacific/Chatham", "Asia/Tokyo"])
def test_icalendar_and_vobject_give_the_teams_local_time_on_both_sides_of_a_clock_change(tmp_path, handbook_catalog, zone):
    found = team_of(tmp_path, LISBON.replace("Europe/Lisbon", zone), handbook_catalog)
    text = calendars(team_catalog(handbook_catalog, found), found, "https://h.example/", date(2026, 12, 6))[TEAM_CALENDAR]
    window = (datetime(2026, 12, 7, tzinfo=ZoneInfo(zone)), datetime(2027, 12, 6, tzinfo=ZoneInfo(zone)))
    for expand in (occurrences, vobject_occurrences):
        stand_ups = expand(text, *window)["Daily stand-up"]
        assert len(stand_ups) == 3 * 52
        # 09:30 where the team is, in winter and in summer; the offset is the zone's own that day.
        assert {d.time() for d in stand_ups} == {time(9, 30)}, expand.__name__
        assert all(d.utcoffset() == d.replace(tzinfo=ZoneInfo(zone)).utcoffset() for d in stand_ups), expand.__name__


def test_the_ics_package_reads_the_first_event_at_the_teams_time(tmp_path, handbook_catalog):
    from ics import Calendar as IcsCalendar

    found = team_of(tmp_path, LISBON, handbook_catalog)
    for today, offset in ((date(2026, 12, 6), timedelta(0)), (date(2027, 6, 6), timedelta(hours=1))):
        text = calendars(team_catalog(handbook_catalog, found), found, "https://h.example/", today)[TEAM_CALENDAR]
        stand_up = next(e for e in IcsCalendar(text).events if e.name == "Daily stand-up")
        assert (stand_up.begin.format("HH:mm"), stand_up.begin.utcoffset()) == ("09:30", offset)


def test_every_zone_with_a_yearly_rule_is_written_as_two_repeating_parts():
    for zone in ("Europe/Lisbon", "America/Santiago", "Asia/Jerusalem", "Pacific/Chatham", "Europe/Dublin"):
        parts = vtimezone(zone, 2027, 2037).subcomponents
        assert sorted(p.name for p in parts) == ["DAYLIGHT", "STANDARD"] and all("RRULE" in p for p in parts), zone
    # Morocco's summer time moves with Ramadan: its changes are listed one by one instead.
    assert any("RDATE" in p for p in vtimezone("Africa/Casablanca", 2027, 2037).subcomponents)


def test_every_text_of_a_calendar_is_escaped_for_icalendar(tmp_path, handbook_catalog):
    found = team_of(tmp_path, LISBON.replace("name: Fraud signals squad", r"name: Risk; fraud, and \ more"), handbook_catalog)
    text = calendars(team_catalog(handbook_catalog, found), found, "https://h.example/", date(2026, 12, 6))[TEAM_CALENDAR]
    assert r"X-WR-CALNAME:Risk\; fraud\, and \\ more: rhythm" in text
    # Libraries keep an X- property as written; read as TEXT, as calendar programs read this one, it is the name again.
    raw = icalendar.Calendar.from_ical(text)["X-WR-CALNAME"].to_ical().decode()
    assert re.sub(r"\\([\\;,])", r"\1", raw) == "Risk; fraud, and \\ more: rhythm"
    for line in text.splitlines():
        if line.startswith(("SUMMARY", "DESCRIPTION", "X-WR-CALNAME")):
            value = line.split(":", 1)[1]
            assert all(value[i - 1] == "\\" for i, c in enumerate(value) if c in ";," and i), line


# --- nothing held that the team did not write ----------------------------------------------------------------------

FOUR = """\
name: Four rituals
timezone: Europe/Berlin
roles: [lead, scientist]
rhythm:
  stand-up: {days: [tuesday, thursday], time: "10:00", duration_minutes: 20}
"""


def test_the_team_page_separates_held_from_suggested_and_never_nests_brackets(tmp_path, handbook_catalog):
    found = team_of(tmp_path, """\
        name: Four rituals
        timezone: Europe/Berlin
        rhythm:
          daily-stand-up: {days: [tuesday, thursday], time: "10:00"}
          weekly-planning: {day: monday, time: "09:00"}
          retrospective: {day: friday, time: "14:00", cadence: fortnightly}
          model-review: true
        """, handbook_catalog)
    from bs4 import BeautifulSoup

    from handbook.content.urls import Linker
    from handbook.pages.team import team_html

    page = BeautifulSoup(team_html(handbook_catalog, team_catalog(handbook_catalog, found), found, Linker("team/index.md"), date(2026, 12, 6), None), "html.parser")
    held = {a.get_text() for a in page.select(".hb-week td a")} | {a.get_text() for a in page.find(string=lambda s: s and s.startswith("Held with no fixed")).parent.select("a")}
    assert held == {"Daily stand-up", "Weekly planning", "Retrospective", "Model review"}
    text = page.get_text(" ", strip=True)
    assert "Suggested by the handbook, not in this team's rhythm: One-on-one , core rituals that most teams start with" in text
    assert "no-meeting" not in text.lower() and "((" not in text and "suggestion))" not in text
    assert "held, with no fixed time yet" not in text.lower()


def test_a_team_that_lists_no_ritual_is_told_how_to(tmp_path):
    site, errors = build_team(tmp_path, FOUR.replace('rhythm:\n  stand-up: {days: [tuesday, thursday], time: "10:00", duration_minutes: 20}\n', ""))
    assert errors == []
    text = html(site, "/team/").select_one("article").get_text(" ", strip=True)
    assert "The team file lists no rituals yet" in text
    assert "Not in Four rituals's rhythm" in html(site, "/rituals/stand-up/").select_one(".hb-team-note").get_text(" ", strip=True)
    # The rhythm page lists what the team does not hold as a list, not as a paragraph of links.
    rhythm = html(site, "/rhythm/").select_one("article")
    listed = rhythm.find(string=lambda s: s and "Not in Four rituals's rhythm" in s).find_parent("p").find_next_sibling("ul")
    assert [a.get_text() for a in listed.select("li > a")] == ["Stand-up"]


def team_page(catalog, found, site_url: str | None = None):
    """The team page's sections as the build renders them, parsed."""
    from bs4 import BeautifulSoup

    from handbook.content.urls import Linker
    from handbook.pages.team import team_html

    return BeautifulSoup(team_html(catalog, team_catalog(catalog, found), found, Linker("team/index.md"), date(2026, 12, 6), site_url), "html.parser")


def test_what_the_team_did_not_set_is_marked_once_and_explained_once(tmp_path, handbook_catalog):
    stand_up = '  daily-stand-up: {days: [tuesday, thursday], time: "10:00", duration_minutes: 20}\n'
    found = team_of(tmp_path, "name: Marks team\nrhythm:\n" + stand_up, handbook_catalog)
    page = team_page(handbook_catalog, found)
    assert page.select(".hb-week td")[1].get_text(" ", strip=True) == "10:00 Daily stand-up (every Tuesday and Thursday, 20 min)"
    # The cadence came from the team (two days), the length too: nothing marked, no note.
    assert page.select_one(".hb-note") is None
    found = team_of(tmp_path, "name: Marks team\nrhythm:\n" + stand_up.replace(", duration_minutes: 20", ""), handbook_catalog)
    page = team_page(handbook_catalog, found)
    assert page.select(".hb-week td")[1].get_text(" ", strip=True) == "10:00 Daily stand-up (every Tuesday and Thursday, 15 min\u2020)"
    assert page.select_one(".hb-note").get_text().startswith("\u2020 Not set in the team file")
    assert len(page.select(".hb-note")) == 1


# --- people as they are --------------------------------------------------------------------------------------------

PEOPLE = """\
name: People team
timezone: Europe/Berlin
roles: [lead, scientist]
people:
  - {name: Old Hand, role: scientist, start: 2025-03-03}
  - {name: Mid Way, role: scientist, start: 2026-10-01}
  - {name: New Comer, role: scientist, start: 2027-01-11, buddy: Old Hand}
  - {name: Bo Chen, role: lead}
rhythm:
  stand-up: {days: [monday, tuesday, wednesday, thursday, friday], time: "09:30"}
"""


@pytest.fixture(scope="module")
def people_site(tmp_path_factory) -> Path:
    site, errors = build_team(tmp_path_factory.mktemp("people"), PEOPLE)
    assert errors == []
    return site


def test_someone_who_joined_last_year_has_joined_and_no_welcome_page(people_site):
    site = people_site
    people = {span.get_text(" ", strip=True) for span in html(site, "/team/").select(".hb-person")}
    assert "Old Hand (joined 3 March 2025)" in people
    assert "New Comer (starts 11 January 2027; buddy: Old Hand)" in people
    assert not (site / "team" / "old-hand").exists()
    assert html(site, "/team/").select_one(".hb-person a[href$='old-hand/']") is None
    # Within their first 90 days a starter keeps the page, which says they have joined.
    assert "You joined on: 1 October 2026" in html(site, "/team/mid-way/").select_one(".hb-glance").get_text(" ", strip=True)
    assert "Your first day: 11 January 2027" in html(site, "/team/new-comer/").select_one(".hb-glance").get_text(" ", strip=True)


def test_a_starters_checklist_names_no_ritual_the_team_does_not_hold_and_says_who_covers_a_missing_role(tmp_path):
    checklist = textwrap.dedent("""\
        checklist:
          first-30-days:
            - do: Join the stand-up and say what blocks you.
              see: rituals/stand-up
            - do: Start Failure Friday with the loner.
            - do: Ask the loner what they need.
          first-60-days:
            - do: Read the charter.
            - do: Run a first experiment.
          first-90-days:
            - do: Present a result.
            - do: Mentor a newcomer.
        """)
    from conftest import page, ritual_body

    files = {"rituals/failure-friday.md": page("""
        title: Failure Friday
        summary: A weekly session where the team shares experiments that failed and why.
        tags: [teamwork]
        sources: [guide]
        cadence: weekly
        duration_minutes: 30
        day: friday
        prep: One experiment that did not work.
        roles:
          lead: accountable
          scientist: responsible
        """, ritual_body())}
    from teams import team_docs

    scientist = team_docs()["roles/scientist.md"]
    start = scientist.index("checklist:")
    end = scientist.index("owner:")
    files["roles/scientist.md"] = scientist[:start] + checklist + scientist[end:]
    team = PEOPLE + "  failure-friday: false\n"
    site, errors = build_team(tmp_path, team, files=files)
    assert errors == []
    items = [li.get_text(" ", strip=True) for li in html(site, "/team/new-comer/").select(".hb-checklist__items li")]
    assert not any("Failure Friday" in item for item in items)
    assert "Ask the loner what they need. This team has no loner; the handbook's guess is that the team lead covers that work." in items
    assert any(item.startswith("Join the stand-up") for item in items)


def test_the_cover_of_a_missing_role_is_the_handbooks_guess_unless_the_file_says(tmp_path, people_site):
    note = html(people_site, "/roles/loner/").select_one(".hb-team-note").get_text(" ", strip=True)
    assert "The handbook's guess is that the Team lead covers its work" in note and "covers" in note
    site, _ = build_team(tmp_path, PEOPLE.replace("rhythm:", "covers: {loner: scientist}\nrhythm:"), name="covered")
    note = html(site, "/roles/loner/").select_one(".hb-team-note").get_text(" ", strip=True)
    assert "Its work is covered by the Scientist ." in note and "guess" not in note


# --- calendars to subscribe to --------------------------------------------------------------------------------------


def test_the_team_page_gives_addresses_to_subscribe_to_where_the_site_is_known(tmp_path, handbook_catalog):
    found = team_of(tmp_path, LISBON, handbook_catalog)
    page = team_page(handbook_catalog, found, "https://people.example.org/handbook/")
    addresses = [code.get_text() for code in page.select(".hb-calendar-list code")]
    assert addresses[:2] == ["https://people.example.org/handbook/team/rhythm.ics", "https://people.example.org/handbook/team/rhythm-ai-product-manager.ics"]
    assert [a["href"] for a in page.select(".hb-calendar-list a[href^='webcal:']")][0] == "webcal://people.example.org/handbook/team/rhythm.ics"
    text = page.get_text(" ", strip=True)
    assert all(name in text for name in ("Google Calendar", "Outlook", "Apple Calendar"))


def test_the_sites_address_comes_from_the_team_file_or_the_environment_and_never_from_the_placeholder(tmp_path, handbook_catalog):
    from handbook.content.settings import Settings
    from handbook.pages.outputs import team_outputs

    def address(team: str, settings: Settings) -> str | None:
        found = team_of(tmp_path, team, handbook_catalog)
        page = next(o for o in team_outputs(handbook_catalog, team_catalog(handbook_catalog, found), found, settings) if o.path == "team/index.md")
        from bs4 import BeautifulSoup

        from handbook.content.urls import Linker

        code = BeautifulSoup(page.html(Linker(page.path)), "html.parser").select_one(".hb-calendar-list code")
        return code.get_text() if code else None

    placeholder = Settings(site_url="https://handbook.example.com/", today=date(2026, 12, 6))
    assert address(LISBON.replace("site_url: https://handbook.fraud.example.org/\n", ""), placeholder) is None
    # With team.yml's site_url, the build's site_url is that address (hooks/content.py sets it).
    assert address(LISBON, Settings(site_url="https://handbook.fraud.example.org/", today=date(2026, 12, 6))) == "https://handbook.fraud.example.org/team/rhythm.ics"
    given = Settings(site_url="https://elsewhere.example.net/", site_url_given=True, today=date(2026, 12, 6))
    assert address(LISBON.replace("site_url: https://handbook.fraud.example.org/\n", ""), given) == "https://elsewhere.example.net/team/rhythm.ics"


def test_without_the_sites_address_the_team_page_says_what_to_set(people_site):
    page = html(people_site, "/team/")
    assert page.select(".hb-calendar-list") == [] and page.select("a[href^='webcal:']") == []
    text = page.select_one("article").get_text("", strip=False)
    assert "set site_url in team.yml (or HANDBOOK_SITE_URL) to where the handbook is published" in " ".join(text.split())
    assert page.select_one("a[download][href$='rhythm.ics']") is not None


def test_the_example_team_file_and_the_schema_show_days_and_first_dates():
    example = (ROOT / "examples" / "team.yml").read_text(encoding="utf-8")
    assert "first:" in example and "days: [" in example and ": true" in example
    found, problems = read_team(ROOT / "examples" / "team.yml", "examples/team.yml", environ={})
    assert problems == [] and found is not None
