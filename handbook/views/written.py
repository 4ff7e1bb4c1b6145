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
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from handbook.content.catalog import Entry
from handbook.content.markdown import prose_lines
from handbook.views.glossary_terms import mark_terms
from handbook.views.role_views import abbreviations
from handbook.views.sections import PATH_MARK, ROLE_CARDS_MARK, Sections

# Elements with no end tag, and those whose content is not HTML (a script's JSON, a style sheet).
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_EXCLUDE = "data-search-exclude"
# The templates write well-formed HTML with quoted attributes: a tag is found, and read, by these.
_TAG = re.compile(r"<!--.*?-->|<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# What makes Markdown text do something; the text is HTML already (entities escaped), so only these are escaped.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")


@dataclass
class _Element:
    """An element of a fragment, by where it is: its start tag, its content and its end tag."""

    name: str
    start: int
    inner: int  # just after its start tag
    close: int = -1  # where its end tag starts (its start tag's end, for an element with none)
    end: int = -1  # just after its end tag
    attrs: str = ""
    children: list[_Element] = field(default_factory=list)

    def attributes(self) -> list[tuple[str, str | None]]:
        found = []
        for match in _ATTR.finditer(self.attrs):
            value = next((v for v in match.groups()[1:] if v is not None), None)
            found.append((match.group(1), None if value is None else html.unescape(value)))
        return found

    def get(self, name: str) -> str | None:
        """An attribute's value: "" for one written without a value, None when it is absent."""
        return next((value or "" for key, value in self.attributes() if key == name), None)

    def is_heading(self, text: str) -> bool:
        """A section heading (the templates' `heading` macro gives it a permalink): one the table of contents lists.
        A heading without one (a result the script shows) stays out of it, as HTML."""
        return self.name in _HEADINGS and 'class="headerlink"' in text[self.inner : self.close] and bool(self.get("id"))

    def holds_heading(self, text: str) -> bool:
        return any(child.is_heading(text) or child.holds_heading(text) for child in self.children)


def _elements(text: str) -> list[_Element]:
    """The top-level elements of a fragment, each with its children."""
    roots: list[_Element] = []
    open_: list[_Element] = []
    position = 0
    while (match := _TAG.search(text, position)) is not None:
        position = match.end()
        name = (match.group("name") or "").lower()
        if not name:  # a comment
            continue
        if match.group("close"):
            for index in range(len(open_) - 1, -1, -1):
                if open_[index].name == name:
                    open_[index].close, open_[index].end = match.start(), match.end()
                    del open_[index:]
                    break
            continue
        element = _Element(name, match.start(), match.end(), attrs=match.group("attrs"))
        (open_[-1].children if open_ else roots).append(element)
        if name in _VOID or match.group("attrs").rstrip().endswith("/"):
            element.close = element.end = match.end()
        elif name in _RAW_TEXT:
            found = text.lower().find(f"</{name}", match.end())
            element.close = found if found >= 0 else len(text)
            element.end = text.find(">", element.close) + 1 if found >= 0 else len(text)
            position = element.end
        else:
            open_.append(element)
    for element in open_:  # a template never leaves one open; if one did, it ends with the fragment
        element.close = element.end = len(text)
    return roots


def _start_tag(element: _Element, text: str, extra: list[tuple[str, str | None]]) -> str:
    tag = text[element.start : element.inner]
    added = "".join(f" {key}" if value is None else f' {key}="{html.escape(value, quote=True)}"' for key, value in extra)
    return tag[:-2] + added + " />" if tag.endswith("/>") else tag[:-1] + added + ">"


def _inline(text: str) -> str:
    """Inline HTML as Markdown reads it: the tags as they are, the text between them escaped."""
    pieces, position = [], 0
    for match in _TAG.finditer(text):
        pieces += [_MARKDOWN.sub(r"\\\1", text[position : match.start()]), match.group(0)]
        position = match.end()
    pieces.append(_MARKDOWN.sub(r"\\\1", text[position:]))
    return "".join(pieces)


