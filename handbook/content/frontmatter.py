"""Split a page into front matter and body, keeping the line of every key.

MkDocs silently drops front matter whose YAML does not parse; this module
reports it instead. It also refuses YAML aliases (no page needs them, and
they make "billion laughs" bombs possible), bytes that are not UTF-8, and
pages too large to be a handbook page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from handbook.content.fields import BIDI
from handbook.content.problems import Problem

MAX_PAGE_BYTES = 512 * 1024
FENCE = "---"
# No field of any page nests deeper than this (terms -> 0 -> sources -> 0 is four levels).
MAX_DEPTH = 8
# The longest number any field takes (a year, minutes) has four digits.
MAX_DIGITS = 12
# Control characters have no place in a page: a NUL or an ESC in a title reaches every page that lists it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Parsed:
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    key_lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """The file line of a field path, falling back to its nearest parent."""
        return line_of(self.key_lines, loc)


def line_of(key_lines: Mapping[tuple[str, ...], int], loc: tuple[Any, ...]) -> int:
    """The line of a field path in a YAML file, falling back to its nearest parent, then to line 1."""
    path = tuple(str(part) for part in loc)
    while path:
        if path in key_lines:
            return key_lines[path]
        path = path[:-1]
    return 1


class BadValue(yaml.MarkedYAMLError):
    """YAML that parses, with a value that cannot be built: reported against its field."""


# libyaml when PyYAML was built with it: parsing is most of the validation time.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, with a dated value that is no calendar day (2026-13-01) reported at its line."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise BadValue(
                problem=f"'{node.value}' is not a date: write a calendar day as YYYY-MM-DD, such as 2026-11-23",
                problem_mark=node.start_mark,
            ) from None


    def construct_yaml_int(self, node: yaml.ScalarNode) -> object:
        digits = sum(c.isdigit() for c in str(node.value))
        if digits > MAX_DIGITS:
            raise BadValue(problem=f"a number of {digits} digits is too long: no field takes more than {MAX_DIGITS}", problem_mark=node.start_mark)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> object:
        if sum(c.isdigit() for c in str(node.value)) > MAX_DIGITS:
            raise BadValue(problem=f"a number this long is not a value any field takes (at most {MAX_DIGITS} digits)", problem_mark=node.start_mark)
        return super().construct_yaml_float(node)


    def construct_yaml_str(self, node: yaml.ScalarNode) -> object:
        # A YAML escape ("\e", "\x00", "\u202e") makes a control or direction character the raw text never held.
        if match := _CONTROL.search(str(node.value)) or BIDI.search(str(node.value)):
            kind = "direction character" if BIDI.match(match.group()) else "control character"
            raise BadValue(problem=f"{kind} U+{ord(match.group()):04X} (a YAML escape): remove it", problem_mark=node.start_mark)
        return super().construct_yaml_str(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_yaml_str)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)


def compose(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse YAML into (node tree, data), refusing aliases and deep nesting before anything is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="YAML aliases (*name) are not allowed in front matter; write the value out",
                problem_mark=event.start_mark,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            # Building a deeply nested value recurses once a level: refuse it while only the events are read.
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"values nested more than {MAX_DEPTH} levels deep: no field needs that many",
                    problem_mark=event.start_mark,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a page as MkDocs does (UTF-8, optional byte-order mark, any newlines)."""
    if len(raw) > MAX_PAGE_BYTES:
        return None, [
            Problem(path, 1, "file", f"page is {len(raw) // 1024} KB; the limit is {MAX_PAGE_BYTES // 1024} KB: split it into several pages")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "file", f"byte {error.start} is not UTF-8: save the file as UTF-8")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if problem := control_problem(text, path):
        return None, [problem]
    if problems := conflict_problems(text, path):
        return None, problems
    return text, []


def control_problem(text: str, path: str) -> Problem | None:
    """The first control or direction character of a text (a tab and a newline are fine), at its line."""
    match = _CONTROL.search(text) or BIDI.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - text.rfind(chr(10), 0, match.start())
    kind = "control character" if _CONTROL.match(match.group()) else "direction character"
    why = "" if kind == "control character" else " (it reorders the text around it)"
    return Problem(path, line, "file", f"{kind} U+{ord(match.group()):04X} at column {column}{why}: remove it")


