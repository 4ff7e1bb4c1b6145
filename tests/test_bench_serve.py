"""The serve benchmark's edits: what it writes, that every file ends as it was, and its timing through HTTP (on a stand-in server)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from bench import serve
from bench.serve import edit_to_visible, page_url, page_with, restored, summary, team_with, token, wait_for
from handbook.content.team_file import read_team

ROOT = Path(__file__).resolve().parent.parent


def test_a_file_is_put_back_after_a_failure_and_after_ctrl_c(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"---\ntitle: A\n---\n\nText\r\nwith a CRLF and no final newline")
    original = page.read_bytes()
    for interruption in (RuntimeError("the server stopped"), KeyboardInterrupt()):
        with pytest.raises(type(interruption)), restored(page):
            page.write_text(page_with(page.read_text(encoding="utf-8"), token()), encoding="utf-8")
            raise interruption
        assert page.read_bytes() == original


def test_a_file_that_was_not_there_is_removed(tmp_path: Path) -> None:
    team = tmp_path / "team.yml"
    with pytest.raises(SystemExit), restored(team):
        team.write_text("name: Serve benchmark team\n", encoding="utf-8")
        raise SystemExit(143)  # SIGTERM, as bench.serve turns it into
    assert not team.exists()


def test_an_untouched_file_is_not_rewritten(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Text\n", encoding="utf-8")
    before = page.stat().st_mtime_ns
    with restored(page):
        pass
    assert page.stat().st_mtime_ns == before


def test_the_page_gains_one_sentence_at_its_end() -> None:
    word = token()
    assert word.isalnum() and word != token()
    text = "---\ntitle: A\n---\n\n## Steps\n\n1. One.\n[^1]: A footnote.\n\n\n"
    assert page_with(text, word) == f"---\ntitle: A\n---\n\n## Steps\n\n1. One.\n[^1]: A footnote.\n\nServe benchmark marker {word}.\n"


def test_the_team_file_gains_a_channel_and_stays_a_valid_team_file(tmp_path: Path) -> None:
    word = token()
    for source in ((ROOT / "examples" / "team.yml").read_text(encoding="utf-8"), "name: Serve benchmark team\n"):
        changed = team_with(source, word)
        (tmp_path / "team.yml").write_text(changed, encoding="utf-8")
        found, problems = read_team(tmp_path / "team.yml", "team.yml", environ={}, root=tmp_path)
        assert problems == []
        assert found.team.channels[-1].name == f"#{word}"
        before, after = yaml.safe_load(source), yaml.safe_load(changed)
        assert {k: v for k, v in after.items() if k != "channels"} == {k: v for k, v in before.items() if k != "channels"}
    with pytest.raises(ValueError, match="not a mapping"):
        team_with("- a list\n", word)


@pytest.mark.parametrize(("src", "url"), [
    ("docs/practices/baseline-first.md", "http://h/practices/baseline-first/"),
    ("docs/index.md", "http://h/"),
    ("docs/roles/index.md", "http://h/roles/"),
])
def test_a_page_is_fetched_at_its_served_address(src: str, url: str) -> None:
    assert page_url("http://h", src) == url


def test_the_wait_polls_until_the_page_changes_and_gives_up_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "POLL", 0.001)
    answers = iter(["", "<p>old</p>", "<p>new</p>"])
    assert wait_for("u", lambda body: "new" in body, serve.time.perf_counter(), 5, get=lambda url: next(answers)) < 5
    with pytest.raises(TimeoutError, match="did not change within 0 s"):
        wait_for("u", lambda body: False, serve.time.perf_counter(), 0.01, get=lambda url: "")


def test_the_summary_is_a_median_and_a_range_in_ms() -> None:
    assert summary([0.25, 0.3, 0.2]) == "median 250 ms, range 200–300 ms"
    assert summary([2.4, 2.7, 2.5, 2.6]) == "median 2550 ms, range 2400–2700 ms"


@pytest.fixture
def served_file(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A server that answers with the file's current text as its page, as a dev server shows a saved page."""
    page = tmp_path / "page.md"
    page.write_text("# A page\n\nIts text.\n", encoding="utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = page.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield page, f"http://127.0.0.1:{server.server_address[1]}/page/"
    finally:
        server.shutdown()
        server.server_close()


def test_each_edit_is_timed_until_served_and_the_file_ends_as_it_was(served_file: tuple[Path, str]) -> None:
    page, url = served_file
    original = page.read_bytes()
    times = edit_to_visible(page, url, page_with, 3)
    assert len(times) == 3 and all(0 <= t < 5 for t in times)
    assert page.read_bytes() == original


def test_an_edit_never_seen_fails_and_the_file_still_ends_as_it_was(served_file: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    page, url = served_file
    original = page.read_bytes()
    monkeypatch.setattr(serve, "EDIT_TIMEOUT", 0.1)
    with pytest.raises(TimeoutError):
        edit_to_visible(page, url, lambda text, word: text + "no marker here", 2)
    assert page.read_bytes() == original


def test_only_a_page_under_docs_is_edited(capsys: pytest.CaptureFixture) -> None:
    for page in ("README.md", "docs/../README.md", "docs/no-such-page.md"):
        with pytest.raises(SystemExit) as stopped:
            serve.main(["1", "--page", page])
        assert stopped.value.code == 2
    assert "a page under docs/" in capsys.readouterr().err
