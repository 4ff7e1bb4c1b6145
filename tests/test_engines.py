"""`make engines`: what it counts in the sites the engines write, and how it reports each engine, without running an engine."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench import engines
from bench.engines import (
    Engine,
    EngineUnavailable,
    Row,
    expected_pages,
    failure_reason,
    headings,
    markdown_table,
    missing_sections,
    page_html,
    read_config,
    techdocs_config,
    warning_count,
    write_config,
)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def article(*titles: str, outside: str = "") -> str:
    """A built page as Material writes it: headings with permalinks inside <article>, navigation outside."""
    body = "".join(f'<h{level} id="h{n}">{title}<a class="headerlink" href="#h{n}">&para;</a></h{level}><p>Text.</p>'
                   for n, (level, title) in enumerate((1 if n == 0 else 2, t) for n, t in enumerate(titles)))
    return f"<html><body><nav><h2>{outside}</h2></nav><main><article class='md-content__inner'>{body}</article></main></body></html>"


# --- Which pages a build should write ---------------------------------------------------------------


@pytest.mark.parametrize(("src", "directory_urls", "html"), [
    ("index.md", True, "index.html"),
    ("roles/index.md", True, "roles/index.html"),
    ("roles/README.md", True, "roles/index.html"),
    ("roles/data-scientist.md", True, "roles/data-scientist/index.html"),
    ("roles/data-scientist.md", False, "roles/data-scientist.html"),
    ("glossary.md", True, "glossary/index.html"),
])
def test_a_page_is_the_html_file_mkdocs_writes_for_it(src: str, directory_urls: bool, html: str) -> None:
    assert page_html(src, directory_urls) == html


def test_expected_pages_leave_out_what_mkdocs_leaves_out(tmp_path: Path) -> None:
    write(tmp_path, {
        "docs/index.md": "# Home", "docs/.hidden.md": "# Hidden", "docs/drafts/wip.md": "# Draft",
        "docs/templates/charter.md": "# Charter", "docs/tags.yml": "a: b", "docs/stylesheets/x.css": "",
    })
    assert expected_pages(tmp_path, {}) == {"drafts/wip.md": "drafts/wip/index.html", "index.md": "index.html"}
    # The handbook's own setting: /templates/ back in, a folder of drafts out.
    config = {"exclude_docs": "drafts/\n!/templates/\n", "use_directory_urls": False}
    assert expected_pages(tmp_path, config) == {"index.md": "index.html", "templates/charter.md": "templates/charter.html"}


# --- Missing sections -----------------------------------------------------------------------------------


def test_headings_are_the_articles_by_text_without_permalink_signs() -> None:
    found = headings(article("Data scientist", "Your first week", "Sources", outside="Navigation"))
    assert found == {"Data scientist": 1, "Your first week": 1, "Sources": 1}


def test_missing_sections_are_the_reference_headings_an_engine_lost_per_page(tmp_path: Path) -> None:
    reference = write(tmp_path / "reference", {
        "a/index.html": article("A", "Steps", "Sources", "Sources"),
        "b/index.html": article("B", "Linked from"),
        "only-here/index.html": article("Only here", "Gone"),
    })
    other = write(tmp_path / "other", {
        "a/index.html": article("A", "Steps", "Sources", "Extra"),  # one "Sources" of two, and a heading the reference lacks
        "b/index.html": article("B", "Linked from"),
    })
    pages = ["a/index.html", "b/index.html", "only-here/index.html"]
    # A page the engine did not write counts under pages built, not here.
    assert missing_sections(reference, other, pages) == {"a/index.html": ["Sources"]}


# --- An engine's log ----------------------------------------------------------------------------------------


ZENSICAL_CRASH = """\
Build started
No issues found
Traceback (most recent call last):
  File "/x/bin/zensical", line 8, in <module>
    sys.exit(cli())
  File "/x/zensical/main.py", line 81, in execute_build
    build(os.path.abspath(config_file), kwargs)
RuntimeError: too many arguments (in main.html:30)
"""

MKDOCS_CONFIG_ERROR = """\
INFO    -  Cleaning site directory
ERROR   -  Config value 'plugins': The "techdocs-core" plugin is not installed

