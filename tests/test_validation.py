"""Every class of bad input yields one line naming the file, the line and the field."""

from __future__ import annotations

import pytest

from conftest import minimal_docs, page, ritual_body
from handbook.content.problems import ContentError
from handbook.rules import load_catalog


def problems(files: dict[str, str | bytes]) -> list[str]:
    tags = files.pop("tags.yml", None)
    pages = [(name, text.encode() if isinstance(text, str) else text) for name, text in files.items()]
    try:
        load_catalog(pages, tags.encode() if isinstance(tags, str) else tags)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


def ritual(front: str, body: str | None = None) -> str:
    return page(front, ritual_body() if body is None else body)


def with_page(name: str, text: str | bytes) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = dict(minimal_docs())
    files[name] = text
    return files


RITUAL = """
title: Retro
summary: A look back at the last two weeks.
tags: [teamwork]
sources: [guide]
cadence: fortnightly
duration_minutes: 60
prep: Bring one thing that went well.
roles:
  lead: accountable
"""


def test_the_minimal_fixture_is_valid():
    assert problems(minimal_docs()) == []


def test_an_asset_from_another_host_names_the_line():
    body = ("Text.\n\n![A chart](https://img.example/chart.png)\n\n<iframe src='//video.example/x'></iframe>\n\nA [link](https://example.com/) is fine,"
            " and so is markup shown as code:\n\n```html\n<img src=\"https://img.example/shown.png\">\n```")
    assert problems(with_page("sources/guide.md", minimal_docs()["sources/guide.md"].replace("A guide about teams.", body))) == [
        "docs/sources/guide.md:14: body: 'https://img.example/chart.png' would be fetched from another host: save the file under docs/ and link it relatively",
        "docs/sources/guide.md:16: body: '//video.example/x' would be fetched from another host: save the file under docs/ and link it relatively",
    ]


def test_front_matter_that_does_not_parse():
    text = "---\ntitle: Retro\nsummary: [unclosed\n---\n\nBody.\n"
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:4: front matter: YAML does not parse: did not find expected ',' or ']'"
    ]


def test_page_without_front_matter():
    assert problems(with_page("rituals/retro.md", "Just text.\n")) == [
        "docs/rituals/retro.md:1: front matter: missing: start the page with a '---' line, the fields, then '---'"
    ]


def test_unclosed_front_matter():
    assert problems(with_page("rituals/retro.md", "---\ntitle: Retro\n\nBody.\n")) == [
        "docs/rituals/retro.md:1: front matter: not closed: add a '---' line after the last field"
    ]


def test_missing_required_field():
    text = ritual(RITUAL.replace("prep: Bring one thing that went well.\n", ""))
    assert problems(with_page("rituals/retro.md", text)) == ["docs/rituals/retro.md:1: prep: required field is missing"]


def test_unknown_field_suggests_the_right_one():
    text = ritual(RITUAL + "sumary: typo\n")
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:11: sumary: unknown field: did you mean 'summary'? allowed fields are "
        "title, summary, owner, reviewed, tags, sources, aliases, roles, prep_minutes, materials, difficulty, decides, suggested, cadence, "
        "duration_minutes, day, meeting, prep, core, held_within"
    ]


