"""Review dates: what "today" is, and which pages are due for another review.

Every page names an `owner` (a role) and the day it was last `reviewed`. A page
whose review is older than the configured age is due: the build warns about
it without failing, and lists it on the generated "Review due" page.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

TODAY_VARIABLE = "HANDBOOK_TODAY"
DEFAULT_REVIEW_AFTER_DAYS = 365


class SettingError(ValueError):
    """A setting (environment variable or mkdocs.yml value) that cannot be used."""


def today(environ: Mapping[str, str] = os.environ) -> date:
    """HANDBOOK_TODAY (YYYY-MM-DD) when set, so that tests and rebuilds of old sites are repeatable; else the date."""
    value = environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SettingError(f"{TODAY_VARIABLE}='{value}' is not a date: set it as YYYY-MM-DD, such as 2026-11-23, or unset it") from None


def review_after_days(value: object) -> int:
    """The configured age (mkdocs.yml `extra: review_after_days`) after which a page is due for review."""
    if value is None:
        return DEFAULT_REVIEW_AFTER_DAYS
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingError(f"extra.review_after_days: '{value}' is not a number of days: give a whole number such as 365")
    return value


@dataclass(frozen=True)
class Freshness:
    today: date
    after_days: int = DEFAULT_REVIEW_AFTER_DAYS

    @classmethod
    def from_settings(cls, after_days: object = None, environ: Mapping[str, str] = os.environ) -> Freshness:
        return cls(today(environ), review_after_days(after_days))

    def age(self, reviewed: date) -> int:
        return (self.today - reviewed).days

    def is_due(self, reviewed: date) -> bool:
        return self.age(reviewed) > self.after_days