Aborted with 1 configuration errors!
"""


@pytest.mark.parametrize(("log", "reason"), [
    (ZENSICAL_CRASH, "RuntimeError: too many arguments (in main.html:30)"),
    (MKDOCS_CONFIG_ERROR, "ERROR   -  Config value 'plugins': The \"techdocs-core\" plugin is not installed"),
    ("Collecting zensical==9.9\nERROR: Could not find a version that satisfies the requirement zensical==9.9\n"
     "ERROR: No matching distribution found for zensical==9.9\n", "ERROR: No matching distribution found for zensical==9.9"),
    ("\x1b[31mSegmentation fault\x1b[0m\n", "Segmentation fault"),
    ("", "no output"),
])
def test_a_failure_is_one_line_the_last_error_of_the_log(log: str, reason: str) -> None:
    assert failure_reason(log) == reason


def test_warnings_are_counted_in_each_engines_wording() -> None:
    log = (
        "INFO    -  Building documentation...\n"
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found.\n"
        "\x1b[33mWarning:\x1b[0m page does not exist\n"
        "INFO    -  A page mentions the WARNING word in passing\n"
    )
    assert warning_count(log) == 2


# --- The rows ---------------------------------------------------------------------------------------------


def test_rows_print_as_lines_and_as_one_markdown_table() -> None:
    reference = Row("ProperDocs", pages=155, expected=155, dead_links=7, missing={}, warnings=0, times=[3.2, 3.9, 3.5])
    zensical = Row("Zensical", pages=150, expected=155, dead_links=12, missing={"a/index.html": ["Sources", "Steps"], "b/index.html": ["X"]},
                   warnings=14, times=[6.3])
    failed = Row("TechDocs", problem="build failed (exit 1): ERROR - Config value 'theme': a | b")
    assert reference.line(reference=True) == (
        "ProperDocs: 155 of 155 (100 %) pages built, 7 dead links, missing sections: reference, 0 warnings, build 3.5 s (median of 3, 3.2–3.9)"
    )
    assert zensical.line() == "Zensical: 150 of 155 (97 %) pages built, 12 dead links, missing sections: 3 on 2 pages, 14 warnings, build 6.3 s (1 run)"
    assert failed.line() == "TechDocs: build failed (exit 1): ERROR - Config value 'theme': a | b"
    assert markdown_table([reference, zensical, failed], reference="ProperDocs").splitlines() == [
        "| engine | pages built | dead links | missing sections | warnings | build time |",
        "| --- | --- | --- | --- | --- | --- |",
        "| ProperDocs | 155 of 155 (100 %) | 7 | reference | 0 | 3.5 s (median of 3, 3.2–3.9) |",
        "| Zensical | 150 of 155 (97 %) | 12 | 3 on 2 pages | 14 | 6.3 s (1 run) |",
        "| TechDocs | build failed (exit 1): ERROR - Config value 'theme': a \\| b | – | – | – | – |",
    ]


# --- mkdocs.yml as TechDocs takes it ---------------------------------------------------------------------


def test_techdocs_gets_its_plugin_and_no_hooks_and_every_other_value_as_written() -> None:
    text = textwrap.dedent("""\
        site_name: Handbook
        hooks: [hooks/content.py]
        plugins:
          - search:
              separator: '[\\s\\-]+'
        markdown_extensions:
          - pymdownx.emoji:
              emoji_generator: !!python/name:pymdownx.emoji.to_svg
        exclude_docs: |
          tags.yml
          !/templates/
        """)
    patched = read_config(write_config(techdocs_config(read_config(text))))
    assert "hooks" not in patched
    assert patched["plugins"] == [{"search": {"separator": "[\\s\\-]+"}}, "techdocs-core"]
    assert patched["exclude_docs"] == "tags.yml\n!/templates/\n"
    assert "!!python/name:pymdownx.emoji.to_svg" in write_config(patched)
    # Listed already: not twice.
    assert techdocs_config({"plugins": ["techdocs-core"]})["plugins"] == ["techdocs-core"]
    assert techdocs_config({})["plugins"] == ["techdocs-core"]


# --- Engines that cannot be installed or fail ------------------------------------------------------------


FAKE = Engine("fake", "Fake engine", ("fake-engine==1.0",), lambda bin_, site: [])


def test_an_engine_that_cannot_be_installed_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pins").mkdir()
    (tmp_path / "pins" / "fake.txt").write_text("fake-engine==1.0\n", encoding="utf-8")
    calls = []

    def run(command: list[str], **_: object) -> subprocess.CompletedProcess:
        calls.append(command)
        failed = command[1:3] == ["-m", "pip"]
        return subprocess.CompletedProcess(command, 1 if failed else 0, "", "ERROR: No matching distribution found for fake-engine==1.0\n" if failed else "")

    monkeypatch.setattr(engines.subprocess, "run", run)
    with pytest.raises(EngineUnavailable, match=r"^not installed: ERROR: No matching distribution found for fake-engine==1\.0$"):
        engines.environment(FAKE, tmp_path / "cache", tmp_path / "pins")
    assert [c[1:3] for c in calls] == [["-m", "venv"], ["-m", "pip"]]
    # Installed once with these pins: not again.
    venv = tmp_path / "cache" / "fake" / "venv"
    venv.mkdir(parents=True, exist_ok=True)
    (venv / ".installed-with").write_text("fake-engine==1.0\n", encoding="utf-8")
    calls.clear()
    assert engines.environment(FAKE, tmp_path / "cache", tmp_path / "pins") == venv / "bin"
    assert calls == []


SITE_WRITER = """\
import pathlib, sys
site = pathlib.Path(sys.argv[1])
for page, title in (("index.html", "Home"), ("a/index.html", "A")):
    (site / page).parent.mkdir(parents=True, exist_ok=True)
    (site / page).write_text(f"<article><h1>{title}</h1><a href='../missing/'>x</a></article>")
