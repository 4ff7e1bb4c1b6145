"""Tag pages: /tags/ lists every tag with its page count; /tags/<slug>/ lists its pages by type."""

from __future__ import annotations

from collections import defaultdict

from handbook.content.catalog import Catalog, Entry
from handbook.content.model import TYPE_ORDER, TYPE_PLURALS
from handbook.pages.render import front_matter, render, render_html
from handbook.content.urls import Linker

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


def tag_of(src_uri: str, catalog: Catalog) -> str | None:
    """The tag whose page is built from `src_uri`, if it is one."""
    folder, _, name = src_uri.partition("/")
    slug = name.removesuffix(".md")
    return slug if folder == "tags" and name.endswith(".md") and slug in catalog.tags else None


def _groups(catalog: Catalog, tagged: list[Entry]) -> list[tuple[str, list[Entry]]]:
    order = {kind: number for number, kind in enumerate(TYPE_ORDER)}
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(tagged, key=lambda e: (order[e.type], e.title.casefold())):
        groups.setdefault(TYPE_PLURALS[entry.type], []).append(entry)
    return list(groups.items())


def tag_pages(catalog: Catalog) -> dict[str, str]:
    """Front matter and the opening line of each tag page (Markdown); the lists come from `tag_page_html`."""
    tagged = pages_by_tag(catalog)
    tags = sorted(catalog.tags.items())
    pages = {
        TAGS_INDEX: front_matter("Tags", "Every tag of the handbook with the number of pages that carry it.")
        + render(_INDEX, here=TAGS_INDEX, tags=tags, counts={slug: len(tagged.get(slug, [])) for slug, _ in tags}, labels=catalog.tag_labels)
    }
    for slug, description in tags:
        # Tag pages only repeat other pages' summaries: keep them out of the search index.
        pages[tag_uri(slug)] = front_matter(f"Tag: {catalog.tag_labels.get(slug, slug)}", description, searchable=False) + render(
            _TAG, description=description
        )
    return pages


def tag_page_html(catalog: Catalog, slug: str, link: Linker) -> str:
    """A tag's pages grouped by type, as HTML."""
    return render_html("tag_page.html.j2", link=link, groups=_groups(catalog, pages_by_tag(catalog).get(slug, [])))
