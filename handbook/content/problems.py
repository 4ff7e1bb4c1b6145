"""A content problem, reported as `docs/<path>.md:<line>: <field>: <what is wrong>`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # Line 0: a setting with no line of its own (an environment variable).
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised with every problem of a build at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        super().__init__(f"{count} content problem{'s' if count != 1 else ''}; see the lines above")
