"""Scaffolds: `python -m handbook new TYPE "Title"` writes a valid page of any type, or refuses clearly."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from typing import Annotated, Literal

import pytest
from pydantic import Field

from conftest import ROOT, register_type
from handbook.content import model
from handbook.content.catalog import read_folder
from handbook.content.frontmatter import decode, split
from handbook.content.types import Anatomy, PageType, headings_for, page_type, page_types
from handbook.content.urls import page_id
from handbook.rules import load_catalog, load_folder
from handbook.tools.cli import main
from handbook.tools.scaffold import kinds, new_page

# No earlier than the latest `reviewed` date of the real pages, which the project fixture copies.
TODAY = date(2026, 12, 4)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the real handbook's docs and mkdocs.yml, with today fixed."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY.isoformat())
    return tmp_path


def headings(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("kind", list(kinds()))
def test_a_scaffold_of_every_type_is_valid_beside_the_real_pages(project, kind):
    written = new_page(project / "docs", kind, "Weekly demo", TODAY)
    folder = kinds()[kind][0]
    assert written.src_uri == (f"{folder}/weekly-demo.md" if folder else "weekly-demo.md")
    pages, tags = read_folder(project / "docs")
    catalog = load_catalog(pages, tags, today=TODAY)
    entry = catalog.get(written.src_uri)
    assert entry.type == kind
    assert entry.title == "Weekly demo"
    assert entry.meta.reviewed == TODAY
    assert headings(written.path.read_text(encoding="utf-8")) == list(headings_for(kind))
    # Every required field of the model is written out, in the model's order.
    doc, _ = split(decode(written.path.read_bytes(), "x")[0], "x")
    required = [name for name, info in kinds()[kind][1].model_fields.items() if info.is_required()]
    assert list(doc.data) == required


def test_a_ritual_scaffold_has_one_accountable_role_and_existing_ids(project):
    text = new_page(project / "docs", "ritual", "Weekly demo", TODAY).path.read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert "roles:  # one of: responsible, accountable, consulted, informed\n  ai-product-manager: accountable\n" in front
    assert "owner: ai-product-manager\n" in front
    assert "sources: [bridging-research-and-product]\n" in front
    assert "duration_minutes: 1  # a whole number from 1 to 480\n" in front


def test_the_command_writes_the_page_in_its_folder(project, capsys):
    assert main(["--config", str(project / "mkdocs.yml"), "new", "ritual", "Weekly demo"]) == 0
    assert (project / "docs" / "rituals" / "weekly-demo.md").is_file()
    assert capsys.readouterr().out.startswith("Wrote docs/rituals/weekly-demo.md: ")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["wizard", "Weekly demo"], "new: unknown page type 'wizard': known types are role, ritual, practice, template, exercise, decision-guide, story, report, myth, source, page\n"),
        (["ritual", "Daily stand-up"], "new: docs/rituals/daily-stand-up.md already exists: edit that page, or choose another title\n"),
        (["page", "Review due"], "new: docs/review-due.md would take the address /review-due/, where the build generates a page: choose another title\n"),
        (["practice", "Demo day"], "new: docs/practices/demo-day.md was not written:\ndocs/rituals/demo-day.md:2: title: 'Demo day' is already the title of docs/practices/demo-day.md\n"),
        (["practice", "Hi"], "new: docs/practices/hi.md was not written:\ndocs/practices/hi.md:2: title: String should have at least 3 characters\n"),
        (["practice", "???"], "new: '???' gives no id: use a title with letters or digits, such as 'Weekly demo'\n"),
    ],
)
def test_refusals_exit_2_with_a_clear_message(project, capsys, arguments, message):
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    assert main(["--config", str(project / "mkdocs.yml"), "new", *arguments]) == 2
    assert capsys.readouterr().err == message
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before


def test_the_module_runs_as_a_command(project):
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "new", "myth", "Models never drift"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "myths" / "models-never-drift.md").is_file()
    load_folder(project / "docs", today=TODAY)


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Weekly demo", "weekly-demo"), ("Café: the why?", "cafe-the-why"), ("  PM & DS sync ", "pm-ds-sync"), ("GPT-4 vs. cost", "gpt-4-vs-cost")],
)
def test_the_id_comes_from_the_title(title, expected):
    assert page_id(title) == expected


def test_a_new_page_type_gets_scaffolds_without_changes_here(project, monkeypatch):
    class Drill(model.TypedPage):
        practices: Annotated[list[model.Slug], Field(min_length=1)]
        minutes: Annotated[int, Field(ge=5, le=90)]
        level: Literal["starter", "advanced"]

    register_type(monkeypatch, PageType("drill", Drill, folder="drills", singular="Drill", plural="Drills",
                                        anatomy=Anatomy(("Goal", "Steps", "Debrief"))))
    written = new_page(project / "docs", "drill", "Pair on a baseline", TODAY)
    assert written.src_uri == "drills/pair-on-a-baseline.md"
    text = written.path.read_text(encoding="utf-8")
    assert "practices: [ai-strategy-roadmap]\nminutes: 5  # a whole number from 5 to 90\nlevel: starter  # one of: starter, advanced\n" in text
    assert headings(text) == ["Goal", "Steps", "Debrief"]
    pages, tags = read_folder(project / "docs")
    assert load_catalog(pages, tags, today=TODAY).get(written.src_uri).type == "drill"


def test_nested_placeholders_are_written_one_item_a_line(project):
    text = new_page(project / "docs", "decision-guide", "Weekly demo", TODAY).path.read_text(encoding="utf-8")
    assert (
        "questions:\n"
        "  - id: first-question\n"
        "    ask: Replace with the first question the reader answers?\n"
        "    choices:\n"
        '      - {label: "Yes", go: second-question}\n'
        '      - {label: "No", go: first-answer}\n'
    ) in text
    assert "    see: [practices/ai-strategy-roadmap]\n" in text


@pytest.mark.parametrize("kind", [t.name for t in page_types() if t.example.fields or t.example.sections])
def test_examples_name_only_required_fields_and_anatomy_headings(kind):
    example, fields = page_type(kind).example, kinds()[kind][1].model_fields
    assert [name for name in example.fields if name not in fields or not fields[name].is_required()] == []
    assert [heading for heading in example.sections if heading not in headings_for(kind)] == []
