"""Reading a built site back for the tests: each page's text, links, images, headings and table rows (stdlib parser)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

HIDDEN_CLASS = "vh"
"""Text only screen readers get (visually hidden): kept in `text`, left out of `visible` and of table cells."""

VOID = {"img", "br", "meta", "link", "input", "hr", "wbr", "source"}

_SPACES = re.compile(r"[ \t\r\n]+")


def squash(text: str) -> str:
    """Runs of spaces and line breaks as one space (no-break spaces are kept: `48\u00a0%`)."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class PageRead:
    """What a page holds: its text (all, and what is seen), links, images, headings, tables and landmarks."""

    path: str
    text: str = ""
    visible: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(href, link text)."""
    images: list[dict[str, str | None]] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)
    """(tag, text)."""
    tables: list[list[list[tuple[str, str]]]] = field(default_factory=list)
    """Per table, per row, the cells as (tag with scope, visible text): ("th:col", "Genomfört")."""
    tags: list[str] = field(default_factory=list)
    lang: str | None = None
    ids: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    def __init__(self, page: PageRead) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.text: list[str] = []
        self.visible: list[str] = []
        self.hidden_depth: list[str] = []
        self.link: tuple[str, list[str]] | None = None
        self.heading: tuple[str, list[str]] | None = None
        self.cell: tuple[str, list[str]] | None = None
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.page.tags.append(tag)
        if a.get("id"):
            self.page.ids.add(a["id"] or "")
        if tag == "html":
            self.page.lang = a.get("lang")
        if tag in ("script", "style", "title"):
            self.skip += 1
        if HIDDEN_CLASS in (a.get("class") or "").split():
            self.hidden_depth.append(tag)
        elif self.hidden_depth and tag not in VOID:
            self.hidden_depth.append(tag)
        if tag == "a":
            self.link = (a.get("href") or "", [])
        if tag in ("h1", "h2", "h3", "h4"):
            self.heading = (tag, [])
        if tag == "table":
            self.page.tables.append([])
        if tag == "tr":
            self.page.tables[-1].append([])
        if tag in ("th", "td"):
            self.cell = (tag + (f":{a['scope']}" if a.get("scope") else ""), [])
        if tag == "img":
            self.page.images.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title"):
            self.skip -= 1
        if self.hidden_depth and self.hidden_depth[-1] == tag:
            self.hidden_depth.pop()
        if tag == "a" and self.link:
            self.page.links.append((self.link[0], squash("".join(self.link[1]))))
            self.link = None
        if tag in ("h1", "h2", "h3", "h4") and self.heading:
            self.page.headings.append((tag, squash("".join(self.heading[1]))))
            self.heading = None
        if tag in ("th", "td") and self.cell:
            self.page.tables[-1][-1].append((self.cell[0], squash("".join(self.cell[1]))))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.text.append(data)
        seen = not self.hidden_depth
        if seen:
            self.visible.append(data)
        for part in (self.link, self.heading):
            if part:
                part[1].append(data)
        if self.cell and seen:
            self.cell[1].append(data)


def read_page(folder: Path, rel: str) -> PageRead:
    """One page of the site read back."""
    page = PageRead(rel)
    reader = _Reader(page)
    reader.feed((folder / rel).read_text(encoding="utf-8"))
    reader.close()
    page.text = squash("".join(reader.text))
    page.visible = squash("".join(reader.visible))
    return page


def read_site(folder: Path) -> dict[str, PageRead]:
    """Every page of the site, by its path in the site."""
    return {p.relative_to(folder).as_posix(): read_page(folder, p.relative_to(folder).as_posix())
            for p in sorted(folder.rglob("*.html"))}


def target(page: str, href: str) -> tuple[str, str] | None:
    """The site file and fragment a link on `page` leads to, or None for a link out of the site (mailto:)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), parts.fragment
