"""The offline bundle: dist/handbook-offline-<date>.zip, browsable from file:// with search.

Builds the site with Material's offline plugin (HANDBOOK_OFFLINE=true), adds
the PDFs from site/pdf when they exist, and zips it under one top folder,
leaving out source maps and the second copy of the search index.
usage: python -m handbook.output.offline [--config mkdocs.yml] [--pdf site/pdf] [--out dist]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from handbook.content.settings import today
from handbook.output.project import Project
from handbook.output.publish import build_steps


def build_offline_site(config: Path, site: Path, *, with_pdf: bool = False) -> None:
    # Download buttons only when the PDFs go into the bundle too.
    env = {**os.environ, "HANDBOOK_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "true" if with_pdf else "false",
           "HANDBOOK_SOCIAL_CARDS": "false"}
    project = Project(config) if config.suffix else Project.for_team(config)
    for command in build_steps(project, site, project.root / ".cache" / "offline"):
        subprocess.run(command, env=env, check=True)


def bundled(site: Path) -> list[Path]:
    """The files the bundle holds: all of the site but source maps and, where the offline plugin wrote
    search/search_index.js (the copy a page opened from file:// loads), the JSON copy of the same index."""
    skip = {site / "search" / "search_index.json"} if (site / "search" / "search_index.js").is_file() else set()
    return [path for path in sorted(site.rglob("*")) if path.is_file() and path.suffix != ".map" and path not in skip]


def zip_site(site: Path, archive: Path, top: str) -> Path:
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in bundled(site):
            bundle.write(path, f"{top}/{path.relative_to(site).as_posix()}")
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--pdf", type=Path, default=Path("site/pdf"))
    parser.add_argument("--out", type=Path, default=Path("dist"))
    args = parser.parse_args()
    top = f"handbook-offline-{today().isoformat()}"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / top
        try:
            build_offline_site(args.config.resolve(), site, with_pdf=args.pdf.is_dir())
        except subprocess.CalledProcessError:
            print("Offline build failed; nothing was written.", file=sys.stderr)
            return 1
        if args.pdf.is_dir():
            shutil.copytree(args.pdf, site / "pdf")
        archive = zip_site(site, args.out / f"{top}.zip", top)
    print(f"Wrote {archive} ({archive.stat().st_size / 1_048_576:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
