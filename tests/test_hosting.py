"""Hosting: deploy/nginx.conf and deploy/redirects-to-nginx, run with nginx itself on a small site.

The container recipe (deploy/Dockerfile) cannot be built here, so its nginx side is
checked the way the image uses it: the config rendered with the same envsubst names,
`nginx -t`, then a real server on 127.0.0.1 answering real requests.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
import yaml

from bench.nginx import CONFIG, DEPLOY, ENVSUBST, SCRIPT, NginxMissing, Server, nginx_path, serve
from conftest import ROOT

LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"


def big_page() -> str:
    """Some 25 KB of HTML, with the repeated markup of a built page's navigation and tables."""
    rows = "\n".join(
        f'<tr><td><a href="../../rituals/{ritual.stem}/">{ritual.stem.replace("-", " ").capitalize()}</a></td>'
        f'<td class="hb-raci">R</td><td>{ritual.read_text(encoding="utf-8")[:300]}</td></tr>'
        for ritual in sorted((ROOT / "docs" / "rituals").glob("*.md"))
    )
    nav = "\n".join(f'<li class="md-nav__item"><a class="md-nav__link" href="../{p.stem}/">{p.stem}</a></li>' for p in sorted((ROOT / "docs" / "roles").glob("*.md")))
    body = "\n".join([f'<nav class="md-nav"><ul>{nav}</ul></nav>', f"<table>{rows}</table>"] * 3)
    return f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Data scientist</title></head><body>{body}</body></html>\n'


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    try:
        nginx_path()
    except NginxMissing as missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"under CI=true the hosting test must run: {missing}")
        pytest.skip(str(missing))
    base = tmp_path_factory.mktemp("hosting")
    site = base / "site"
    for path, text in {
        "index.html": "<!doctype html><title>Welcome</title><p>The handbook.</p>\n",
        "404.html": "<!doctype html><title>Not found</title><p>This page does not exist: hb-404-marker.</p>\n",
        "assets/javascripts/bundle.abc123.min.js": "/* bundle */\n" + "function f(a){return a+1}\n" * 200,
        "javascripts/handbook.js": "// the site's own script, not hashed\n",
        "roles/data-scientist/index.html": big_page(),
        "rituals/daily-stand-up/index.html": "<!doctype html><title>Daily stand-up</title>\n",
        "team/rhythm.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        "_redirects": "# Moved pages\n/rituals/standup/ /rituals/daily-stand-up/ 301\n",
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    with serve(site, base) as running:
        yield running


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(_NoRedirects)


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={key.replace("_", "-"): value for key, value in headers.items()})
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_html_is_gzipped_for_a_browser_that_accepts_it(server):
    page = (server.site / "roles" / "data-scientist" / "index.html").read_bytes()
    status, headers, body = get(f"{server.url}/roles/data-scientist/", Accept_Encoding="gzip")
    assert (status, headers["content-encoding"], headers["vary"]) == (200, "gzip", "Accept-Encoding")
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert gzip.decompress(body) == page
    assert len(body) < len(page) / 4, f"gzip: {len(page)} -> {len(body)} bytes"
    status, headers, body = get(f"{server.url}/roles/data-scientist/")
    assert "content-encoding" not in headers and body == page


def test_a_hashed_asset_is_cached_for_a_year_and_html_briefly(server):
    status, headers, _ = get(f"{server.url}/assets/javascripts/bundle.abc123.min.js", Accept_Encoding="gzip")
    assert (status, headers["cache-control"], headers["content-encoding"]) == (200, LONG, "gzip")
    assert headers["content-type"].startswith(("application/javascript", "text/javascript"))
    for path in ("/", "/roles/data-scientist/", "/javascripts/handbook.js"):
        status, headers, _ = get(f"{server.url}{path}")
        assert (path, status, headers["cache-control"]) == (path, 200, SHORT)


