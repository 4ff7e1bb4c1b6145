"""Everything the build generates, declared once: pages and files, each an `Output`.

An output names its path, its title, its body and where it goes: the
navigation, search, the PDF book, `llms.txt`. The hooks add these to the
build, the PDF takes the pages that ask for it, `make check` checks their links
and anchors, and `claims` makes sure no two things (a hand-written page, an
alias, a generated page or file) are written to the same address.

Every body can be written to a file: a page's `text()` is what a Markdown
file in docs/ would hold (front matter, Markdown, then its generated HTML,
which Markdown passes through), so another build engine can be handed the
generated tree on disk.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from handbook.content.catalog import Catalog
from handbook.content.onboarding import noun
from handbook.content.problems import Problem
from handbook.content.settings import Settings
from handbook.content.team import TeamFile
from handbook.content.types import page_types
from handbook.content.urls import Linker, page_url
from handbook.pages import llms, matrix, review_due, rhythm, tag_pages
from handbook.pages import team as team_pages
from handbook.pages.calendars import calendars
from handbook.pages.downloads import download_uri, earlier_uri, template_downloads
from handbook.pages.team_view import onboarding, team_catalog
from handbook.pages.type_indexes import type_index_pages


@dataclass(frozen=True)
class Output:
    path: str  # a page: its docs path ("matrix.md"); a file: its site path ("matrix.csv")
    title: str
    summary: str = ""
    markdown: str = ""  # a page's Markdown after its front matter
    # A page's HTML, put in after its Markdown is converted (long generated lists): links depend on the URL style.
    html: Callable[[Linker], str] | None = None
    text: str | None = None  # a file's content; None for a page
    nav: str | None = None  # the part of the navigation (docs/.nav.yml) it is listed in; None: reached by links only
    search: bool = True
    pdf: bool = False  # in the PDF book's Reference part
    llms: bool = False  # listed in llms.txt and llms-full.txt
    hide: tuple[str, ...] = ()  # parts of Material's page to hide, e.g. "toc"
    # The file, line and field a contributor wrote that asked for it (a person in team.yml), to name in a clash.
    owner: tuple[str, int, str] | None = None

    @property
    def is_page(self) -> bool:
        return self.text is None

    @property
    def url(self) -> str:
        return page_url(self.path) if self.is_page else "/" + self.path

    def front_matter_data(self) -> dict[str, object]:
        data: dict[str, object] = {"title": self.title, "description": self.summary}
        if not self.search:
            data["search"] = {"exclude": True}
        if self.hide:
            data["hide"] = list(self.hide)
        return data

    def front_matter(self) -> str:
        """JSON strings are valid YAML scalars, so any title is safe here."""
        return "---\n" + "\n".join(f"{key}: {json.dumps(value)}" for key, value in self.front_matter_data().items()) + "\n---\n\n"

    def page_text(self) -> str:
        """A page's source as MkDocs reads it: front matter and Markdown (the HTML is added after conversion)."""
        return self.front_matter() + self.markdown

    def file_text(self, directory_urls: bool = True) -> str:
        """The whole output as a file on disk: a file's text, or a page's source with its HTML appended."""
        if not self.is_page:
            return self.text or ""
        html = self.html(Linker(self.path, directory_urls)) if self.html else ""
        return self.page_text() + ("\n\n" + html if html else "")


def outputs(catalog: Catalog, settings: Settings, team: TeamFile | None = None) -> list[Output]:
    """Every generated page and file of a build, in the order the PDF's Reference part takes them.

    With a team file, the rhythm, the matrix and the calendars are the team's (`team_view`), and the
    team page and the new starters' pages are added.
    """
    view = team_catalog(catalog, team) if team else catalog
    found = [
        Output(rhythm.RHYTHM, rhythm.TITLE, rhythm.SUMMARY, rhythm.rhythm_page(view, team),
               nav="Getting started", pdf=True, llms=True),
        Output(matrix.MATRIX, matrix.TITLE, matrix.SUMMARY, matrix.matrix_page(),
               html=lambda link: matrix.matrix_html(view, link, team), nav="Reference", pdf=True, llms=True, hide=("toc",)),
        Output(matrix.MATRIX_CSV, "Responsibility matrix (CSV)", text=matrix.matrix_csv(view, settings.site_url)),
    ]
    if team is not None:
        found += team_outputs(catalog, view, team, settings)
    # A type's index lists every page of the type (a role the team lacks says so on its page), but not one the team left out.
    left_out = set(team.team.leave_out) if team is not None else set()
    indexes = type_index_pages(dataclasses.replace(catalog, entries={u: e for u, e in catalog.entries.items() if u not in left_out}))
    found += [
        Output(f"{t.folder}/index.md", t.plural, t.index.summary, indexes[f"{t.folder}/index.md"], nav=t.nav)
        for t in page_types() if t.index is not None
    ]
    found.append(Output(tag_pages.TAGS_INDEX, "Tags", "Every tag of the handbook with the number of pages that carry it.",
                        tag_pages.tags_index(catalog), nav="Reference"))
    # Tag pages only repeat other pages' summaries: kept out of the search index.
    found += [
        Output(tag_pages.tag_uri(slug), f"Tag: {catalog.tag_labels.get(slug, slug)}", description, tag_pages.tag_page(description),
               html=lambda link, slug=slug: tag_pages.tag_page_html(catalog, slug, link), search=False)
        for slug, description in sorted(catalog.tags.items())
    ]
    freshness = settings.freshness
    found.append(Output(review_due.REVIEW_DUE, review_due.TITLE, review_due.review_summary(freshness),
                        review_due.review_due_page(catalog, freshness), nav="Reference", search=False))
    # The types whose pages offer their template block as a download (the registry's `download`).
    offered = [entry for kind in page_types() if kind.download for entry in catalog.of_type(kind.name)]
    downloads = template_downloads({entry.stem: entry.body for entry in offered})
    found += [Output(path, f"Template download: {path}", text=text) for path, text in downloads.items()]
    # Moved pages for hosts that serve real 301s: Netlify and Cloudflare Pages read it; deploy/redirects-to-nginx turns it into nginx's.
    moved = [f"{alias} {entry.url} 301" for entry in catalog.entries.values() for alias in getattr(entry.meta, "aliases", [])]
    moved += [f"{earlier_uri(e.stem)} /{download_uri(e.stem)} 301" for e in offered if download_uri(e.stem) in downloads]
    found.append(Output("_redirects", "Redirects of moved pages", text="".join(f"{line}\n" for line in sorted(moved))))
    site_url = settings.site_url or "/"
    found += [
        Output("llms.txt", "llms.txt", text=llms.llms_txt(catalog, site_url, settings.site_name, settings.site_description,
                                                        [(o.title, o.url, o.summary) for o in found if o.llms])),
        Output("llms-full.txt", "llms-full.txt", text=llms.llms_full(catalog, site_url, settings.site_name)),
    ]
    return found


