"""Text measured with real font metrics: wrapping, paragraph heights, fitting and pagination."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from slidegen.errors import Location
from slidegen.plan.fonts import FontMetrics, load_metrics, metrics_for
from slidegen.plan.model import Insets, Line, Para, Run
from slidegen.units import pt_to_cm, to_pt

WIDTH_SAFETY = 1.03
"""Widths are measured 3 % wider than the font says: renderers differ a little in spacing and kerning."""

_SPACES = re.compile(r"([ \t]+)")


@dataclass(frozen=True)
class Rules:
    """How lines are broken: how much wider than the font says words are measured, after which characters a
    line may end inside a word (`inside`), and after which a word too wide for a whole line is broken
    (`long`; where it has none of them, between characters)."""

    safety: float
    inside: str
    long: str


FITTING = Rules(WIDTH_SAFETY, "", "/-–")
"""What fitting counts lines with: the safety margin, and words kept whole unless one is wider than a line;
never fewer lines than an office suite makes."""

DRAWN = Rules(1.0, "-‐–", "")
"""What office suites do (LibreOffice as tested, PowerPoint alike): the full width, and a line may end after
a hyphen or a dash inside a word; a word too wide is broken between characters."""


@dataclass(frozen=True)
class Fonts:
    """The metrics of a box's font family: regular and bold, and for drawn lines italic and bold italic.

    Fitting measures italic text with the upright faces (its safety margin covers the difference);
    the lines an office suite draws are measured with the faces it draws (`drawn`).
    """

    regular: FontMetrics
    bold: FontMetrics
    italic: FontMetrics | None = None
    bold_italic: FontMetrics | None = None

    @classmethod
    def of(cls, family: str, unknown_as: str = "DejaVu Sans", min_line_em: float = 0.0) -> tuple["Fonts", str | None]:
        """The metrics of a family (another family's when it has none), and a notice when that happened."""
        regular, notice = metrics_for(family, bold=False, unknown_as=unknown_as, min_line_em=min_line_em)
        bold, _ = metrics_for(family, bold=True, unknown_as=unknown_as, min_line_em=min_line_em)
        return cls(regular, bold), notice

    def drawn(self) -> "Fonts":
        """The faces as text is drawn: with their pair kerning, and the italic faces for italic runs."""
        return _drawn(self.regular.face, self.bold.face)

    def pick(self, run: Run) -> FontMetrics:
        if run.italic and self.italic is not None and self.bold_italic is not None:
            return self.bold_italic if run.bold else self.italic
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


@lru_cache(maxsize=16)
def _drawn(regular: str, bold: str) -> Fonts:
    """The kerned faces of a family, by the files of its regular and bold faces (`carlito-regular`, `carlito-bold`)."""
    italic = regular.removesuffix("-regular") + "-italic"
    return Fonts(load_metrics(regular, True), load_metrics(bold, True), load_metrics(italic, True),
                 load_metrics(f"{bold}-italic", True))


def inner_width(frame_w: int, insets: Insets) -> float:
    """The width text wraps in, in points: a frame's width (EMU) inside its left and right insets."""
    return to_pt(frame_w - insets.left - insets.right)


@lru_cache(maxsize=1 << 14)
def wrap(p: Para, size: float, width: float, fonts: Fonts, rules: Rules = FITTING) -> tuple[Line, ...]:
    """The lines of a paragraph in a box `width` points wide (insets already removed), broken by `rules`.

    One wrapping for both: fitting counts the lines of FITTING (count_lines), and the SVG renderer
    draws those of DRAWN (drawn_lines), which are never more. Empty when there is no room at all
    beside the paragraph's indent. Remembered: fitting measures the same paragraph at the same size
    more than once, and a rebuild in the same process (slidegen watch) measures mostly unchanged text.
    """
    left, _ = p.indent(size)
    avail = (width - left) / rules.safety
    if avail <= 0:
        return ()
    s = size * p.scale
    lines: list[Line] = []
    for segment in _hard_lines(p.runs):
        _wrap(segment, s, avail, fonts, rules, lines)
    return tuple(lines)


def count_lines(p: Para, size: float, width: float, fonts: Fonts) -> int:
    """How many lines a paragraph takes in a box `width` points wide (insets already removed), at most."""
    return len(wrap(p, size, width, fonts)) or 10**6


def drawn_lines(p: Para, size: float, width: float, fonts: Fonts) -> tuple[Line, ...]:
    """The lines of a paragraph as an office suite draws them: the same wrapping by DRAWN's rules, kerned."""
    return wrap(p, size, width, fonts.drawn(), DRAWN)


Part = tuple[str, FontMetrics, Run]
"""A token (a word, a piece of one, or spaces) with the metrics it is measured with and its run."""


def _hard_lines(runs: Sequence[Run]) -> list[list[tuple[str, Run]]]:
    """Split runs at explicit line breaks into lists of (text, run) pieces."""
    out: list[list[tuple[str, Run]]] = [[]]
    for run in runs:
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                out.append([])
            if piece:
                out[-1].append((piece, run))
    return out


class _Lines:
    """Lines being filled: the parts of the current one and its width."""

    def __init__(self, out: list[Line]) -> None:
        self.out = out
        self.parts: list[Part] = []
        self.x = 0.0

    def add(self, parts: Sequence[Part], width: float) -> None:
        self.parts.extend(parts)
        self.x += width

    def close(self) -> None:
        spans: list[tuple[str, Run]] = []
        for text, _, run in self.parts:
            if spans and spans[-1][1] is run:
                spans[-1] = (spans[-1][0] + text, run)
            else:
                spans.append((text, run))
        self.out.append(Line(tuple(spans), self.x))
        self.parts, self.x = [], 0.0


def _wrap(pieces: list[tuple[str, Run]], size: float, avail: float, fonts: Fonts, rules: Rules,
          out: list[Line]) -> None:
    """Greedy wrapping at spaces (and inside words where the rules say), as office suites do; words wider
    than a line break inside. Appends to `out`."""
    # words (or the pieces of one a line may end after): (width of the spaces before, those spaces, width, parts)
    words: list[tuple[float, list[Part], float, list[Part]]] = []
    spaces: list[Part] = []
    pending_space = 0.0
    current: list[Part] = []
    current_w = 0.0
    for text, run in pieces:
        metrics = fonts.pick(run)
        for token in _SPACES.split(text):
            if not token:
                continue
            if token[0] in " \t":
                if current:
                    words.append((pending_space, spaces, current_w, current))
                    current, current_w, pending_space, spaces = [], 0.0, 0.0, []
                pending_space += metrics.width(token, size)
                spaces.append((token, metrics, run))
                continue
            for piece in _pieces(token, rules.inside):
                if current and current[-1][0][-1] in rules.inside:
                    words.append((pending_space, spaces, current_w, current))
                    current, current_w, pending_space, spaces = [], 0.0, 0.0, []
                current.append((piece, metrics, run))
                current_w += metrics.width(piece, size)
    if current:
        words.append((pending_space, spaces, current_w, current))
    lines = _Lines(out)
    for space, gap, width, parts in words:
        if lines.x and lines.x + space + width <= avail:
            lines.add(gap, space)
            lines.add(parts, width)
            continue
        if lines.x:
            lines.close()
        if width <= avail:
            lines.add(parts, width)
            continue
        _break_word(parts, size, avail, rules.long, lines)
    lines.close()


def _pieces(token: str, after: str) -> list[str]:
    """A word cut after each of the characters `after` (a line may end there); the word itself when none."""
    if not after or not any(ch in token for ch in after):
        return [token]
    out, start = [], 0
    for i, ch in enumerate(token):
        if ch in after and i + 1 < len(token):
            out.append(token[start : i + 1])
            start = i + 1
    out.append(token[start:])
    return out


def _break_word(parts: list[Part], size: float, avail: float, after: str, lines: _Lines) -> None:
    """A word wider than a line, broken after the characters `after` where it can be, else between characters."""
    chunks: list[tuple[list[Part], float]] = []
    chunk: list[Part] = []
    width = 0.0
    for text, metrics, run in parts:
        for ch in text:
            w = metrics.width(ch, size)
            chunk.append((ch, metrics, run))
            width += w
            if ch in after:
                chunks.append((chunk, width))
                chunk, width = [], 0.0
    if chunk:
        chunks.append((chunk, width))
    for chunk, width in chunks:
        if lines.x + width <= avail:
            lines.add(chunk, width)
            continue
        if lines.x:
            lines.close()
        while width > avail:  # no break opportunity left: break between characters
            taken, used = 0, 0.0
            while taken < len(chunk) and (not taken or used + chunk[taken][1].width(chunk[taken][0], size) <= avail):
                used += chunk[taken][1].width(chunk[taken][0], size)
                taken += 1
            lines.add(chunk[:taken], used)
            lines.close()
            chunk, width = chunk[taken:], width - used
        lines.add(chunk, width)


_WORD_BREAKS = re.compile(r"[ \t\n]+")


def longest_word(p: Para, size: float, fonts: Fonts) -> float:
    """The widest unbreakable word of a paragraph, in points (no-break spaces join words)."""
    s = size * p.scale
    return max(
        (fonts.pick(r).width(word, s) for r in p.runs for word in _WORD_BREAKS.split(r.text) if word),
        default=0.0,
    )


def whole_words(paras: Sequence[Para], width: float, fonts: Fonts, largest: float, smallest: float) -> float:
    """The largest size down to `smallest` at which every word fits a line of `width` points, so that none has
    to be broken inside (`smallest` when even there some word does not)."""
    for size in sizes_between(largest, smallest):
        if all(longest_word(p, size, fonts) * WIDTH_SAFETY <= width - p.indent(size)[0] for p in paras):
            return size
    return smallest


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


def choose(measure: Measure, keep: Sequence[bool], largest: float, smallest: float,
           could_fit: Callable[[float], bool] | None = None) -> tuple[float, list[list[int]]]:
    """The size and page split for items (paragraphs, table rows) measured at each size.

    Shrinks down to the smallest size while everything fits one page; otherwise takes the largest
    size that needs no more pages than the smallest size does, and spreads the items evenly.
    Raises TooTall when an item does not fit a page alone even at the smallest size.
    `could_fit(size)`, when given, says cheaply whether everything could fit one page at a size at
    all (a long table cannot): the sizes where it cannot are not measured for that.
    """
    candidates = sizes_between(largest, smallest)
    for size in candidates:
        if could_fit is not None and not could_fit(size):
            continue
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
    paras: Sequence[Para], width: float, height: float, fonts: Fonts, largest: float, smallest: float,
    *, unbroken: bool = False,
) -> Pages:
    """Fit paragraphs into a box of `width` × `height` points, continuing on more pages when needed.

    With `unbroken`, no size is used at which a word would have to be broken inside (narrow boxes).
    """
    paras = list(paras)
    if unbroken:
        largest = whole_words(paras, width, fonts, largest, smallest)
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
