"""The glossary: its term list, and hover definitions for every page.

Terms live in the glossary page's front matter. Every page gets them as
Markdown abbreviations (`*[term]: definition`), so Material shows the
definition when a reader hovers a term anywhere in the handbook.
"""

from __future__ import annotations

from handbook.catalog import Catalog, Entry
from handbook.model import Glossary, Term
from handbook.render import render

GLOSSARY = "glossary.md"

_TERMS = """\

{% for term in terms %}
### {{ term.term }}

{{ term.definition }}
{% if term.aka %}

Also written: {% for name in term.aka %}{{ name }}{{ ", " if not loop.last }}{% endfor %}.
{% endif %}
{% if term.see %}

See {{ link(here, term.see ~ ".md", titles[term.see ~ ".md"]) }}.
{% endif %}

{% endfor %}
"""


def glossary_entry(catalog: Catalog) -> Entry | None:
    entry = catalog.get(GLOSSARY)
    return entry if entry is not None and isinstance(entry.meta, Glossary) else None


def terms(catalog: Catalog) -> list[Term]:
    entry = glossary_entry(catalog)
    return sorted(entry.meta.terms, key=lambda t: t.term.casefold()) if entry else []


def term_list(catalog: Catalog) -> str:
    titles = {uri: entry.title for uri, entry in catalog.entries.items()}
    return render(_TERMS, here=GLOSSARY, terms=terms(catalog), titles=titles)


def abbreviations(catalog: Catalog) -> str:
    """Markdown abbreviation definitions for every term and its other spellings."""
    lines: dict[str, str] = {}
    for term in terms(catalog):
        definition = " ".join(term.definition.split())
        for name in (term.term, term.term.lower(), *term.aka):
            clean = name.replace("]", "").strip()
            if clean and clean not in lines:
                lines[clean] = definition
    # One block per definition: in a single block Python-Markdown re-scans the rest after each one.
    return "".join(f"\n\n*[{name}]: {definition}" for name, definition in lines.items())
