"""Lighthouse, mobile, on pages of a built site served as it is published (nginx with gzip, deploy/nginx.conf).

Runs each page several times and prints the median performance score, total blocking
time, largest contentful paint and layout shift, with the other three category scores.
Goals (issue 22): every page 98 or more; the matrix at least 95 with TBT under 200 ms.
usage: python -m bench.lighthouse [--site site] [--runs 3] [/matrix/ /roles/data-scientist/ ...]
Lighthouse is a Node program: `make lighthouse` installs it into .cache/lighthouse with npm.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.nginx import ROOT, serve

PAGES = ["/", "/roles/data-scientist/", "/rituals/daily-stand-up/", "/matrix/", "/templates/team-charter/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_path() -> str | None:
    return os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse") or next(
        (str(p) for p in [ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"] if p.exists()), None)


def chromium_path() -> str | None:
    return os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def run_once(lighthouse: str, chromium: str, url: str, out: Path) -> dict[str, float]:
    subprocess.run([lighthouse, url, "--quiet", "--form-factor=mobile", f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--output=json", f"--output-path={out}"],
                   env={**os.environ, "CHROME_PATH": chromium}, check=True, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    found = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    found |= {metric: audits[audit]["numericValue"] for metric, audit in
              (("tbt", "total-blocking-time"), ("lcp", "largest-contentful-paint"), ("cls", "cumulative-layout-shift"),
               ("elements", "dom-size"))}
    return found


def spread(runs: list[dict[str, float]], key: str) -> str:
    """The range of one figure over the runs, as the median alone hides how much this machine swings."""
    return f"{min(r[key] for r in runs):.0f}-{max(r[key] for r in runs):.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    lighthouse, chromium = lighthouse_path(), chromium_path()
    if lighthouse is None or chromium is None:
        print("needs Lighthouse (`make lighthouse` installs it with npm) and Chromium (CHROME_PATH, or `chromium` on PATH)", file=sys.stderr)
        return 2
    if not (args.site / "index.html").exists():
        print(f"{args.site}: no built site (make build)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work, serve(args.site, Path(work), access_log=False) as server:
        print(f"Lighthouse mobile, median of {args.runs}, {args.site} behind nginx with gzip")
        print(f"{'page':32} perf  TBT ms  LCP ms   CLS  a11y  best  SEO  elements")
        for page in args.pages:
            runs = [run_once(lighthouse, chromium, server.url + page, Path(work) / "report.json") for _ in range(args.runs)]
            median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            print(f"{page:32} {median['performance']:4.0f} {median['tbt']:7.0f} {median['lcp']:7.0f} {median['cls']:5.2f}"
                  f"  {median['accessibility']:4.0f}  {median['best-practices']:4.0f}  {median['seo']:3.0f}  {median['elements']:8.0f}"
                  f"   (perf {spread(runs, 'performance')}, TBT {spread(runs, 'tbt')}, elements {spread(runs, 'elements')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
