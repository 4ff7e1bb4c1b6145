"""Unmarked figures: a duration, count or percentage needs a footnote or a suggestion box (`python -m handbook figures`)."""

from __future__ import annotations

from conftest import anatomy_body, minimal_docs, write_docs
from handbook.rules import load_folder
from handbook.tools.cli import main
from handbook.tools.figures import unmarked_figures


def figures_of(tmp_path, body: str) -> list[str]:
    files = minimal_docs()
    front = files["practices/pairing.md"].split("\n---\n", 1)[0]
    files["practices/pairing.md"] = front + "\n---\n\n" + anatomy_body("practice", body) + "\n"
    return [str(p) for p in unmarked_figures(load_folder(write_docs(tmp_path, files)))]


def test_an_unmarked_figure_is_found_at_its_line(tmp_path):
    found = figures_of(tmp_path, "Pair up.\n\nHold it for twenty-five minutes, and 60% of pairs finish.")
    assert [line.split(": figure: ")[1].split(" has")[0] for line in found] == ["'twenty-five minutes'", "'60%'"]
    text = (tmp_path / "docs" / "practices" / "pairing.md").read_text(encoding="utf-8").split("\n")
    line = next(n for n, row in enumerate(text, 1) if "twenty-five" in row)
    assert found[0].startswith(f"docs/practices/pairing.md:{line}: figure:")


def test_a_footnote_a_suggestion_box_or_code_marks_it(tmp_path):
    body = (
        "Pairs finished 60% sooner.[^a]\n\n"
        '!!! suggestion "Handbook suggestion"\n\n    Hold it for 30 minutes.\n\n'
        "The handbook suggests 45 minutes.\n\n"
        "```text\nwait 10 minutes\n```\n\n"
        "[^a]: [The guide](../sources/guide.md)."
    )
    assert figures_of(tmp_path, body) == []


def test_the_command_lists_them(capsys):
    assert main(["figures"]) == 0
    assert "unmarked figure" in capsys.readouterr().err
