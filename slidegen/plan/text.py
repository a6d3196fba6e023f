"""Text measured with real font metrics: wrapping, paragraph heights, fitting and pagination."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from slidegen.errors import Location
from slidegen.plan.fonts import FontMetrics, metrics_for
from slidegen.plan.model import Para, Run
from slidegen.units import pt_to_cm

WIDTH_SAFETY = 1.03
"""Widths are measured 3 % wider than the font says: renderers differ a little in spacing and kerning."""

_SPACES = re.compile(r"([ \t]+)")
_BREAK_AFTER = "/-–"


@dataclass(frozen=True)
class Fonts:
    """The regular and bold metrics of a box's font family."""

    regular: FontMetrics
    bold: FontMetrics

    @classmethod
    def of(cls, family: str, unknown_as: str = "DejaVu Sans", min_line_em: float = 0.0) -> tuple["Fonts", str | None]:
        """The metrics of a family (another family's when it has none), and a notice when that happened."""
        regular, notice = metrics_for(family, bold=False, unknown_as=unknown_as, min_line_em=min_line_em)
        bold, _ = metrics_for(family, bold=True, unknown_as=unknown_as, min_line_em=min_line_em)
        return cls(regular, bold), notice

    def pick(self, run: Run) -> FontMetrics:
        return self.bold if run.bold else self.regular

    def capitals(self) -> "Fonts":
        """The same metrics measuring every text in capitals (a template that sets its titles `cap="all"`)."""
        return Fonts(Capitals(self.regular), Capitals(self.bold))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Capitals:
    """A face's metrics for text shown in capitals: widths of the upper-case text."""

    metrics: FontMetrics

    def width(self, text: str, size: float) -> float:
        return self.metrics.width(text.upper(), size)

    def line(self, size: float) -> float:
        return self.metrics.line(size)


@lru_cache(maxsize=1 << 14)
def count_lines(p: Para, size: float, width: float, fonts: Fonts) -> int:
    """How many lines a paragraph takes in a box `width` points wide (insets already removed).

    Remembered: fitting measures the same paragraph at the same size more than once, and a
    rebuild in the same process (slidegen watch) measures mostly unchanged text.
    """
    s = size * p.scale
    left, _ = p.indent(size)
    avail = (width - left) / WIDTH_SAFETY
    if avail <= 0:
        return 10**6
    lines = 0
    for segment in _hard_lines(p.runs):
        lines += _wrap(segment, s, avail, fonts)
    return max(lines, 1)


def _hard_lines(runs: Sequence[Run]) -> list[list[tuple[str, FontMetrics | None, Run]]]:
    """Split runs at explicit line breaks into lists of (token, None, run) pieces."""
    out: list[list[tuple[str, FontMetrics | None, Run]]] = [[]]
    for run in runs:
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                out.append([])
            if piece:
                out[-1].append((piece, None, run))
    return out


def _wrap(pieces: list[tuple[str, FontMetrics | None, Run]], size: float, avail: float, fonts: Fonts) -> int:
    """Greedy wrapping at spaces, as office suites do; words wider than a line break inside."""
    # words: list of (width, chars-with-metrics) separated by spaces of a given width
    words: list[tuple[float, float, list[tuple[str, FontMetrics]]]] = []
    pending_space = 0.0
    current: list[tuple[str, FontMetrics]] = []
    current_w = 0.0
    for text, _, run in pieces:
        metrics = fonts.pick(run)
        for token in _SPACES.split(text):
            if not token:
                continue
            if token[0] in " \t":
                if current:
                    words.append((pending_space, current_w, current))
                    current, current_w, pending_space = [], 0.0, 0.0
                pending_space += metrics.width(token, size)
            else:
                current.append((token, metrics))
                current_w += metrics.width(token, size)
    if current:
        words.append((pending_space, current_w, current))
    lines, x = 1, 0.0
    for space, width, parts in words:
        if x and x + space + width <= avail:
            x += space + width
            continue
        if x:
            lines += 1
            x = 0.0
        if width <= avail:
            x = width
            continue
        extra, x = _break_word(parts, size, avail)
        lines += extra
    return lines


def _break_word(parts: list[tuple[str, FontMetrics]], size: float, avail: float) -> tuple[int, float]:
    """Lines added and the width left on the last line when a too-wide word is broken."""
    chunks: list[float] = []
    width = 0.0
    for text, metrics in parts:
        for ch in text:
            w = metrics.width(ch, size)
            width += w
            if ch in _BREAK_AFTER:
                chunks.append(width)
                width = 0.0
    if width:
        chunks.append(width)
    extra, x = 0, 0.0
    for chunk in chunks:
        if x + chunk <= avail:
            x += chunk
            continue
        if x:
            extra += 1
            x = 0.0
        while chunk > avail:  # no break opportunity left: break between characters
            extra += 1
            chunk -= avail
        x = chunk
    return extra, x


def para_height(p: Para, size: float, width: float, fonts: Fonts) -> float:
    """The height of a paragraph in points, its space before included (also for the first)."""
    s = size * p.scale
    return p.space_before * s + count_lines(p, size, width, fonts) * fonts.regular.line(s)


