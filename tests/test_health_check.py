"""The team health check: its attributes as validated content, the worksheet the build writes, and where it is linked."""

from __future__ import annotations

import gzip
import json
import re
from datetime import date

import pytest
import yaml

from conftest import FIXTURE_TODAY, ROOT, minimal_docs, page
from handbook.content.health_check import LEVELS, MAX_ATTRIBUTES, MIN_ATTRIBUTES, HealthCheck
from handbook.content.settings import Freshness, Settings
from handbook.content.types import prescribed
from handbook.output.book import handbook_book, role_book
from handbook.output.build import Build
from handbook.rules import load_folder
from handbook.tools.check import check_folder
from handbook.views.health_check import SCRIPT, play_time, version
from handbook.views.sections import Sections

SCRIPT_FILE = ROOT / "docs" / SCRIPT
# The budget for the script, gzipped: 10 KB for one person's check and the team view, raised to 16 KB when the
# facilitator's side came (one entry per person, hiding until the reveal, the team's exports and printout) and the
# overview across teams. It loads on the health check's page only.
SCRIPT_BUDGET = 16 * 1024


def attribute(n: int, plays: tuple[str, ...] = ("rituals/stand-up", "practices/pairing", "myths/magic")) -> dict:
    return {
        "id": f"attribute-{n}",
        "name": f"Attribute number {n}",
        "definition": "What the attribute means, in one line.",
        "levels": {"healthy": "What a healthy team is seen doing.", "some-concern": "What a worried team is seen doing.",
                   "at-risk": "What a team at risk is seen doing."},
        "sources": ["guide"],
        "plays": [{"see": p} for p in plays],
    }


def health_page(attributes: list[dict]) -> str:
    front = "title: Health check\nsummary: Rate the fixture team on its attributes.\ntags: [teamwork]\nsources: [guide]\n"
    front += yaml.safe_dump({"attributes": attributes}, sort_keys=False, width=200)
    return page(front, "Rate the team, then see [the stand-up](rituals/stand-up.md), [pairing](practices/pairing.md) and [magic](myths/magic.md).")


def docs_with(attributes: list[dict]) -> dict[str, str]:
    docs = minimal_docs()
    docs["health-check.md"] = health_page(attributes)
    return docs


def both(build_site, files: dict[str, str]) -> tuple[list[str], list[str]]:
    """What `make check` says and what the build says, for the same docs."""
    built = build_site(files)
    report = check_folder(built.site.parent / "docs", Freshness(date.fromisoformat(FIXTURE_TODAY)))
    assert not built.ok
    return [str(p) for p in report.problems], built.errors()


def real_check():
    catalog = load_folder(ROOT / "docs")
    return catalog, catalog.get("health-check.md")


# --- the content -----------------------------------------------------------------------


def test_the_real_check_holds_eight_to_ten_complete_attributes():
    catalog, entry = real_check()
    meta = entry.meta
    assert isinstance(meta, HealthCheck) and entry.type == "health-check"
    assert MIN_ATTRIBUTES <= len(meta.attributes) <= MAX_ATTRIBUTES == 10
    assert len({a.id for a in meta.attributes}) == len(meta.attributes)
    for a in meta.attributes:
        assert all(a.levels.of(level).endswith(".") for level in LEVELS), a.id
        # At risk offers three plays, so every attribute has at least three, each a page a team can act on.
        assert len(a.plays) >= 3, a.id
        assert all(p.see.split("/")[0] in {t.folder for t in prescribed()} and catalog.get(f"{p.see}.md") for p in a.plays), a.id
        assert set(a.sources) <= set(meta.sources)


