"""A page's generated parts written into its Markdown, so that any engine builds the same page with no hook.

The parts are HTML from the templates. Markdown passes HTML blocks through as
they are, but then their headings would join neither the table of contents nor
the anchors an engine knows. So each heading becomes a Markdown heading with
its id (`## Sources {#sources}`), and every element that holds one is marked
`markdown="block"` (the `md_in_html` extension), which lets Markdown read inside
it while everything else stays raw HTML. The engine then writes the heading
with its permalink, as it does a page's own headings.

Parts that only list other pages (a role's path, a page's foot) carry
`data-search-exclude` on each of their blocks, so search indexes what it did
when they were added after indexing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from typing import Any

import yaml

from handbook.content.catalog import Entry
from handbook.content.markdown import prose_lines
from handbook.pages.render import escape
from handbook.views.glossary_terms import mark_terms
from handbook.views.sections import PATH_MARK, ROLE_CARDS_MARK, SEARCH_BOOST, Sections, search_tags

# Elements with no end tag.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_EXCLUDE = "data-search-exclude"


@dataclass
class _Node:
    tag: str  # "" for text
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    text: str = ""

    def is_heading(self) -> bool:
        """A section heading (the templates' `heading` macro gives it a permalink): one the table of contents lists.
        A heading without one (a result the script shows) stays out of it, as HTML."""
        return self.tag in _HEADINGS and bool(self.get("id")) and any(child.get("class") == "headerlink" for child in self.children)

    def holds_heading(self) -> bool:
        return any(child.is_heading() or child.holds_heading() for child in self.children)

    def get(self, name: str) -> str | None:
        """The attribute's value: "" for one written without a value, None when it is absent."""
        return next((value or "" for key, value in self.attrs if key == name), None)

    def text_content(self) -> str:
        return self.text if not self.tag else "".join(child.text_content() for child in self.children)


class _Tree(HTMLParser):
    """The fragment as a tree of elements and texts: the templates write well-formed HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, attrs)
        self._open[-1].children.append(node)
        if tag not in _VOID:
            self._open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open[-1].children.append(_Node(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element (a template never leaves one open, but a stray end tag is ignored).
        for index in range(len(self._open) - 1, 0, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(_Node("", text=data))

    def handle_comment(self, data: str) -> None:
        self._open[-1].children.append(_Node("", text=f"<!--{data}-->"))


def _attrs(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {key}" if value is None else f' {key}="{html.escape(value, quote=True)}"' for key, value in attrs)


# Elements whose text is not HTML: a script's JSON or code, a style sheet.
_RAW_TEXT = frozenset({"script", "style"})


def _html(node: _Node) -> str:
    """An element as HTML, as the template wrote it (entities escaped again, attributes quoted)."""
    if not node.tag:
        return node.text if node.text.startswith("<!--") else html.escape(node.text, quote=False)
    if node.tag in _RAW_TEXT:
        return f"<{node.tag}{_attrs(node.attrs)}>" + "".join(child.text for child in node.children) + f"</{node.tag}>"
    inner = "".join(_html(child) for child in node.children)
    return f"<{node.tag}{_attrs(node.attrs)}>" + ("" if node.tag in _VOID else f"{inner}</{node.tag}>")


def _inline(node: _Node) -> str:
    """Inline content in Markdown: tags as they are, text escaped (Markdown reads the text between inline tags)."""
    if not node.tag:
        return escape(node.text)
    inner = "".join(_inline(child) for child in node.children)
    return f"<{node.tag}{_attrs(node.attrs)}>" + ("" if node.tag in _VOID else f"{inner}</{node.tag}>")


def _heading(node: _Node) -> str:
    """A heading as Markdown: its content (text escaped, inline elements kept), its id and other attributes listed after it."""
    # The template's permalink is left out: the engine writes one, as it does for the page's own headings.
    inner = "".join(_inline(child) for child in node.children if child.get("class") != "headerlink").strip()
    extra = "".join(
        f' {key}=""' if value is None else f' {key}="{html.escape(value, quote=True)}"' for key, value in node.attrs if key != "id"
    )
    return f"{'#' * int(node.tag[1])} {inner} {{ #{node.get('id')}{extra} }}"


def _blocks(node: _Node, exclude: bool = False) -> list[str]:
    """An element as Markdown blocks: raw HTML, but for its headings and the elements that hold them."""
    if node.is_heading():
        return [_heading(node)]
    if not node.tag:
        if node.text.startswith("<!--"):
            return [node.text]
        # Text right inside a block that Markdown reads: escaped, so it stays text.
        return [escape(node.text.strip())] if node.text.strip() else []
    attrs = [*node.attrs]
    if exclude and node.get(_EXCLUDE) is None:
        attrs.append((_EXCLUDE, None))
    if not node.holds_heading():
        return [_html(_Node(node.tag, attrs, node.children))]
    inner = [block for child in node.children for block in _blocks(child)]
    # "block": Markdown reads inside it as blocks, whatever the element (a <legend> would otherwise be read as a line).
    return [f"<{node.tag}{_attrs([*attrs, ('markdown', 'block')])}>", *inner, f"</{node.tag}>"]


def block(fragment: str, *, exclude: bool = False) -> str:
    """An HTML fragment as Markdown that any engine turns back into the same HTML, headings in its table of contents.

    `exclude`: keep its blocks out of the search index.
    """
    if not fragment.strip():
        return ""
    tree = _Tree()
    tree.feed(fragment)
    tree.close()
    return "\n\n".join(part for child in tree.root.children for part in _blocks(child, exclude))


# --- a whole page, as an engine is handed it -----------------------------------------------------------------------

# libyaml's dumper where PyYAML has it: writing every page's front matter is a fifth of assembling.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Python-Markdown's footnotes extension places the footnotes where this line is (its default PLACE_MARKER);
# a page without footnotes must not carry it, or it would be shown as text.
FOOTNOTES_MARK = "///Footnotes Go Here///"
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]:")


def front_matter(data: dict[str, Any]) -> str:
    """Front matter as YAML, keys in their order (titles with a colon are quoted by the dumper)."""
    return "---\n" + yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10_000) + "---\n\n"


def page_meta(data: dict[str, Any], entry: Entry | None, *, card: str | None, generated: bool) -> dict[str, Any]:
    """What the build sets in a page's front matter: the summary as its description, a role's abbreviations as its
    search tags (never the topic tags, which Material boosts a million-fold), the role pages' search boost, the card."""
    data = dict(data)
    if entry is not None:
        data["description"] = entry.meta.summary
        data.pop("tags", None)
        if tags := search_tags(entry):
            data["tags"] = tags
        if entry.type in SEARCH_BOOST:
            data["search"] = {**(data.get("search") or {}), "boost": SEARCH_BOOST[entry.type]}
    # Material writes these into <meta name="..."> without escaping them.
    for key in ("description", "author"):
        if isinstance(data.get(key), str):
            data[key] = html.escape(data[key], quote=True)
    if card:
        data["card"] = card
    if generated:
        data["generated"] = True
    return data


def page_body(sections: Sections, src_uri: str, markdown: str, *, directory_urls: bool = True, updated: date | None = None) -> str:
    """A page's Markdown with everything the build adds written in: the glossary's hovers, then its generated parts."""
    parts = sections.decorate(src_uri, markdown, directory_urls=directory_urls, updated=updated)
    body = mark_terms(parts.markdown, sections.terms)
    body = body.replace(PATH_MARK, block(parts.path.html, exclude=True), 1)
    body = body.replace(ROLE_CARDS_MARK, block(parts.cards.html), 1)
    # Footnotes follow the page's own text, before its foot: the footnotes extension puts them at its marker.
    notes = FOOTNOTES_MARK if any(_FOOTNOTE.match(line) for _, line in prose_lines(parts.markdown)) else ""
    pieces = [block(parts.top.html), body.strip("\n"), block(parts.end.html), notes, block(parts.foot.html, exclude=True)]
    return "\n\n".join(piece for piece in pieces if piece) + "\n"
