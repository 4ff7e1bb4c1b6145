"""The editor schema: exported from the model, committed, and true to every real page."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from jsonschema import Draft7Validator, FormatChecker

from conftest import ROOT
from handbook.content.catalog import read_folder
from handbook.content.frontmatter import decode, split
from handbook.content.types import type_for
from handbook.tools.scaffold import kinds, known_ids, page_text
from handbook.tools.schema import REMARK_CONFIG, SCHEMA_DIR, exported, remark_config

FOLDER = ROOT / SCHEMA_DIR


def validator(kind: str) -> Draft7Validator:
    schema = json.loads((FOLDER / f"{kind}.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def as_json(value: object) -> object:
    """Front matter as an editor's YAML server sees it: dates are strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def front_matter(text: str) -> dict:
    doc, problems = split(decode(text.encode(), "x")[0], "x")
    assert problems == []
    return as_json(doc.data)


def test_the_committed_schemas_match_the_model():
    committed = {path.name: path.read_text(encoding="utf-8") for path in sorted(FOLDER.glob("*.json"))}
    fresh = exported()
    assert committed.keys() == fresh.keys(), "schema/ is out of date with handbook/model.py: run `make schema` and commit schema/"
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert stale == [], f"{', '.join(stale)} out of date with handbook/model.py: run `make schema` and commit schema/"


def test_the_committed_remark_config_matches_the_page_types():
    committed = (ROOT / REMARK_CONFIG).read_text(encoding="utf-8")
    assert committed == remark_config(), f"{REMARK_CONFIG} is out of date with handbook/model.py: run `make schema` and commit it"
    assert "'./schema/ritual.json': ['./docs/rituals/*.md']," in committed
    assert "'./schema/page.json': ['./docs/!(health-check|glossary|index).md']," in committed


def test_the_schema_accepts_every_real_page():
    rejected = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        src_uri = path.relative_to(ROOT / "docs").as_posix()
        kind = type_for(src_uri).name
        for error in validator(kind).iter_errors(front_matter(path.read_text(encoding="utf-8"))):
            rejected.append(f"{src_uri}: {error.json_path}: {error.message}")
    assert rejected == []


RITUAL = (ROOT / "docs" / "rituals" / "daily-stand-up.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (("owner: ai-team-lead\n", ""), "$", "'owner' is a required property"),
        (("cadence: daily", "cadence: hourly"), "$.cadence", "'hourly' is not one of ['daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'per-sprint', 'per-release', 'as-needed']"),
        (("reviewed: 2026-11-23", "reviewed: '2026-13-01'"), "$.reviewed", "'2026-13-01' is not a 'date'"),
        (("tags: [", "tags: [Team-Work, "), "$.tags[0]", "'Team-Work' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'"),
        (("prep:", "sumary: x\nprep:"), "$", "Additional properties are not allowed ('sumary' was unexpected)"),
        (("duration_minutes: 15", "duration_minutes: 600"), "$.duration_minutes", "600 is greater than the maximum of 480"),
    ],
)
def test_the_schema_rejects_a_bad_page(change, path, message):
    old, new = change
    assert old in RITUAL
    errors = [(e.json_path, e.message) for e in validator("ritual").iter_errors(front_matter(RITUAL.replace(old, new, 1)))]
    assert errors == [(path, message)]


def test_fields_carry_their_descriptions_for_hover_help():
    schema = json.loads((FOLDER / "ritual.json").read_text(encoding="utf-8"))
    assert schema["properties"]["owner"]["description"] == "The role that keeps this page true: a file name in docs/roles/, such as ai-team-lead."
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("kind", list(kinds()))
def test_every_scaffold_satisfies_its_schema(kind):
    pages, tags = read_folder(ROOT / "docs")
    text = page_text(kind, kinds()[kind][1], "Weekly demo", known_ids(pages, tags), date(2026, 11, 23))
    assert list(validator(kind).iter_errors(front_matter(text))) == []


TEAM_EXAMPLE = (ROOT / "examples" / "team.yml").read_text(encoding="utf-8")


def test_the_team_schema_is_named_on_the_examples_first_line():
    assert TEAM_EXAMPLE.splitlines()[0] == "# yaml-language-server: $schema=../schema/team.json"
    assert (ROOT / "examples" / "../schema/team.json").is_file()


def test_the_team_schema_accepts_the_example():
    assert list(validator("team").iter_errors(as_json(yaml.safe_load(TEAM_EXAMPLE)))) == []


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (('time: "15:00"', 'time: "25:00"'), "$.rhythm.retrospective", "is not valid under any of the given schemas"),
        (("day: thursday", "day: thursdy"), "$.rhythm['model-to-api-meeting']", "is not valid under any of the given schemas"),
        (("start: 2027-02-01", 'start: "2027-02-30"'), "$.people[4].start", "is not valid under any of the given schemas"),
        (("    id: lena\n", "    id: lena\n    emial: lena@example.com\n"), "$.people[4]", "Additional properties are not allowed ('emial' was unexpected)"),
        (("url: https://chat", "url: chat"), "$.channels[0].url", "'chat.example.com/channels/orion-ml' does not match '^https?://'"),
    ],
)
def test_the_team_schema_rejects_a_bad_team_file(change, path, message):
    old, new = change
    assert old in TEAM_EXAMPLE
    # The YAML language server reads YAML 1.2, where a date is a string: "2027-02-30" as it sees it.
    data = as_json(yaml.safe_load(TEAM_EXAMPLE.replace(old, new, 1)))
    errors = [(e.json_path, e.message) for e in validator("team").iter_errors(data)]
    assert [(p, m[-len(message):]) for p, m in errors] == [(path, message)]
