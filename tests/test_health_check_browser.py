"""The health check in Chromium: the recommendation logic as pure functions over the real data, then the page as a reader uses it."""

from __future__ import annotations

import base64
import json
import re
from io import BytesIO
from pathlib import Path

import pytest

pytest_plugins = ["browser"]
pytestmark = pytest.mark.browser

URL = "/health-check/"
RISKY = {"roles-and-decisions": "at-risk", "shared-language": "healthy", "done-is-agreed": "some-concern",
         "research-to-production": "at-risk", "data-has-owners": "unknown"}


@pytest.fixture
def check(page, served_site):
    page.goto(served_site + URL)
    return page


def data(page) -> dict:
    return json.loads(page.locator("#hb-hc-data").text_content())


def rate(page, ratings: dict[str, str]) -> None:
    for attribute, level in ratings.items():
        page.locator(f"#hb-hc-{attribute}-{level}").check()


def share_code(page, ratings: dict[str, str], name: str = "", notes: dict | None = None, date: str = "2026-12-01") -> str:
    return page.evaluate(
        "([r, n, o, d]) => window.hbHealthCheck.encode(JSON.parse(document.getElementById('hb-hc-data').textContent),"
        " {date: d, name: n, ratings: r, notes: o})",
        [ratings, name, notes or {}, date],
    )


