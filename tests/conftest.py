"""Fixture sites: a small valid handbook written into tmp_path and built in-process."""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass
from pathlib import Path

import jinja2
import properdocs.replacement  # noqa: F401 - before anything imports mkdocs: mkdocs.* is then properdocs.*
import pytest
from bs4 import BeautifulSoup
from properdocs.commands.build import build
from properdocs.config import load_config
from properdocs.exceptions import Abort
from properdocs.theme import Theme

from handbook.content import types
from handbook.content.types import headings_for

ROOT = Path(__file__).resolve().parent.parent
# "Today" for fixture builds, so that their review dates never fall due as the calendar moves on.
FIXTURE_TODAY = "2026-11-23"
# As the properdocs command does: what plugins and hooks log under "mkdocs." reaches "properdocs", which --strict counts.
logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")


def register_type(monkeypatch: pytest.MonkeyPatch, page_type: types.PageType) -> None:
    """Add a page type for one test: the registry is the one place every stage reads."""
    monkeypatch.setattr(types, "PAGE_TYPES", (*types.PAGE_TYPES, page_type))


def page(front: str, body: str = "Some text that links to [the guide](../sources/guide.md).") -> str:
    """A page from front matter and body; an owner and a review date are added at the end when the front matter has none."""
    front = textwrap.dedent(front).strip()
    keys = {line.split(":", 1)[0] for line in front.splitlines()}
    front += "".join(f"\n{key}: {value}" for key, value in (("owner", "lead"), ("reviewed", FIXTURE_TODAY)) if key not in keys)
    return f"---\n{front}\n---\n\n{body}\n"


def anatomy_body(kind: str, first: str = "Some text that links to [the guide](../sources/guide.md).") -> str:
    """A body with every heading of a type's anatomy, `first` under the first one."""
    headings = headings_for(kind)
    return "\n\n".join([f"## {headings[0]}\n\n{first}", *(f"## {h}\n\nText." for h in headings[1:])])


def ritual_body(first: str = "Some text that links to [the guide](../sources/guide.md).") -> str:
    return anatomy_body("ritual", first)


def minimal_docs() -> dict[str, str]:
    """One valid page of every type."""
    return {
        "tags.yml": "teamwork: Working together.\nrare: A tag used once.\nunused: A tag no page uses.\n",
        "index.md": page("title: Home\nsummary: The home page of the fixture handbook.\nowner: lead\nreviewed: 2026-11-23", "Welcome. See [the lead](roles/lead.md)."),
        "sources/guide.md": page(
            """
            title: A guide
            summary: A practitioner's guide used as a fixture.
            tags: [teamwork]
            kind: practitioner's guide
            author: A team lead
            year: 2025
            owner: lead
            reviewed: 2026-11-23
            """,
            "A guide about teams.",
        ),
        "roles/lead.md": page(
            """
            title: Team lead
            summary: Leads the team and sets its direction.
            tags: [teamwork]
            sources: [guide]
            family: leadership
            short: TL
            owner: lead
            reviewed: 2026-11-23
            """,
            anatomy_body("role", "Leads. Attends [the stand-up](../rituals/stand-up.md)."),
        ),
        "roles/scientist.md": page(
            """
            title: Scientist
            summary: Runs experiments for the team.
            tags: [teamwork]
            sources: [guide]
            family: science
            short: DS
            owner: lead
            reviewed: 2026-11-23
            """,
            anatomy_body("role", "Experiments."),
        ),
        "roles/loner.md": page(
            """
            title: Loner
            summary: A role with no practices at all.
            tags: [teamwork]
            sources: [guide]
            family: stakeholder
            short: LO
            owner: lead
            reviewed: 2026-11-23
            """,
            anatomy_body("role", "Alone."),
        ),
        "rituals/stand-up.md": page(
            """
            title: Stand-up
            summary: A short daily meeting of the whole team.
            tags: [teamwork]
            sources: [guide]
            cadence: daily
            duration_minutes: 15
            prep: Know your blockers.
            roles:
              lead: accountable
              scientist: responsible
            owner: lead
            reviewed: 2026-11-23
            """,
            ritual_body("Every morning. Practise [pairing](../practices/pairing.md)."),
        ),
        "practices/pairing.md": page(
            """
            title: Pairing
            summary: Two people work on one problem together.
            tags: [teamwork, rare]
            sources: [guide]
            roles:
              scientist: accountable
              lead: informed
            owner: lead
            reviewed: 2026-11-23
            """,
            anatomy_body("practice", "Pair up."),
        ),
        "stories/clash.md": page(
            """
            title: A clash
            summary: The lead and the scientist disagreed about a deadline.
            tags: [teamwork]
            sources: [guide]
            parties: [lead, scientist]
            outcome: The team reported that they shipped on time.
            owner: lead
            reviewed: 2026-11-23
            """,
            "They talked.",
        ),
        "myths/magic.md": page(
            """
            title: Magic
            summary: The belief that models are magic boxes.
            tags: [teamwork]
            sources: [guide]
            belief: Models are magic.
            reality: Models need data.
            concerns: [scientist]
            owner: lead
            reviewed: 2026-11-23
            """,
            "Not magic.",
        ),
        "notags.md": page(
            """
            title: No tags here
            summary: A general page that still needs a tag.
            tags: [teamwork]
            sources: [guide]
            owner: lead
            reviewed: 2026-11-23
            """,
            "Text.",
        ),
    }


