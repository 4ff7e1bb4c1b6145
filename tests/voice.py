"""How much a page narrates its sources instead of speaking as the handbook.

A narrated attribution is a phrase such as "the essay says", "the course
session's example" or "according to the guide". Footnote definitions and the
source pages themselves are not counted: citing is what they are for.
usage: python tests/voice.py [docs]   (prints attributions per 1,000 words, per folder)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_DOCS = ("essay", "article", "guide", "course", "session", "notes", "source", "sources", "author", "document", "documents", "interview")
ATTRIBUTION = re.compile(
    r"\b(?:the|this|that|its|their|one|both|all|two|three|four|five)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(_DOCS) + r")(?:'s|s'|')?\b"
    r"|\baccording to\b|\bthe sources?\s+(?:say|says|differ|disagree|agree|report|reports|suggest|suggests)\b",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:.*$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# Names of page types and features, not attributions.
_NOT = re.compile(r"\b(?:decision guides?|this guide|the guide below|exercise guide)\b", re.IGNORECASE)


def body(text: str) -> str:
    return _FOOTNOTE.sub("", _FRONT.sub("", text, count=1))


def counts(path: Path) -> tuple[int, int]:
    """(attributions, words) of one page."""
    text = _NOT.sub("", body(path.read_text(encoding="utf-8")))
    return len(ATTRIBUTION.findall(text)), len(text.split())


def main() -> int:
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    total_a = total_w = 0
    by_folder: dict[str, list[int]] = {}
    for page in sorted(docs.rglob("*.md")):
        if page.relative_to(docs).parts[0] == "sources":
            continue
        a, w = counts(page)
        folder = page.relative_to(docs).parts[0] if len(page.relative_to(docs).parts) > 1 else "(top)"
        by_folder.setdefault(folder, [0, 0])
        by_folder[folder][0] += a
        by_folder[folder][1] += w
        total_a, total_w = total_a + a, total_w + w
    for folder, (a, w) in sorted(by_folder.items()):
        print(f"{folder:16} {a:5} attributions {w:7} words {1000 * a / max(w, 1):5.1f} per 1,000")
    print(f"{'all':16} {total_a:5} attributions {total_w:7} words {1000 * total_a / max(total_w, 1):5.1f} per 1,000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