def base36(n: int) -> str:
    digits, out = "0123456789abcdefghijklmnopqrstuvwxyz", ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def fnv(text: str) -> str:
    """The script's checksum, FNV-1a in base 36, so that a test can make the links the script would make."""
    h = 0x811C9DC5
    for char in text:
        h = ((h ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return base36(h)


def code_for(payload: dict, fmt: int = 1) -> str:
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"{fmt}.{base36(len(body))}.{fnv(body)}.{body}"


# --- the logic, as pure functions of the page's own data ------------------------------------


def recommend(page, ratings):
    return page.evaluate("([d, r]) => window.hbHealthCheck.recommend(d, r)", [data(page), ratings])


def test_recommend_puts_at_risk_first_with_three_plays_and_some_concern_with_two(check):
    d = data(check)
    plays = {a["id"]: [p["title"] for p in a["plays"]] for a in d["attributes"]}
    assert recommend(check, {a["id"]: "healthy" for a in d["attributes"]}) == []
    assert recommend(check, {"shared-language": "unknown"}) == []
    result = recommend(check, {"shared-language": "some-concern", "models-watched": "at-risk", "roles-and-decisions": "at-risk"})
    # At risk before some concern whatever the order of the data; within a level, the order of the check.
    assert [(r["id"], r["level"]) for r in result] == [("roles-and-decisions", "at-risk"), ("models-watched", "at-risk"),
                                                       ("shared-language", "some-concern")]
    assert [[p["title"] for p in r["plays"]] for r in result] == [plays["roles-and-decisions"][:3], plays["models-watched"][:3],
                                                                  plays["shared-language"][:2]]
    assert all(p["time"] and p["href"].startswith("../") for r in result for p in r["plays"])


def test_a_play_offered_for_one_attribute_is_not_offered_again(check):
    # Psychological safety helps both: offered once, for the first in order, and named as "also" for the other.
    result = recommend(check, {"fast-experiments": "at-risk", "conflict-surfaced-early": "at-risk"})
    first, second = result
    assert "Psychological safety" in [p["title"] for p in first["plays"]]
    assert "Psychological safety" not in [p["title"] for p in second["plays"]] and len(second["plays"]) == 3
    assert [p["title"] for p in second["also"]] == ["Psychological safety"]


def test_recommend_and_combine_are_pure(check):
    d = data(check)
    same = check.evaluate(
        """([d, r]) => { const before = JSON.stringify([d, r]);
             const one = JSON.stringify(window.hbHealthCheck.recommend(d, r)), two = JSON.stringify(window.hbHealthCheck.recommend(d, r));
             const m = [{ratings: r}], c1 = JSON.stringify(window.hbHealthCheck.combine(d, m)), c2 = JSON.stringify(window.hbHealthCheck.combine(d, m));
             return one === two && c1 === c2 && JSON.stringify([d, r]) === before; }""",
        [d, RISKY],
    )
    assert same


def test_combine_counts_takes_the_median_and_flags_a_wide_spread(check):
    members = [{"ratings": {"roles-and-decisions": "healthy", "shared-language": "healthy", "done-is-agreed": "some-concern"}},
               {"ratings": {"roles-and-decisions": "at-risk", "shared-language": "some-concern", "done-is-agreed": "unknown"}},
               {"ratings": {"roles-and-decisions": "some-concern", "shared-language": "healthy"}},
               {"ratings": {"roles-and-decisions": "at-risk", "shared-language": "some-concern"}}]
    rows = {r["id"]: r for r in check.evaluate("([d, m]) => window.hbHealthCheck.combine(d, m)", [data(check), members])}
    roles = rows["roles-and-decisions"]
    assert roles["counts"] == {"healthy": 1, "some-concern": 1, "at-risk": 2, "unknown": 0}
    # Four ratings: the worse of the two middle ones.
    assert roles["level"] == "at-risk" and roles["wide"] is True
    assert rows["shared-language"]["level"] == "some-concern" and rows["shared-language"]["wide"] is False
    assert rows["done-is-agreed"]["counts"]["unknown"] == 3 and rows["done-is-agreed"]["level"] == "some-concern"
    assert rows["data-has-owners"]["level"] == "unknown" and rows["data-has-owners"]["wide"] is False


# --- the page -------------------------------------------------------------------------------


def test_the_table_of_contents_lists_only_the_panels_shown(check):
    def listed() -> list[str]:
        return [a.inner_text().strip() for a in check.locator(".md-nav--secondary a.md-nav__link").all() if a.is_visible()]

    check.set_viewport_size({"width": 1280, "height": 900})
    before = listed()
    assert "Team view" in before and "Overview across teams" in before
    assert "Your result" not in before and "Your history" not in before  # nothing rated, nothing saved: those panels are hidden
    rate(check, {"roles-and-decisions": "healthy"})
    assert "Your result" in listed()


def test_ratings_and_notes_survive_a_reload(check):
    rate(check, RISKY)
    check.fill("#hb-hc-roles-and-decisions-note", "Nobody signs off a model.")
    check.fill("#hb-hc-name", "Ana")
    check.reload()
    assert all(check.locator(f"#hb-hc-{a}-{level}").is_checked() for a, level in RISKY.items())
    assert check.locator("#hb-hc-roles-and-decisions-note").input_value() == "Nobody signs off a model."
    assert check.locator("#hb-hc-name").input_value() == "Ana"
    result = check.locator('[data-hb-out="result"]')
    assert result.is_visible()
    heads = result.locator(".hb-hc__rec-head").all_inner_texts()
    assert heads[0].startswith("At risk") and "Roles and decision rights are clear" in heads[0]
    assert "Some concern" in heads[-1]
    assert "Nobody signs off a model." in result.inner_text()


def test_the_keyboard_alone_rates_an_attribute(check):
    check.locator("#hb-hc-name").focus()
    check.keyboard.press("Tab")  # the heading's permalink
    check.keyboard.press("Tab")
    assert check.evaluate("document.activeElement.id") == "hb-hc-roles-and-decisions-healthy"
    check.keyboard.press("ArrowDown")
    assert check.locator("#hb-hc-roles-and-decisions-some-concern").is_checked()
    check.keyboard.press("Tab")
    assert check.evaluate("document.activeElement.id") == "hb-hc-roles-and-decisions-note"
    check.get_by_role("button", name="See my result").focus()
    check.keyboard.press("Enter")
    assert check.evaluate("document.activeElement.id") == "your-result"


def test_the_history_after_two_runs_shows_the_trend(check, served_site):
    check.clock.set_fixed_time("2026-09-01T10:00:00")
    check.reload()
    rate(check, {"roles-and-decisions": "at-risk", "shared-language": "some-concern"})
    check.get_by_role("button", name="Save to my history").click()
    assert "Your history holds 1 run." in check.locator('[data-hb-out="status-result"]').inner_text()
    check.clock.set_fixed_time("2026-12-01T10:00:00")
    check.reload()
    rate(check, {"roles-and-decisions": "some-concern", "shared-language": "at-risk"})
    check.get_by_role("button", name="Save to my history").click()
    history = check.locator('[data-hb-out="history"] table')
    # The trend comes right after the attribute, where a phone shows it without scrolling.
    assert history.locator("thead th").all_inner_texts() == ["Attribute", "Trend", "1 Sep 2026", "1 Dec 2026"]
    rows = {r.locator("th").inner_text(): r.locator("td").all_inner_texts() for r in history.locator("tbody tr").all()}
    assert rows["Roles and decision rights are clear"] == ["↑ better", "At risk", "Some concern"]
    assert rows["The disciplines share a language"] == ["↓ worse", "Some concern", "At risk"]
    # A second save on the same day replaces that day's run.
    check.get_by_role("button", name="Save to my history").click()
    assert history.locator("thead th").count() == 4


def test_a_share_link_opens_in_a_fresh_browser(check, browser, served_site):
    rate(check, RISKY)
    check.fill("#hb-hc-name", "Ana")
    check.fill("#hb-hc-done-is-agreed-note", "Done means <b>it runs</b> & ships.")
    check.get_by_role("button", name="Share my ratings").click()
    link = check.locator("#hb-hc-link").input_value()
    assert link.startswith(served_site + URL + "#hc=1.")
    fresh = browser.new_context()
    other = fresh.new_page()
    errors: list[str] = []
    other.on("pageerror", lambda e: errors.append(str(e)))
    other.goto(link)
    message = other.locator('[data-hb-out="message"]')
    assert message.is_visible()
    assert re.search(r"You opened Ana's ratings of \d+ \w+ \d{4}\. They are now in the team view below\.", message.inner_text())
    team = other.locator('[data-hb-out="team"]')
    assert "1 member: Ana" in team.inner_text()
    # The note arrives as text, never as markup.
    assert "Ana: Done means <b>it runs</b> & ships." in team.inner_text() and team.locator("b").count() == 0
    # The fresh browser's own check is untouched.
    assert other.locator(".hb-hc__pick:checked").count() == 0
    assert errors == []
    fresh.close()


def test_the_team_view_combines_three_links(check, served_site):
    links = [
        served_site + URL + "#hc=" + share_code(check, {"roles-and-decisions": "healthy", "shared-language": "healthy"}, "Ana",
                                                 {"roles-and-decisions": "We know who decides."}),
        served_site + URL + "#hc=" + share_code(check, {"roles-and-decisions": "at-risk", "shared-language": "healthy"}, "Ben"),
        # Pasted from a chat, with the full stop the sentence ended with.
        "see " + served_site + URL + "#hc=" + share_code(check, {"roles-and-decisions": "some-concern", "shared-language": "some-concern"}) + ".",
    ]
    check.fill("#hb-hc-links", "\n".join(links))
    check.get_by_role("button", name="Add to the team view").click()
    team = check.locator('[data-hb-out="team"]')
    assert "3 members: Ana (1 December 2026)" in team.inner_text() and "Member 3" in team.inner_text()
    flag = team.locator(".hb-hc__flag")
    assert "Talk about these first." in flag.inner_text() and "Roles and decision rights are clear" in flag.inner_text()
    first = team.locator(".hb-hc__spread > li").first
    assert "1 healthy · 1 some concern · 1 at risk · 0 don't know. Team: some concern." in first.inner_text()
    assert "Ana: We know who decides." in first.inner_text()
    plays = team.locator("ol.hb-hc__recs > li")
    assert plays.first.locator(".hb-hc__rec-head").inner_text().startswith("Some concern")
    # Adding the same links again changes nothing; the team's result can join the history.
    check.fill("#hb-hc-links", "\n".join(links))
    check.get_by_role("button", name="Add to the team view").click()
    assert "3 members:" in team.inner_text()
    check.get_by_role("button", name="Save the team's result to my history").click()
    assert "team of 3" in check.locator('[data-hb-out="history"] thead').inner_text()
    check.reload()
    assert "3 members:" in check.locator('[data-hb-out="team"]').inner_text()


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        ("truncated", "This share link is incomplete"),
        ("tampered", "This share link was changed after it was made"),
        ("older", "made with an earlier set of attributes: 1 of its ratings match this check"),
        ("other-set", "made for a different set of attributes"),
        ("newer", "made by a newer version of the health check"),
        ("garbage", "This is not a share link of the health check"),
        ("empty", "This share link ends right after"),
        ("impossible-date", "is dated 2027-02-45, which is not a real calendar date"),
    ],
)
def test_a_broken_share_link_gets_a_clear_message(check, browser, served_site, spoil, expected):
    good = share_code(check, {"roles-and-decisions": "at-risk", "shared-language": "healthy"}, "Ana")
    key = data(check)["key"]
    codes = {
        "truncated": good[:-12],
        "tampered": good[:-6] + ("A" if good[-6] != "A" else "B") + good[-5:],
        "older": code_for({"k": "00000000", "d": "2025-09-01", "n": "Ana", "r": {"roles-and-decisions": "r", "retired-attribute": "h"}, "o": {}}),
        "other-set": code_for({"k": "00000000", "d": "2025-09-01", "n": "Ana", "r": {"retired-attribute": "h"}, "o": {}}),
        "newer": code_for({"k": key, "d": "2026-12-01", "n": "", "r": {}, "o": {}}, fmt=2),
        "garbage": "hello",
        "empty": "",
        "impossible-date": code_for({"k": key, "d": "2027-02-45", "n": "Ana", "r": {"roles-and-decisions": "r"}, "o": {}}),
    }
    fresh = browser.new_context()
    page = fresh.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served_site + URL + "#hc=" + codes[spoil])
    message = page.locator('[data-hb-out="message"]')
    assert message.is_visible() and expected in message.inner_text()
    assert "undefined" not in message.inner_text() and "cut short" not in message.inner_text() or spoil == "truncated"
    # Never a blank page: the check still works.
    page.locator("#hb-hc-roles-and-decisions-healthy").check()
    assert page.locator('[data-hb-out="result"]').is_visible()
    assert errors == []
    fresh.close()