def test_play_times_come_from_the_page_or_say_they_are_the_handbooks():
    catalog, entry = real_check()
    times = {p.see: play_time(catalog.get(f"{p.see}.md"), p) for a in entry.meta.attributes for p in a.plays}
    assert times["rituals/retrospective"] == "1 h"
    assert times["exercises/write-a-team-charter"] == "30 min"
    # A ritual's or exercise's own length that is a suggestion stays labelled as one.
    assert times["rituals/failure-friday"] == "30 min (handbook suggestion)"
    assert times["exercises/role-play-eighty-percent-accurate"] == "30 min (handbook suggestion)"
    # A `minutes` given on the play is the handbook's; a page with no length of its own gives its reading time.
    assert times["practices/definition-of-done"] == "45 min session (handbook suggestion)"
    myth = catalog.get("myths/data-prep-is-quick.md")
    assert times["myths/data-prep-is-quick"] == f"{myth.minutes} min read"


def test_the_ritual_labels_what_the_sources_do_not_give(real_site):
    catalog, _ = real_check()
    ritual = catalog.get("rituals/team-health-check.md")
    assert ritual.meta.cadence == "quarterly" and {"cadence", "duration_minutes"} <= set(ritual.meta.suggested)
    assert ritual.meta.accountable == "ai-team-lead"
    assert 60 <= ritual.meta.duration_minutes <= 90
    agenda = real_site.html("rituals/team-health-check/").find(id="agenda").find_next("table")
    minutes = [int(row.find("td").get_text()) for row in agenda.select("tbody tr")]
    assert sum(minutes) == ritual.meta.duration_minutes
    assert agenda.find_parent(class_="suggestion") is not None
    glance = real_site.html("rituals/team-health-check/").select_one(".hb-glance").get_text(" ", strip=True)
    assert "every quarter (handbook suggestion)" in glance and "1 h 15 min (handbook suggestion)" in glance
    assert real_site.html("rituals/team-health-check/").find(id="facilitator-notes") is not None


# --- bad data: one line per problem, the same from `make check` and the build --------------------


# Each spoiler changes one attribute and returns (its index, the text on the faulty line, the message).


def _unknown_page(attributes):
    attributes[2]["plays"][1]["see"] = "practices/pairng"
    return 2, "see: practices/pairng", "attributes.2.plays.1.see: unknown page 'practices/pairng' (did you mean 'practices/pairing'?)"


def _missing_level(attributes):
    del attributes[4]["levels"]["at-risk"]
    return 4, "levels:", "attributes.4.levels.at-risk: required field is missing"


def _duplicate_id(attributes):
    attributes[5]["id"] = "attribute-1"
    return 5, "id: attribute-1", "attributes.5.id: 'attribute-1' is already the id of attribute 1: give each attribute its own"


def _role_as_play(attributes):
    attributes[0]["plays"][0]["see"] = "roles/lead"
    return 0, "see: roles/lead", "attributes.0.plays.0.see: 'roles/lead' is not a page a team can act on"


def _source_not_cited(attributes):
    attributes[3]["sources"] = ["guide", "other"]
    return 3, "- other", "attributes.3.sources: 'other' is not among the page's sources"


@pytest.mark.parametrize("spoil", [_unknown_page, _missing_level, _duplicate_id, _role_as_play, _source_not_cited])
def test_bad_attributes_are_reported_alike_by_check_and_build(build_site, spoil):
    attributes = [attribute(n) for n in range(8)]
    index, needle, message = spoil(attributes)
    docs = docs_with(attributes)
    docs["sources/other.md"] = docs["sources/guide.md"].replace("title: A guide", "title: Another guide")
    text = docs["health-check.md"]
    checked, built = both(build_site, docs)
    assert checked == built
    # The attribute's own entry starts at its "- id:" line: the faulty line is the first match after it.
    starts = [m.start() for m in re.finditer(r"^- id: ", text, re.MULTILINE)]
    line = text[: text.index(needle, starts[index])].count("\n") + 1
    assert [m for m in checked if m.startswith(f"docs/health-check.md:{line}: {message}")], checked


def test_too_few_attributes_are_refused(build_site):
    checked, built = both(build_site, docs_with([attribute(n) for n in range(7)]))
    assert checked == built == ["docs/health-check.md:6: attributes: List should have at least 8 items after validation, not 7"]


