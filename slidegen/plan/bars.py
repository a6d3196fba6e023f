"""Bar-chart descriptions from a bar_chart slide's data: the axis, value labels where they fit, marks where values are missing, pages.

The same ChartSpec as the survey's charts, drawn by the same two renderers. A missing value is
never a 0: it has no bar and a `–` in its place (in a stacked or percent chart, `2016: –` after
the bar, since a segment has no place of its own), and the alt text says `uppgift saknas`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from slidegen.colour import readable_on
from slidegen.format import MINUS, MISSING, NBSP, number, percent
from slidegen.models.slides.charts import BarLayout, ChartData, Direction
from slidegen.models.theme import Theme
from slidegen.plan.charts import LABEL_SAFETY, MIN_CHART_SIZE, label_width, legend_columns, spec_in, wrap_label
from slidegen.plan.model import LABEL_PAD as PAD
from slidegen.plan.model import ChartSpec, Mark, Series, bar_offset, bar_thickness
from slidegen.plan.text import Fonts, TooTall, choose
from slidegen.units import Rect, to_pt

MAX_DECIMALS = 2
"""Value labels show at most this many decimals (the alt text the same)."""

LABEL_ROWS = 3
"""A category's name under a vertical bar wraps into at most this many lines before the bars get wider."""


@dataclass(frozen=True)
class Axis:
    """The value axis: its ends and its step."""

    low: float
    high: float
    step: float

    @property
    def span(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Plot:
    """Where the plot area lies in the frame (points), the category labels as wrapped, and the legend's columns."""

    left: float
    top: float
    width: float
    height: float
    labels: tuple[str, ...]
    legend_columns: int

    def length(self, horizontal: bool) -> tuple[float, float]:
        """(along the value axis, along the category axis) in points."""
        return (self.width, self.height) if horizontal else (self.height, self.width)


@dataclass(frozen=True)
class Chart:
    """What every page of one bar chart shares: its data, how it is drawn, its size and its axis."""

    data: ChartData
    layout: BarLayout
    direction: Direction
    frame: Rect
    theme: Theme
    fonts: Fonts
    size: float
    decimals: int
    labelled: bool = False
    """Every grouped bar thick enough for its value label beside it (they then never hide each other's)."""

    @property
    def horizontal(self) -> bool:
        return self.direction == "horizontal"

    @property
    def line(self) -> float:
        return self.fonts.regular.line(self.size)

    def width(self, text: str) -> float:
        return self.fonts.regular.width(text, self.size) * LABEL_SAFETY

    def label(self, value: float) -> str:
        """`1 350 st`, `12,5 %`: the value with the chart's decimals and unit."""
        unit = self.data.unit
        return number(value, self.decimals) + (f"{NBSP}{unit}" if unit else "")

    @property
    def names(self) -> list[str]:
        return [n.text for n in self.data.names]

    @property
    def legend(self) -> bool:
        return len(self.data.names) > 1


def decimals_of(values: Sequence[float]) -> int:
    """The fewest decimals (at most MAX_DECIMALS) that show every value as written: 1 → 0, 12.5 → 1."""
    for d in range(MAX_DECIMALS + 1):
        if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in values):
            return d
    return MAX_DECIMALS


def bar_charts(data: ChartData, layout: BarLayout, direction: Direction, frame: Rect, theme: Theme,
               fonts: Fonts, labelled: bool = False) -> list[ChartSpec]:
    """One or more charts of the data: as many categories per chart as fit the frame legibly, one axis for all.

    `labelled`: grouped bars get the room for every value label (fewer categories per chart).
    """
    known = [p.value for s in data.values for p in s if p.value is not None]
    decimals = decimals_of(known)
    smallest = max(theme.sizes.chart_min, MIN_CHART_SIZE)
    largest = max(theme.sizes.chart, smallest)
    n = len(data.categories)

    def measure(size: float) -> tuple[list[float], float]:
        chart = Chart(data, layout, direction, frame, theme, fonts, size, decimals, labelled)
        slot = max(_slot_need(chart, c.text) for c in data.categories)
        plot = _plot(chart, list(range(n)), _axis(chart, _plot(chart, list(range(n)), None)))
        return [slot] * n, plot.length(chart.horizontal)[1]

    try:
        size, pages = choose(measure, [False] * n, largest, smallest)
    except TooTall:  # not even one category fits: the frame is tiny; one per chart
        size, pages = smallest, [[i] for i in range(n)]
    chart = Chart(data, layout, direction, frame, theme, fonts, size, decimals, labelled)
    shortest = min((_plot(chart, page, None) for page in pages), key=lambda p: p.length(chart.horizontal)[0])
    axis = _axis(chart, shortest)
    return [_page(chart, page, axis) for page in pages]


