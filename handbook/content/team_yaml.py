"""The team file's YAML, below its model: keys given twice, and values YAML could not build, named by their field.

PyYAML keeps the last of two equal keys without a word, so a ritual or a person
given twice would vanish from the site; and a value it cannot build (2027-02-30)
reaches `handbook.content.frontmatter.load_mapping` as a problem of no field.
Both are found on the node tree, which is composed only after `load_mapping` has
refused aliases and deep nesting.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import yaml

from handbook.content import frontmatter
from handbook.content.problems import Problem


def _paths(node: yaml.Node | None, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], int]]:
    """(field path, 1-based line) of every key and list item, in file order, repeated keys included."""
    for path, line, _ in _nodes(node, prefix):
        yield path, line


def _nodes(node: yaml.Node | None, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], int, yaml.Node]]:
    """(field path, 1-based line, value node) of every key and list item."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, str(key.value))
            yield path, 1 + key.start_mark.line, value
            yield from _nodes(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*prefix, str(index))
            yield path, 1 + item.start_mark.line, item
            yield from _nodes(item, path)


def _compose(text: str) -> yaml.Node | None:
    # Only called once load_mapping has refused aliases and deep nesting: the node tree is small and finite.
    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _builds(node: yaml.ScalarNode) -> bool:
    try:
        frontmatter.compose(yaml.serialize(node))
    except yaml.YAMLError:
        return False
    return True


def duplicates(text: str, label: str) -> list[Problem]:
    """A key given twice in one mapping: YAML keeps the last silently, so a ritual or a person would vanish."""
    seen: dict[tuple[str, ...], int] = {}
    problems = []
    for path, line in _paths(_compose(text)):
        if any(problem.field == ".".join(path[:size]) for problem in problems for size in range(1, len(path))):
            continue  # inside a key already reported twice
        if path in seen:
            problems.append(Problem(label, line, ".".join(path), f"'{path[-1]}' is given twice (first at line {seen[path]}): keep one and merge what each says"))
        seen.setdefault(path, line)
    return problems


def placed(problem: Problem, text: str, hints: Mapping[str, str]) -> Problem:
    """A value YAML could not build (2027-02-30) is reported by the loader as `value`: name its field instead,
    and give the field's own hint (`hints`: field name -> how to write it) after "is not a date"."""
    if problem.field != "value":
        return problem
    at_line = [(path, node) for path, line, node in _nodes(_compose(text)) if line == problem.line]
    if not at_line:
        return problem
    # Several fields can share a line ({day: monday, first: 2027-02-30}): the one is the scalar YAML cannot build.
    failing = [path for path, node in at_line if isinstance(node, yaml.ScalarNode) and not _builds(node)]
    path = failing[0] if failing else max((path for path, _ in at_line), key=len)
    message = problem.message
    if path[-1] in hints and " is not a date" in message:
        message = f"{message.split(': ', 1)[0]}: {hints[path[-1]]}"
    return Problem(problem.path, problem.line, ".".join(path), message)