def test_csv_and_json_exports(check):
    rate(check, RISKY)
    check.fill("#hb-hc-name", "Ana")
    check.fill("#hb-hc-roles-and-decisions-note", "=SUM(A1) is not a formula here")
    with check.expect_download() as csv_download:
        check.get_by_role("button", name="Download CSV").click()
    text = Path(csv_download.value.path()).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == '"date","name","attribute_id","attribute","rating","note","direction"'
    assert re.fullmatch(r'"\d{4}-\d\d-\d\d","Ana","roles-and-decisions","Roles and decision rights are clear","At risk","\'=SUM\(A1\) is not a formula here",""', lines[1])
    assert len(lines) == 1 + len(data(check)["attributes"])
    with check.expect_download() as json_download:
        check.get_by_role("button", name="Download JSON").click()
    exported = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert exported["team"] == "Cross-Functional AI Team Handbook"
    assert (exported["format"], exported["version"]) == ("hb-health-check-runs", 1)
    assert exported["runs"][-1]["ratings"] == RISKY and exported["runs"][-1]["name"] == "Ana"


def test_a_rated_check_prints_on_one_page(check):
    from pypdf import PdfReader

    rate(check, {a["id"]: "at-risk" for a in data(check)["attributes"]})
    for a in data(check)["attributes"]:
        check.fill(f"#hb-hc-{a['id']}-note", "A note of a sentence or two on what this person has seen over the last few weeks.")
    check.fill("#hb-hc-name", "Ana")
    check.emulate_media(media="print")
    pdf = PdfReader(BytesIO(check.pdf(format="A4")))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Cross-Functional AI Team Handbook · team health check" in text and "Plays to run next" in text
    assert "Stakeholders and compliance are aligned" in text and "Share my ratings" not in text


