"""Drawing a chart description with matplotlib (Agg, no pyplot): PNG or SVG bytes, the same for the same input."""

from __future__ import annotations

import gc
import io
from functools import lru_cache

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch

from slidegen.plan.charts import caption_height
from slidegen.plan.fonts import METRIC_TWINS
from slidegen.plan.model import LABEL_PAD, ChartSpec
from slidegen.units import EMU_PER_INCH

HATCH = "///"


TWIN_FAMILIES = {"carlito": "Carlito", "liberation-sans": "Liberation Sans", "dejavu-sans": "DejaVu Sans",
                 "liberation-sans-narrow": "Liberation Sans Narrow"}


@lru_cache(maxsize=None)
def font_file(family: str, bold: bool = False) -> str:
    """The theme's font where installed, else its metric-compatible twin, else a font matplotlib ships."""
    candidates = [family]
    if family.lower() in METRIC_TWINS:
        candidates.append(TWIN_FAMILIES[METRIC_TWINS[family.lower()]])
    weight = "bold" if bold else "normal"
    for fresh in (False, True):
        if fresh and not _system_fonts_added():
            break
        for name in candidates:
            try:
                return font_manager.findfont(FontProperties(family=name, weight=weight), fallback_to_default=False)
            except ValueError:
                continue
    return font_manager.findfont(FontProperties(family="DejaVu Sans", weight=weight))


