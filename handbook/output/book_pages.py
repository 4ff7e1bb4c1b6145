"""One page of the built site into a section of the book: its article only, web-only parts left out or reworded."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag


def anchor(url: str, fragment: str = "") -> str:
    base = "p" + url.rstrip("/").replace("/", "-") if url != "/" else "p-home"
    return f"{base}--{fragment}" if fragment else base


def _page_path(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url != "/" else site / "index.html"


def site_address(site: Path) -> str:
    """The published address the site was built for, from its home page's canonical link ("" when it has none)."""
    home = site / "index.html"
    if not home.is_file():
        return ""
    canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find("link", rel="canonical")
    href = canonical.get("href", "") if canonical else ""
    return href if href.startswith(("http://", "https://")) else ""


# Sentences that only make sense on screen, and their printed wording ("" drops the sentence).
PRINT_WORDING = (
    (re.compile(r"Tick them off as you go: this browser keeps your ticks for this role, on this device only\."), "Tick them off as you go."),
    (re.compile(r",? or download it with the button below\."), ", or fill in the printed form below."),
    (re.compile(r"; the boxes they tick stay ticked in their browser\."), "."),
    (re.compile(r"each ready to download as Markdown\."), "each printed here as a form and ready to download as Markdown from the website."),
    (re.compile(r"To work on paper, print this page before rating: it prints as a worksheet of two pages with the same attributes and plays\. "
                r"Once you have rated, it prints your result on one page\."),
     "On paper, use the worksheet below; on the website, the check works out your result and the plays for you."),
)
# Headings of what the build adds at a page's foot: never bookmarked.
FOOT_SECTIONS = ("sources", "linked-from")
# What ends a page, after its text: footnotes, a role's reference lists, Sources, "Linked from" and the dates.
FOOT_CLASSES = {"footnote", "hb-role-reference", "hb-foot", "hb-linked-line", "hb-page-dates"}