def test_wrong_type():
    text = ritual(RITUAL.replace("duration_minutes: 60", "duration_minutes: an hour"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:7: duration_minutes: Input should be a valid integer"
    ]


def test_unknown_role():
    text = ritual(RITUAL.replace("lead: accountable", "wizard: accountable"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:10: roles: unknown role 'wizard': role ids are the file names in docs/roles/"
    ]


def test_unknown_source_suggests_a_close_one():
    text = ritual(RITUAL.replace("sources: [guide]", "sources: [guid]"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:5: sources: unknown source 'guid' (did you mean 'guide'?): source ids are the file names in docs/sources/, or 'team' for the team's own decision"
    ]


def test_unknown_tag():
    text = ritual(RITUAL.replace("tags: [teamwork]", "tags: [teamwork, velocity]"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:4: tags: unknown tag 'velocity': tags are listed in docs/tags.yml"
    ]


RACI = "allowed levels are accountable, responsible, consulted, informed"


def test_unknown_involvement_level():
    text = ritual(RITUAL.replace("lead: accountable", "lead: boss"))
    assert problems(with_page("rituals/retro.md", text)) == [f"docs/rituals/retro.md:10: roles.lead: unknown level 'boss': {RACI}"]


def test_a_level_from_before_raci_names_its_replacement():
    text = ritual(RITUAL.replace("lead: accountable", "lead: leads"))
    assert problems(with_page("rituals/retro.md", text)) == [
        f"docs/rituals/retro.md:10: roles.lead: 'leads' is a level from before RACI (probably 'accountable'): {RACI}"
    ]


def test_no_role_accountable():
    text = ritual(RITUAL.replace("lead: accountable", "lead: responsible"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:9: roles: no role is accountable: mark exactly one role 'accountable' (the one who owns the outcome);"
        " levels are accountable, responsible, consulted, informed"
    ]


def test_two_roles_accountable():
    text = ritual(RITUAL.replace("lead: accountable", "lead: accountable\n  scientist: accountable"))
    practice = text.replace("cadence: fortnightly\nduration_minutes: 60\nprep: Bring one thing that went well.\n", "")
    assert [p for p in problems(with_page("practices/retro.md", practice)) if ": body: " not in p] == [
        "docs/practices/retro.md:8: roles: 2 roles are accountable (lead, scientist): exactly one may be; make the others responsible or consulted"
    ]


def test_two_pages_with_the_same_title():
    text = ritual(RITUAL.replace("title: Retro", "title: stand-up"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/stand-up.md:2: title: 'Stand-up' is already the title of docs/rituals/retro.md"
    ]


def test_over_long_summary():
    text = ritual(RITUAL.replace("A look back at the last two weeks.", "A look back " + "and back " * 20 + "again."))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:3: summary: String should have at most 160 characters"
    ]


def test_summary_must_be_one_sentence():
    text = ritual(RITUAL.replace("A look back at the last two weeks.", "A look back at the last two weeks"))
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:3: summary: must be one sentence ending with a full stop"
    ]


def test_empty_page():
    text = f"---\n{RITUAL.strip()}\nowner: lead\nreviewed: 2026-11-23\n---\n\n   \n"
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:14: body: page is empty: write the page below the front matter"
    ]


def test_bad_file_name():
    text = ritual(RITUAL)
    assert problems(with_page("rituals/Retro_Notes.md", text)) == [
        "docs/rituals/Retro_Notes.md:1: file name: must be a lowercase-hyphenated id such as 'daily-stand-up.md'"
    ]


def test_a_page_outside_the_type_folders():
    assert problems(with_page("rituals/old/retro.md", ritual(RITUAL))) == [
        "docs/rituals/old/retro.md:1: file: pages live in docs/ itself or directly in one of "
        "roles/, rituals/, practices/, templates/, exercises/, decision-guides/, stories/, field-reports/, myths/, sources/: move the file"
    ]


def test_every_problem_is_reported_in_one_run():
    files = with_page("rituals/retro.md", ritual(RITUAL.replace("lead: accountable", "wizard: boss")))
    files["myths/magic.md"] = "no front matter\n"
    found = problems(files)
    assert found == [
        "docs/myths/magic.md:1: front matter: missing: start the page with a '---' line, the fields, then '---'",
        f"docs/rituals/retro.md:10: roles.wizard: unknown level 'boss': {RACI}",
    ]


def test_a_broken_page_does_not_make_references_to_it_fail():
    files = minimal_docs()
    files["roles/lead.md"] = files["roles/lead.md"].replace("short: TL\n", "")
    assert problems(files) == ["docs/roles/lead.md:1: short: required field is missing"]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (None, "docs/tags.yml:1: tags: the controlled tag list is missing: create it as 'slug: one-line description' lines"),
        ("Team Work: x\n", "docs/tags.yml:1: tags: 'Team Work' is not a lowercase-hyphenated slug such as 'psychological-safety'"),
    ],
)
def test_the_tag_list_itself_is_checked(tags, expected):
    files = minimal_docs()
    files["tags.yml"] = tags
    assert expected in problems(files)


def test_a_content_mistake_fails_the_build_without_a_traceback(build_site):
    built = build_site(with_page("rituals/retro.md", ritual(RITUAL.replace("lead: accountable", "wizard: accountable"))))
    assert not built.ok
    assert built.errors() == ["docs/rituals/retro.md:10: roles: unknown role 'wizard': role ids are the file names in docs/roles/"]
    assert "1 content problem; see the lines above" in built.messages
    assert not any("Traceback" in m for m in built.messages)


def test_a_file_where_the_build_generates_a_page(build_site):
    files = minimal_docs()
    files["matrix.md"] = page("title: My matrix\nsummary: A hand-written matrix page.\nowner: lead\nreviewed: 2026-11-23\ntags: [teamwork]\nsources: [guide]", "Text.")
    built = build_site(files)
    assert not built.ok
    assert "docs/matrix.md:1: file: this page is generated by the build; remove the file" in built.messages


# --- rituals: duration, suggestions, usual day --------------------------------


def test_a_ritual_needs_a_duration():
    text = ritual(RITUAL.replace("duration_minutes: 60", "duration_minutes: null"))
    assert problems(with_page("rituals/retro.md", text)) == ["docs/rituals/retro.md:7: duration_minutes: Input should be a valid integer"]


def test_suggested_names_fields_of_the_model():
    text = ritual(RITUAL + "suggested: [duration_minutes, length]\n")
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:11: suggested: 'length' is not a field of a ritual: list names of fields such as "
        "title, summary, owner, reviewed, tags, sources, aliases, roles, prep_minutes, materials, difficulty, decides, cadence, duration_minutes, "
        "day, meeting, prep, core, held_within"
    ]


