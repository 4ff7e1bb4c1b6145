"""Reading a page body: one fence scanner and one heading rule for every reader.

The anatomy check, a role's introduction, the link check, the outside-asset
check and the template downloads all read bodies through `scan`, so a fenced
block is the same block to all of them (CommonMark: a fence closes on a line
of the same character, at least as long, with nothing after it).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

# An opening fence: up to three spaces, three or more backticks or tildes, an info string.
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*?)[ \t]*$")
# An ATX heading: "## When and how long", optionally closed by #s or followed by { attributes }.
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.+?)(?:[ \t]+\{[^}]*\})?(?:[ \t]+#+)?[ \t]*$")
# An inline Markdown link to another page: [text](../folder/page.md#anchor "title")
MARKDOWN_LINK = re.compile(r"\]\(\s*<?(?P<target>[^()\s<>#]+\.md)(?P<anchor>#[^()\s<>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True)
class Line:
    index: int  # 0-based, within the body
    text: str
    kind: str  # "prose", "open" (a fence that opens), "code" (inside a fence) or "close"
    fence: str = ""  # the fence of an "open" line, e.g. "```"
    info: str = ""  # the info string of an "open" line, e.g. "markdown"
    indent: int = 0  # the indentation of the open fence that holds this line


def scan(body: str) -> Iterator[Line]:
    """Every line of a body, each marked as prose, an opening or closing fence, or code."""
    fence, indent = "", 0
    for index, text in enumerate(body.split("\n")):
        match = _FENCE.match(text)
        if not fence:
            # A backtick fence's info string holds no backtick (CommonMark).
            if match and not (match.group("fence")[0] == "`" and "`" in match.group("info")):
                fence, indent = match.group("fence"), len(match.group("indent"))
                yield Line(index, text, "open", fence, match.group("info"), indent)
            else:
                yield Line(index, text, "prose")
        elif match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence) and not match.group("info"):
            yield Line(index, text, "close", indent=indent)
            fence = ""
        else:
            yield Line(index, text, "code", indent=indent)


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(0-based index, line) of every line of a body outside fenced code, fence lines left out."""
    return ((line.index, line.text) for line in scan(body) if line.kind == "prose")


def heading(text: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line, or None."""
    match = _HEADING.match(text)
    return (len(match.group("hashes")), match.group("text").strip()) if match else None


def headings(body: str, first_line: int = 1, level: int = 2) -> list[tuple[str, int]]:
    """The body's headings of one level with their file lines, skipping fenced code."""
    return [(found[1], first_line + index) for index, text in prose_lines(body) if (found := heading(text)) and found[0] == level]


def links(src_uri: str, body: str, known: Mapping[str, object]) -> tuple[str, ...]:
    """The src_uris of the known pages a body links to, in order, each once."""
    folder = posixpath.dirname(src_uri)
    found: dict[str, None] = {}
    for match in MARKDOWN_LINK.finditer(body):
        target = posixpath.normpath(posixpath.join(folder, match.group("target")))
        if target in known and target != src_uri:
            found[target] = None
    return tuple(found)
