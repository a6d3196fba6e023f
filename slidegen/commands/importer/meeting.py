"""The deck file's `meeting:` block from the original's document properties and title slide."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from slidegen.commands.importer.entry import Entry, phrase
from slidegen.commands.importer.source import SourceDeck

_GENERIC = re.compile(r"^(slide|bild|folie|dia)\s*\d*$|^(powerpoint|powerpoint-presentation|powerpoint presentation|"
                      r"presentation|presentation\d*|untitled|namnlös|ohne titel|sin título)$", re.IGNORECASE)
"""Titles PowerPoint and its users leave in the document properties that say nothing about the deck."""
_LANGUAGE = re.compile(r"^[a-z]{2,3}-[A-Z]{2}$")

_MONTHS = {
    name: k for k, names in enumerate((
        ("januari", "january", "jan"), ("februari", "february", "feb"), ("mars", "march", "mar"),
        ("april", "apr"), ("maj", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
        ("augusti", "august", "aug"), ("september", "sept", "sep"), ("oktober", "october", "okt", "oct"),
        ("november", "nov"), ("december", "dec")), start=1) for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES: tuple[tuple[re.Pattern[str], tuple[str, str, str]], ...] = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b(\d{{1,2}})(?:e|:e|st|nd|rd|th)?\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE), ("d", "M", "y")),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE), ("M", "d", "y")),
)
"""Dates as title slides write them: 2016-10-28, 28 oktober 2016, 24 November 2011, November 24, 2011."""


def find_date(text: str) -> dt.date | None:
    """The first date the text gives in one of the usual forms, when it is a real day."""
    for pattern, order in _DATES:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups()))
            try:
                month = int(parts["m"]) if "m" in parts else _MONTHS[parts["M"].lower().rstrip(".")]
                day = dt.date(int(parts["y"]), month, int(parts["d"]))
            except (KeyError, ValueError):
                continue
            if 1980 <= day.year <= 2099:
                return day
    return None


def meeting_block(deck: SourceDeck, entries: list[Entry], fallback_title: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The `meeting:` mapping and comments beside its keys.

    The title is the document's (unless it is PowerPoint's `Slide 1` or the like), else the title
    slide's, else the file's name; the author is the presenter, the company (else the author) the
    organisation; a date written on the title slide is the meeting's date.
    """
    title_entry = next((e for e in entries if e.kind == "title"), None)
    shown_title = title_entry.data.get("title") if title_entry else None
    comments: dict[str, str] = {}
    if deck.title and not _GENERIC.match(deck.title.strip()):
        title = deck.title
    elif shown_title:
        title = " ".join(str(shown_title).split())
        comments["title"] = "the title slide's (the document's own title is empty or PowerPoint's default)"
    else:
        title = fallback_title
        comments["title"] = "TODO: the file's name (the document has no title)"
    out: dict[str, Any] = {"title": title}
    if title_entry is not None:
        date = find_date(" ".join(str(title_entry.data.get(k, "")) for k in ("title", "subtitle")))
        if date is not None:
            out["date"] = date
            comments["date"] = "written on the title slide"
    if deck.author:
        out["presenters"] = [name.strip() for name in re.split(r"[;\n]", deck.author) if name.strip()]
        comments["presenters"] = "the document's author"
    organisation = deck.company or deck.author
    out["organisation"] = organisation or phrase(deck.language or "sv-SE", "organisation")
    if not organisation:
        comments["organisation"] = "TODO: the document names no author or company"
    elif not deck.company:
        comments["organisation"] = "the document's author (it names no company)"
    if deck.subject:
        out["subject"] = deck.subject
    if deck.keywords:
        out["keywords"] = deck.keywords
    out["language"] = deck.language if _LANGUAGE.match(deck.language) else "sv-SE"
    if not _LANGUAGE.match(deck.language):
        comments["language"] = "the text says no language it could be read from"
    return out, comments


def presentation_title(entries: list[Entry], meeting: dict[str, Any]) -> None:
    """Leave out the title slide's `title:` when it is the meeting's title (slidegen then shows that)."""
    for e in entries:
        if e.kind == "title" and e.data.get("title") == meeting["title"]:
            del e.data["title"]
