"""`llms.txt` and `llms-full.txt`: the handbook for AI assistants (the llmstxt.org convention).

`llms.txt` is an index of every page with its summary, by part; `llms-full.txt`
is the full text of every page as Markdown, with links made absolute. Both come
from the validated pages, which are Markdown already.
"""

from __future__ import annotations

import posixpath
import re

from handbook.content.catalog import Catalog, Entry, page_url
from handbook.content.markdown import MARKDOWN_LINK
from handbook.content.types import is_start, names
from handbook.content.types import plural as plural_of
from handbook.pages.render import inline


def _ordered(catalog: Catalog) -> list[tuple[str, list[Entry]]]:
    return [(plural_of(kind), catalog.of_type(kind)) for kind in names() if not is_start(kind) and catalog.of_type(kind)]


def _absolute(site_url: str, entry: Entry) -> str:
    return site_url.rstrip("/") + entry.url


def llms_txt(catalog: Catalog, site_url: str, name: str, description: str, generated: list[tuple[str, str, str]] = ()) -> str:
    """The index; `generated`: (title, URL path, summary) of the generated pages that ask to be listed (`Output.llms`)."""
    # Every title, summary and name is a contributor's text: each is escaped so that Markdown shows it as text.
    lines = [f"# {inline(name)}", "", f"> {inline(description)}", ""]
    home = catalog.get("index.md")
    if home is not None:
        lines += [inline(home.meta.summary), ""]
    for plural, entries in _ordered(catalog):
        lines += [f"## {plural}", ""]
        lines += [f"- [{inline(e.title)}]({_absolute(site_url, e)}): {inline(e.meta.summary)}" for e in entries]
        lines.append("")
    if generated:
        lines += ["## Generated pages", ""]
        lines += [f"- [{inline(title)}]({site_url.rstrip('/')}{url}): {inline(summary)}" for title, url, summary in generated]
        lines.append("")
    lines += ["## Optional", "", f"- [Full text]({site_url.rstrip('/')}/llms-full.txt): every page above as Markdown", ""]
    return "\n".join(lines)


def _absolute_links(entry: Entry, body: str, catalog: Catalog, site_url: str) -> str:
    folder = posixpath.dirname(entry.src_uri)

    def replace(match: re.Match[str]) -> str:
        # Generated pages (indexes, tags, the matrix) are not in the catalog but have URLs all the same.
        target = page_url(posixpath.normpath(posixpath.join(folder, match.group("target"))))
        return f"]({site_url.rstrip('/')}{target}{match.group('anchor') or ''})"

    return MARKDOWN_LINK.sub(replace, body)


def llms_full(catalog: Catalog, site_url: str, name: str) -> str:
    parts = [f"# {inline(name)}\n"]
    entries = ([catalog.get("index.md")] if catalog.get("index.md") else []) + [e for _, group in _ordered(catalog) for e in group]
    for entry in entries:
        body = _absolute_links(entry, entry.body.strip(), catalog, site_url)
        # The body is the page's own Markdown, checked like every page (no javascript:, data: or file: links).
        parts.append(f"\n---\n\n# {inline(entry.title)}\n\nURL: {_absolute(site_url, entry)}\n\n{inline(entry.meta.summary)}\n\n{body}\n")
    return "".join(parts)
