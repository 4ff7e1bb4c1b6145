"""Link-preview images: one 1200x630 card per page, drawn with Pillow.

A card shows the page's kind, title and summary. Fonts come from the
`font-roboto` package, so drawing needs no network and no system fonts.
Cards are cached by content under a cache folder: a rebuild redraws only the
cards whose text changed.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
# Bump when the drawing changes, so cached cards are redrawn.
VERSION = "1"
_INDIGO = (48, 63, 159)
_WHITE = (255, 255, 255)
_PALE = (197, 202, 233)
_MARGIN = 80
# The line above the title of a card for a page the registry does not type (a generated page).
OTHER_KIND = "Handbook"


@cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    import font_roboto  # a data package: the Roboto files, as Material's own typeface

    return ImageFont.truetype(str(Path(font_roboto.font_directory) / f"Roboto-{weight}.ttf"), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and draw.textlength(f"{line} {words[0]}", font=font) <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words and out:
        last = out[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        out[-1] = last + " …"
    return out


def draw_card(site_name: str, kind: str, title: str, summary: str) -> bytes:
    """The PNG bytes of one card."""
    image = Image.new("RGB", SIZE, _INDIGO)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * _MARGIN
    draw.text((_MARGIN, 64), site_name, font=_font("Medium", 30), fill=_PALE)
    draw.text((_MARGIN, 140), kind.upper(), font=_font("Bold", 28), fill=_PALE)
    y = 186
    title_font = _font("Bold", 68 if len(title) <= 40 else 56)
    for line in _wrap(draw, title, title_font, width, 3):
        draw.text((_MARGIN, y), line, font=title_font, fill=_WHITE)
        y += int(title_font.size * 1.2)
    y += 24
    summary_font = _font("Regular", 32)
    for line in _wrap(draw, summary, summary_font, width, 3):
        draw.text((_MARGIN, y), line, font=summary_font, fill=_PALE)
        y += 44
    draw.rectangle((0, SIZE[1] - 12, SIZE[0], SIZE[1]), fill=(255, 64, 129))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def card_path(url: str) -> str:
    """Site-relative path of a page's card: "roles/data-scientist/" -> "assets/cards/roles/data-scientist.png"."""
    stem = url.strip("/").removesuffix(".html").removesuffix("/index") or "index"
    return f"assets/cards/{stem}.png"


def cached_card(cache_dir: Path, site_name: str, kind: str, title: str, summary: str) -> Path:
    """A page's card in the cache, drawn first when the cache does not hold it."""
    key = hashlib.sha256("\0".join((VERSION, site_name, kind, title, summary)).encode()).hexdigest()[:32]
    cached = cache_dir / f"{key}.png"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        # A name of this process's own: two builds drawing the same card at once each write their own, then one wins.
        handle, partial = tempfile.mkstemp(prefix=f".{key}-", suffix=".tmp", dir=cache_dir)
        with os.fdopen(handle, "wb") as out:
            out.write(draw_card(site_name, kind, title, summary))
        os.replace(partial, cached)
    return cached


def place(source: Path, target: Path) -> None:
    """A file at `target` with the content of `source`: a hard link costs no copying; across file systems, a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
