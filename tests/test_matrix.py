"""The responsibility matrix and its CSV are derived only from front matter, one table per type with roles."""

from __future__ import annotations

import csv
import io

from conftest import minimal_docs, page, register_type
from handbook.content import model
from handbook.content.types import PageType


def table(built, heading):
    return built.html("matrix/").find("h2", id=heading).find_next("table")


def cells(built, heading):
    found = table(built, heading)
    # A column heading is its short name; its full name and each cell's sentence are hover tips.
    header = [th.find(string=True).strip() for th in found.select("thead th")]
    rows = {}
    for tr in found.select("tbody tr"):
        title = tr.find("th", scope="row").get_text(strip=True)
        # Neighbouring empty cells are one cell spanning their columns.
        letters = [letter for td in tr.find_all("td") for letter in [td.get_text(strip=True)] * int(td.get("colspan", 1))]
        rows[title] = dict(zip(header[1:], letters, strict=False))
    return header, rows


def test_matrix_rows_columns_and_cells(build_site):
    built = build_site(minimal_docs())
    header, rows = cells(built, "practices-by-role")
    assert header == ["Practices", "TL", "DS", "LO"]
    assert rows == {"Pairing": {"TL": "I", "DS": "A", "LO": ""}}
    _, rituals = cells(built, "rituals-who-attends")
    assert rituals == {"Stand-up": {"TL": "A", "DS": "R", "LO": ""}}


def test_one_table_per_type_in_type_order(build_site):
    article = build_site(minimal_docs()).html("matrix/").select_one("article")
    assert [h["id"] for h in article.find_all("h2")] == ["rituals-who-attends", "practices-by-role"]
    assert [t["aria-labelledby"] for t in article.select("table.hb-matrix__table")] == ["rituals-who-attends", "practices-by-role"]


def test_a_new_type_with_roles_gets_its_own_table(build_site, monkeypatch):
    class Drill(model.WithRoles):
        pass

    register_type(monkeypatch, PageType("drill", Drill, folder="drills", singular="Drill", plural="Drills", book="Practices"))
    docs = minimal_docs()
    docs["drills/role-swap.md"] = page(
        """
        title: Role swap
        summary: Each person spends a day in another role.
        tags: [teamwork]
        sources: [guide]
        roles:
          loner: accountable
          scientist: consulted
        """
    )
    built = build_site(docs)
    assert built.ok, built.messages
    article = built.html("matrix/").select_one("article")
    assert [h["id"] for h in article.find_all("h2")] == ["rituals-who-attends", "practices-by-role", "drill-roles"]
    _, rows = cells(built, "drill-roles")
    assert rows == {"Role swap": {"TL": "", "DS": "C", "LO": "A"}}


def test_headers_and_rows_link_to_pages(build_site):
    found = table(build_site(minimal_docs()), "practices-by-role")
    heads = found.select("thead a")
    assert [a["href"] for a in heads] == ["../roles/lead/", "../roles/scientist/", "../roles/loner/"]
    # Short headings, full names as tips (read by screen readers; shown on hover and focus without any script).
    assert [(a.find(string=True), a.select_one(".hb-tip").get_text()) for a in heads] == [
        ("TL", "Team lead"), ("DS", "Scientist"), ("LO", "Loner")]
    assert [a["href"] for a in found.select("tbody th[scope=row] a")] == ["../practices/pairing/"]


