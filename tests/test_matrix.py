"""The role-by-practice matrix is derived only from front matter."""

from conftest import minimal_docs


def cells(built, heading):
    table = built.html("matrix/").find("h2", id=heading).find_next("table")
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        values = [td.get_text(strip=True) for td in tr.find_all("td")]
        rows[values[0]] = dict(zip(header[1:], values[1:]))
    return header, rows


def test_matrix_rows_columns_and_cells(build_site):
    built = build_site(minimal_docs())
    header, rows = cells(built, "practices-by-role")
    assert header == ["Practice", "TL", "DS", "LO"]
    assert rows == {"Pairing": {"TL": "I", "DS": "A", "LO": ""}}
    _, rituals = cells(built, "rituals-who-attends")
    assert rituals == {"Stand-up": {"TL": "A", "DS": "R", "LO": ""}}


def test_headers_link_to_pages(build_site):
    built = build_site(minimal_docs())
    table = built.html("matrix/").find("table")
    links = [a["href"] for a in table.select("thead a")] + [a["href"] for a in table.select("tbody a")]
    assert links == ["../roles/lead/", "../roles/scientist/", "../roles/loner/", "../practices/pairing/"]


def test_changing_front_matter_changes_the_matrix(build_site):
    docs = minimal_docs()
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("lead: informed", "lead: responsible\n  loner: consulted")
    built = build_site(docs)
    _, rows = cells(built, "practices-by-role")
    assert rows == {"Pairing": {"TL": "R", "DS": "A", "LO": "C"}}


def test_matrix_has_a_legend_and_a_scroll_wrapper(build_site):
    built = build_site(minimal_docs())
    page = built.html("matrix/")
    assert "A Accountable, R Responsible, C Consulted, I Informed" in " ".join(page.select_one("article").get_text().split())
    assert len(page.select(".hb-matrix table")) == 2