def test_a_play_listed_twice_is_refused(build_site):
    attributes = [attribute(n) for n in range(8)]
    attributes[0]["plays"].append({"see": "practices/pairing"})
    checked, built = both(build_site, docs_with(attributes))
    assert checked == built == ["docs/health-check.md:20: attributes.0.plays.3.see: 'practices/pairing' is already a play of this attribute: keep one"]


# --- the generated page ---------------------------------------------------------------------


def test_without_javascript_the_page_is_a_worksheet(build_site):
    built = build_site(docs_with([attribute(n) for n in range(8)]))
    assert built.ok, built.messages
    soup = built.html("health-check/")
    check = soup.select_one("article .hb-hc")
    fields = check.select("fieldset.hb-hc__attr")
    assert len(fields) == 8
    first = fields[0]
    assert first.legend.h3.get_text(strip=True).startswith("1. Attribute number 0")
    assert [i["value"] for i in first.select("input.hb-hc__pick")] == ["healthy", "some-concern", "at-risk", "unknown"]
    # How the attribute moves, a group of its own after the note, on paper too.
    moves = first.select_one("fieldset.hb-hc__dir")
    assert [i["value"] for i in moves.select("input[type=radio]")] == ["improving", "stable", "worse"]
    assert moves.legend.get_text() == "Over the last few weeks, it is (optional)"
    assert len({i["name"] for i in first.select("input[type=radio]")}) == 2
    # Every input has its label; the definition describes the group.
    for control in first.select("input, textarea"):
        assert first.find("label", attrs={"for": control["id"]}) is not None
    assert first["aria-describedby"] == first.select_one(".hb-hc__def")["id"]
    # The group's name is the attribute's, without the heading's permalink sign.
    assert first.find(id=first["aria-labelledby"]).get_text() == "1. Attribute number 0"
    plays = [(a["href"], a.get_text()) for a in first.select("ul.hb-hc__plays a")]
    assert plays == [("../rituals/stand-up/", "Stand-up"), ("../practices/pairing/", "Pairing"), ("../myths/magic/", "Magic")]
    assert [t.get_text() for t in first.select(".hb-hc__time")] == ["Ritual, 15 min", "Practice, 1 min read", "Myth, 1 min read"]
    assert first.select_one(".hb-hc__sources a")["href"] == "../sources/guide/"
    # What only the script can do is hidden until it runs, and left out of the PDF.
    assert [p["data-hb-panel"] for p in check.select("[data-hb-panel]")] == ["result", "history", "team", "overview"]
    for part in check.select("[data-hb-panel], .hb-hc__who, .hb-hc__actions, [data-hb-out=message]"):
        assert part.has_attr("hidden") and "hb-web-only" in part["class"]
    script = check.select("script")
    assert script[-1]["src"] == "../javascripts/health-check.js" and script[-1].has_attr("defer")
    data = json.loads(check.select_one("script#hb-hc-data").string)
    assert [a["id"] for a in data["attributes"]] == [f"attribute-{n}" for n in range(8)]
    assert data["attributes"][0]["plays"][0] == {"title": "Stand-up", "href": "../rituals/stand-up/", "kind": "Ritual", "time": "15 min"}
    assert data["team"] == "Cross-Functional AI Team Handbook"
    # The team's export names its format and version, which the overview across teams reads.
    assert data["export"] == {"format": "hb-health-check-team", "version": 1}
    assert data["directions"] == {"improving": "Improving", "stable": "Stable", "worse": "Getting worse"}
    # The attribute names join the table of contents under "Rate your team".
    toc = [a.get_text(strip=True) for a in soup.select(".md-sidebar--secondary .md-nav__link")]
    assert "Rate your team" in toc and "1. Attribute number 0" in toc