def test_changing_front_matter_changes_the_matrix(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("lead: informed", "lead: responsible\n  loner: consulted")
    built = build_site(docs)
    _, rows = cells(built, "practices-by-role")
    assert rows == {"Pairing": {"TL": "R", "DS": "A", "LO": "C"}}


def test_each_cell_explains_itself_and_can_be_focused(build_site):
    found = table(build_site(minimal_docs()), "rituals-who-attends")
    cells = found.select("tbody td[data-level]")
    # The cell is the tab stop and names itself; the sentence is no element of its own (matrix.js shows it on demand).
    assert [(td.get_text(), td["aria-label"], td["tabindex"]) for td in cells] == [
        ("A", "Team lead is accountable for Stand-up", "0"),
        ("R", "Scientist is responsible for Stand-up", "0"),
    ]
    # Neither the sentence nor the letter's badge is an element (CSS draws the badge): a cell is one element.
    assert found.select("tbody .hb-tip") == []
    assert [len(td.find_all(True)) for td in found.select("tbody td")] == [0, 0, 0]
    # No title anywhere in the tables: Material would mount a script tooltip for each of them.
    assert found.select("[title]") == []
    # A phone shows each cell as "A TL": the cell carries its role's short name.
    assert [td.get("data-short") for td in cells] == ["TL", "DS"]
    # Colour is not the only cue: the letter is there, and each level has its own badge (by its data-level).
    assert [td.get_text() for td in cells] == ["A", "R"]
    assert [td.get("data-level") for td in found.select("tbody td")] == ["accountable", "responsible", None]


def test_legend_names_levels_and_roles(build_site):
    article = build_site(minimal_docs()).html("matrix/").select_one("article")
    levels = [" ".join(dt.get_text(" ", strip=True).split()) for dt in article.select(".hb-matrix-legend dt")]
    assert levels == ["A Accountable", "R Responsible", "C Consulted", "I Informed"]
    roles = [" ".join(li.get_text(" ", strip=True).split()) for li in article.select(".hb-matrix-legend__roles li")]
    assert roles == ["TL : Team lead", "DS : Scientist", "LO : Loner"]


def test_the_matrix_downloads_as_csv(build_site):
    built = build_site(minimal_docs())
    link = built.html("matrix/").select_one("article a[download]")
    assert link["href"] == "../matrix.csv"
    raw = (built.site / "matrix.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for spreadsheets
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [
        ["Type", "Page", "URL", "Team lead", "Scientist", "Loner"],
        ["Ritual", "Stand-up", "https://handbook.example.com/rituals/stand-up/", "A", "R", ""],
        ["Practice", "Pairing", "https://handbook.example.com/practices/pairing/", "I", "A", ""],
    ]


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("title: Pairing", 'title: "=HYPERLINK(1)"')
    built = build_site(docs)
    rows = list(csv.reader(io.StringIO((built.site / "matrix.csv").read_text(encoding="utf-8-sig"))))
    assert rows[2][1] == "'=HYPERLINK(1)"


def test_the_matrix_page_is_full_width_and_without_glossary_tooltips(build_site):
    docs = minimal_docs()
    docs["glossary.md"] = page(
        """
        title: Glossary
        summary: Terms used in the fixture handbook.
        tags: [teamwork]
        sources: [guide]
        terms:
          - term: Pairing
            definition: Two people on one problem.
            sources: [guide]
        """,
        "Terms.",
    )
    docs["rituals/stand-up.md"] = docs["rituals/stand-up.md"].replace("Every morning.", "Every morning. Pairing after.")
    built = build_site(docs)
    matrix_page = built.html("matrix/")
    assert matrix_page.select("article abbr") == []
    assert matrix_page.select(".md-sidebar--secondary:not([hidden])") == []
    assert built.html("rituals/stand-up/").select("article abbr")


def test_neighbouring_empty_cells_are_one_cell_and_every_row_spans_every_role(real_site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((real_site.site / "matrix" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for found in soup.select("table.hb-matrix__table"):
        roles = len(found.select("thead th.hb-matrix__role"))
        for tr in found.select("tbody tr"):
            tds = tr.find_all("td")
            assert sum(int(td.get("colspan", 1)) for td in tds) == roles
            # No two empty cells side by side, and a spanning cell is always empty.
            empty = [not td.get("data-level") for td in tds]
            assert not any(a and b for a, b in zip(empty, empty[1:], strict=False))
            assert all(not td.get("data-level") for td in tds if td.get("colspan"))
    assert soup.select("table.hb-matrix__table td[colspan]")


def test_each_table_tells_its_row_count_for_the_height_it_is_given_before_it_is_laid_out(build_site):
    # A table out of sight is laid out only when the reader nears it; until then its height is guessed from its rows.
    article = build_site(minimal_docs()).html("matrix/").select_one("article")
    wrappers = article.select("div.hb-matrix")
    assert [w["style"] for w in wrappers] == [f"--hb-rows: {len(w.select('tbody tr'))}" for w in wrappers] != []
