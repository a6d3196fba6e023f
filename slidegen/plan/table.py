"""Tables that fit: column widths from content, row heights from wrapped text, pages split on rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from slidegen.errors import Location
from slidegen.plan.model import Cell, Insets, Para, TableBox, TableStyle
from slidegen.plan.text import Fonts, TooLong, TooTall, choose, count_lines
from slidegen.units import Rect, pt, to_pt

_BREAKS = re.compile(r"[ \t\n]+")

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
        longest = max(_longest_word(p, size, fonts) for c in cells for p in c.paras)
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


def _longest_word(p: Para, size: float, fonts: Fonts) -> float:
    """The widest unbreakable word of a paragraph, in points (no-break spaces join words)."""
    s = size * p.scale
    return max(
        (fonts.pick(r).width(word, s) for r in p.runs for word in _BREAKS.split(r.text) if word),
        default=0.0,
    )


def plan_tables(
    spec: TableSpec, frame: Rect, fonts: Fonts, style: TableStyle, insets: Insets, largest: float, smallest: float
) -> list[TableBox]:
    """The table as one or more pages, the header repeated on each, at one size for all."""
    widths = column_widths(spec, frame.w, largest, fonts, insets)
    avail_total = to_pt(frame.h)

    def measure(size: float) -> tuple[list[float], float]:
        header = row_height(spec.header, size, widths, fonts, insets)
        return [row_height(r, size, widths, fonts, insets) for r in spec.rows], avail_total - header

    try:
        size, pages = choose(measure, [False] * len(spec.rows), largest, smallest)
    except TooTall as tall:
        text = " ".join(p.text for c in spec.rows[tall.index] for p in c.paras)
        raise TooLong(text, spec.sources[tall.index], tall.needed, tall.available, tall.size) from None
    header_h = row_height(spec.header, size, widths, fonts, insets)
    boxes = []
    for page in pages:
        rows = (spec.header, *(spec.rows[i] for i in page))
        hs = (pt(header_h), *(pt(row_height(spec.rows[i], size, widths, fonts, insets)) for i in page))
        boxes.append(
            TableBox(
                frame=replace(frame, h=sum(hs)),
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
