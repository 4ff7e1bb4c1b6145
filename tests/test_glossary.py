"""The glossary: a lettered definition list, and hover definitions on a term's first occurrence only."""

from __future__ import annotations

from conftest import minimal_docs, page

GLOSSARY = page(
    """
    title: Glossary
    summary: The terms of the fixture handbook.
    tags: [teamwork]
    sources: [guide]
    terms:
      - term: Baseline
        aka: [baselines]
        definition: The simplest model worth comparing against.
        see: practices/pairing
        sources: [guide]
      - term: MLOps
        definition: Running models in production.
        sources: [guide]
      - term: Accuracy
        definition: The share of right answers.
        sources: [guide]
    """,
    "Words. See [the lead](roles/lead.md).",
)

BODY = """### A baseline heading

Start with a baseline. Baselines beat guesses, and a baseline is cheap.
Read about [a baseline](../roles/lead.md) or `baseline` in code.

Accuracy matters; accuracy is not everything. MLOps runs it; mlops in lower case is not the term.
"""


def built_site(build_site):
    docs = minimal_docs()
    docs["glossary.md"] = GLOSSARY
    docs["practices/pairing.md"] = docs["practices/pairing.md"].replace("Pair up.", BODY)
    return build_site(docs)


def test_only_the_first_occurrence_gets_a_definition(build_site):
    body = built_site(build_site).html("practices/pairing/").select_one("article")
    marked = [(a.get_text(), a["title"], a.get("tabindex")) for a in body.select("abbr")]
    assert marked == [
        ("baseline", "The simplest model worth comparing against.", "0"),
        ("Accuracy", "The share of right answers.", "0"),
        ("MLOps", "Running models in production.", "0"),
    ]


def test_never_in_headings_links_or_code(build_site):
    body = built_site(build_site).html("practices/pairing/").select_one("article")
    assert body.select("h1 abbr, h2 abbr, h3 abbr, a abbr, code abbr") == []


def test_the_glossary_is_a_definition_list_by_letter_with_a_jump_bar(build_site):
    glossary = built_site(build_site).html("glossary/").select_one("article")
    assert [a["href"] for a in glossary.select("nav.hb-az a")] == ["#letter-a", "#letter-b", "#letter-m"]
    letters = [h.get("id") for h in glossary.select("h2[id^=letter-]")]
    assert letters == ["letter-a", "letter-b", "letter-m"]
    terms = [dt.get_text(strip=True) for dt in glossary.select("dl.hb-glossary > dt")]
    assert terms == ["Accuracy", "Baseline", "MLOps"]
    baseline = glossary.find("dt", id="baseline").find_next_sibling("dd")
    assert "Also written: baselines." in baseline.get_text(" ", strip=True)
    assert baseline.a["href"] == "../practices/pairing/"
    # The glossary's own definitions carry no hover definitions.
    assert glossary.select("dl abbr") == []


def test_terms_match_whole_words_longest_first_and_capitals_where_they_matter():
    from handbook.views.glossary_terms import TermIndex

    index = TermIndex.build([
        ("model", [], "m"), ("model review", ["model reviews"], "r"), ("MLOps", [], "o"), ("A/B test", ["A/B testing"], "a"),
    ])
    found = [m.group(0) for m in index.pattern.finditer(
        "A model review, two Model Reviews, a modeller, a model-review, mlops and MLOps, an A/B testing plan, a model."
    )]
    # Longest spelling first; a shorter one when the longer is cut by a word boundary; never part of a word.
    assert found == ["model review", "Model Reviews", "MLOps", "A/B testing", "model"]
