"""Template downloads: the template shown on a template page, written beside it as a Markdown file.

The template body lives in one place, the ```markdown fenced block under the
page's `## The template` heading. The page shows that block; the build writes
its text to `/templates/<id>.md`, which the page links with `download`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.content.problems import Problem

HEADING = "## The template"
LANGUAGE = "markdown"
# A fence opens with three or more backticks or tildes and an info string (CommonMark).
_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
_SECTION = re.compile(r"^#{1,2}\s")


@dataclass(frozen=True)
class Block:
    text: str  # the template, ending with one newline
    line: int  # 0-based line of the opening fence in the body


def download_uri(stem: str) -> str:
    """The site path of a template's download, e.g. "templates/team-charter.md"."""
    return f"templates/{stem}.md"


def find_block(body: str) -> Block | str:
    """The template block of a page body, or what is wrong with the body."""
    lines = body.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == HEADING)
    except StopIteration:
        return f"no '{HEADING}' section: add it, with the template in a ```{LANGUAGE} fenced block"
    index = start + 1
    while index < len(lines) and not _SECTION.match(lines[index]):
        match = _OPEN.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, info = match.group("fence"), match.group("info").split()
        if not info or info[0] != LANGUAGE:
            return f"the block under '{HEADING}' must be fenced as ```{LANGUAGE} so it can be downloaded"
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(index + 1, len(lines)) if closing.match(lines[j])), None)
        if end is None:
            return f"the ```{LANGUAGE} block under '{HEADING}' is not closed: end it with a {fence} line"
        indent = len(match.group("indent"))
        content = [_dedent(line, indent) for line in lines[index + 1 : end]]
        text = "\n".join(content).strip("\n")
        if not text:
            return f"the ```{LANGUAGE} block under '{HEADING}' is empty: write the template in it"
        return Block(text + "\n", index)
    return f"'{HEADING}' holds no ```{LANGUAGE} fenced block: put the template in one"


def _dedent(line: str, indent: int) -> str:
    # CommonMark removes up to the opening fence's indentation from each content line.
    stripped = len(line) - len(line.lstrip(" "))
    return line[min(indent, stripped) :]


def block_problem(body: str, body_line: int, path: str) -> Problem | None:
    found = find_block(body)
    if isinstance(found, Block):
        return None
    lines = body.split("\n")
    heading = next((i for i, line in enumerate(lines) if line.rstrip() == HEADING), None)
    return Problem(path, body_line + (heading or 0), "body", found)


def template_downloads(pages: dict[str, str]) -> dict[str, str]:
    """Site path -> file content, from template stem -> page body."""
    files = {}
    for stem, body in pages.items():
        found = find_block(body)
        if isinstance(found, Block):
            files[download_uri(stem)] = found.text
    return files