def _slot_need(chart: Chart, category: str) -> float:
    """The room one category needs along the category axis, in points."""
    bars = len(chart.data.names) if chart.layout == "grouped" else 1
    # every bar at least half the text size thick; as thick as a label's line when every bar is labelled
    visible = chart.size * (1.1 if chart.labelled else 0.5) / bar_thickness(bars)
    if chart.horizontal:
        wrapped = wrap_label(category, label_width(chart.frame, [category], chart.size, chart.fonts), chart.size, chart.fonts)
        return max(visible, chart.line * max(1.2, 1.1 * (wrapped.count("\n") + 1)))
    words = max(chart.width(w) for w in category.split(" "))
    return max(visible, words + 6, chart.width(category) / LABEL_ROWS + 6)


def _plot(chart: Chart, page: list[int], axis: Axis | None) -> Plot:
    """The plot area for the page's categories; with the axis unknown, room for its widest plausible tick label."""
    w, h = to_pt(chart.frame.w), to_pt(chart.frame.h)
    line = chart.line
    columns = legend_columns(chart.names, w - 8, chart.size, chart.fonts) if chart.legend else 1
    rows = -(-len(chart.names) // columns) if chart.legend else 0
    top = rows * line * 1.35 + line * 0.6
    labels = [chart.data.categories[i].text for i in page]
    if chart.horizontal:
        column = label_width(chart.frame, labels, chart.size, chart.fonts)
        wrapped = tuple(wrap_label(t, column, chart.size, chart.fonts) for t in labels)
        ticks = _tick_labels(chart, axis) if axis else [chart.label(v) for v in _extremes(chart)]
        right = max(8.0, chart.width(ticks[-1]) / 2 + 6)  # the last tick label stands centred on the plot's end
        left = column + 10
        return Plot(left, top, w - left - right, h - top - line * 1.8, wrapped, columns)
    ticks = _tick_labels(chart, axis) if axis else [chart.label(v) for v in _extremes(chart)]
    left = max(chart.width(t) for t in ticks) + 10
    width = w - left - 8
    slot = width / len(page)
    wrapped = tuple(wrap_label(t, slot - 6, chart.size, chart.fonts) for t in labels)
    lines = max(t.count("\n") + 1 for t in wrapped)
    bottom = lines * line * 1.1 + line * 0.8
    return Plot(left, top, width, h - top - bottom, wrapped, columns)


def _extremes(chart: Chart) -> list[float]:
    values = [p.value for s in chart.data.values for p in s if p.value is not None] or [0.0]
    return [min(values), max(values), *_totals(chart.data)]


def _totals(data: ChartData) -> list[float]:
    """Each category's sum of known values."""
    return [sum(s[i].value or 0.0 for s in data.values) for i in range(len(data.categories))]


def _tick_labels(chart: Chart, axis: Axis) -> list[str]:
    if chart.layout == "percent":
        return [percent(v) for v in _ticks(axis)]
    return [number(v, _step_decimals(axis.step)) + _axis_suffix(chart) for v in _ticks(axis)]


def _axis_suffix(chart: Chart) -> str:
    """What the value axis' numbers carry: ` %` when the values are per cents (other units only on the labels)."""
    return f"{NBSP}%" if chart.data.unit == "%" and chart.layout != "percent" else ""


def _ticks(axis: Axis) -> list[float]:
    return [axis.low + i * axis.step for i in range(round(axis.span / axis.step) + 1)]


def _step_decimals(step: float) -> int:
    return decimals_of([step])


def nice_axis(low: float, high: float, max_ticks: int, whole: bool) -> Axis:
    """An axis from a round number at or below `low` to one at or above `high`, with a step of 1, 2 or 5 × 10ⁿ
    giving at most `max_ticks` steps; whole numbers only when the data is whole."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(1, max_ticks)
    exponent = math.floor(math.log10(raw))
    step = next(m * 10**exponent for m in (1, 2, 5, 10) if m * 10**exponent >= raw * (1 - 1e-9))
    if whole:
        step = max(step, 1.0)
    step = float(f"{step:.10g}")
    return Axis(math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step)


def _axis(chart: Chart, plot: Plot) -> Axis:
    """The value axis: every bar and the text beside its end fit inside it; ticks far enough apart to read."""
    if chart.layout == "percent":
        return Axis(0.0, 100.0, 20.0)
    values = [p.value for s in chart.data.values for p in s if p.value is not None]
    whole = chart.decimals == 0
    ends = _ends(chart)
    low = min([0.0, *values]) if chart.layout == "grouped" else 0.0
    high = max([0.0, *(e for e, _ in ends)])
    length, _ = plot.length(chart.horizontal)
    tick_room = chart.width(chart.label(max(abs(low), abs(high), 1.0))) + 16 if chart.horizontal else chart.line * 2.5
    max_ticks = max(2, min(8, int(length // tick_room)))
    axis = nice_axis(low, high, max_ticks, whole)
    for _ in range(8):  # widen the axis until the texts beside the bars' ends fit
        per_pt = axis.span / length
        need_high = max([high, *(e + room * per_pt for e, room in ends if e >= 0)])
        need_low = min([low, *(e - room * per_pt for e, room in ends if e < 0)])
        if need_high <= axis.high + 1e-9 and need_low >= axis.low - 1e-9:
            break
        axis = nice_axis(need_low, need_high, max_ticks, whole)
    return axis


def _ends(chart: Chart) -> list[tuple[float, float]]:
    """Every bar's end with the room (points along the value axis) the text beside it takes: a value label or a mark."""
    def room(text: str) -> float:
        return PAD + (chart.width(text) if chart.horizontal else chart.line)

    out = []
    if chart.layout == "grouped":
        for series in chart.data.values:
            for p in series:
                out.append((p.value, room(chart.label(p.value))) if p.value is not None else (0.0, room(MISSING)))
        return out
    for i, total in enumerate(_totals(chart.data)):
        text = _stack_mark(chart, i)
        out.append((total, room(text) if text else 0.0))
    return out


def _stack_mark(chart: Chart, i: int) -> str | None:
    """What stands after a stacked bar that lacks values: `2016: –`, or `–` for a chart of one series.

    A percent chart draws no bar where a value is missing (the shares are unknown), so its mark gives
    the known values too: `2016: –, 2017: 1 st`.
    """
    points = [(n.text, s[i].value) for n, s in zip(chart.data.names, chart.data.values)]
    if all(v is not None for _, v in points):
        return None
    if not chart.legend:
        return MISSING
    if chart.layout == "percent":
        return ", ".join(f"{name}: {MISSING if v is None else chart.label(v)}" for name, v in points)
    return ", ".join(f"{name}: {MISSING}" for name, v in points if v is None)


def _page(chart: Chart, page: list[int], axis: Axis) -> ChartSpec:
    """The chart of one page's categories."""
    plot = _plot(chart, page, axis)
    data = chart.data
    palette = chart.theme.colours.chart.series()
    length, across = plot.length(chart.horizontal)
    slot = across / len(page)
    hidden = tuple(k for k, i in enumerate(page) if chart.layout == "percent" and any(s[i].value is None for s in data.values))
    totals = _totals(data)
    shown = _grouped_labels(chart, page, axis, plot) if chart.layout == "grouped" else None
    fits = _fits(chart, axis, length, slot, [totals[i] for i in page], hidden)
    series = []
    for j, (name, points) in enumerate(zip(data.names, data.values)):
        colour = palette[j % len(palette)]
        repeat = j >= len(palette)
        values = tuple(points[i].value for i in page)
        labels = tuple(
            chart.label(v) if v is not None and ((j, k) in shown if shown is not None else fits(v, k)) else None
            for k, v in enumerate(values)
        )
        label_colour = chart.theme.colours.text if chart.layout == "grouped" else readable_on(colour)
        series.append(Series(f"series-{j}", name.text, colour, values, labels, label_colour, pattern=repeat,
                             hatch=readable_on(colour) if repeat else None))
    marks = _marks(chart, page, axis, plot)
    frame_w, frame_h = to_pt(chart.frame.w), to_pt(chart.frame.h)
    tick_decimals = _step_decimals(axis.step)
    return spec_in(
        chart.frame, chart.theme, chart.size,
        plot=(plot.left / frame_w, plot.top / frame_h, plot.width / frame_w, plot.height / frame_h),
        legend_columns=plot.legend_columns,
        categories=plot.labels,
        series=tuple(series),
        percent=chart.layout == "percent",
        axis_min=axis.low,
        axis_max=axis.high,
        axis_step=axis.step,
        description=_description(chart, page),
        value_format="count",
        direction=chart.direction,
        layout=chart.layout,
        legend=chart.legend,
        marks=marks,
        decimals=tick_decimals,
        hidden=hidden,
        axis_suffix=_axis_suffix(chart),
        label_format=_format(chart.decimals, chart.data.unit),
        axis_format=_format(tick_decimals, "%" if _axis_suffix(chart) else None),
    )


def _fits(chart: Chart, axis: Axis, length: float, slot: float, totals: list[float],
          hidden: tuple[int, ...]) -> Callable[[float, int], bool]:
    """Whether a value's label fits inside its segment of a stacked or percent bar."""
    thickness = slot * bar_thickness(1)

    def fits(value: float, k: int) -> bool:
        if k in hidden or value <= 0:
            return False
        text = chart.width(chart.label(value))
        share = value / totals[k] * 100 if chart.layout == "percent" else value
        segment = share / axis.span * length
        if chart.horizontal:
            return segment >= text + 4 and thickness >= chart.size * 1.05
        return segment >= chart.line * 1.05 and thickness >= text + 4

    return fits


Box = tuple[float, float, float, float]
"""A rectangle as (value-axis start, value-axis end, category-axis start, category-axis end), in points."""


def _grouped_labels(chart: Chart, page: list[int], axis: Axis, plot: Plot) -> set[tuple[int, int]]:
    """Which grouped bars (series, category on the page) get their value beside their end: a label is placed,
    largest values first, where it covers no bar, no missing value's `–` and no label placed before it."""
    data = chart.data
    length, across = plot.length(chart.horizontal)
    slot = across / len(page)
    bars = len(data.names)
    thickness = slot * bar_thickness(bars)
    per_unit = length / axis.span
    zero = -axis.low * per_unit
    height = chart.size * 1.05  # a label's extent across the text's lines

    def along(value: float) -> float:
        return zero + value * per_unit

    taken: list[Box] = []
    candidates = []
    for j, series in enumerate(data.values):
        for k, i in enumerate(page):
            centre = (k + 0.5 + bar_offset(j, bars)) * slot
            value = series[i].value
            end = along(value or 0.0)
            taken.append((min(zero, end), max(zero, end), centre - thickness / 2, centre + thickness / 2))
            text = chart.label(value) if value is not None else MISSING
            extent = chart.width(text) if chart.horizontal else chart.line
            cross = height if chart.horizontal else chart.width(text)
            sign = 1 if (value or 0.0) >= 0 else -1
            box = (min(end + sign * PAD, end + sign * (PAD + extent)), max(end + sign * PAD, end + sign * (PAD + extent)),
                   centre - cross / 2, centre + cross / 2)
            if value is None:
                taken.append(box)  # the `–` is always drawn
            else:
                candidates.append((abs(value), j, k, box))
    shown: set[tuple[int, int]] = set()
    if chart.horizontal and thickness < height:
        return shown  # a label taller than its bar would read as its neighbour's
    for _, j, k, box in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if box[2] < -0.5 or box[3] > across + 0.5:
            continue
        if not any(_overlap(box, other) for other in taken if other is not box):
            shown.add((j, k))
            taken.append(box)
    return shown


def _overlap(a: Box, b: Box) -> bool:
    """Whether two rectangles share more than an edge."""
    return a[0] < b[1] - 0.5 and b[0] < a[1] - 0.5 and a[2] < b[3] - 0.5 and b[2] < a[3] - 0.5


def _marks(chart: Chart, page: list[int], axis: Axis, plot: Plot) -> tuple[Mark, ...]:
    """A `–` where each missing value would be: at a grouped bar's base, after a stacked bar's end."""
    data = chart.data
    length, across = plot.length(chart.horizontal)
    slot = across / len(page)
    frame_w, frame_h = to_pt(chart.frame.w), to_pt(chart.frame.h)
    per_unit = length / axis.span
    height = chart.line * 1.25

    def mark(text: str, value: float, k: int, offset: float) -> Mark:
        width = chart.fonts.regular.width(text, chart.size) * 1.15 + 4
        centre = (k + 0.5 + offset) * slot  # along the category axis, from the plot's start
        at = (value - axis.low) * per_unit  # along the value axis, from its low end
        if chart.horizontal:
            x, y = plot.left + at + PAD, plot.top + centre - height / 2
        else:
            x, y = plot.left + centre - width / 2, plot.top + plot.height - at - PAD - height
        return Mark(text, x / frame_w, y / frame_h, width / frame_w, height / frame_h, "l" if chart.horizontal else "ctr")

    out = []
    for k, i in enumerate(page):
        if chart.layout == "grouped":
            bars = len(data.values)
            out += [mark(MISSING, 0.0, k, bar_offset(j, bars)) for j, s in enumerate(data.values) if s[i].value is None]
            continue
        text = _stack_mark(chart, i)
        if text is None:
            continue
        if not chart.horizontal and chart.fonts.regular.width(text, chart.size) * 1.15 + 4 > slot:
            text = MISSING
        end = 0.0 if chart.layout == "percent" else sum(s[i].value or 0.0 for s in data.values)
        out.append(mark(text, end, k, 0.0))
    return tuple(out)


def _format(decimals: int, unit: str | None) -> str:
    """A number format for the native chart: grouped digits, fixed decimals, the unit, a real minus for negatives."""
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    suffix = f'"{NBSP}{unit}"' if unit else ""
    return f'{body}{suffix};"{MINUS}"{body}{suffix}'


KIND = {
    ("vertical", "grouped"): "Stapeldiagram",
    ("vertical", "stacked"): "Stapeldiagram med staplade värden",
    ("vertical", "percent"): "Stapeldiagram med andelar (100 % staplade)",
    ("horizontal", "grouped"): "Liggande stapeldiagram",
    ("horizontal", "stacked"): "Liggande stapeldiagram med staplade värden",
    ("horizontal", "percent"): "Liggande stapeldiagram med andelar (100 % staplade)",
}
"""How the alt text names each kind of bar chart."""


def _description(chart: Chart, page: list[int]) -> str:
    """The alt text: every category of the page with every value (`uppgift saknas` where missing), shares in percent charts."""
    data = chart.data
    kind = KIND[(chart.direction, chart.layout)]
    parts = []
    for i in page:
        points = [s[i].value for s in data.values]
        total = sum(v or 0.0 for v in points)
        unknown = any(v is None for v in points)
        said = []
        for name, v in zip(chart.names, points):
            text = "uppgift saknas" if v is None else chart.label(v)
            if chart.layout == "percent" and v is not None and not unknown and total > 0:
                text += f" ({percent(round(v / total * 100, 1))})"
            said.append(f"{name} {text}" if chart.legend else text)
        category = data.categories[i].text
        line = f"{category}: {', '.join(said)}" if chart.legend else f"{category} {said[0]}"
        if chart.layout == "percent" and unknown:
            line += " (andelarna kan inte räknas ut när ett värde saknas)"
        parts.append(line)
    head = f"{kind}, {chart.names[0]}" if not chart.legend else kind
    return f"{head}: {'; '.join(parts)}."
