"""Hostile input, tried as a careless or malicious contributor would: `make check` and the build say the same, in one line each.

Each test names the defect it holds: an address taken twice, a name too long
for a file system, markup where text belongs, a link that reaches the builder's
disk, a symlink, YAML that would crash the parser, two builds at once, and a
title that a shell would run.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURE_TODAY, ROOT, fixture_config, minimal_docs, page, write_docs
from handbook.content.settings import Freshness
from handbook.tools.check import check_folder

RITUAL = minimal_docs()["rituals/stand-up.md"]


def both(build_site, files: dict[str, str | bytes]) -> tuple[list[str], list[str], bool]:
    """(what `make check` says, what the build says, whether the build succeeded) for the same docs."""
    built = build_site(files)
    report = check_folder(built.site.parent / "docs", Freshness(date.fromisoformat(FIXTURE_TODAY)))
    return [str(p) for p in report.problems], built.errors(), built.ok


def with_alias(alias: str) -> dict[str, str | bytes]:
    files = minimal_docs()
    files["rituals/stand-up.md"] = RITUAL.replace("cadence: daily", f"cadence: daily\naliases: ['{alias}']")
    return files


@pytest.mark.parametrize(
    ("alias", "owner"),
    [
        ("/index/", "docs/index.md"),
        ("/roles/lead/index/", "docs/roles/lead.md"),
        ("/matrix/", "the generated page 'Responsibility matrix'"),
        ("/tags/teamwork/", "the generated page 'Tag: Teamwork'"),
        ("/rituals/", "the generated page 'Rituals'"),
    ],
)
def test_an_alias_cannot_take_the_address_of_any_page(build_site, alias, owner):
    # Defect 1: the home page, a role page and generated pages became redirects.
    check, build, ok = both(build_site, with_alias(alias))
    line = f"docs/rituals/stand-up.md:7: aliases: '{alias}' is already used by {owner}"
    assert check == [line] and line in build and not ok


def test_an_overlong_alias_segment_is_an_error_not_a_traceback(build_site):
    # Defect 2: a 300-character segment crashed the redirect writer (File name too long).
    check, build, ok = both(build_site, with_alias(f"/{'a' * 300}/"))
    assert len(check) == 1 and check[0].startswith("docs/rituals/stand-up.md:7: aliases.0: a part of '/aaaa")
    assert check == build and not ok


def test_an_overlong_tag_slug_is_an_error_not_a_traceback(build_site):
    # Defect 2: a 300-character tag crashed while its social card was written.
    files = minimal_docs()
    files["tags.yml"] += f"{'t' * 300}: A tag with a very long name.\n"
    check, build, ok = both(build_site, files)
    assert check == build == ["docs/tags.yml:4: tags: 'tttttttttttttttttttt...' is 300 characters; a tag's slug has at most 80"] and not ok


def test_markup_in_a_tag_label_is_an_error(build_site):
    # Defect 3: the label was published as live HTML in the tag page's <h1> and the header.
    files = minimal_docs()
    files["tags.yml"] = files["tags.yml"].replace("rare: A tag used once.", 'rare: {label: "<img src=x onerror=alert(1)>", description: A tag used once.}')
    check, build, ok = both(build_site, files)
    assert check == build == ["docs/tags.yml:2: rare.label: must be plain text: '<' and '>' are not allowed (a label is a page title)"]


def test_llms_txt_shows_titles_and_summaries_as_text(build_site):
    # Defect 4: a title or a summary went into llms.txt as live links and HTML.
    files = minimal_docs()
    files["practices/pairing.md"] = files["practices/pairing.md"].replace(
        "title: Pairing", "title: 'Stand-up](javascript:alert(1)) [x'"
    ).replace("summary: Two people work on one problem together.", "summary: 'Pairs <img src=x onerror=alert(1)> and [x](javascript:alert(1)).'")
    built = build_site(files)
    assert built.ok, built.messages
    for name in ("llms.txt", "llms-full.txt"):
        text = (built.site / name).read_text(encoding="utf-8")
        assert not re.search(r"(?<!\\)\]\(javascript:|(?<!\\)<img", text)
        assert "Stand-up\\](javascript:alert(1)) \\[x" in text and "\\<img src=x onerror=alert(1)\\>" in text


def test_every_csv_cell_that_starts_like_a_formula_is_text(build_site):
    # Defect 5: a role titled =HYPERLINK(...) became a column heading that spreadsheets evaluate.
    files = minimal_docs()
    files["roles/loner.md"] = files["roles/loner.md"].replace("title: Loner", "title: '=HYPERLINK(\"x\")'")
    built = build_site(files)
    assert built.ok, built.messages
    rows = list(csv.reader(io.StringIO((built.site / "matrix.csv").read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert "'=HYPERLINK(\"x\")" in rows[0] and not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


@pytest.mark.parametrize(
    ("markup", "scheme"),
    [
        ('<link rel="attachment" href="file:///etc/hostname">', "file"),
        ("[notes](file:///home/me/notes.txt)", "file"),
        ("[run](javascript:alert(1))", "javascript"),
        ('<a href="JavaScript:alert(1)">x</a>', "javascript"),
        ("![pixel](data:image/png;base64,AAAA)", "data"),
        ("[ref]: data:text/html,hi", "data"),
    ],
)
def test_file_javascript_and_data_links_in_a_body_are_errors(build_site, markup, scheme):
    # Defect 6 (a file: link embedded a local file in the PDF) and 13 (javascript: and data: were published).
    files = minimal_docs()
    files["myths/magic.md"] = files["myths/magic.md"].replace("Not magic.", f"Not magic.\n\n{markup}\n")
    check, build, ok = both(build_site, files)
    assert check == build == [f"docs/myths/magic.md:15: body: a {scheme}: link is not allowed: link a page or a file under docs/ relatively, or an https:// address"]


def test_a_link_shown_as_code_is_not_refused(build_site):
    files = minimal_docs()
    files["myths/magic.md"] = files["myths/magic.md"].replace("Not magic.", "Not magic.\n\n```html\n<a href=\"javascript:x\">no</a>\n```\n")
    assert both(build_site, files)[:2] == ([], [])


def test_the_pdf_reads_only_files_of_the_built_site(tmp_path):
    # Defect 6: the PDF's fetcher embedded any file it was pointed at.
    try:
        import weasyprint.urls  # noqa: F401
    except OSError as error:  # Pango missing
        pytest.skip(f"WeasyPrint cannot load Pango: {error}")
    from handbook.output.pdf import OutsideSite, site_fetcher

    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "ok.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    fetch = site_fetcher(site).fetch
    assert fetch((site / "assets" / "ok.css").as_uri()).read() == b"p {}"
    for url in ((tmp_path / "secret.txt").as_uri(), (site / ".." / "secret.txt").as_uri(), "https://example.com/x.css"):
        with pytest.raises(OutsideSite):
            fetch(url)


def test_a_symlink_out_of_docs_is_refused_by_check_and_build(build_site, tmp_path, monkeypatch):
    # Defect 7: a symlink under docs/ that pointed outside the repository was published.
    outside = tmp_path / "outside.txt"
    outside.write_text("private", encoding="utf-8")
    files = minimal_docs()
    root = tmp_path / "site"
    docs = write_docs(root, files)
    (docs / "notes.txt").symlink_to(outside)
    (docs / "practices" / "again").symlink_to(docs)
    report = check_folder(docs, Freshness(date.fromisoformat(FIXTURE_TODAY)))
    expected = [
        "docs/notes.txt:1: file: is a symbolic link: links are not followed, so copy the file or folder into docs/ instead",
        "docs/practices/again:1: file: is a symbolic link: links are not followed, so copy the file or folder into docs/ instead",
    ]
    assert [str(p) for p in report.problems] == expected
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.exceptions import Abort

    monkeypatch.setenv("HANDBOOK_TODAY", FIXTURE_TODAY)
    with pytest.raises(Abort):
        build(load_config(str(fixture_config(root)), strict=True))
    assert not (root / "site" / "notes.txt").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("matrix.md", "docs/matrix.md:1: file: this page is generated by the build; remove the file"),
        ("roles.md", "docs/roles.md:1: file: /roles/ is generated by the build as the generated page 'Roles': remove or rename the file"),
    ],
)
def test_a_page_where_the_build_generates_one_is_refused_by_both(build_site, name, expected):
    # Defect 8: docs/matrix.md passed check and failed the build; docs/roles.md replaced /roles/ silently.
    files = minimal_docs()
    files[name] = files["notags.md"].replace("No tags here", "By hand")
    check, build, ok = both(build_site, files)
    assert check == [expected] and expected in build and not ok


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[" * 100_000, "docs/notags.md:8: front matter: YAML does not parse: values nested more than 8 levels deep: no field needs that many"),
        ("9" * 5000, "docs/notags.md:8: extra: a number of 5000 digits is too long: no field takes more than 12"),
    ],
)
def test_yaml_that_crashed_both_commands_is_one_line(build_site, value, expected):
    # Defect 9: deep nesting segfaulted `make check`; a 5,000-digit number raised a traceback in both.
    files = minimal_docs()
    files["notags.md"] = files["notags.md"].replace("reviewed: 2026-11-23", f"reviewed: 2026-11-23\nextra: {value}")
    check, build, ok = both(build_site, files)
    assert check == build == [expected] and not ok


def _draw(cache: str, target: str) -> str:
    from handbook.output.social_cards import cached_card, place

    card = cached_card(Path(cache), "Handbook", "Ritual", "Stand-up", "A short daily meeting of the whole team.")
    place(card, Path(target))
    return card.name


def test_two_builds_drawing_the_same_card_at_once_both_succeed(tmp_path):
    # Defect 10: both wrote <key>.tmp, and one failed with FileNotFoundError.
    cache = tmp_path / "cache"
    with ProcessPoolExecutor(max_workers=4) as pool:
        drawn = list(pool.map(_draw, [str(cache)] * 8, [str(tmp_path / f"site{i}" / "card.png") for i in range(8)]))
    assert len(set(drawn)) == 1 and all((tmp_path / f"site{i}" / "card.png").is_file() for i in range(8))
    assert [p.name for p in cache.iterdir() if p.suffix != ".png"] == []


def test_a_second_publish_says_that_one_is_running(tmp_path):
    # Defect 10: a second build either succeeds or says that one is running.
    import fcntl

    from handbook.output.publish import publish

    site = tmp_path / "site"
    with open(tmp_path / ".site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert publish(ROOT / "mkdocs.yml", site) == 1
    assert not site.exists()


@pytest.mark.slow
def test_a_publish_removes_what_a_killed_build_left(tmp_path, monkeypatch):
    # Defect 13: a killed build left a 23 MB .site-new-* folder until `make clean`.
    root = tmp_path / "project"
    write_docs(root, minimal_docs())
    config = fixture_config(root)
    stale = [root / ".site-new-abc123", root / ".site-old-999"]
    for folder in stale:
        (folder / "assets").mkdir(parents=True)
    monkeypatch.setenv("HANDBOOK_TODAY", FIXTURE_TODAY)
    from handbook.output.publish import publish

    assert publish(config, root / "site") == 0
    assert not any(folder.exists() for folder in stale) and (root / "site" / "index.html").is_file()


def test_make_new_takes_its_title_literally(tmp_path):
    # Defect 11: backticks and $(...) in TITLE ran in the shell, and the title lost them.
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write_docs(tmp_path, minimal_docs())
    for name in ("pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "stamp").touch()
    title = "Weekly `touch ran1` $(touch ran2) $(shell touch ran3) demo"
    run = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "new", "TYPE=page", f"TITLE={title}", f"BIN={Path(sys.executable).parent}", "STAMP=stamp"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "HANDBOOK_TODAY": FIXTURE_TODAY}, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert not [name for name in ("ran1", "ran2", "ran3") if (tmp_path / name).exists()]
    written = next((tmp_path / "docs").glob("weekly-*.md")).read_text(encoding="utf-8")
    assert 'title: "Weekly `touch ran1` $(touch ran2) $(shell touch ran3) demo"' in written


def test_a_new_general_page_is_listed_in_the_navigation_and_check_agrees(build_site, tmp_path):
    # Defect 12: `make new TYPE=page` wrote a page the build refused (not in .nav.yml) while check said OK.
    from handbook.tools.nav import add_to_nav

    files = minimal_docs()
    files[".nav.yml"] = "nav:\n  - Getting started:\n      - index.md\n      - notags.md\n  - roles\n  - rituals\n  - practices\n  - stories\n  - myths\n  - sources\n"
    files["extra.md"] = files["notags.md"].replace("No tags here", "An extra page")
    docs = write_docs(tmp_path / "p", files)
    check = [str(p) for p in check_folder(docs, Freshness(date.fromisoformat(FIXTURE_TODAY))).problems]
    assert check == ["docs/extra.md:1: file: is not in the navigation: list it in docs/.nav.yml under a part, e.g. '- extra.md' under 'Getting started'"]
    assert add_to_nav(docs / ".nav.yml", "extra.md")
    assert check_folder(docs, Freshness(date.fromisoformat(FIXTURE_TODAY))).problems == []
    assert "      - notags.md\n      - extra.md\n  - roles" in (docs / ".nav.yml").read_text(encoding="utf-8")


def test_a_bad_byte_in_the_tag_list_is_reported_at_its_line(build_site):
    # Defect 13: it was reported at line 1.
    files = minimal_docs()
    files["tags.yml"] = files["tags.yml"].encode() + b"broken: A bad \xff byte.\n"
    check, build, _ = both(build_site, files)
    assert check == build == ["docs/tags.yml:4: file: byte 93 is not UTF-8: save the file as UTF-8"]


@pytest.mark.parametrize("character", ["\x00", "\x1b"])
def test_nul_and_esc_in_a_title_are_errors(build_site, character):
    # Defect 13: NUL and ESC were published in 49 HTML files and in llms.txt.
    files = minimal_docs()
    files["practices/pairing.md"] = files["practices/pairing.md"].replace("title: Pairing", f"title: Pair{character}ing")
    check, build, _ = both(build_site, files)
    assert check == build == [f"docs/practices/pairing.md:2: file: control character U+{ord(character):04X} at column 12: remove it"]


def test_a_page_with_the_same_title_twice_is_still_one_line(build_site):
    # A sibling of defect 8: two hand-written pages at one address.
    files = minimal_docs()
    files["rituals/stand-up/index.md"] = page("title: x")
    check, build, ok = both(build_site, files)
    assert check == build and not ok and check[0].startswith("docs/rituals/stand-up/index.md:1: file: pages live in docs/ itself")


def test_a_control_character_written_as_a_yaml_escape_is_an_error(build_site):
    # A sibling of defect 13: "\e" in a double-quoted title is an ESC the raw text never held.
    files = minimal_docs()
    files["practices/pairing.md"] = files["practices/pairing.md"].replace("title: Pairing", 'title: "Pair\\eing"')
    check, build, _ = both(build_site, files)
    assert check == build == ["docs/practices/pairing.md:2: title: control character U+001B (a YAML escape): remove it"]