def _heading(element: _Element, text: str) -> str:
    """A heading as Markdown: its content (the text escaped, inline elements kept), its id and other attributes after it."""
    # The template's permalink is left out: the engine writes one, as it does for the page's own headings.
    inner = _inline(_PERMALINK.sub("", text[element.inner : element.close]).strip())
    extra = "".join(
        f' {key}=""' if value is None else f' {key}="{html.escape(value, quote=True)}"' for key, value in element.attributes() if key != "id"
    )
    return f"{'#' * int(element.name[1])} {inner} {{ #{element.get('id')}{extra} }}"


def _blocks(element: _Element, text: str, exclude: bool = False) -> list[str]:
    """An element as Markdown blocks: its HTML as written, but for its headings and the elements that hold them."""
    if element.is_heading(text):
        return [_heading(element, text)]
    extra: list[tuple[str, str | None]] = [(_EXCLUDE, None)] if exclude and element.get(_EXCLUDE) is None else []
    if not element.holds_heading(text):
        return [_start_tag(element, text, extra) + text[element.inner : element.end]] if extra else [text[element.start : element.end]]
    # "block": Markdown reads inside it as blocks, whatever the element (a <legend> would otherwise be read as a line).
    found = [_start_tag(element, text, [*extra, ("markdown", "block")])]
    position = element.inner
    for child in element.children:
        if between := text[position : child.start].strip():
            found.append(_MARKDOWN.sub(r"\\\1", between))  # text right inside a block that Markdown reads stays text
        found += _blocks(child, text)
        position = child.end
    if between := text[position : element.close].strip():
        found.append(_MARKDOWN.sub(r"\\\1", between))
    return [*found, text[element.close : element.end]]


def block(fragment: str, *, exclude: bool = False) -> str:
    """An HTML fragment as Markdown that any engine turns back into the same HTML, headings in its table of contents.

    `exclude`: keep its blocks out of the search index.
    """
    if not fragment.strip():
        return ""
    found: list[str] = []
    position = 0
    for element in _elements(fragment):
        if between := fragment[position : element.start].strip():
            found.append(between if between.startswith("<!--") else f"<p>{between}</p>")
        found += _blocks(element, fragment, exclude)
        position = element.end
    if between := fragment[position:].strip():
        found.append(between if between.startswith("<!--") else f"<p>{between}</p>")
    return "\n\n".join(found)


# --- a whole page, as an engine is handed it -----------------------------------------------------------------------

# libyaml's dumper where PyYAML has it: writing every page's front matter is a fifth of assembling.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Python-Markdown's footnotes extension places the footnotes where this line is (its default PLACE_MARKER);
# a page without footnotes must not carry it, or it would be shown as text.
FOOTNOTES_MARK = "///Footnotes Go Here///"
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]:")


# Material's search boost per page type: role pages are the handbook's entry points.
SEARCH_BOOST = {"role": 4}


def search_tags(entry: Entry, words: Mapping[str, list[str]]) -> list[str]:
    """What Material's search indexes as a page's tags, a field mkdocs.yml weighs as much as a title: what readers type
    for the page and find nowhere in its title. A role's abbreviations and other names, so that "DE" finds the data
    engineer before every page with a word starting "de"; the glossary's terms and their other spellings on the page each
    term sends readers to (`words`, from `search_words`), so that "DoD" and "retro" lead there. Never the topic tags,
    which would make every section of every tagged page tie."""
    found = (abbreviations(entry) + getattr(entry.meta, "also_called", []) if entry.type == "role" else []) + words.get(entry.src_uri, [])
    title = set(_WORD.findall(entry.title.casefold()))
    return list(dict.fromkeys(tag for tag in found if not set(_WORD.findall(tag.casefold())) <= title))


_WORD = re.compile(r"\w+")


def front_matter(data: dict[str, Any]) -> str:
    """Front matter as YAML, keys in their order (titles with a colon are quoted by the dumper)."""
    return "---\n" + yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10_000) + "---\n\n"


def page_meta(
    data: dict[str, Any], entry: Entry | None, *, card: str | None, generated: bool, words: Mapping[str, list[str]] | None = None,
) -> dict[str, Any]:
    """What the build sets in a page's front matter: the summary as its description, its search tags (a role's
    abbreviations, the glossary's `words` for the page; never the topic tags, which would make every tagged page's
    sections tie), the role pages' search boost, the card."""
    data = dict(data)
    if entry is not None:
        data["description"] = entry.meta.summary
        data.pop("tags", None)
        if tags := search_tags(entry, words or {}):
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