def team_outputs(catalog: Catalog, view: Catalog, team: TeamFile, settings: Settings) -> list[Output]:
    summary = f"Who is who on {team.team.name}, the week at the team's local times, its channels and calendars."
    today = settings.today
    # The address to subscribe to the calendars from, only where the team (or HANDBOOK_SITE_URL) says where the site is.
    known = settings.site_url if (settings.site_url_given or team.team.site_url) else None
    found = [Output(team_pages.TEAM_PAGE, "The team", summary, team_pages.team_markdown(team),
                    html=lambda link: team_pages.team_html(catalog, view, team, link, today, known), nav="Getting started", search=not team.people)]
    # A starter's page is theirs, until their 90 days are over: out of search, the navigation and llms.txt.
    found += [
        Output(team_pages.person_page(team, someone), team_pages.person_title(someone),
               f"The onboarding of a new {noun(catalog.by_stem('role')[someone.role].title)}, day by day.",
               "", html=lambda link, someone=someone: team_pages.person_html(catalog, team, someone, link, today), search=False,
               owner=(team.path, team.line_of("people", index), f"people.{index}.{'id' if someone.id else 'name'}"))
        for index, someone in enumerate(team.people) if onboarding(someone, today)
    ]
    site_url = settings.site_url or "/"
    found += [Output(path, f"Calendar: {path}", text=text) for path, text in calendars(view, team, site_url, today).items()]
    return found


def generated_pages(catalog: Catalog, settings: Settings | None = None, team: TeamFile | None = None) -> dict[str, str]:
    """Docs path -> source of every generated page (front matter and Markdown)."""
    return {o.path: o.page_text() for o in outputs(catalog, settings or Settings(), team) if o.is_page}


def alias_url(alias: str) -> str:
    """The address a redirect is written to: mkdocs-redirects writes "/x/y/" as the page x/y.md would be."""
    return page_url(f"{alias.strip('/')}.md")


@dataclass(frozen=True)
class _Claim:
    what: str  # "docs/rituals/stand-up.md", or "the generated page 'Tags' (/tags/)"
    path: str = ""  # the file to name in a message, when a contributor wrote the claim
    line: int = 1
    field: str = "file"


def claims(catalog: Catalog, found: Iterable[Output]) -> list[Problem]:
    """Every address has one owner: hand-written pages, their aliases, generated pages and files.

    A second claimant is an error that names both; it is reported against the
    file a contributor wrote, so that `make check` and the build point at it.
    """
    owners: dict[str, _Claim] = {}
    problems: list[Problem] = []
    label = catalog.docs_label

    def claim(url: str, new: _Claim, message: str) -> None:
        first = owners.get(url)
        if first is None:
            owners[url] = new
            return
        # Name the contributor's file: the newcomer's if it is one, else the first claimant's.
        blamed, other = (new, first) if new.path else (first, new)
        problems.append(Problem(blamed.path or label, blamed.line, blamed.field, message.format(url=url, other=other.what, this=blamed.what)))

    for uri, entry in catalog.entries.items():
        claim(entry.url, _Claim(f"{label}/{uri}", f"{label}/{uri}"), "{url} is already the address of {other}: rename the file")
    for output in found:
        what = f"the generated page '{output.title}'" if output.is_page else f"the generated file '{output.title}'"
        if output.owner is not None:
            path, line, field = output.owner
            claim(output.url, _Claim(f"{what} ({path}, line {line})", path, line, field), "{url} is already {other}: give this person another `id`")
            continue
        if output.is_page and output.path in catalog.entries:
            problems.append(Problem(f"{label}/{output.path}", 1, "file", "this page is generated by the build; remove the file"))
            continue
        claim(output.url, _Claim(what), "{url} is generated by the build as {other}: remove or rename the file")
    for uri, entry in catalog.entries.items():
        for index, alias in enumerate(getattr(entry.meta, "aliases", [])):
            new = _Claim(f"{label}/{uri} (an alias)", f"{label}/{uri}", entry.line_of("aliases", str(index)), "aliases")
            claim(alias_url(alias), new, f"'{alias}' is already used by {{other}}")
    return problems
