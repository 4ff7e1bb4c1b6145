"""Type indexes with each type's key fields."""

from conftest import minimal_docs


def rows(built, url):
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in built.html(url).select("article tbody tr")]


def test_type_indexes(build_site):
    built = build_site(minimal_docs())
    assert rows(built, "rituals/") == [["Stand-up", "optional", "daily", "15 min", "Team lead", "A short daily meeting of the whole team."]]
    assert rows(built, "stories/") == [["A clash", "Team lead , Scientist", "The team reported that they shipped on time."]]
    assert rows(built, "myths/") == [["Magic", "Models are magic.", "Models need data."]]
    assert [r[0] for r in rows(built, "roles/")] == ["Loner", "Scientist", "Team lead"]
    assert rows(built, "sources/") == [["A guide", "practitioner's guide", "2025", "A practitioner's guide used as a fixture."]]
