"""Settings: every value a build reads from mkdocs.yml and the environment, read once and validated.

Also what "today" is (HANDBOOK_TODAY), and the review age: every page names an
`owner` (a role) and the day it was last `reviewed`; a page whose review is
older than the configured age is due (a build warning, and the "Review due" page).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.content.problems import Problem

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
        day = date.fromisoformat(value)
    except ValueError:
        raise SettingError(f"{TODAY_VARIABLE}='{value}' is not a date: set it as YYYY-MM-DD, such as 2026-11-23, or unset it") from None
    # The team file's dates keep to these years too (handbook.content.team): a page adds years and days to today.
    if not 1970 <= day.year <= 2099:
        raise SettingError(f"{TODAY_VARIABLE}='{value}' is not a day to build for: give a year from 1970 to 2099, or unset it")
    return day


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


def flag(name: str, value: object) -> bool:
    """A yes/no setting, the same way everywhere: true/false, yes/no, 1/0 (any case) or a YAML boolean."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off", ""):
        return False
    raise SettingError(f"{name}: '{value}' is not a yes/no setting: use true or false")


@dataclass(frozen=True)
class Settings:
    """Every setting of a build, read once: mkdocs.yml's values (with their environment overrides) and HANDBOOK_TODAY."""

    site_name: str = "Cross-Functional AI Team Handbook"
    site_description: str = ""
    # The public address ("" when unset): canonical links, the sitemap, cards, llms.txt, the CSV's links.
    site_url: str = ""
    # Whether HANDBOOK_SITE_URL gives the address (else it is team.yml's, or mkdocs.yml's placeholder).
    site_url_given: bool = False
    repo_url: str = ""
    today: date = date(2026, 1, 1)
    review_after_days: int = DEFAULT_REVIEW_AFTER_DAYS
    # PDF download buttons, only in builds that also make the PDFs (HANDBOOK_PDF).
    pdf_downloads: bool = False
    # A link-preview card per page (HANDBOOK_SOCIAL_CARDS); none without a site_url.
    social_cards: bool = True

    @classmethod
    def read(cls, config: Mapping[str, object], environ: Mapping[str, str] = os.environ) -> Settings:
        """From a loaded mkdocs.yml's values (a mapping with site_name, site_url, repo_url, extra, ...)."""
        extra = config.get("extra") or {}
        if not isinstance(extra, Mapping):
            raise SettingError("extra: must be a mapping of settings")
        return cls(
            site_name=str(config.get("site_name") or cls.site_name),
            site_description=str(config.get("site_description") or ""),
            site_url=str(config.get("site_url") or ""),
            site_url_given=bool(environ.get("HANDBOOK_SITE_URL", "").strip()),
            repo_url=str(config.get("repo_url") or ""),
            today=today(environ),
            review_after_days=review_after_days(extra.get("review_after_days")),
            pdf_downloads=flag("extra.pdf_downloads (HANDBOOK_PDF)", extra.get("pdf_downloads", False)),
            social_cards=flag("extra.social_cards (HANDBOOK_SOCIAL_CARDS)", extra.get("social_cards", True)),
        )

    @property
    def freshness(self) -> Freshness:
        return Freshness(self.today, self.review_after_days)

    @property
    def cards(self) -> bool:
        """Cards need an address to be linked from; the offline bundle turns them off."""
        return bool(self.site_url) and self.social_cards


# --- mkdocs.yml, read without MkDocs ------------------------------------------


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, ..., default]` as MkDocs reads it (the first variable set, its value read as YAML,
    else the default) when given the environment, else as its default; Python tags become None."""

    environ: Mapping[str, str] | None = None


def _tagged(loader: _SettingsLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix != "ENV":
        return None
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    names = [loader.construct_object(item) for item in (items[:-1] if len(items) > 1 else items)]
    default = loader.construct_object(items[-1]) if len(items) > 1 else None
    for name in names:
        value = (loader.environ or {}).get(str(name))
        if value is not None:
            return yaml.safe_load(value) if value.strip() else value
    return default


_SettingsLoader.add_multi_constructor("!", _tagged)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def read_settings(config: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """mkdocs.yml's values, with `!ENV` read from `environ` (or its defaults without one); {} when it does not parse
    (`config_problems` says why)."""
    try:
        return _parsed(config, environ)
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}


def _parsed(config: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    if not config.is_file():
        return {}
    loader = type("_Loader", (_SettingsLoader,), {"environ": environ})
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=loader)
    return data if isinstance(data, dict) else {}


def config_problems(config: Path) -> list[Problem]:
    """mkdocs.yml as YAML: a file the engine could not read, at its line."""
    try:
        _parsed(config)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [Problem(config.name, mark.line + 1 if mark else 1, "yaml", f"does not parse: {(error.problem or 'invalid YAML').strip()}")]
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [Problem(config.name, 1, "yaml", f"does not parse: {error}")]
    return []
