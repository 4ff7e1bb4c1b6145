"""Worked examples: a template page may end with a filled-in example of its template, for one invented model."""

from __future__ import annotations

from test_validation import problems

from conftest import minimal_docs
from handbook.pages.downloads import download_uri

TEMPLATE = """---
title: Charter
summary: A working agreement for the team.
tags: [teamwork]
sources: [guide]
roles:
  lead: accountable
used_in: [practices/pairing]
owner: lead
reviewed: 2026-11-23
---

## What it is for

See [the guide](../sources/guide.md).

## When to use it

x

## How to fill it in

x

## The template

```markdown
# Charter
```
"""


def with_template(text: str) -> list[str]:
    files = dict(minimal_docs())
    files["templates/charter.md"] = text
    return problems(files)


def test_a_worked_example_may_follow_the_template_and_nowhere_else():
    assert with_template(TEMPLATE + "\n## A worked example\n\nFilled in.\n") == []
    early = TEMPLATE.replace("## The template", "## A worked example\n\nFilled in.\n\n## The template")
    found = with_template(early)
    assert len(found) == 1 and "heading '## A worked example' is out of order" in found[0]
    assert found[0].endswith("then optionally A worked example")
    other = with_template(TEMPLATE + "\n## Example\n\nFilled in.\n")
    assert len(other) == 1 and "unexpected heading '## Example'" in other[0]


def test_the_model_card_and_the_review_are_worked_for_one_invented_model(real_site):
    card = real_site.html("templates/model-and-data-card/")
    review = real_site.html("templates/model-review-checklist/")
    for page in (card, review):
        example = page.find(id="a-worked-example").find_next(class_="admonition")
        assert "example" in example["class"]
        assert example.select_one(".admonition-title").get_text().startswith("Worked example")
        assert "Churn early warning, version 1.2" in example.get_text()
    card_example = card.find(id="a-worked-example").find_next(class_="admonition")
    # The data card is filled in too: every row of the template's data table has a value.
    data = next(t for t in card_example.select("table") if "How labels were made" in t.get_text())
    assert all(row.select("td")[1].get_text(strip=True) for row in data.select("tbody tr"))
    # The review reaches the outcome the model review's rule allows, and links to that rule and to the card.
    review_example = review.find(id="a-worked-example").find_next(class_="admonition")
    # The checklist's boxes print as [ ] and [x], as in the template.
    ticked = [li.get_text(" ", strip=True)[4:] for li in review_example.select("li") if li.get_text(strip=True).startswith("[x]")]
    assert "Go with conditions" in ticked and "Go" not in ticked and "No-go" not in ticked
    hrefs = [a["href"] for a in review.find(id="a-worked-example").find_next("p").select("a")]
    assert any("model-and-data-card/#a-worked-example" in h for h in hrefs)


def test_the_download_holds_the_template_without_the_example(real_site):
    text = (real_site.site / download_uri("model-and-data-card")).read_text(encoding="utf-8")
    assert text.startswith("# Model and data card: <model name>") and "Churn" not in text