@lru_cache(maxsize=1)
def _system_fonts_added() -> bool:
    """The system's fonts made known to matplotlib, once: its font list is cached on disk when it is first
    imported, so a font installed after that (Carlito, Liberation Sans) is not in it. Whether any was new."""
    known = {f.fname for f in font_manager.fontManager.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path in known:
            continue
        try:
            font_manager.fontManager.addfont(path)
            added = True
        except (OSError, RuntimeError, ValueError):
            continue  # a font file matplotlib cannot read
    return added


def draw(spec: ChartSpec, fmt: str = "png", dpi: int = 200) -> bytes:
    """The chart as PNG (at `dpi`) or SVG bytes, exactly the frame's size so it is never stretched.

    A figure lives in reference cycles (its texts keep the renderer, and with it the pixel buffer,
    about 10 MiB at 200 dpi) until a full collection happens to run: eight charts held eight
    buffers. The objects there were before drawing are frozen, so collecting right after the
    drawing looks at the figure's objects only: it frees the buffer in a few milliseconds.
    """
    gc.freeze()
    try:
        data = _draw(spec, fmt, dpi)
        gc.collect()
    finally:
        gc.unfreeze()
    return data


def _draw(spec: ChartSpec, fmt: str, dpi: int) -> bytes:
    with matplotlib.rc_context({"svg.hashsalt": "slidegen", "hatch.linewidth": 0.8}):
        fig = _figure(spec, dpi)
        buf = io.BytesIO()
        if fmt == "svg":
            FigureCanvasSVG(fig)
            fig.savefig(buf, format="svg", facecolor=spec.background, metadata={"Date": None, "Creator": None})
        else:
            FigureCanvasAgg(fig)
            fig.savefig(buf, format="png", dpi=dpi, facecolor=spec.background, metadata={"Software": None})
    return buf.getvalue()


def _figure(spec: ChartSpec, dpi: int) -> Figure:
    font = FontProperties(fname=font_file(spec.family), size=spec.size)
    fig = Figure(figsize=(spec.width / EMU_PER_INCH, spec.height / EMU_PER_INCH), dpi=dpi, facecolor=spec.background)
    left, top, width, height = spec.plot
    ax = fig.add_axes((left, 1 - top - height, width, height), facecolor=spec.background)
    horizontal = spec.direction == "horizontal"
    n = len(spec.categories)
    slots = [n - 1 - i for i in range(n)] if horizontal else list(range(n))
    totals = [sum(v or 0 for v in values) for values in zip(*(s.values for s in spec.series))]
    scale = _scales(spec, totals)
    thickness = spec.thickness()
    starts = [0.0] * n
    for j, s in enumerate(spec.series):
        lengths = [(v or 0.0) * k for v, k in zip(s.values, scale)]
        offset = spec.offset(j)
        at = [p - offset if horizontal else p + offset for p in slots] if offset else slots
        shown = [i for i in range(n) if i not in spec.hidden and (spec.layout != "grouped" or s.values[i] is not None)]
        if len(shown) < n:
            at, lengths_shown, bases = [at[i] for i in shown], [lengths[i] for i in shown], [starts[i] for i in shown]
        else:
            lengths_shown, bases = lengths, starts
        bars = ax.barh if horizontal else ax.bar
        thick = "height" if horizontal else "width"
        base = "left" if horizontal else "bottom"
        if s.pattern:  # the hatch takes its colour from the edge, so the separator is drawn over it
            bars(at, lengths_shown, **{base: bases, thick: thickness}, color=s.colour, linewidth=0, hatch=HATCH,
                 edgecolor=s.hatch or spec.grid)
            bars(at, lengths_shown, **{base: bases, thick: thickness}, fill=False, linewidth=spec.separator,
                 edgecolor=spec.background)
        else:
            bars(at, lengths_shown, **{base: bases, thick: thickness}, color=s.colour, linewidth=spec.separator,
                 edgecolor=spec.background)
        for pos, x0, w, i in zip(at, bases, lengths_shown, shown):
            label = s.labels[i]
            if not label:
                continue
            if spec.layout == "grouped":
                _end_label(ax, spec, label, x0 + w, pos, s.label_colour, font, horizontal)
                continue
            xy = (x0 + w / 2, pos) if horizontal else (pos, x0 + w / 2)
            ax.text(*xy, label, ha="center", va="center", color=s.label_colour, fontproperties=font,
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": s.colour, "linewidth": 0} if s.pattern else None)
        if spec.layout != "grouped":
            starts = [a + b for a, b in zip(starts, lengths)]
    ticks = spec.ticks()
    tick_labels = [spec.axis_label(t) for t in ticks]
    if horizontal:
        ax.set_xlim(spec.axis_min, spec.axis_max)
        ax.set_ylim(-0.5, n - 0.5)
        ax.set_xticks(ticks, tick_labels, fontproperties=font, color=spec.text)
        ax.set_yticks(slots, list(spec.categories), fontproperties=font, color=spec.text)
    else:
        ax.set_ylim(spec.axis_min, spec.axis_max)
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_yticks(ticks, tick_labels, fontproperties=font, color=spec.text)
        ax.set_xticks(slots, list(spec.categories), fontproperties=font, color=spec.text)
    ax.tick_params(length=0, pad=4)
    category_side = "bottom"
    for side in ("top", "right", "left", "bottom"):
        if side != category_side:
            ax.spines[side].set_visible(False)
    ax.spines[category_side].set_color(spec.grid)
    (ax.xaxis if horizontal else ax.yaxis).grid(True, color=spec.grid, linewidth=0.6, alpha=0.4)
    if spec.axis_min < 0:  # the zero line the bars grow from
        (ax.axvline if horizontal else ax.axhline)(0, color=spec.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    line = spec.size / 72 / (spec.height / EMU_PER_INCH)
    if spec.legend:
        handles = [
            Patch(facecolor=s.colour, edgecolor=(s.hatch or spec.grid) if s.pattern else s.colour,
                  hatch=HATCH if s.pattern else None, label=s.name, linewidth=0)
            for s in spec.series
        ]
        legend_top = 1 - (line * caption_height(spec.caption) if spec.caption else 0.0)
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, legend_top), ncol=spec.legend_columns,
                   frameon=False, prop=font, labelcolor=spec.text, handlelength=1.4, columnspacing=1.2,
                   borderaxespad=0.0, borderpad=0.0)
    if spec.caption:
        fig.text(0.005, 1 - line * 0.2, spec.caption, ha="left", va="top", color=spec.text,
                 fontproperties=FontProperties(fname=font_file(spec.family, bold=True), size=spec.size))
    for mark in spec.marks:
        left = mark.align == "l"
        fig.text(mark.x if left else mark.x + mark.w / 2, 1 - mark.y - mark.h / 2, mark.text, ha="left" if left else "center",
                 va="center", color=spec.text, fontproperties=font)
    return fig


def _scales(spec: ChartSpec, totals: list[float]) -> list[float]:
    """What each bar's values are multiplied by: shares of the sum in a percent chart; survey percents that add
    up to more than the axis (rounding) scaled down to it; else 1."""
    if spec.layout == "percent":
        return [100 / t if t > 0 else 0.0 for t in totals]
    return [spec.axis_max / t if spec.percent and t > spec.axis_max else 1.0 for t in totals]


def _end_label(ax, spec: ChartSpec, label: str, end: float, pos: float, colour: str, font: FontProperties,
               horizontal: bool) -> None:
    """A grouped bar's value beside its end: right of it (left of a negative bar), or above it (below a negative one)."""
    sign = 1 if end >= 0 else -1
    if horizontal:
        ax.annotate(label, (end, pos), xytext=(sign * LABEL_PAD, 0), textcoords="offset points", va="center",
                    ha="left" if sign > 0 else "right", color=colour, fontproperties=font, annotation_clip=False)
    else:
        ax.annotate(label, (pos, end), xytext=(0, sign * LABEL_PAD), textcoords="offset points", ha="center",
                    va="bottom" if sign > 0 else "top", color=colour, fontproperties=font, annotation_clip=False)
