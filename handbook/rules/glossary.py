"""The glossary: each term defined once, with known pages and sources."""

from __future__ import annotations

from handbook.content import frontmatter
from handbook.content.catalog import Catalog
from handbook.content.model import Glossary
from handbook.content.problems import Problem


def glossary_problems(
    catalog: Catalog, uri: str, meta: Glossary, doc: frontmatter.Parsed, sources: set[str], present: list[str]
) -> list[Problem]:
    problems = []
    path = f"{catalog.docs_label}/{uri}"
    seen: dict[str, int] = {}
    for index, term in enumerate(meta.terms):
        for name in (term.term, *term.aka):
            key = name.casefold()
            if key in seen:
                problems.append(Problem(path, doc.line_of(("terms", index)), f"terms.{index}", f"'{name}' is already defined by term {seen[key]}"))
            seen.setdefault(key, index)
        if term.see and f"{term.see}.md" not in present:
            problems.append(Problem(path, doc.line_of(("terms", index, "see")), f"terms.{index}.see", f"no page '{term.see}': use folder/id, e.g. practices/baseline-first"))
        for source in term.sources:
            if source not in sources:
                problems.append(Problem(path, doc.line_of(("terms", index, "sources")), f"terms.{index}.sources", f"unknown source '{source}'"))
    return problems
