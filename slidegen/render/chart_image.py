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
from slidegen.plan.model import ChartSpec
from slidegen.units import EMU_PER_INCH

HATCH = "///"
BAR_HEIGHT = 0.72


TWIN_FAMILIES = {"carlito": "Carlito", "liberation-sans": "Liberation Sans", "dejavu-sans": "DejaVu Sans",
                 "liberation-sans-narrow": "Liberation Sans Narrow"}


@lru_cache(maxsize=None)
def font_file(family: str, bold: bool = False) -> str:
    """The theme's font where installed, else its metric-compatible twin, else a font matplotlib ships."""
    candidates = [family]
    if family.lower() in METRIC_TWINS:
        candidates.append(TWIN_FAMILIES[METRIC_TWINS[family.lower()]])
    weight = "bold" if bold else "normal"
    for name in candidates:
        try:
            return font_manager.findfont(FontProperties(family=name, weight=weight), fallback_to_default=False)
        except ValueError:
            continue
    return font_manager.findfont(FontProperties(family="DejaVu Sans", weight=weight))


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
    n = len(spec.categories)
    ys = [n - 1 - i for i in range(n)]
    totals = [sum(v or 0 for v in values) for values in zip(*(s.values for s in spec.series))]
    scale = [spec.axis_max / t if spec.percent and t > spec.axis_max else 1.0 for t in totals]
    starts = [0.0] * n
    for s in spec.series:
        widths = [(v or 0.0) * k for v, k in zip(s.values, scale)]
        if s.pattern:  # the hatch takes its colour from the edge, so the separator is drawn over it
            ax.barh(ys, widths, left=starts, height=BAR_HEIGHT, color=s.colour, linewidth=0, hatch=HATCH,
                    edgecolor=spec.grid)
            ax.barh(ys, widths, left=starts, height=BAR_HEIGHT, fill=False, linewidth=spec.separator,
                    edgecolor=spec.background)
        else:
            ax.barh(ys, widths, left=starts, height=BAR_HEIGHT, color=s.colour, linewidth=spec.separator,
                    edgecolor=spec.background)
        for y, x0, w, label in zip(ys, starts, widths, s.labels):
            if label:
                ax.text(x0 + w / 2, y, label, ha="center", va="center", color=s.label_colour, fontproperties=font,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": s.colour, "linewidth": 0} if s.pattern else None)
        starts = [a + b for a, b in zip(starts, widths)]
    ax.set_xlim(0, spec.axis_max)
    ax.set_ylim(-0.5, n - 0.5)
    ticks = []
    t = 0.0
    while t <= spec.axis_max + 1e-9:
        ticks.append(t)
        t += spec.axis_step
    ax.set_xticks(ticks, [spec.axis_label(t) for t in ticks], fontproperties=font, color=spec.text)
    ax.set_yticks(ys, list(spec.categories), fontproperties=font, color=spec.text)
    ax.tick_params(length=0, pad=4)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(spec.grid)
    ax.xaxis.grid(True, color=spec.grid, linewidth=0.6, alpha=0.4)
    ax.set_axisbelow(True)
    handles = [
        Patch(facecolor=s.colour, edgecolor=spec.grid if s.pattern else s.colour, hatch=HATCH if s.pattern else None,
              label=s.name, linewidth=0)
        for s in spec.series
    ]
    line = spec.size / 72 / (spec.height / EMU_PER_INCH)
    legend_top = 1 - (line * caption_height(spec.caption) if spec.caption else 0.0)
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, legend_top), ncol=spec.legend_columns, frameon=False,
               prop=font, labelcolor=spec.text, handlelength=1.4, columnspacing=1.2, borderaxespad=0.0, borderpad=0.0)
    if spec.caption:
        fig.text(0.005, 1 - line * 0.2, spec.caption, ha="left", va="top", color=spec.text,
                 fontproperties=FontProperties(fname=font_file(spec.family, bold=True), size=spec.size))
    return fig
