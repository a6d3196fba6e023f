"""Where each line of a text box or table cell is drawn: baselines, starts and markers, as the office suites set them."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Callable, Literal, Sequence

from slidegen.plan.fonts import FontMetrics
from slidegen.plan.model import Cell, Insets, Line, Marker, Para, TableBox, TextBox
from slidegen.plan.table import cell_width
from slidegen.plan.text import Fonts, drawn_lines, inner_width
from slidegen.units import Rect, to_pt

Anchor = Literal["t", "ctr", "b"]


@dataclass(frozen=True)
class SetLine:
    """One line of text where it is drawn, in points from the slide's top left corner.

    `x` is where the line starts (`l`), its middle (`ctr`) or its end (`r`), as `align` says; the
    marker (a bullet or `2.`) of a paragraph's first line starts at `marker_x`.
    """

    line: Line
    x: float
    baseline: float
    align: Literal["l", "ctr", "r"]
    size: float
    para: Para
    marker: str | None = None
    marker_x: float = 0.0


@dataclass(frozen=True)
class SetCell:
    """A table cell where it is drawn: its rectangle (EMU), whether it is in the header row, its lines."""

    frame: Rect
    header: bool
    row: int
    lines: tuple[SetLine, ...]


@dataclass(frozen=True)
class Spacing:
    """How lines follow each other at single spacing: from the top to the first baseline, and baseline to baseline.

    Each a function of the font's metrics and the size, in points.
    """

    ascent: Callable[[FontMetrics, float], float]
    pitch: Callable[[FontMetrics, float], float]


FRAME_SPACING = Spacing(lambda _, s: 1.0 * s, lambda _, s: 1.2 * s)
"""Text boxes and placeholders: lines set independently of the font, the first baseline one size below the
top and each next one 1.2 sizes further (as LibreOffice sets them in presentations, and PowerPoint's single
spacing)."""

CELL_SPACING = Spacing(
    lambda m, s: m.ascent_units * s / m.units_per_em,
    lambda m, s: (m.ascent_units + m.descent_units) * s / m.units_per_em,
)
"""Table cells: lines set by the font's own ascent and descent (as LibreOffice sets them)."""


_LETTERS = string.ascii_lowercase


def marker_text(marker: Marker, number: int) -> str:
    """What a marker shows: its character, or the paragraph's automatic number (`3.`, `c)`)."""
    if marker.numbering == "arabicPeriod":
        return f"{number}."
    if marker.numbering == "alphaLcParenR":
        return f"{_LETTERS[(number - 1) % 26] * (1 + (number - 1) // 26)})"
    return marker.char or "•"


def numbers(paras: Sequence[Para]) -> list[int]:
    """The automatic number of each paragraph (1 for those without one), counted as the office suites count.

    A list goes on while paragraphs of its level have the same kind of number; paragraphs of a deeper
    level do not interrupt it; a paragraph of its level without a number, or of a shallower level, ends it.
    """
    counters: dict[int, tuple[str, int]] = {}
    out = []
    for p in paras:
        for level in [lv for lv in counters if lv > p.level]:
            del counters[level]
        kind = p.marker.numbering if p.marker else None
        if kind is None:
            counters.pop(p.level, None)
            out.append(1)
            continue
        previous = counters.get(p.level)
        n = previous[1] + 1 if previous and previous[0] == kind else p.marker.start  # type: ignore[union-attr]
        counters[p.level] = (kind, n)
        out.append(n)
    return out


def set_paragraphs(paras: Sequence[Para], size: float, frame: Rect, insets: Insets, anchor: Anchor,
                   fonts: Fonts, width: float, spacing: Spacing) -> tuple[SetLine, ...]:
    """Every line of the paragraphs of a frame: the lines the planner's wrapping makes at `width` (plan/text.drawn_lines).

    Single line spacing as `spacing` says; each paragraph's space before, except the first's (office suites
    leave it out at the top of a frame); the block of lines at the top, middle or bottom of the frame inside
    its insets.
    """
    left, right = to_pt(frame.x + insets.left), to_pt(frame.right - insets.right)
    top, bottom = to_pt(frame.y + insets.top), to_pt(frame.bottom - insets.bottom)
    placed: list[tuple[float, SetLine]] = []
    y = 0.0
    for j, (p, number) in enumerate(zip(paras, numbers(paras))):
        s = size * p.scale
        metrics = fonts.regular
        if j:
            y += p.space_before * s
        indent, hang = p.indent(size)
        start = left + indent
        x = {"l": start, "ctr": (start + right) / 2, "r": right}[p.align]
        marker = marker_text(p.marker, number) if p.marker else None
        for k, line in enumerate(drawn_lines(p, size, width, fonts)):
            placed.append((y + spacing.ascent(metrics, s), SetLine(line, x, 0.0, p.align, s, p, marker if k == 0 else None,
                                                           start - hang)))
            y += spacing.pitch(metrics, s)
    offset = {"t": top, "ctr": top + (bottom - top - y) / 2, "b": bottom - y}[anchor]
    return tuple(_at(line, offset + base) for base, line in placed)


def _at(line: SetLine, baseline: float) -> SetLine:
    return SetLine(line.line, line.x, baseline, line.align, line.size, line.para, line.marker, line.marker_x)


def set_text(box: TextBox, fonts: Fonts) -> tuple[SetLine, ...]:
    """Every line of a text box where it is drawn."""
    return set_paragraphs(box.paras, box.size, box.frame, box.insets, box.anchor, fonts,
                          inner_width(box.frame.w, box.insets), FRAME_SPACING)


def set_table(box: TableBox, fonts: Fonts) -> tuple[SetCell, ...]:
    """Every cell of a table with its lines: the header row's text in the middle of its cells, the others' at the top."""
    out = []
    y = box.frame.y
    for r, (cells, height) in enumerate(zip(box.rows, box.heights)):
        x = box.frame.x
        for cell, w in zip(cells, box.columns):
            frame = Rect(x, y, w, height)
            out.append(SetCell(frame, r == 0, r, _cell_lines(cell, box, frame, fonts, "ctr" if r == 0 else "t")))
            x += w
        y += height
    return tuple(out)


def _cell_lines(cell: Cell, box: TableBox, frame: Rect, fonts: Fonts, anchor: Anchor) -> tuple[SetLine, ...]:
    return set_paragraphs(cell.paras, box.size, frame, box.insets, anchor, fonts,
                          cell_width(to_pt(frame.w), box.insets), CELL_SPACING)