def test_an_unknown_address_gets_the_sites_404_page(server):
    status, headers, body = get(f"{server.url}/no/such/page/")
    assert status == 404
    assert body == (server.site / "404.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"


def test_a_moved_page_answers_with_a_real_301(server):
    status, headers, _ = get(f"{server.url}/rituals/standup/")
    assert (status, headers["location"]) == (301, "/rituals/daily-stand-up/")
    status, headers, _ = get(f"{server.url}/rituals/daily-stand-up")
    assert (status, headers["location"]) == (301, "/rituals/daily-stand-up/")


def test_the_teams_calendar_is_served_as_a_calendar(server):
    status, headers, body = get(f"{server.url}/team/rhythm.ics")
    assert (status, headers["content-type"]) == (200, "text/calendar; charset=utf-8")
    assert body.startswith(b"BEGIN:VCALENDAR")


def test_the_server_logged_no_warning(server):
    get(f"{server.url}/")
    assert [line for line in server.log.read_text(encoding="utf-8").splitlines() if "[warn]" in line or "[error]" in line and "No such file" not in line] == []


@pytest.mark.parametrize(("line", "message"), [
    ("/old/ /new/;return 200 x; 301", "a line is \"/old/path/ /new/path/ 301\": this one has 5 fields"),
    ("/old/{ /new/ 301", "\"/old/{\" is not a plain path such as /old/path/: only letters, digits, . _ ~ - and /"),
    ("/old/ /new/$uri 301", "\"/new/$uri\" is not a plain path such as /new/path/ or an address such as https://example.com/new/path/"),
    ("/old/ /new/ 200", "\"200\" is not a redirect status: use 301 (moved for good), 302, 307 or 308"),
    ("/old/../etc/ /new/ 301", "\"/old/../etc/\" is not a plain path such as /old/path/: only letters, digits, . _ ~ - and /"),
])
def test_a_redirect_that_is_not_a_plain_path_is_refused(tmp_path, line, message):
    (tmp_path / "_redirects").write_text(f"/fine/ /ok/ 301\n{line}\n", encoding="utf-8")
    made = subprocess.run(["sh", str(SCRIPT), str(tmp_path / "_redirects")], capture_output=True, text=True, check=False)
    assert (made.returncode, made.stderr) == (1, f"{tmp_path / '_redirects'}:2: {message}\n")


def test_redirects_become_exact_locations(tmp_path):
    (tmp_path / "_redirects").write_text("# moved\n\n/rituals/standup/ /rituals/daily-stand-up/ 301\r\n/old/ https://example.com/new/\n/a/ /b/ 301\n/a/ /c/ 301\n", encoding="utf-8")
    made = subprocess.run(["sh", str(SCRIPT), str(tmp_path / "_redirects")], capture_output=True, text=True, check=False)
    assert made.stdout.splitlines()[1:] == ["location = /rituals/standup/ { return 301 /rituals/daily-stand-up/; }", "location = /old/ { return 301 https://example.com/new/; }",
                                           "location = /a/ { return 301 /b/; }"]
    assert (made.returncode, made.stderr) == (1, f"{tmp_path / '_redirects'}:6: /a/ is redirected twice (first at line 5): keep one\n")
    missing = subprocess.run(["sh", str(SCRIPT), str(tmp_path / "none")], capture_output=True, text=True, check=True)
    assert missing.stdout == "# No redirects: the site has no _redirects.\n"


def test_the_dockerfile_fills_in_every_placeholder_of_the_config():
    placeholders = set(re.findall(r"\$\{(HANDBOOK_\w+)\}", CONFIG.read_text(encoding="utf-8")))
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert placeholders == set(re.findall(r"\$\{(\w+)\}", ENVSUBST)) == {"HANDBOOK_ROOT", "HANDBOOK_LISTEN", "HANDBOOK_REDIRECTS"}
    assert all(re.search(rf"\b{name}=", dockerfile) for name in placeholders)
    assert "make publish" in dockerfile and "redirects-to-nginx site/_redirects" in dockerfile


def test_the_ci_recipes_publish_what_make_publish_builds():
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))["with"]["python-version"] == "3.11"
    assert any("libpango-1.0-0 libpangoft2-1.0-0" in s.get("run", "") for s in steps)
    assert any(s.get("run") == "make publish" for s in steps)
    assert next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site/"
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert (gitlab["image"], gitlab["variables"]["GIT_DEPTH"], gitlab["artifacts"]["paths"]) == ("python:3.11", "0", ["public"])
    assert gitlab["script"][1:] == ["make publish", "rm -rf public", "cp -r site public"]
    assert gitlab["script"][0].startswith("export HANDBOOK_PUBLIC=")  # see test_team_safety.py
    assert "nginx" in (ROOT / ".ci" / "run").read_text(encoding="utf-8").split("packages=", 1)[1].split("\n", 1)[0]
