"""`make check`: every page and link validated without a build, with the build's messages and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import FIXTURE_TODAY, ROOT, fixture_config, minimal_docs, write_docs
from handbook.tools.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    def make(files: dict[str, str]):
        write_docs(tmp_path, files)
        fixture_config(tmp_path)
        return tmp_path

    monkeypatch.setenv("HANDBOOK_TODAY", FIXTURE_TODAY)
    return make


def run_check(root, capsys) -> tuple[int, list[str], str]:
    code = main(["--config", str(root / "mkdocs.yml"), "check"])
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err


def test_a_valid_handbook_passes_with_a_one_line_summary(project, capsys):
    code, lines, err = run_check(project(minimal_docs()), capsys)
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith("OK: 10 pages and 3 links checked in ")
    assert err == ""


def bad_docs() -> dict[str, str]:
    docs = minimal_docs()
    docs["rituals/stand-up.md"] = docs["rituals/stand-up.md"].replace("cadence: daily", "cadence: hourly").replace("owner: lead", "owner: leed")
    docs["myths/magic.md"] = docs["myths/magic.md"].replace("reviewed: 2026-11-23", "reviewed: 2027-01-01")
    return docs


def test_bad_pages_print_the_builds_lines_and_exit_1(project, capsys, build_site):
    code, lines, err = run_check(project(bad_docs()), capsys)
    assert code == 1
    assert lines == [
        "docs/myths/magic.md:10: reviewed: 2027-01-01 is in the future: give the day of the last review, today (2026-11-23) at the latest",
        "docs/rituals/stand-up.md:6: cadence: Input should be 'daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'per-sprint', 'per-release' or 'as-needed'",
    ]
    assert err.startswith("check: 2 problems in docs/ (")
    # The same lines as the strict build. (The unknown owner shows once the cadence is fixed, in both.)
    assert build_site(bad_docs()).errors() == lines


def test_link_problems_are_found_without_a_build(project, capsys, build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace(
        "Pair up.",
        "Pair up with [the lead](../roles/lead.md#no-such-section), see [missing](../roles/wizard.md)\n"
        "and [the folder](../rituals/), [absolute](/roles/lead/), [a picture](../img/none.png).\n\n"
        "Fine: [sources](../rituals/stand-up.md#sources), [a tag](../tags/teamwork.md), [web](https://example.com), "
        "[below](#linked-from), [the matrix](../matrix.md), [here](#pairing).\n\n"
        "```\n[not a link](nowhere.md)\n```\n\n`[code](nowhere.md)` and [bad anchor](#nowhere).\n",
    )
    code, lines, _ = run_check(project(docs), capsys)
    assert code == 1
    assert lines == [
        "docs/practices/pairing.md:15: link: '../roles/lead.md#no-such-section': docs/roles/lead.md has no heading with the anchor '#no-such-section'",
        "docs/practices/pairing.md:15: link: '../roles/wizard.md': no page docs/roles/wizard.md",
        "docs/practices/pairing.md:16: link: '../img/none.png': no file docs/img/none.png",
        "docs/practices/pairing.md:16: link: '../rituals/' is not a link to a file: link ../rituals/index.md instead",
        "docs/practices/pairing.md:16: link: '/roles/lead/' is an absolute link: link the page's file relatively, e.g. ../roles/lead.md",
        # The title is not a heading of the page's Markdown, so it has no anchor: the build agrees.
        "docs/practices/pairing.md:18: link: '#pairing': no heading with the anchor '#pairing' on this page",
        "docs/practices/pairing.md:24: link: '#nowhere': no heading with the anchor '#nowhere' on this page",
    ]
    # The strict build finds the same seven links, in its own words.
    built = build_site(docs)
    assert not built.ok
    assert sorted(m.split("contains ")[1].split("'")[1] for m in built.messages if m.startswith("Doc file")) == sorted(
        line.split("link: '")[1].split("'")[0] for line in lines
    )


def test_the_module_exits_1_on_a_problem_and_0_on_the_real_handbook(project):
    root = project(bad_docs())
    failed = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=root, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert failed.stdout.splitlines()[0].startswith("docs/myths/magic.md:10: reviewed: ")
    started = time.perf_counter()
    # The real pages are checked as of a day no earlier than their latest review.
    real = {**os.environ, "HANDBOOK_TODAY": "2026-12-04"}
    passed = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=ROOT, capture_output=True, text=True, check=False, env=real)
    elapsed = time.perf_counter() - started
    assert passed.returncode == 0, passed.stdout
    assert passed.stdout.startswith("OK: ")
    print(f"\npython -m handbook check on the real handbook: {elapsed:.2f} s wall ({passed.stdout.strip()})")


def test_a_bad_setting_exits_2(project, capsys, monkeypatch):
    root = project(minimal_docs())
    monkeypatch.setenv("HANDBOOK_TODAY", "23/11/2026")
    assert main(["--config", str(root / "mkdocs.yml"), "check"]) == 2
    assert capsys.readouterr().err == "check: HANDBOOK_TODAY='23/11/2026' is not a date: set it as YYYY-MM-DD, such as 2026-11-23, or unset it\n"


def test_anchors_of_generated_html_count_for_the_check_and_the_build(project, capsys, build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].rstrip() + (
        "\n\nSee [who links here](#linked-from), [the lead's rituals](../roles/lead.md#rituals-you-attend)"
        " and [the practices table](../matrix.md#practices-by-role).\n"
    )
    code, lines, _ = run_check(project(docs), capsys)
    assert code == 0, lines
    docs["practices/pairing.md"] += "\nAnd [nowhere](../matrix.md#no-such-table).\n"
    code, lines, _ = run_check(project(docs), capsys)
    assert code == 1 and "docs/matrix.md has no heading with the anchor '#no-such-table'" in "\n".join(lines)
    assert build_site(docs).messages == [
        "Doc file 'practices/pairing.md' contains a link '../matrix.md#no-such-table', but the doc 'matrix.md' does not contain an anchor '#no-such-table'."
    ]