# Every build makes a new Jinja environment and compiles Material's templates again, a third of a small build's time.
# The tests' builds share the compiled templates through Jinja's own bytecode cache, keyed by each template's source.
_BYTECODE = jinja2.FileSystemBytecodeCache(str(ROOT / ".cache" / "test-jinja"))
_theme_env = Theme.get_env


def _cached_env(self: Theme) -> jinja2.Environment:
    env = _theme_env(self)
    env.bytecode_cache = _BYTECODE
    return env


(ROOT / ".cache" / "test-jinja").mkdir(parents=True, exist_ok=True)
Theme.get_env = _cached_env  # type: ignore[method-assign]


# The link-preview cards drawn by fixture builds, shared by every test (cached_card writes each atomically): a card is
# the same picture for the same title, and drawing it is a third of a small build.
SHARED_CARDS = ROOT / ".cache" / "test-social-cards"


def write_docs(root: Path, files: dict[str, str | bytes]) -> Path:
    cards = root / ".cache" / "social-cards"
    if not cards.exists():
        SHARED_CARDS.mkdir(parents=True, exist_ok=True)
        cards.parent.mkdir(parents=True, exist_ok=True)
        cards.symlink_to(SHARED_CARDS, target_is_directory=True)
    docs = root / "docs"
    for name, content in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return docs


def fixture_config(root: Path) -> Path:
    """The real mkdocs.yml, pointed at the fixture's docs and at the repository's hooks and theme."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - hooks/", f"  - {ROOT / 'hooks'}/").replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    path = root / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Built:
    site: Path
    messages: list[str]  # warnings and errors
    ok: bool
    info: tuple[str, ...] = ()  # everything the build logged at INFO, for the real site

    def html(self, url: str) -> BeautifulSoup:
        path = self.site / url.strip("/") / "index.html" if url.endswith("/") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def errors(self) -> list[str]:
        return [m for m in self.messages if m.startswith("docs/")]


@pytest.fixture
def build_site(tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch):
    def run(files: dict[str, str | bytes], *, strict: bool = True, name: str = "site", today: str = FIXTURE_TODAY) -> Built:
        root = tmp_path / name
        root.mkdir()
        write_docs(root, files)
        monkeypatch.setenv("HANDBOOK_TODAY", today)
        config = load_config(str(fixture_config(root)), strict=strict)
        caplog.clear()
        ok = True
        with caplog.at_level(logging.WARNING, logger="properdocs"):
            try:
                build(config)
            except Abort:
                ok = False
        messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        return Built(root / "site", messages, ok)

    return run


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = tmp_path_factory.mktemp("real") / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site))
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("properdocs")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        build(config)
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    return Built(site, warnings, ok, tuple(r.getMessage() for r in records if r.levelno == logging.INFO))
