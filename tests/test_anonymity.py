"""The practitioner behind one source stays anonymous: no page outside docs/sources/ names the employer's type."""

from __future__ import annotations

import re

from conftest import ROOT

# "retail" also catches "retailer"; "pharmac" catches "pharmacy" and "pharmacist".
EMPLOYER_TYPE = re.compile(r"pharmac|retail|drugstore|chemist", re.IGNORECASE)
DOCS = ROOT / "docs"


def mentions() -> list[str]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        if page.relative_to(DOCS).parts[0] == "sources":
            continue
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{page.relative_to(ROOT).as_posix()}:{number}: {m.group(0)}" for m in EMPLOYER_TYPE.finditer(line)]
    return found


def test_the_pattern_catches_each_way_of_naming_the_employer():
    assert [m.group(0) for m in EMPLOYER_TYPE.finditer("a Pharmacy retailer, a drugstore chain, the chemist's")] == [
        "Pharmac", "retail", "drugstore", "chemist"]


def test_no_page_outside_sources_names_the_employers_type():
    assert mentions() == []