def test_suggested_hints_at_a_close_field_name():
    text = ritual(RITUAL + "suggested: [duration]\n")
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:11: suggested: 'duration' is not a field of a ritual: did you mean 'duration_minutes'? list names of fields such as "
        "title, summary, owner, reviewed, tags, sources, aliases, roles, prep_minutes, materials, difficulty, decides, cadence, duration_minutes, "
        "day, meeting, prep, core, held_within"
    ]


def test_suggested_cannot_name_a_field_the_page_does_not_set():
    text = ritual(RITUAL + "suggested: [day]\n")
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:11: suggested: 'day' is not set on this page: set it or remove it from the list"
    ]


def test_a_usual_day_is_a_weekday():
    text = ritual(RITUAL + "day: sunday\n")
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:11: day: Input should be 'monday', 'tuesday', 'wednesday', 'thursday' or 'friday'"
    ]


def test_a_daily_ritual_has_no_usual_day():
    text = ritual(RITUAL.replace("cadence: fortnightly", "cadence: daily") + "day: friday\n")
    assert problems(with_page("rituals/retro.md", text)) == [
        "docs/rituals/retro.md:11: day: a ritual held daily has no usual weekday: remove the line"
        " (a day goes with the cadences weekly, fortnightly, monthly, per-sprint)"
    ]


# --- the body against the ritual anatomy --------------------------------------

ANATOMY = (
    "ritual pages have these '##' headings, in this order: Purpose, When and how long, Who, Prep checklist, Agenda, "
    "Outputs, Remote or async variant, Signs it works, Signs it is failing"
)


def body_with(replace: str, by: str) -> str:
    body = ritual_body()
    assert replace in body
    return body.replace(replace, by)


def test_a_ritual_that_follows_its_anatomy_passes_with_extra_subheadings():
    body = body_with("## Agenda\n\nText.", "## Agenda\n\n### Variant for large teams\n\nText.\n\n```markdown\n## Not a heading\n```")
    assert problems(with_page("rituals/retro.md", ritual(RITUAL, body))) == []


def test_a_missing_heading_is_named_where_it_belongs():
    text = ritual(RITUAL, body_with("## Outputs\n\nText.\n\n", ""))
    found = problems(with_page("rituals/retro.md", text))
    assert found == [f"docs/rituals/retro.md:35: body: missing heading '## Outputs': {ANATOMY}"]
    assert text.splitlines()[34] == "## Remote or async variant"


def test_an_unexpected_heading_suggests_the_missing_one():
    text = ritual(RITUAL, body_with("## Signs it works", "## Signs it is working"))
    assert problems(with_page("rituals/retro.md", text)) == [
        f"docs/rituals/retro.md:43: body: unexpected heading '## Signs it is working'; did you mean 'Signs it works'?: {ANATOMY}",
        f"docs/rituals/retro.md:47: body: missing heading '## Signs it works': {ANATOMY}",
    ]


def test_an_extra_heading_is_reported():
    text = ritual(RITUAL, ritual_body() + "\n\n## Related\n\nLinks.")
    assert problems(with_page("rituals/retro.md", text)) == [f"docs/rituals/retro.md:51: body: unexpected heading '## Related': {ANATOMY}"]


def test_headings_out_of_order():
    body = body_with("## Who\n\nText.\n\n## Prep checklist", "## Prep checklist\n\nText.\n\n## Who")
    assert problems(with_page("rituals/retro.md", ritual(RITUAL, body))) == [
        f"docs/rituals/retro.md:23: body: heading '## Prep checklist' is out of order: {ANATOMY}"
    ]


def test_a_repeated_heading():
    text = ritual(RITUAL, ritual_body() + "\n\n## Agenda\n\nMore.")
    assert problems(with_page("rituals/retro.md", text)) == [f"docs/rituals/retro.md:51: body: heading '## Agenda' appears twice: {ANATOMY}"]


def test_types_whose_anatomy_is_not_enforced_are_free():
    files = minimal_docs()
    files["myths/magic.md"] = files["myths/magic.md"].replace("Not magic.", "## Anything\n\nNot magic.")
    assert problems(files) == []
