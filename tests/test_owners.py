"""Owner claims: who owns, runs or decides is cited from a source or labelled as the handbook's proposal."""

from __future__ import annotations

from conftest import anatomy_body, minimal_docs, write_docs
from handbook.rules import load_folder
from handbook.tools.cli import main
from handbook.tools.owners import unlabelled_owners


def owners_of(tmp_path, body: str, front: str = "", who: str = "Text.") -> list[str]:
    files = minimal_docs()
    head = files["practices/pairing.md"].split("\n---\n", 1)[0] + front
    text = anatomy_body("practice", body).replace("## Who does what\n\nText.", f"## Who does what\n\n{who}")
    files["practices/pairing.md"] = head + "\n---\n\n" + text + "\n\n[^a]: [The guide](../sources/guide.md).\n"
    catalog = load_folder(write_docs(tmp_path, files))
    return [str(p) for p in unlabelled_owners(catalog) if p.path == "docs/practices/pairing.md"]


def test_an_owner_stated_as_fact_is_found_at_its_line(tmp_path):
    found = owners_of(tmp_path, "Pair up.\n\n- The [scientist](../roles/scientist.md) owns the rota.", "\nsuggested: [roles]")
    assert len(found) == 1
    assert found[0].endswith("owner: '- The [scientist] owns the rota.' has no footnote and no label: "
                             "cite the source that assigns it, or say it is the handbook's proposal")
    text = (tmp_path / "docs" / "practices" / "pairing.md").read_text(encoding="utf-8").split("\n")
    assert found[0].startswith(f"docs/practices/pairing.md:{text.index('- The [scientist](../roles/scientist.md) owns the rota.') + 1}: ")


def test_a_footnote_a_label_a_labelled_section_or_a_suggestion_box_marks_it(tmp_path):
    body = (
        "Pair up.\n\n"
        "- The [scientist](../roles/scientist.md) owns the rota.[^a]\n"
        "- The handbook proposes that the lead runs the stand-up.\n\n"
        '!!! suggestion "Handbook suggestion"\n\n    The lead decides who pairs.\n'
    )
    assert owners_of(tmp_path, body, "\nsuggested: [roles]") == []
    labelled = "This split is the handbook's proposal.\n\n- The scientist owns the rota.\n- The lead makes the call."
    assert owners_of(tmp_path, "Pair up.", "\nsuggested: [roles]", who=labelled) == []
    # A label covers its own section only.
    unlabelled = "- The scientist owns the rota."
    assert len(owners_of(tmp_path, "This is the handbook's proposal.", "\nsuggested: [roles]", who=unlabelled)) == 1


def test_a_word_like_their_own_is_not_a_claim(tmp_path):
    assert owners_of(tmp_path, "Pair up. Scientists keep their own notes and engineers run their own tests.", "\nsuggested: [roles]") == []


def test_an_owner_shown_as_sourced_needs_a_cited_claim(tmp_path):
    found = owners_of(tmp_path, "Pair up.")
    assert found == ["docs/practices/pairing.md:6: roles: 'scientist' is shown as accountable on a source's word, but no footnoted sentence "
                     "names it as owner: cite the source there, or list roles in suggested to show it as the handbook's proposal"]
    assert owners_of(tmp_path, "Pair up. The [scientist](../roles/scientist.md) owns the rota, as the guide says.[^a]") == []


def test_the_figures_command_counts_owner_claims(capsys):
    assert main(["figures"]) == 0
    assert capsys.readouterr().err.strip().endswith("unlabelled owner claims")


def test_the_matrix_and_the_indexes_star_a_proposed_owner(build_site):
    files = minimal_docs()
    files["practices/pairing.md"] = files["practices/pairing.md"].replace("owner: lead\n", "suggested: [roles]\nowner: lead\n", 1)
    built = build_site(files)
    assert built.ok, built.messages
    matrix = built.html("matrix/")
    # A proposed owner's letter carries a star; the cell's name (its aria-label, the tooltip's text) says why.
    proposed = [cell for cell in matrix.select("table.hb-matrix__table td[data-level]") if cell.get_text(strip=True).endswith("*")]
    assert [cell.find_parent("tr").th.get_text(strip=True) for cell in proposed] == ["Pairing"]
    assert proposed[0]["aria-label"] == "Scientist is accountable for Pairing (the handbook's proposal: no source assigns it)"
    assert "the handbook's proposal for who is accountable" in matrix.select_one(".hb-matrix-legend").get_text()
    index = built.html("practices/")
    row = next(tr for tr in index.select("table tr") if tr.find("a", string="Pairing"))
    assert row.find_all("td")[1].get_text(" ", strip=True) == "Scientist (proposed)"
    assert "An owner marked (proposed) is the handbook's proposal" in index.select_one("article").get_text(" ", strip=True)
    rituals = built.html("rituals/")
    assert "(proposed)" not in rituals.select_one("article").get_text()
