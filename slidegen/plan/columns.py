"""Columns side by side that fit: one size for all, each column continued on the next slide when long."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from slidegen.errors import Location
from slidegen.plan.model import Para, Run
from slidegen.plan.text import (
    Fonts,
    TooLong,
    balanced,
    heights,
    para_height,
    sizes_between,
    split,
    whole_words,
)

CONTINUED = " (forts.)"
"""Added to a column's heading on the slides it continues on."""


@dataclass(frozen=True)
class ColumnText:
    """One column before fitting: its heading (or None) and its paragraphs."""

    heading: Para | None
    paras: tuple[Para, ...]

    def continued(self) -> Para | None:
        """The heading as shown on the slides the column continues on."""
        if self.heading is None:
            return None
        last = self.heading.runs[-1]
        return replace(self.heading, runs=(*self.heading.runs[:-1], replace(last, text=last.text + CONTINUED)))


@dataclass(frozen=True)
class ColumnPages:
    """Columns fitted: the size, and per slide the paragraphs of each column (empty when it has ended)."""

    size: float
    pages: tuple[tuple[tuple[Para, ...], ...], ...]


def _split(col: ColumnText, size: float, width: float, height: float, fonts: Fonts) -> tuple[list[float], float]:
    """The heights of a column's paragraphs and the room they have below its heading, at a size."""
    heads = [h for h in (col.heading, col.continued()) if h is not None]
    head_h = max((para_height(replace(h, space_before=0), size, width, fonts) for h in heads), default=0.0)
    return heights(col.paras, size, width, fonts), height - head_h


def fit_columns(columns: Sequence[ColumnText], width: float, height: float, fonts: Fonts, largest: float,
                smallest: float, source: Location) -> ColumnPages:
    """Fit columns of `width` × `height` points at the largest size where all of them fit one slide; else at
    the largest size that needs no more slides than the smallest does, each column spread evenly over the
    slides it needs (a column that has ended leaves its place empty).

    TooLong names the paragraph that does not fit a column alone even at the smallest size.
    """
    keeps = [[p.keep_with_next for p in col.paras] for col in columns]

    def counts(size: float) -> list[list[list[int]]] | None:
        out = []
        for col, keep in zip(columns, keeps):
            hs, room = _split(col, size, width, height, fonts)
            if max(hs) > room:
                return None
            out.append(split(hs, room, keep))
        return out

    every = [p for col in columns for p in (*(h for h in (col.heading, col.continued()) if h), *col.paras)]
    candidates = sizes_between(whole_words(every, width, fonts, largest, smallest), smallest)
    for size in candidates:
        found = counts(size)
        if found is not None and all(len(pages) == 1 for pages in found):
            return _pages(columns, size, found)
    for col in columns:
        hs, room = _split(col, smallest, width, height, fonts)
        for p, h in zip(col.paras, hs):
            if h > room:
                raise TooLong(p.text, p.source or source, h, room, smallest)
    least = max(len(pages) for pages in counts(smallest) or [])
    for size in candidates:
        found = counts(size)
        if found is not None and max(len(pages) for pages in found) == least:
            spread = []  # each column evenly over the slides it needs itself: a short one stays on the first
            for col, keep, own in zip(columns, keeps, found):
                hs, room = _split(col, size, width, height, fonts)
                spread.append(balanced(hs, room, keep, len(own)))
            return _pages(columns, size, spread)
    raise AssertionError("the smallest size always qualifies")


def _pages(columns: Sequence[ColumnText], size: float, split_pages: list[list[list[int]]]) -> ColumnPages:
    count = max(len(pages) for pages in split_pages)
    out = []
    for n in range(count):
        page = []
        for col, pages in zip(columns, split_pages):
            if n >= len(pages):
                page.append(())
                continue
            head = col.heading if n == 0 else col.continued()
            body = tuple(col.paras[i] for i in pages[n])
            page.append(((replace(head, space_before=0),) if head else ()) + body)
        out.append(tuple(page))
    return ColumnPages(size, tuple(out))


def heading_para(text: str, colour: str, source: Location | None) -> Para:
    """A column's heading: bold, in the accent colour, kept with the bullets below it."""
    return Para((Run(text, bold=True, colour=colour),), space_before=0, keep_with_next=True, source=source)
