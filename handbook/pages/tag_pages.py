"""Tag pages: /tags/ lists every tag with its page count; /tags/<slug>/ lists its pages by type."""

from __future__ import annotations

from collections import defaultdict

from handbook.content.catalog import Catalog, Entry
from handbook.content.types import plural, rank
from handbook.content.urls import Linker
from handbook.pages.render import render_file, render_html

TAGS_INDEX = "tags/index.md"

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
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(tagged, key=lambda e: (rank(e.type), e.title.casefold())):
        groups.setdefault(plural(entry.type), []).append(entry)
    return list(groups.items())


def tags_index(catalog: Catalog) -> str:
    """The body of /tags/: every tag with its description and the number of its pages."""
    tagged = pages_by_tag(catalog)
    tags = sorted(catalog.tags.items())
    counts = {slug: len(tagged.get(slug, [])) for slug, _ in tags}
    return render_file("tags_index.md.j2", here=TAGS_INDEX, tags=tags, counts=counts, labels=catalog.tag_labels)


def tag_page(description: str) -> str:
    """The opening line of a tag's page (Markdown); its list of pages comes from `tag_page_html`."""
    return render_file("tag_page.md.j2", description=description)


def tag_page_html(catalog: Catalog, slug: str, link: Linker) -> str:
    """A tag's pages grouped by type, as HTML."""
    return render_html("tag_page.html.j2", link=link, groups=_groups(catalog, pages_by_tag(catalog).get(slug, [])))