def heights(paras: Sequence[Para], size: float, width: float, fonts: Fonts) -> list[float]:
    """The height of each paragraph at a size."""
    return [para_height(p, size, width, fonts) for p in paras]


class TooLong(Exception):
    """Something that does not fit its box even alone at the minimum size."""

    def __init__(self, text: str, source: Location | None, needed: float, available: float, size: float) -> None:
        super().__init__(text[:60])
        self.text = text
        self.source = source
        self.needed = needed
        self.available = available
        self.size = size

    def advice(self) -> str:
        """What to tell the author: how much too long the text is."""
        share = 1 - self.available / self.needed
        chars = max(1, round(len(self.text) * share))
        return (
            f"this text needs {pt_to_cm(self.needed):.1f} cm of height at {self.size:g} pt but the box holds "
            f"{pt_to_cm(self.available):.1f} cm; shorten it by about {share:.0%} (≈ {chars} characters)"
        )


@dataclass(frozen=True)
class Pages:
    """Paragraphs split over one or more slides, at one size for all of them."""

    size: float
    pages: tuple[tuple[Para, ...], ...]


def sizes_between(largest: float, smallest: float, step: float = 1.0) -> list[float]:
    """Candidate sizes from the largest down to the smallest."""
    out, s = [], largest
    while s > smallest + 1e-9:
        out.append(round(s, 2))
        s -= step
    out.append(smallest)
    return out


Measure = Callable[[float], tuple[list[float], float]]
"""For a size: the height of each item and the height available per page."""


def choose(measure: Measure, keep: Sequence[bool], largest: float, smallest: float) -> tuple[float, list[list[int]]]:
    """The size and page split for items (paragraphs, table rows) measured at each size.

    Shrinks down to the smallest size while everything fits one page; otherwise takes the largest
    size that needs no more pages than the smallest size does, and spreads the items evenly.
    Raises TooTall when an item does not fit a page alone even at the smallest size.
    """
    candidates = sizes_between(largest, smallest)
    for size in candidates:
        hs, avail = measure(size)
        if sum(hs) <= avail:
            return size, [list(range(len(hs)))]
    hs, avail = measure(smallest)
    for i, h in enumerate(hs):
        if h > avail:
            raise TooTall(i, h, avail, smallest)
    least = len(split(hs, avail, keep))
    for size in candidates:
        hs, avail = measure(size)
        if max(hs) <= avail and len(split(hs, avail, keep)) == least:
            return size, balanced(hs, avail, keep, least)
    raise AssertionError("the smallest size always qualifies")


class TooTall(Exception):
    """Item `index` needs `needed` points but a page holds `available`, at `size`."""

    def __init__(self, index: int, needed: float, available: float, size: float) -> None:
        self.index, self.needed, self.available, self.size = index, needed, available, size


def split(hs: Sequence[float], height: float, keep: Sequence[bool]) -> list[list[int]]:
    """Greedy split of items (by index) into pages of `height`; an item marked keep stays with the next."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for i, h in enumerate(hs):
        if used + h > height and pages[-1]:
            carried: list[int] = []
            while len(pages[-1]) > 1 and keep[pages[-1][-1]]:
                carried.insert(0, pages[-1].pop())
            if sum(hs[c] for c in carried) + h > height:
                pages[-1].extend(carried)
                carried = []
            pages.append(carried)
            used = sum(hs[c] for c in carried)
        pages[-1].append(i)
        used += h
    return pages


def balanced(hs: Sequence[float], height: float, keep: Sequence[bool], count: int) -> list[list[int]]:
    """The greedy split with the smallest page height that still needs `count` pages: even pages."""
    lo, hi = max(hs), height
    best = split(hs, height, keep)
    for _ in range(24):
        mid = (lo + hi) / 2
        pages = split(hs, mid, keep)
        if len(pages) <= count:
            best, hi = pages, mid
        else:
            lo = mid
    return best


def paginate(
    paras: Sequence[Para], width: float, height: float, fonts: Fonts, largest: float, smallest: float
) -> Pages:
    """Fit paragraphs into a box of `width` × `height` points, continuing on more pages when needed."""
    paras = list(paras)
    try:
        size, pages = choose(
            lambda s: (heights(paras, s, width, fonts), height),
            [p.keep_with_next for p in paras],
            largest,
            smallest,
        )
    except TooTall as tall:
        p = paras[tall.index]
        raise TooLong(p.text, p.source, tall.needed, tall.available, tall.size) from None
    return Pages(size, tuple(tuple(paras[i] for i in page) for page in pages))


def fit_single(p: Para, width: float, height: float, fonts: Fonts, largest: float, smallest: float) -> float:
    """The largest size at which one paragraph (a title) fits its box; TooLong when none does."""
    for size in sizes_between(largest, smallest):
        if para_height(replace(p, space_before=0), size, width, fonts) <= height:
            return size
    needed = para_height(replace(p, space_before=0), smallest, width, fonts)
    raise TooLong(p.text, p.source, needed, height, smallest)
