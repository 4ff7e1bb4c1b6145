"""The registry of page types: each type declared once, completely, and read by every stage."""

from __future__ import annotations

import pytest

from conftest import minimal_docs, page, register_type
from handbook.content import types
from handbook.content.model import Page, WithRoles
from handbook.content.types import BOOK_PARTS, Anatomy, Index, PageType, page_type, page_types
from handbook.pages.render import TEMPLATES

CELLS = (TEMPLATES / "type_index.md.j2").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", [t.name for t in page_types()])
def test_every_type_declares_everything(kind):
    t = page_type(kind)
    assert issubclass(t.model, Page)
    assert t.singular and t.plural and t.card_label
    assert t.book in BOOK_PARTS
    assert "owner" in t.role_fields
    if t.folder:
        # A folder of pages: headings, an index with known columns, a box or a reason for none.
        assert t.anatomy.headings, f"{kind}: no anatomy"
        assert t.index is not None and t.index.summary.endswith(".") and t.nav
        assert [c for _, c in t.index.columns if f'column == "{c}"' not in CELLS] == []
        assert t.box is None or (TEMPLATES / t.box).is_file()
    if issubclass(t.model, WithRoles):
        assert "roles" in t.role_fields and t.box is not None


def test_names_folders_and_files_are_unique():
    names = [t.name for t in page_types()]
    folders = [t.folder for t in page_types() if t.folder]
    files = [t.file for t in page_types() if t.file]
    assert len(set(names)) == len(names) and len(set(folders)) == len(folders) and len(set(files)) == len(files)
    assert len([t for t in page_types() if not t.folder and not t.file]) == 1


def test_the_card_label_comes_from_the_registry():
    # Decision guides were labelled "Handbook": the cards' own table used the key "decision".
    assert page_type("decision-guide").card_label == "Decision guide"
    assert page_type("glossary").card_label == "Reference" and page_type("page").card_label == "Handbook"


def test_role_fields_are_found_by_their_type():
    assert page_type("story").role_fields == ("owner", "parties", "involved")
    assert page_type("exercise").role_fields == ("owner", "roles", "parts")
    assert page_type("myth").role_fields == ("owner", "concerns")


def test_a_new_role_field_is_checked_with_no_other_change(build_site, monkeypatch):
    from handbook.content.fields import RoleId

    class Pairing(WithRoles):
        coach: RoleId
        """The role that coaches the pair."""

    register_type(monkeypatch, PageType("pairing", Pairing, folder="pairings", singular="Pairing", plural="Pairings",
                                        book="Practices", box="involved_box.html.j2", anatomy=Anatomy(("Why",)),
                                        index=Index("Pairings.", (("Pairing", "title"),))))
    docs = minimal_docs()
    docs["pairings/swap.md"] = page(
        "title: Swap\nsummary: Two people swap seats for a day.\ntags: [teamwork]\nsources: [guide]\ncoach: wizard\nroles:\n  lead: accountable",
        "## Why\n\nTo learn.",
    )
    built = build_site(docs)
    assert "docs/pairings/swap.md:6: coach: unknown role 'wizard': role ids are the file names in docs/roles/" in built.messages
    docs["pairings/swap.md"] = docs["pairings/swap.md"].replace("coach: wizard", "coach: scientist")
    built = build_site(docs, name="fixed")
    assert built.ok, built.messages
    # The new type has its index page, its box and its table in the matrix, with no other change.
    assert built.html("pairings/").select_one("article table a").get_text() == "Swap"
    assert built.html("pairings/swap/").select_one(".hb-glance") is not None
    assert built.html("matrix/").select_one("#pairing-roles") is not None


def test_the_registry_is_the_one_place_a_test_extends(monkeypatch):
    extra = PageType("drill", Page, folder="drills", singular="Drill", plural="Drills", book="Practices")
    register_type(monkeypatch, extra)
    assert types.type_for("drills/x.md") is extra and types.plural("drill") == "Drills" and types.rank("drill") == len(page_types()) - 1