print("WARNING -  one warning")
"""


def test_an_engine_is_measured_on_fresh_copies_of_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = write(tmp_path / "out", {"mkdocs.yml": "site_name: X\nhooks: [h.py]\n", "docs/index.md": "# Home", "docs/a.md": "# A", "docs/b.md": "# B"})
    script = write(tmp_path, {"writer.py": SITE_WRITER}) / "writer.py"
    seen = []

    def prepare(config: dict) -> dict:
        seen.append(config)
        return {**config, "site_name": "Prepared"}

    engine = Engine("fake", "Fake engine", (), lambda bin_, site: [sys.executable, str(script), str(site)], prepare=prepare)
    monkeypatch.setattr(engines, "environment", lambda engine, cache: tmp_path / "bin")
    reference = write(tmp_path / "reference", {"index.html": article("Home", "Sources"), "a/index.html": article("A")})
    row, site = engines.measure(engine, out, 2, reference, cache=tmp_path / "cache")
    assert (row.pages, row.expected, row.warnings, len(row.times)) == (2, 3, 1, 2)
    assert row.dead_links == 2  # each page's link to ../missing/
    assert row.missing == {"index.html": ["Sources"]}
    assert site == tmp_path / "cache" / "fake" / "work" / "site"
    assert "site_name: Prepared" in (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert (out / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: X\nhooks: [h.py]\n"  # OUT itself untouched
    details = (tmp_path / "cache" / "fake" / "details.txt").read_text(encoding="utf-8")
    assert "b.md -> b/index.html" in details


def test_a_crashing_build_is_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = write(tmp_path / "out", {"mkdocs.yml": "site_name: X\n", "docs/index.md": "# Home"})
    crash = [sys.executable, "-c", "raise RuntimeError('too many arguments (in main.html:30)')"]
    engine = Engine("fake", "Fake engine", (), lambda bin_, site: crash)
    monkeypatch.setattr(engines, "environment", lambda engine, cache: tmp_path / "bin")
    row, site = engines.measure(engine, out, 3, None, cache=tmp_path / "cache")
    assert site is None
    assert row.problem == "build failed (exit 1): RuntimeError: too many arguments (in main.html:30)"


def test_an_unexpected_error_is_a_row_never_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(engines, "site_source", lambda given: (tmp_path, "OUT: somewhere"))

    def measure(engine: Engine, *_: object, **__: object) -> tuple[Row, Path | None]:
        if engine.name == "zensical":
            raise KeyError("site_dir")
        return Row(engine.label, pages=1, expected=1, missing={}, times=[1.0]), tmp_path

    monkeypatch.setattr(engines, "measure", measure)
    assert engines.main(["--runs", "1"]) == 0
    printed = capsys.readouterr().out
    assert "Zensical 0.0.73: failed: KeyError: 'site_dir'" in printed
    assert "Traceback" not in printed
    assert "| Zensical 0.0.73 | failed: KeyError: 'site_dir' | – | – | – | – |" in printed
