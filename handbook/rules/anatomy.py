"""A page body against its type: its anatomy's `##` headings, and nothing fetched from another host."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from handbook.content.markdown import headings, prose_lines
from handbook.content.problems import Problem
from handbook.content.types import names, page_type

# An image, script, frame or stylesheet the browser would fetch from another host:
# Markdown images and the raw HTML tags that load something.
_OUTSIDE_ASSET = re.compile(
    r"!\[[^\]]*\]\(\s*<?(?P<image>(?:https?:)?//[^)\s>]+)"
    r"|<(?:img|script|iframe|source|video|audio|embed)\b[^>]*?\ssrc\s*=\s*[\"']?(?P<src>(?:https?:)?//[^\"'\s>]+)"
    r"|<link\b[^>]*?\shref\s*=\s*[\"']?(?P<href>(?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)


def _matches(pattern: re.Pattern[str], body: str, body_line: int, path: str, message: Callable[[re.Match[str]], str]) -> list[Problem]:
    # Code shows markup, it does not load or link it: only lines outside fenced code count.
    return [Problem(path, body_line + index, "body", message(match)) for index, line in prose_lines(body) for match in pattern.finditer(line)]


def outside_asset_problems(body: str, body_line: int, path: str) -> list[Problem]:
    """The site must load with no request leaving the reader's machine (and build with no network)."""
    return _matches(_OUTSIDE_ASSET, body, body_line, path, lambda match: (
        f"'{match.group('image') or match.group('src') or match.group('href')}' would be fetched from another host:"
        " save the file under docs/ and link it relatively"))


# A link or a source with a scheme no handbook page needs: script, inline data, local files.
# Markdown links and images, reference definitions, autolinks and any HTML attribute that takes a URL.
_UNSAFE = re.compile(
    r"(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<|\b(?:href|src|srcset|action|formaction|poster|data|background|cite|xlink:href)\s*=\s*[\"']?\s*)"
    r"(?P<scheme>javascript|vbscript|data|file)\s*:",
    re.IGNORECASE,
)


def unsafe_link_problems(body: str, body_line: int, path: str) -> list[Problem]:
    """javascript:, vbscript:, data: and file: links run code, hide content or reach the builder's own disk."""
    return _matches(_UNSAFE, body, body_line, path, lambda match: (
        f"a {match.group('scheme').lower()}: link is not allowed: link a page or a file under docs/ relatively, or an https:// address"))


def anatomy_problems(kind: str, body: str, body_line: int, path: str) -> list[Problem]:
    """A page of an enforced type has exactly its anatomy's `##` headings, in order; deeper headings are free."""
    anatomy = page_type(kind).anatomy if kind in names() else None
    if anatomy is None or not anatomy.enforced or not body.strip():
        return []
    expected = list(anatomy.headings)
    allowed = expected + list(anatomy.optional)
    listing = f"{kind} pages have these '##' headings, in this order: {', '.join(expected)}"
    if anatomy.optional:
        listing += f", then optionally {', '.join(anatomy.optional)}"
    found = headings(body, body_line)
    problems = []
    seen: set[str] = set()
    for text, line in found:
        if text not in allowed:
            close = difflib.get_close_matches(text, [e for e in allowed if e not in {t for t, _ in found}], n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(path, line, "body", f"unexpected heading '## {text}'{hint}: {listing}"))
        elif text in seen:
            problems.append(Problem(path, line, "body", f"heading '## {text}' appears twice: {listing}"))
        seen.add(text)
    present = [(text, line) for text, line in found if text in allowed]
    end_line = body_line + body.count("\n")
    for index, heading in enumerate(expected):
        if heading not in seen:
            # Report it where it belongs: at the next expected heading the page has, or at the end.
            later = [line for text, line in present if allowed.index(text) > index]
            problems.append(Problem(path, min(later) if later else end_line, "body", f"missing heading '## {heading}': {listing}"))
    order = [text for text, _ in present]
    ranked = sorted(dict.fromkeys(order), key=allowed.index)
    if not problems and order != ranked:
        text, line = next((t, ln) for (t, ln), want in zip(present, ranked, strict=False) if t != want)
        problems.append(Problem(path, line, "body", f"heading '## {text}' is out of order: {listing}"))
    return problems
