"""The real handbook builds strictly, twice identically, and keeps its content rules."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, Built, fixture_config, minimal_docs
from handbook.rules import load_folder

SHARED = ROOT.parent / "shared"


def real_catalog():
    return load_folder(ROOT / "docs")


def test_the_real_handbook_builds_strictly_with_no_warnings(real_site):
    assert real_site.ok, real_site.messages
    assert real_site.messages == []


def test_minimums_of_the_content():
    catalog = real_catalog()
    counts = {kind: len(catalog.of_type(kind)) for kind in ("role", "ritual", "practice", "story", "report", "myth", "source")}
    assert counts["role"] >= 9 and counts["ritual"] >= 14 and counts["practice"] >= 20
    assert counts["story"] + counts["report"] >= 12 and counts["myth"] >= 8 and counts["source"] == 5
    glossary = catalog.get("glossary.md")
    assert len(glossary.meta.terms) >= 30


def test_every_typed_page_links_to_three_others_and_none_is_an_orphan():
    catalog = real_catalog()
    typed = [e for e in catalog.entries.values() if e.type not in ("home",)]
    few = [e.src_uri for e in typed if len(e.links) < 3]
    assert few == []
    linked = {target for e in catalog.entries.values() for target in e.links}
    orphans = [e.src_uri for e in typed if e.src_uri not in linked]
    assert orphans == []


def test_every_page_has_a_meta_description(real_site):
    missing = []
    for path in real_site.site.rglob("index.html"):
        meta = Built(real_site.site, [], True).html(str(path.relative_to(real_site.site)))
        if meta.find("meta", attrs={"http-equiv": "refresh"}) is not None:
            continue  # a moved page's old address: a redirect, not a page
        tag = meta.find("meta", attrs={"name": "description"})
        if tag is None or not tag.get("content"):
            missing.append(str(path.relative_to(real_site.site)))
    assert missing == []


def test_no_encoding_damage_and_no_names_in_pages():
    bad = ("â€", "Ã©", "ðŸ", "ï»¿", "‚Üí", "Krishna", "Walgreens")
    found = [(p.name, b) for p in (ROOT / "docs").rglob("*.md") for b in bad if b in p.read_text(encoding="utf-8")]
    assert found == []


@pytest.mark.skipif(not (SHARED / "tools" / "check-copy").exists(), reason="../shared/tools/check-copy is not beside this checkout")
def test_no_sentence_is_copied_from_a_source():
    result = subprocess.run([str(SHARED / "tools" / "check-copy"), "--docs", str(ROOT / "docs")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]


def snapshot(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def test_two_builds_in_one_process_are_identical(build_site):
    first = build_site(minimal_docs(), name="one")
    second = build_site(minimal_docs(), name="two")
    assert first.ok and second.ok
    a, b = snapshot(first.site), snapshot(second.site)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


@pytest.mark.slow
def test_publish_replaces_the_site_only_on_success(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "docs", root / "docs")
    config = fixture_config(root)
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site")
    broken = root / "docs" / "rituals" / "daily-stand-up.md"
    broken.write_text(broken.read_text().replace("cadence: daily", "cadence: hourly"))
    run = [sys.executable, "-m", "handbook.output.publish", "--config", str(config), "--site", str(site)]
    failed = subprocess.run(run, capture_output=True, text=True, check=False)
    assert failed.returncode != 0
    assert "docs/rituals/daily-stand-up.md:" in failed.stderr and "cadence" in failed.stderr
    assert (site / "index.html").read_text() == "last good site"
    assert [p.name for p in root.iterdir() if p.name.startswith(".site-")] == []
    broken.write_text(broken.read_text().replace("cadence: hourly", "cadence: daily"))
    assert subprocess.run(run, capture_output=True, text=True, check=False).returncode == 0
    assert "last good site" not in (site / "index.html").read_text()
    assert (site / "roles" / "data-scientist" / "index.html").exists()


def test_the_handbooks_scripts_are_deferred_and_load_only_where_used(real_site):
    def scripts(url: str) -> dict[str, bool]:
        found = real_site.html(url).select("script[src*='javascripts/']")
        return {tag["src"].rsplit("/", 1)[-1].split(".")[0]: tag.has_attr("defer") for tag in found}

    # Material's bundle too; the file:// search shim only in the offline bundle (tests/test_offline.py).
    assert scripts("/matrix/") == {"matrix": True, "bundle": True, "accessibility": True}
    assert scripts("/roles/data-scientist/") == {"checklist": True, "bundle": True, "accessibility": True}
    assert scripts("/practices/baseline-first/") == {"bundle": True, "accessibility": True}
