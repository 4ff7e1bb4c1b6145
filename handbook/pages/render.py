"""Markdown generation through Jinja with every value escaped.

Every `{{ value }}` in a template is escaped for Markdown and HTML unless it
is a `Trusted` string built here from validated ids (links). A title such as
`<script>` therefore renders as text, and a `|` cannot break a table.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify

from handbook.content.catalog import Entry

# Exactly Python-Markdown's escapable characters, plus "|" which the tables extension adds.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")


class Trusted(str):
    """Markdown assembled from validated ids: emitted as is."""


def escape(value: object) -> str:
    text = html.escape(str(value), quote=False)
    # Newlines would end a table row or a list item: fold every run of white space to one space.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))


# What makes Markdown text do something: links and images ([ ] !), HTML and autolinks (< > &), code, emphasis.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&!])")


def inline(value: object) -> str:
    """Text that Markdown shows as it is, for files that stay Markdown (llms.txt): no link, no tag, no line break."""
    return _INLINE_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", str(value)).strip())


def _finalize(value: Any) -> str:
    if isinstance(value, Trusted):
        return value
    if value is None:
        return ""
    return escape(value)


@functools.lru_cache(maxsize=65536)
def relative(from_uri: str, to_uri: str) -> str:
    """A relative .md link from one docs file to another, as MkDocs expects."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def link(from_uri: str, to: Entry | str, text: str | None = None) -> Trusted:
    target = to.src_uri if isinstance(to, Entry) else to
    label = text if text is not None else (to.title if isinstance(to, Entry) else target)
    return Trusted(f"[{escape(label)}]({relative(from_uri, target)})")


TEMPLATES = Path(__file__).parent.parent / "templates"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["link"] = link
    # The output of a macro of the same template, whose values it has escaped already.
    env.filters["trusted"] = Trusted
    return env


@functools.cache
def _environment() -> Environment:
    return environment()


def render_file(name: str, **context: Any) -> str:
    """Render a Markdown template of handbook/templates/, e.g. "role_welcome.md.j2"."""
    return _environment().get_template(name).render(**context)


@functools.cache
def _html_environment() -> Environment:
    env = Environment(  # autoescape: every value is escaped for HTML unless it is Markup
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = lambda text: slugify(str(text), "-")
    return env


def render_html(name: str, **context: Any) -> str:
    """Render an HTML template of handbook/templates/, e.g. "sources.html.j2", every value escaped.

    These sections go into the page after its Markdown is converted, so they
    cost the build no Markdown parsing; `link` in the context makes their links.
    """
    return _html_environment().get_template(name).render(**context)


def front_matter(title: str, summary: str, *, searchable: bool = True, hide: tuple[str, ...] = ()) -> str:
    """Front matter for a generated page; json strings are valid YAML scalars. `hide` lists Material's parts to hide, e.g. "toc"."""
    search = "" if searchable else "search:\n  exclude: true\n"
    hidden = f"hide: {json.dumps(list(hide))}\n" if hide else ""
    return f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(summary)}\n{search}{hidden}---\n\n"