def test_the_script_loads_on_the_health_check_only(real_site):
    loading = sorted(p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*.html") if "health-check.js" in p.read_text(encoding="utf-8"))
    assert loading == ["health-check/index.html"]
    assert "health-check" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_team_name_is_the_sites_name(tmp_path):
    catalog, entry = real_check()
    end = Sections.build(catalog, site_name="Fraud squad").decorate("health-check.md", entry.body).end.html
    assert "<strong>Fraud squad</strong> · team health check" in end and '"team": "Fraud squad"' in end
    pages = [(p.relative_to(ROOT / "docs").as_posix(), p.read_bytes()) for p in (ROOT / "docs").rglob("*.md")]
    build = Build.start(Settings(site_name="Fraud squad", today=date(2026, 12, 4)), pages, (ROOT / "docs" / "tags.yml").read_bytes(),
                        ROOT / "docs", "docs")
    assert build.sections.site_name == "Fraud squad"


def test_offline_links_name_html_files():
    catalog, entry = real_check()
    end = Sections.build(catalog).decorate("health-check.md", entry.body, directory_urls=False).end.html
    assert '<script src="javascripts/health-check.js" defer>' in end
    assert 'href="rituals/retrospective.html"' in end


def test_the_share_key_changes_with_the_set_of_attributes():
    _, entry = real_check()
    meta = entry.meta
    fewer = meta.model_copy(update={"attributes": meta.attributes[:-1]})
    assert version(meta) != version(fewer) and re.fullmatch(r"[0-9a-f]{8}", version(meta))


def test_the_script_is_small_and_asks_no_other_host():
    raw = SCRIPT_FILE.read_bytes()
    assert len(gzip.compress(raw, 9)) < SCRIPT_BUDGET
    assert re.findall(rb"https?://", raw) == []
    # Untrusted text (names, notes, links) is only ever set as text.
    assert b"innerHTML" not in raw and b"insertAdjacentHTML" not in raw and b"eval(" not in raw


# --- reach ------------------------------------------------------------------------------


def test_search_and_llms_txt_find_the_check(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"] if doc["location"].startswith("health-check/"))
    assert "Roles and decision rights are clear" in texts and "Data has owners" in texts
    llms = (real_site.site / "llms.txt").read_text(encoding="utf-8")
    assert "- [Health check](https://handbook.example.com/health-check/):" in llms
    assert "- [Team health check](https://handbook.example.com/rituals/team-health-check/):" in llms


def test_the_ritual_is_linked_from_the_lead_the_rhythm_and_the_checklist(real_site):
    lead = real_site.html("roles/ai-team-lead/")
    checklist = lead.find(id="your-first-90-days").find_parent(class_="hb-checklist")
    assert checklist.select_one('a[href="../../rituals/team-health-check/"]') is not None
    body_links = [a for a in lead.select("article p a, article li a") if a["href"] == "../../rituals/team-health-check/"]
    assert len(body_links) >= 2  # the role's own text and its checklist
    rhythm = real_site.html("rhythm/")
    row = rhythm.select_one('a[href="../rituals/team-health-check/"]').find_parent("tr")
    assert [td.get_text(" ", strip=True) for td in row.find_all("td")][1:] == ["every quarter (handbook suggestion)", "1 h 15 min (handbook suggestion)"]
    measuring = real_site.html("practices/measuring-team-health/")
    assert measuring.select_one('article a[href="../../health-check/"]') is not None
    assert real_site.html("health-check/").select_one('nav.md-nav a[href="./"]') is not None  # in the navigation


def test_the_worksheet_goes_in_the_book_and_the_leads_pack():
    catalog, _ = real_check()
    parts = {p.title: p.urls for p in role_book(catalog, "ai-team-lead").parts}
    assert parts["Tools you run"] == ("/health-check/",)
    assert "/rituals/team-health-check/" in parts["Rituals you run or work in"]
    assert "Tools you run" not in {p.title for p in role_book(catalog, "data-scientist").parts}
    templates = {p.title: p.urls for p in handbook_book(catalog).parts}["Templates"]
    assert templates[-1] == "/health-check/"


def test_the_page_weight(real_site):
    html = (real_site.site / "health-check" / "index.html").read_bytes()
    # Ten attributes with their levels, plays and sources, and the data for the script.
    assert len(gzip.compress(html)) < 20 * 1024, len(gzip.compress(html))