def test_without_javascript_it_prints_as_a_worksheet(browser, served_site):
    from pypdf import PdfReader

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + URL)
    assert page.locator(".hb-hc__attr").count() == 10 and page.locator(".hb-hc__actions").is_hidden()
    assert page.locator('[data-hb-panel="team"]').is_hidden()
    page.emulate_media(media="print")
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(page.pdf(format="A4"))).pages)
    for name in [a.strip() for a in re.findall(r'"name": "([^"]+)"', page.locator("#hb-hc-data").text_content())]:
        assert name in text
    assert "Plays that help" in text and "Date:" in text and "Your result" not in text
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_findings_before_and_after_rating(page, served_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, color: {{scheme: '{scheme}'}}}}))"
    )
    page.goto(served_site + URL)
    links = [served_site + URL + "#hc=" + share_code(page, {"roles-and-decisions": level}, name) for level, name in
             (("healthy", "Ana"), ("at-risk", "Ben"))]
    for stage in ("before", "after"):
        if stage == "after":
            rate(page, RISKY)
            page.get_by_role("button", name="Save to my history").click()
            page.get_by_role("button", name="Share my ratings").click()
            page.fill("#hb-hc-links", "\n".join(links))
            page.get_by_role("button", name="Add to the team view").click()
        results = Axe().run(page)
        serious = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in results.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], stage


def test_at_390_px_nothing_overflows_and_no_request_leaves_the_site(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + URL)
    rate(page, RISKY)
    page.get_by_role("button", name="Save to my history").click()
    page.get_by_role("button", name="Share my ratings").click()
    page.fill("#hb-hc-links", served_site + URL + "#hc=" + share_code(page, RISKY, "Ana"))
    page.get_by_role("button", name="Add to the team view").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.evaluate("[...document.querySelectorAll('.hb-hc *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.hb-hc__scroll')).length")
    assert wide == 0
    assert [u for u in requests if not u.startswith(served_site) and not u.startswith(("data:", "blob:"))] == []
    context.close()
