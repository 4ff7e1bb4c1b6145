"""Tag pages: /tags/ lists every tag with its page count; /tags/<slug>/ lists its pages by type."""

from __future__ import annotations

from collections import defaultdict

from handbook.catalog import Catalog, Entry
from handbook.model import TYPE_ORDER, TYPE_PLURALS
from handbook.render import front_matter, render

TAGS_INDEX = "tags/index.md"

_INDEX = """\
Every page carries one to six tags from a controlled list. Pick a tag to see its pages, grouped by type.

| Tag | What it covers | Pages |
| --- | --- | ---: |
{% for slug, description in tags %}
| {{ link(here, "tags/" ~ slug ~ ".md", labels[slug]) }} | {{ description }} | {{ counts[slug] }} |
{% endfor %}
"""

_TAG = """\
{{ description }}

{% if not groups %}
No page carries this tag yet.
{% endif %}
{% for plural, entries in groups %}
## {{ plural }}

{% for entry in entries %}
- {{ link(here, entry) }}: {{ entry.meta.summary }}
{% endfor %}

{% endfor %}
{{ link(here, "tags/index.md", "All tags") }}
"""


def tag_uri(slug: str) -> str:
    # Slugs are validated against model.SLUG, so this stays inside tags/.
    return f"tags/{slug}.md"


def pages_by_tag(catalog: Catalog) -> dict[str, list[Entry]]:
    tagged: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries.values():
        for tag in getattr(entry.meta, "tags", []):
            tagged[tag].append(entry)
    return tagged


def tag_pages(catalog: Catalog) -> dict[str, str]:
    tagged = pages_by_tag(catalog)
    tags = sorted(catalog.tags.items())
    pages = {
        TAGS_INDEX: front_matter("Tags", "Every tag of the handbook with the number of pages that carry it.")
        + render(_INDEX, here=TAGS_INDEX, tags=tags, counts={slug: len(tagged.get(slug, [])) for slug, _ in tags}, labels=catalog.tag_labels)
    }
    order = {kind: number for number, kind in enumerate(TYPE_ORDER)}
    for slug, description in tags:
        entries = sorted(tagged.get(slug, []), key=lambda e: (order[e.type], e.title.casefold()))
        groups: dict[str, list[Entry]] = {}
        for entry in entries:
            groups.setdefault(TYPE_PLURALS[entry.type], []).append(entry)
        uri = tag_uri(slug)
        # Tag pages only repeat other pages' summaries: keep them out of the search index.
        pages[uri] = front_matter(f"Tag: {catalog.tag_labels.get(slug, slug)}", description, searchable=False) + render(
            _TAG, here=uri, description=description, groups=list(groups.items())
        )
    return pages
