"""Links between built pages, computed the way MkDocs computes them, for the HTML the build adds itself.

The generated sections are written as HTML and put into a page after its
Markdown is converted (converting them as Markdown was most of what the
handbook added to a build's time). Their links are therefore not rewritten
by MkDocs: this module gives each one the URL MkDocs would give it, with
directory URLs ("roles/data-scientist/") or without ("roles/data-scientist.html",
the offline bundle).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

from markupsafe import Markup, escape


def site_path(src_uri: str, directory_urls: bool = True) -> str:
    """Where a docs file is published, relative to the site root.

    "roles/data-scientist.md" -> "roles/data-scientist/" (or "roles/data-scientist.html");
    "index.md" -> "./" (or "index.html"); "roles/index.md" -> "roles/" (or "roles/index.html");
    any other file (a PDF, a download) keeps its path.
    """
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return "./"
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []


def relative_url(target: str, here: str) -> str:
    """`target` relative to the page published at `here` (both site paths), as mkdocs.utils.get_relative_url."""
    folder, _, name = here.rpartition("/")
    if "." in name:
        here = folder
    here_parts, target_parts = _parts(here), _parts(target)
    common = 0
    for a, b in zip(here_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    url = "/".join([".."] * (len(here_parts) - common) + target_parts[common:]) or "."
    return url + "/" if target.endswith("/") else url


class Linker:
    """Links from one page: `linker(entry)` is an <a> to that page, `linker.href("pdf/x.pdf")` a URL."""

    def __init__(self, here_uri: str, directory_urls: bool = True) -> None:
        self.here_uri = here_uri
        self.directory_urls = directory_urls
        self._here = site_path(here_uri, directory_urls)

    def href(self, target_uri: str, anchor: str = "") -> str:
        """The URL of the page built from a docs file ("roles/lead.md"), from this page."""
        url = relative_url(site_path(target_uri, self.directory_urls), self._here)
        return f"{url}#{anchor}" if anchor else url

    def file_href(self, site_file: str) -> str:
        """The URL of a file served as it is ("pdf/handbook.pdf", "templates/team-charter.md"), from this page."""
        return relative_url(site_file, self._here)

    def __call__(self, to: object, text: str | None = None) -> Markup:
        """An <a> to a catalog entry (its title as the text) or to a docs path (the path, or `text`)."""
        target = getattr(to, "src_uri", to)
        label = text if text is not None else getattr(to, "title", target)
        return Markup('<a href="{}">{}</a>').format(self.href(str(target)), escape(label))


def page_id(title: str) -> str:
    """ "Weekly demo: the why" -> "weekly-demo-the-why" (accents dropped, lowercase-hyphenated): a page's file name from its title."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.casefold()).strip("-")


def page_url(src_uri: str) -> str:
    """The public URL path of a docs file: "rituals/daily-stand-up.md" -> "/rituals/daily-stand-up/"."""
    return "/" + site_path(src_uri).removeprefix("./")