# What git leaves in a file whose merge conflicted: a line that starts with seven of <, |, = or >.
_CONFLICT = re.compile(r"^(<{7}|>{7}|\|{7})(?: |$)|^={7}$", re.MULTILINE)
_CONFLICT_FIX = "a merge left this conflict unresolved: keep the lines you want, delete the markers, then check again"


def conflict_problems(text: str, path: str) -> list[Problem]:
    """Every line of an unresolved merge conflict's markers. A lone line of seven = is a Markdown heading's underline,
    so it counts only in a file that also holds a <<<<<<< or >>>>>>> marker."""
    found = [(text.count("\n", 0, m.start()) + 1, m.group(0)) for m in _CONFLICT.finditer(text)]
    if not any(marker.startswith(("<", ">")) for _, marker in found):
        return []
    return [Problem(path, line, "file", f"'{marker.strip()[:7]}' {_CONFLICT_FIX}") for line, marker in found]


def split(text: str, path: str) -> tuple[Parsed | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None, [Problem(path, 1, "front matter", "missing: start the page with a '---' line, the fields, then '---'")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "..."))
    except StopIteration:
        return None, [Problem(path, 1, "front matter", "not closed: add a '---' line after the last field")]

    yaml_text = "\n".join(lines[1:end]) + "\n"
    try:
        node, data = compose(yaml_text)
    except BadValue as error:
        mark = error.problem_mark
        key = re.match(r"\s*-?\s*([\w-]+)\s*:", lines[1 + mark.line]) if mark else None
        return None, [Problem(path, 2 + mark.line if mark else 1, key.group(1) if key else "front matter", error.problem or "invalid value")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = 2 + mark.line if mark else 1
        problem = (error.problem or "invalid YAML").strip()
        return None, [Problem(path, line, "front matter", f"YAML does not parse: {problem}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, "front matter", f"YAML does not parse: {error}")]

    if not isinstance(data, dict):
        return None, [Problem(path, 2, "front matter", "must be a mapping of 'field: value' lines")]

    key_lines: dict[tuple[str, ...], int] = {}
    _collect_lines(node, (), key_lines, depth=0, offset=2)
    body = "\n".join(lines[end + 1 :])
    return Parsed(data={str(k): v for k, v in data.items()}, body=body, body_line=end + 2, key_lines=key_lines), []


def load_mapping(text: str, path: str, first_line: int = 1) -> tuple[tuple[dict[str, Any], dict[tuple[str, ...], int]] | None, list[Problem]]:
    """A whole YAML file that must be a mapping (team.yml): (data, line of every field), or its one problem."""
    try:
        node, data = compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        field = "front matter" if not isinstance(error, BadValue) else "value"
        return None, [Problem(path, first_line + mark.line if mark else 1, field if isinstance(error, BadValue) else "yaml",
                              (error.problem or "invalid value") if isinstance(error, BadValue) else f"YAML does not parse: {(error.problem or '').strip()}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, "yaml", f"YAML does not parse: {error}")]
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "yaml", "must be a mapping of 'field: value' lines")]
    key_lines: dict[tuple[str, ...], int] = {}
    _collect_lines(node, (), key_lines, depth=0, offset=first_line)
    return ({str(k): v for k, v in data.items()}, key_lines), []


def _collect_lines(node: yaml.Node, prefix: tuple[str, ...], out: dict[tuple[str, ...], int], depth: int, offset: int) -> None:
    # Four levels cover every field (terms -> 0 -> definition; rhythm -> stand-up -> days -> 0).
    if depth > 4:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, str(key.value))
            out[path] = offset + key.start_mark.line
            _collect_lines(value, path, out, depth + 1, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*prefix, str(index))
            out[path] = offset + item.start_mark.line
            _collect_lines(item, path, out, depth + 1, offset)
