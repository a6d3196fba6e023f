"""Tables that fit: column widths from content, row heights from wrapped text, pages split on rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from slidegen.errors import Location
from slidegen.plan.model import Cell, Insets, Para, TableBox, TableStyle
from slidegen.plan.text import WIDTH_SAFETY, Fonts, TooLong, TooTall, choose, count_lines, longest_word
from slidegen.units import Rect, pt, to_pt

MAX_HEADER_LINES = 3
"""Narrow columns are widened until their header needs at most this many lines."""


@dataclass(frozen=True)
class TableSpec:
    """A table before fitting: header, rows, which columns are narrow, and where each row comes from."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    narrow: tuple[bool, ...]
    sources: tuple[Location | None, ...]
    description: str


def cell_width(width: float, insets: Insets) -> float:
    """The width a cell's text wraps in, in points, for a column `width` points wide."""
    return width - to_pt(insets.left + insets.right)


def cell_height(cell: Cell, size: float, width: float, fonts: Fonts, insets: Insets) -> float:
    """The height of a cell's text in points, insets included (no space before the first line)."""
    inner = cell_width(width, insets)
    total = to_pt(insets.top + insets.bottom)
    for j, p in enumerate(cell.paras):
        s = size * p.scale
        lines = count_lines(p, size, inner, fonts)
        total += (p.space_before * s if j else 0.0) + lines * fonts.regular.line(s)
    return total


def row_height(cells: Sequence[Cell], size: float, widths: Sequence[int], fonts: Fonts, insets: Insets) -> float:
    """The height of a row: its tallest cell."""
    return max(cell_height(c, size, to_pt(w), fonts, insets) for c, w in zip(cells, widths))


def column_widths(spec: TableSpec, total: int, size: float, fonts: Fonts, insets: Insets) -> tuple[int, ...]:
    """Narrow columns as wide as their longest word (and header), the others share the rest."""
    pad = to_pt(insets.left + insets.right)
    widths: list[int | None] = []
    for col, narrow in enumerate(spec.narrow):
        if not narrow:
            widths.append(None)
            continue
        cells = [spec.header[col], *(row[col] for row in spec.rows)]
        longest = max(longest_word(p, size, fonts) for c in cells for p in c.paras)
        width = longest * 1.06 + pad
        limit = to_pt(total) / (2 * len(spec.narrow))
        while width < limit and any(
            count_lines(p, size, width - pad, fonts) > MAX_HEADER_LINES for p in spec.header[col].paras
        ):
            width += 4
        widths.append(pt(width))
    fixed = sum(w for w in widths if w is not None)
    wide = [i for i, w in enumerate(widths) if w is None]
    share = (total - fixed) // max(1, len(wide))
    out = [w if w is not None else share for w in widths]
    out[-1] += total - sum(out)
    return tuple(out)




GROW = 0.3
"""A table whose cells all fit on one line is widened by at most this share, not stretched over the whole frame."""


def measured_widths(spec: TableSpec, total: int, fonts: Fonts, insets: Insets) -> Callable[[float], tuple[int, ...]]:
    """Column widths from the measured content, at any size, as browsers lay out tables: every column at least
    its longest word (narrow ones: their widest cell, which never wraps), and the room left shared in proportion
    to how much more each column's longest line needs. A table that fits on single lines grows a little, not to
    the frame's width.

    The text is measured once (its widths grow with the size, the insets do not); each size's widths once.
    """
    pad = to_pt(insets.left + insets.right)
    least1, most1 = [], []  # at 1 pt
    for col, narrow in enumerate(spec.narrow):
        head = list(spec.header[col].paras)
        body = [p for row in spec.rows for p in row[col].paras]
        word = max(longest_word(p, 1, fonts) for p in head + body)
        line = max(_line_width(p, 1, fonts) for p in head + body)
        low = max(word, *(_line_width(p, 1, fonts) for p in body)) if narrow else word
        least1.append(low * WIDTH_SAFETY)
        most1.append(max(low, line) * WIDTH_SAFETY)
    room = to_pt(total)

    @lru_cache(maxsize=None)
    def at(size: float) -> tuple[int, ...]:
        least = [w * size + pad + 1 for w in least1]
        most = [w * size + pad + 1 for w in most1]
        if sum(most) <= room:
            grow = min(room / sum(most), 1 + GROW)
            out = [pt(w * grow) for w in most]
            fill = grow * sum(most) >= room
        elif sum(least) <= room:
            share = (room - sum(least)) / (sum(most) - sum(least))
            out, fill = [pt(lo + (hi - lo) * share) for lo, hi in zip(least, most)], True
        else:  # even single words do not fit: every column gives up the same share, and long words break
            out, fill = [pt(lo * room / sum(least)) for lo in least], True
        if fill or sum(out) > total:  # rounding to EMU: the last column takes up the difference
            out[-1] += total - sum(out)
        return tuple(out)

    return at


def _line_width(p: Para, size: float, fonts: Fonts) -> float:
    """The width of a paragraph's widest line when nothing wraps, in points (its indent included)."""
    s = size * p.scale
    widths = [0.0]
    for r in p.runs:
        for j, piece in enumerate(r.text.split("\n")):
            if j:
                widths.append(0.0)
            widths[-1] += fonts.pick(r).width(piece, s)
    return max(widths) + p.indent(size)[0]


def plan_tables(
    spec: TableSpec, frame: Rect, fonts: Fonts, style: TableStyle, insets: Insets, largest: float, smallest: float,
    widths_at: Callable[[float], tuple[int, ...]] | None = None,
) -> list[TableBox]:
    """The table as one or more pages, the header repeated on each, at one size for all.

    `widths_at` gives the column widths at a size; by default the widths of `column_widths` at the
    largest size, for every size.
    """
    if widths_at is None:
        fixed = column_widths(spec, frame.w, largest, fonts, insets)

        def widths_at(_size: float) -> tuple[int, ...]:
            return fixed

    avail_total = to_pt(frame.h)
    measured: dict[float, tuple[list[float], float]] = {}

    def measure(size: float) -> tuple[list[float], float]:
        if size not in measured:  # choosing looks at most sizes twice
            widths = widths_at(size)
            header = row_height(spec.header, size, widths, fonts, insets)
            measured[size] = [row_height(r, size, widths, fonts, insets) for r in spec.rows], avail_total - header
        return measured[size]

    least_scale = min((p.scale for row in spec.rows for c in row for p in c.paras), default=1.0)

    def could_fit(size: float) -> bool:  # every row is at least one line of its smallest text high
        return len(spec.rows) * (fonts.regular.line(size * least_scale) + to_pt(insets.top + insets.bottom)) <= avail_total

    try:
        size, pages = choose(measure, [False] * len(spec.rows), largest, smallest, could_fit)
    except TooTall as tall:
        text = " ".join(p.text for c in spec.rows[tall.index] for p in c.paras)
        raise TooLong(text, spec.sources[tall.index], tall.needed, tall.available, tall.size) from None
    widths = widths_at(size)
    row_hs, room = measure(size)
    header_h = avail_total - room
    boxes = []
    for page in pages:
        rows = (spec.header, *(spec.rows[i] for i in page))
        hs = (pt(header_h), *(pt(row_hs[i]) for i in page))
        boxes.append(
            TableBox(
                frame=replace(frame, w=sum(widths), h=sum(hs)),
                columns=widths,
                rows=rows,
                heights=hs,
                size=size,
                style=style,
                insets=insets,
                description=spec.description,
            )
        )
    return boxes
