"""A stand-in for an assembled site source, for `make engines` until `python -m handbook assemble OUT` exists.

One ProperDocs build of the handbook, with its hooks, and what it made written out as plain files:
OUT/docs/ holds every page with its generated sections put in as raw HTML blocks (where the hooks put
them after conversion), every generated page and file, the stylesheets and scripts; OUT/overrides/ the
template overrides; OUT/mkdocs.yml the project's settings with every `!ENV` resolved, no hooks, no
plugin but `search` (and Material's `offline` flag, off) and the navigation that build made, written out.

It is not the assembled site: the sections are HTML where `assemble` may write Markdown, the glossary's
hover texts, the search exclusions, the redirect stubs and the social cards are left out, and so are the
template downloads whose names end in `.md`.
usage: python -m bench.stand_in OUT
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import properdocs.replacement  # noqa: F401 - mkdocs.* (Material, plugins, hooks) is then properdocs.*
import yaml
from properdocs.commands.build import build
from properdocs.config import load_config
from yaml_env_tag import construct_env_tag

from handbook.output.build import KEY
from handbook.views.sections import PATH_MARK

ROOT = Path(__file__).resolve().parent.parent
# Read by the hooks from the source folder; not part of a site.
SOURCE_ONLY = (".nav.yml", "tags.yml")


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml as the build reads it: `!ENV [NAME, default]` is the environment's value, else the default."""


_EnvLoader.add_constructor("!ENV", construct_env_tag)


def settings(config_file: Path) -> dict[str, Any]:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_EnvLoader)


def nav_entry(item: Any) -> Any:
    """One item of MkDocs' Navigation as mkdocs.yml's `nav:` writes it."""
    if getattr(item, "is_section", False):
        return {item.title: [nav_entry(child) for child in item.children]}
    if getattr(item, "is_page", False):
        return {item.title: item.file.src_uri} if item.title else item.file.src_uri
    return {item.title: item.url}


def plain_config(project: dict[str, Any], nav: list[Any]) -> dict[str, Any]:
    """The project's settings for an engine that runs no hooks: the same theme and extensions, an explicit nav."""
    config = {key: value for key, value in project.items() if key not in ("hooks", "plugins", "site_dir")}
    search = next((p["search"] for p in project.get("plugins", []) if isinstance(p, dict) and "search" in p), {})
    config["plugins"] = [{"search": search}, {"offline": {"enabled": False}}]
    config["extra"] = {key: value for key, value in project.get("extra", {}).items() if key != "polyfills"}
    if not config.get("repo_url"):
        # As the build does with no repository: no edit links that lead nowhere.
        config.pop("repo_url", None)
        config.pop("edit_uri", None)
    config["nav"] = nav
    return config


def page_source(original: str, parts: Any) -> str:
    """A page as one Markdown file: its front matter, then its generated parts where the hooks put them, as HTML blocks."""
    front = ""
    if original.startswith("---\n"):
        end = original.find("\n---", 4)
        if end != -1:
            front = original[: end + 4] + "\n\n"
    markdown = parts.markdown.replace(PATH_MARK, f"\n\n{parts.path.html}\n\n", 1) if parts.path.html else parts.markdown
    blocks = [parts.top.html, markdown, parts.end.html, parts.foot.html]
    return front + "\n\n".join(block.strip("\n") for block in blocks if block.strip()) + "\n"


def make_stand_in(out: Path, config_file: Path = ROOT / "mkdocs.yml") -> Path:
    """Write the stand-in to `out` (replacing what was there) and return `out`."""
    logging.getLogger("properdocs").setLevel(logging.ERROR)
    cards = os.environ.get("HANDBOOK_SOCIAL_CARDS")
    os.environ["HANDBOOK_SOCIAL_CARDS"] = "false"  # the stand-in carries no cards: none is drawn
    recorded: list[Any] = []

    # Last of the `nav` event: the navigation as the hooks leave it (roles a team lacks taken out).
    def record(nav: Any, **_: Any) -> Any:
        recorded.append(nav)
        return nav

    try:
        config = load_config(str(config_file))
        config.plugins.events["nav"].append(record)
        with tempfile.TemporaryDirectory() as site:
            config["site_dir"] = site
            build(config)
    finally:
        if cards is None:
            os.environ.pop("HANDBOOK_SOCIAL_CARDS", None)
        else:
            os.environ["HANDBOOK_SOCIAL_CARDS"] = cards
    state = config.plugins[KEY]
    docs = Path(config["docs_dir"])

    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(docs, out / "docs", ignore=shutil.ignore_patterns(*SOURCE_ONLY))
    custom_dir = config_file.parent / "overrides"
    if custom_dir.is_dir():
        shutil.copytree(custom_dir, out / "overrides")
    for src_uri, parts in state.parts.items():
        target = out / "docs" / src_uri
        if (docs / src_uri).is_file():
            target.write_text(page_source((docs / src_uri).read_text(encoding="utf-8"), parts), encoding="utf-8")
    for output in state.outputs:
        if not output.is_page and output.path.endswith(".md"):
            continue  # a download named like a page: an engine would render it
        target = out / "docs" / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        parts = state.parts.get(output.path) if output.is_page else None
        # A generated page's HTML body is its `end` part, as on a hand-written page.
        text = output.front_matter() + page_source("", parts) if parts is not None else output.file_text()
        target.write_text(text, encoding="utf-8")
    nav = [nav_entry(item) for item in recorded[-1].items] if recorded else []
    plain = plain_config(settings(config_file), nav)
    (out / "mkdocs.yml").write_text(
        "# A stand-in for an assembled site source, written by bench/stand_in.py.\n" + yaml.safe_dump(plain, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    out = make_stand_in(Path(sys.argv[1]).resolve())
    print(f"stand-in written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