def article(site: Path, url: str, included: set[str], site_url: str = "", *, backlinks: bool = True) -> tuple[str, str]:
    """(title, HTML) of one page's article, with ids made unique and links made internal."""
    soup = BeautifulSoup(_page_path(site, url).read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    if body is None:
        raise ValueError(f"{url}: no <article> in the built page")
    # Web-only parts: permalinks, edit buttons, tag chips (tag pages are not in the book), scripts, download
    # buttons, footnote back-arrows, anything marked .hb-web-only.
    # The role page's folded backlinks and its checklist's controls are web-only too, as are the matrix's hover
    # sentences (the book has its legend) and its script-only styles.
    for junk in body.select("a.headerlink, .md-content__button, .md-source-file, .md-tags, script, form, .hb-download, "
                            "details.hb-linked-from, .hb-checklist__status, .hb-checklist__actions, .hb-web-only, "
                            "a.footnote-backref, a.md-button[download], noscript, .hb-tip"):
        junk.decompose()
    for paragraph in body.find_all("p"):
        if not paragraph.get_text(strip=True) and paragraph.find(True) is None:
            paragraph.decompose()
    _print_wording(body)
    _linked_from(soup, body, backlinks)
    for heading in body.find_all(["h2", "h3"], id=FOOT_SECTIONS):
        heading["class"] = [*heading.get("class", []), "hb-foot"]
    _wrap_foot(soup, body)
    if url.startswith("/templates/") and url != "/templates/":
        _template_form(soup, body)
    for element in body.find_all(id=True):
        element["id"] = anchor(url, element["id"])
    for link in body.find_all("a", href=True):
        _rewrite(link, url, included, site_url)
    heading = body.find("h1")
    title = heading.get_text(" ", strip=True) if heading else url
    if heading is not None:
        heading["id"] = anchor(url)
        heading["class"] = ["page-title"]
    return title, body.decode_contents()


def _print_wording(body: Tag) -> None:
    for string in body.find_all(string=True):
        text = str(string)
        for pattern, replacement in PRINT_WORDING:
            text = pattern.sub(replacement, text)
        if text != string:
            string.replace_with(text)


def _linked_from(soup: BeautifulSoup, body: Tag, keep: bool) -> None:
    """The web's "Linked from" list as one compact line (or nothing, in a pack)."""
    heading = body.find("h2", id="linked-from")
    if heading is None:
        return
    links = []
    for sibling in list(heading.find_next_siblings()):
        if sibling.name in ("h1", "h2") or sibling.name not in ("ul", "ol"):
            break
        links += sibling.find_all("a", href=True)
        sibling.extract()
    if keep and links:
        line = soup.new_tag("p", attrs={"class": "hb-linked-line"})
        label = soup.new_tag("span", attrs={"class": "hb-linked-line__label"})
        label.string = "Linked from: "
        line.append(label)
        for n, link in enumerate(links):
            if n:
                line.append(" · ")
            line.append(link)
        heading.replace_with(line)
    else:
        heading.decompose()


def _wrap_foot(soup: BeautifulSoup, body: Tag) -> None:
    """The run of foot material that ends the article, in one div.hb-page-foot, so that the book's CSS can keep it
    with the page's last lines: printed alone, it would fill a page of its own before a part's divider."""
    run: list[Tag] = []
    for child in reversed(body.find_all(True, recursive=False)):
        heading = child.find_previous_sibling(True)
        listed = child.name in ("ul", "ol") and heading is not None and "hb-foot" in heading.get("class", [])
        if not (listed or FOOT_CLASSES & set(child.get("class", []))):
            break
        run.insert(0, child)
    if run:
        foot = soup.new_tag("div", attrs={"class": "hb-page-foot"})
        run[0].insert_before(foot)
        for child in run:
            foot.append(child.extract())


def _template_form(soup: BeautifulSoup, body: Tag) -> None:
    """A template's Markdown block printed as a form: its Markdown rendered, boxed, with ruled blanks to write on."""
    import markdown

    heading = body.find("h2", id="the-template")
    block = heading.find_next_sibling("div", class_="highlight") if heading else None
    if block is None:
        return
    # "<team name>" is a blank to fill in, not an HTML tag.
    html = markdown.markdown(block.get_text().replace("<", "&lt;"), extensions=["tables", "sane_lists"])
    form = BeautifulSoup(f'<div class="hb-form">{html}</div>', "html.parser").div
    # Its headings are the form's own: not page headings, so no bookmark and no running head.
    for level in ("h1", "h2", "h3", "h4"):
        for h in form.find_all(level):
            h.name = "p"
            h["class"] = [f"hb-form__{level}"]
    for cell in form.find_all("td"):
        if not cell.get_text(strip=True):
            cell["class"] = ["hb-form__blank"]
    for item in form.find_all("li"):
        text = item.get_text()
        if text.startswith("[ ]"):
            item["class"] = ["hb-form__task"]
            first = item.find(string=re.compile(r"^\[ \]"))
            first.replace_with(first[3:].lstrip())
        if text.rstrip().endswith(":"):
            item["class"] = [*item.get("class", []), "hb-form__fill"]
    for paragraph in form.find_all("p"):
        if paragraph.get_text().rstrip().endswith((":", "…", "We will")):
            paragraph["class"] = [*paragraph.get("class", []), "hb-form__fill"]
    block.replace_with(form)


def _rewrite(link: Tag, url: str, included: set[str], site_url: str) -> None:
    href = link["href"]
    if href.startswith(("http://", "https://", "mailto:")):
        return
    joined, fragment = urldefrag(urljoin(url, href))
    target = posixpath.normpath(joined) + "/" if joined not in ("", "/") else "/"
    if target.endswith("index.html/"):
        target = target[: -len("index.html/")]
    if target in included:
        link["href"] = "#" + anchor(target, fragment)
    elif site_url:
        # Not in this book: the page on the published site. A file such as matrix.csv keeps its name.
        path = target if posixpath.splitext(joined)[1] == "" else joined
        link["href"] = urljoin(site_url, path.lstrip("/")) + (f"#{fragment}" if fragment else "")
        link["class"] = [*link.get("class", []), "external"]
    else:
        link.unwrap()


# --- the book ------------------------------------------------------------------


