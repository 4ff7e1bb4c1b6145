"""`handbook new-team DIR`: a team's repository, holding only what is the team's own.

It is small (a dozen files): the team file, an empty `docs/` for the team's own
pages, `handbook.txt` (the handbook's version and where pip installs it from),
a Makefile, the hosting recipes and Backstage's `catalog-info.yaml`. The
handbook itself (pages, templates, code) is the installed package, so the team
never edits a file of the handbook's and an upgrade never conflicts.

Where pip installs the handbook from (`--from`):

- a folder of wheels: `--find-links <folder>` (a relative folder is relative to handbook.txt);
- a package index: `--index-url <https://.../simple/>`;
- a git repository: `ai-team-handbook @ git+https://...@v<version>`;
- nothing: the index pip is configured with.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from handbook.content.upstream import DISTRIBUTION, upstream, version
from handbook.content.urls import page_id
from handbook.tools.init import Answers, team_text

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "team_repo"
PIN = "handbook.txt"
# The files copied as they are from the handbook: the container, its web server and redirects, the team file's schema and example.
COPIED = {"deploy/Dockerfile": "deploy/Dockerfile", "deploy/nginx.conf": "deploy/nginx.conf", "deploy/redirects-to-nginx": "deploy/redirects-to-nginx",
          "schema/team.json": "team.schema.json", "examples/team.yml": "team.example.yml"}
_PIN_LINE = re.compile(rf"^{re.escape(DISTRIBUTION)}(\[[a-z,]+\])?\s*(==\s*(?P<version>[^\s;#]+)|@\s*(?P<url>\S+))", re.M)


class TeamRepoError(Exception):
    """A refusal, printed as one line: what is wrong and the fix."""


@dataclass(frozen=True)
class Source:
    """Where pip installs the handbook from."""

    kind: str  # "folder", "index", "git" or "default"
    where: str = ""

    @classmethod
    def parse(cls, text: str | None) -> Source:
        text = (text or "").strip()
        if not text:
            return cls("default")
        if text.startswith("git+"):
            return cls("git", text.split("@v", 1)[0] if re.search(r"@v\d", text) else text)
        if text.startswith(("https://", "http://")):
            return cls("index", text)
        if "\n" in text or any(ord(c) < 32 for c in text):
            raise TeamRepoError("--from: give one folder, index address or git URL")
        return cls("folder", text)

    def pin(self, at: str) -> str:
        """handbook.txt for version `at`: pip's requirements file."""
        head = [
            "# The handbook this team builds with, for pip: `make update` moves the version; the team never edits the",
            "# handbook's own files. Install it from a folder of wheels (--find-links), a package index (--index-url),",
            f"# or a git repository ({DISTRIBUTION}[pdf] @ git+https://.../handbook.git@v<version>).",
        ]
        if self.kind == "git":
            return "\n".join([*head, f"{DISTRIBUTION}[pdf] @ {self.where}@v{at}"]) + "\n"
        option = {"folder": f"--find-links {self.where}", "index": f"--index-url {self.where}"}.get(self.kind)
        return "\n".join([*head, *([option] if option else []), f"{DISTRIBUTION}[pdf]=={at}"]) + "\n"


def pinned(text: str) -> tuple[str | None, Source]:
    """The version handbook.txt pins and where it installs from."""
    found = _PIN_LINE.search(text)
    if found is None:
        raise TeamRepoError(f"{PIN}: no line pins {DISTRIBUTION}: write one such as {DISTRIBUTION}[pdf]==1.0.0")
    if found.group("url"):
        url = found.group("url")
        at = re.search(r"@v(\d[^\s#]*)$", url)
        return (at.group(1) if at else None), Source("git", url[: at.start()] if at else url)
    for line in text.splitlines():
        option, _, value = line.strip().partition(" ")
        if option in ("--find-links", "-f"):
            return found.group("version"), Source("folder", value.strip())
        if option in ("--index-url", "-i"):
            return found.group("version"), Source("index", value.strip())
    return found.group("version"), Source("default")


def repinned(text: str, new: str) -> str:
    """handbook.txt moved to version `new` (`==new`, or `@vnew` for git), every other line as it was."""
    found = _PIN_LINE.search(text)
    if found is None:
        raise TeamRepoError(f"{PIN}: no line pins {DISTRIBUTION}: write one such as {DISTRIBUTION}[pdf]==1.0.0")
    if found.group("url"):
        url = re.sub(r"@v\d[^\s#]*$", "", found.group("url")) + f"@v{new}"
        return text[: found.start("url")] + url + text[found.end("url") :]
    return text[: found.start("version")] + new + text[found.end("version") :]


def _markdown(text: str) -> str:
    """A value written into Markdown as text: every character that could start markup escaped."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~&])", r"\\\1", text)


def _yaml(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def _render(template: str, answers: Answers) -> str:
    team_id = page_id(answers.name) or "team"
    return (template.replace("{{TEAM_MD}}", _markdown(answers.name)).replace("{{TEAM_YAML}}", _yaml(answers.name))
            .replace("{{TITLE_YAML}}", _yaml(f"{answers.name} handbook"))
            .replace("{{DESCRIPTION_YAML}}", _yaml(f"How {answers.name} works, built on the Cross-Functional AI Team Handbook."))
            .replace("{{ID}}", team_id).replace("{{VERSION}}", version()))


def files(answers: Answers, roles: dict[str, str], source: Source) -> dict[str, str | Path]:
    """Every file of the new repository: path -> text, or the handbook's file to copy."""
    found: dict[str, str | Path] = {
        "team.yml": team_text(answers, roles, schema="team.schema.json", example="team.example.yml", by="handbook new-team"),
        PIN: source.pin(version()),
        "docs/.gitkeep": "",
    }
    for template in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        found[template.relative_to(TEMPLATES).as_posix()] = _render(template.read_text(encoding="utf-8"), answers)
    found.update({target: upstream() / source_path for source_path, target in COPIED.items()})
    return found


def new_team(target: Path, answers: Answers, roles: dict[str, str], source: Source) -> list[str]:
    """Write the repository into `target` (missing or empty); the paths written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise TeamRepoError(f"{target} is not empty: give a new folder, such as {target.name}-handbook")
    if source.kind == "folder" and not Path(source.where).is_absolute():
        # pip reads a relative --find-links from the requirements file's folder: keep the folder the command was given.
        source = Source("folder", os.path.relpath(Path(source.where).resolve(), target.resolve()))
    written = []
    for relative, content in files(answers, roles, source).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
            shutil.copymode(content, path)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(relative)
    return written
