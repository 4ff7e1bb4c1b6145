"""Each role page lists its rituals, practices, stories, myths and a reading order."""

from conftest import minimal_docs


def section(page, heading_id):
    heading = page.find("h2", id=heading_id)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return parts


def text(parts):
    return " ".join(" ".join(p.get_text(" ", strip=True) for p in parts).split())


def test_role_view_sections(build_site):
    page = build_site(minimal_docs()).html("roles/scientist/")
    assert text(section(page, "rituals-you-attend")) == "Ritual Cadence Your part Stand-up daily Responsible"
    practices = section(page, "practices-you-lead-or-take-part-in")
    # One list per level, never a paragraph of links.
    assert [(p.name, text([p])) for p in practices] == [("h3", "Accountable ¶"), ("ul", "Pairing")]
    assert "A clash" in text(section(page, "stories-where-you-are-a-party"))
    assert "Magic" in text(section(page, "myths-to-unlearn"))


def test_reading_order_and_total_time(build_site):
    page = build_site(minimal_docs()).html("roles/scientist/")
    parts = section(page, "suggested-reading-order")
    assert "5 pages, about 5 minutes in all" in text(parts)
    order = [a.get_text() for a in parts[-1].find_all("a")]
    assert order == ["Scientist", "Pairing", "Stand-up", "A clash", "Magic"]


def test_a_role_with_no_practices(build_site):
    page = build_site(minimal_docs()).html("roles/loner/")
    assert text(section(page, "rituals-you-attend")) == "No ritual lists this role yet."
    assert text(section(page, "practices-you-lead-or-take-part-in")) == "No practice lists this role yet."
    assert "1 pages" in text(section(page, "suggested-reading-order")) or "1 page" in text(section(page, "suggested-reading-order"))
