"""Chart descriptions built from the validated survey: plain data that both chart renderers draw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from slidegen.colour import readable_on
from slidegen.format import number, percent
from slidegen.models.answers import Answers
from slidegen.models.survey import CATEGORY_KEYS, Group, Method, Results, Survey
from slidegen.models.theme import Theme
from slidegen.plan.model import ChartSpec, Series
from slidegen.plan.text import Fonts, TooTall, choose
from slidegen.units import Rect, to_pt

LABEL_SAFETY = 1.25
"""A segment gets its label only if it is this much wider than the label (renderers' fonts differ)."""

MIN_CHART_SIZE = 12.0
"""Chart text is never smaller than this (points)."""

def _labels(values: Sequence[float | None], axis_max: float, plot_w: float, size: float, fonts: Fonts,
            fmt: Literal["percent", "count"]) -> tuple[str | None, ...]:
    """The label of each segment, or None where the segment is too narrow to hold it."""
    out: list[str | None] = []
    for v in values:
        if v is None or v <= 0:
            out.append(None)
            continue
        text = percent(v) if fmt == "percent" else number(v)
        segment = plot_w * v / axis_max
        out.append(text if fonts.regular.width(text, size) * LABEL_SAFETY + 4 <= segment else None)
    return tuple(out)


@dataclass(frozen=True)
class _Frame:
    """The plot area inside a chart's frame, in points, and how the legend is laid out above it."""

    left: float
    top: float
    width: float
    height: float
    frame_w: float
    frame_h: float
    legend_columns: int

    def fractions(self) -> tuple[float, float, float, float]:
        return (self.left / self.frame_w, self.top / self.frame_h, self.width / self.frame_w, self.height / self.frame_h)


def legend_columns(names: Sequence[str], width: float, size: float, fonts: Fonts) -> int:
    """The most legend columns whose entries fit side by side in `width` points."""
    entries = [fonts.regular.width(n, size) * LABEL_SAFETY + 2.6 * size for n in names]
    for columns in range(len(entries), 0, -1):
        rows = [entries[i : i + columns] for i in range(0, len(entries), columns)]
        widths = [max(row[c] for row in rows if c < len(row)) for c in range(columns)]
        if sum(widths) <= width:
            return columns
    return 1


MAX_LABEL_SHARE = 0.4
"""Category labels take at most this share of the chart's width; longer ones wrap."""


def wrap_label(text: str, width: float, size: float, fonts: Fonts) -> str:
    """A category label broken at spaces into lines no wider than `width` points."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and fonts.regular.width(f"{lines[-1]} {word}", size) * LABEL_SAFETY <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def label_width(frame: Rect, labels: Sequence[str], size: float, fonts: Fonts) -> float:
    """The width of the category labels' column: the widest line, at most a share of the chart's width."""
    lines = [line for t in labels for line in t.split("\n")]
    widest = max((fonts.regular.width(line, size) for line in lines), default=0.0) * LABEL_SAFETY
    return min(widest, to_pt(frame.w) * MAX_LABEL_SHARE)


def wrapped_labels(frame: Rect, labels: Sequence[str], size: float, fonts: Fonts) -> list[str]:
    """Category labels wrapped to the labels' column (long ones at large sizes would be cut off)."""
    width = label_width(frame, labels, size, fonts)
    return [wrap_label(t, width, size, fonts) for t in labels]


def _bar_height(label: str, size: float, fonts: Fonts) -> float:
    """The height one bar takes: room for its label's lines."""
    return fonts.regular.line(size) * max(1.2, 1.1 * (label.count("\n") + 1))


LEGEND_KEY_EM = 2.6
"""Room a legend entry takes besides its text (the coloured key and the space after it), in em."""


def fit_legend(names: Sequence[str], width: float, size: float, fonts: Fonts, wrap: bool = True) -> list[str]:
    """Legend entries wider than the chart broken into lines that fit it (a narrow chart beside text, a 4:3 slide).

    Without `wrap`, the entries as they are: themes without a template keep their decks byte for byte
    (kontrast's widest entry is wider than its overview chart; a later change may wrap it there too).
    """
    if not wrap:
        return list(names)
    room = width - LEGEND_KEY_EM * size
    return [wrap_label(n, room, size, fonts) if fonts.regular.width(n, size) * LABEL_SAFETY > room else n
            for n in names]


def fit_caption(caption: str, frame: Rect, size: float, fonts: Fonts, wrap: bool = True) -> str:
    """A chart's caption (in bold) broken into lines as wide as the chart (as it is without `wrap`, see fit_legend)."""
    width = to_pt(frame.w) - 8
    if not wrap or fonts.bold.width(caption, size) * LABEL_SAFETY <= width:
        return caption
    return wrap_label(caption, width, size, Fonts(fonts.bold, fonts.bold))


def _plot_area(frame: Rect, labels: Sequence[str], names: Sequence[str], size: float, fonts: Fonts,
               caption: str | None) -> _Frame:
    w, h = to_pt(frame.w), to_pt(frame.h)
    line = fonts.regular.line(size)
    left = label_width(frame, labels, size, fonts) + 10
    right = fonts.regular.width("100\u00a0%", size) * LABEL_SAFETY / 2 + 6
    columns = legend_columns(names, w - 8, size, fonts)
    lines = [max(n.count("\n") + 1 for n in names[i : i + columns]) for i in range(0, len(names), columns)]
    top = (caption_height(caption) * line if caption else 0.0) + sum(lines) * line * 1.35 + line * 0.6
    bottom = line * 1.8
    return _Frame(left, top, w - left - right, h - top - bottom, w, h, columns)


def caption_height(caption: str) -> float:
    """The height a chart's caption takes, in lines of the chart's text (its own lines and the space below)."""
    return 1.6 + 1.2 * caption.count("\n")


def _series_names(survey: Survey, missing: bool = True) -> list[str]:
    return [c.label for c in survey.categories.ordered()] + ([survey.missing_label] if missing else [])


def _method_label(m: Method) -> str:
    return f"{m.number}. {m.short}"


def _spoken(results: Results, survey: Survey) -> str:
    parts = [
        f"{c.label.lower()} {percent(v)}"
        for c, v in zip(survey.categories.ordered(), results.values())
        if v is not None
    ]
    unknown = results.unknown()
    if unknown > 0:
        parts.append(f"{survey.missing_label.lower()} {percent(unknown)}")
    return ", ".join(parts)


def method_charts(
    survey: Survey, numbers: Sequence[int], sort: str, frame: Rect, theme: Theme, fonts: Fonts,
    answers: Answers | None = None, wrap: bool = False,
) -> list[ChartSpec]:
    """One or more charts of the methods' answers: as many bars per chart as fit the frame legibly.

    With `answers` (shares computed from a sheet) a caption says how many boards answered, and the
    alt text gives each method's n. `wrap`: a caption or legend entries wider than the chart break
    into lines (see fit_legend).
    """
    methods = [survey.method(n) for n in numbers]
    caption = f"Andel av dem som svarat (n = {answers.n_range(numbers)} länsstyrelser per metod)" if answers else None
    # shares computed from answers leave nothing unknown, unless nobody answered a method
    missing = answers is None or any(m.results.unknown() > 0 for m in methods)
    if sort == "done":
        methods.sort(key=lambda m: (-(m.results.done if m.results.done is not None else -1), m.number))
    labels = [_method_label(m) for m in methods]

    def measure(size: float) -> tuple[list[float], float]:
        wrapped = wrapped_labels(frame, labels, size, fonts)
        names = fit_legend(_series_names(survey, missing), to_pt(frame.w) - 8, size, fonts, wrap)
        shown_caption = fit_caption(caption, frame, size, fonts, wrap) if caption else None
        area = _plot_area(frame, wrapped, names, size, fonts, caption=shown_caption)
        slot = max(_bar_height(t, size, fonts) for t in wrapped)  # bars are evenly spaced: all get the tallest label's room
        return [slot] * len(methods), area.height

    try:
        smallest = max(theme.sizes.chart_min, MIN_CHART_SIZE)
        size, pages = choose(measure, [False] * len(methods), max(theme.sizes.chart, smallest), smallest)
    except TooTall:  # not even one bar fits: the frame is tiny; draw one bar per chart
        size, pages = smallest, [[i] for i in range(len(methods))]
    return [_method_chart(survey, [methods[i] for i in page], frame, theme, fonts, size, answers, caption, missing, wrap)
            for page in pages]


def _method_chart(survey: Survey, methods: list[Method], frame: Rect, theme: Theme, fonts: Fonts, size: float,
                  answers: Answers | None, caption: str | None, missing: bool, wrap: bool) -> ChartSpec:
    labels = wrapped_labels(frame, [_method_label(m) for m in methods], size, fonts)
    names = fit_legend(_series_names(survey, missing), to_pt(frame.w) - 8, size, fonts, wrap)
    caption = fit_caption(caption, frame, size, fonts, wrap) if caption else None
    area = _plot_area(frame, labels, names, size, fonts, caption=caption)
    colours = theme.colours.chart
    series = []
    for key, name in zip(CATEGORY_KEYS, names):
        values = tuple(getattr(m.results, key) for m in methods)
        colour = getattr(colours, key)
        series.append(Series(key, name, colour, values,
                             _labels(values, 100, area.width, size, fonts, "percent"), readable_on(colour)))
    unknown = tuple(m.results.unknown() or None for m in methods)
    # the share the survey lacks gets no number on the bar: a "71 %" there would read as an answer
    if missing:
        series.append(Series("missing", names[-1], colours.missing, unknown,
                             (None,) * len(methods), readable_on(colours.missing), pattern=True))
    span = ", ".join(
        f"metod {m.number}, {m.short}: {_spoken(m.results, survey)}" + (" (osäkert vilket svar talen hör till)"
                                                                       if m.columns_uncertain else "")
        + (f" (n = {answers.method(m.number).n})" if answers else "")
        for m in methods
    )
    return spec_in(
        frame, theme, size,
        plot=area.fractions(),
        legend_columns=area.legend_columns,
        categories=tuple(labels),
        series=tuple(series),
        percent=True,
        axis_max=100,
        axis_step=20,
        description=f"Stapeldiagram, andel länsstyrelser per svar{' av dem som svarat' if answers else ''}. {span}.",
        caption=caption,
    )


def spec_in(frame: Rect, theme: Theme, size: float, **chart: object) -> ChartSpec:
    """A chart in a frame, styled by the theme: the parts every chart shares (bar charts' too)."""
    return ChartSpec(
        width=frame.w,
        height=frame.h,
        family=theme.fonts.body,
        size=size,
        text=theme.colours.text,
        background=theme.colours.chart.background or theme.colours.background,
        grid=theme.colours.muted,
        panel=theme.colours.chart.background is not None,
        **chart,  # type: ignore[arg-type]
    )


def dominant(results: Results, columns_uncertain: bool = False) -> str | None:
    """The answer that is certainly the most common, or None when the known shares cannot tell.

    An answer dominates when its share is larger than the largest share any other answer could
    have: its own share when given, else everything the survey does not give. When the source does
    not say which answer each number belongs to, nothing can be told.
    """
    if columns_uncertain:
        return None
    values = dict(zip(CATEGORY_KEYS, results.values()))
    unknown = results.unknown()
    for key, value in values.items():
        if value is None:
            continue
        rivals = [v if v is not None else unknown for k, v in values.items() if k != key]
        if all(value > r for r in rivals):
            return key
    return None


OVERVIEW_CAPTION = "Vanligaste svaret per metod (antal metoder)"


def overview_chart(survey: Survey, frame: Rect, theme: Theme, fonts: Fonts, caption: str | None,
                   wrap: bool = False) -> ChartSpec:
    """Per method group: in how many methods each answer is clearly the most common, and where it cannot be told.

    `wrap`: a caption or legend entries wider than the chart break into lines (see fit_legend).
    """
    groups: list[Group] = list(survey.groups)
    size = max(theme.sizes.chart, MIN_CHART_SIZE)
    labels = [f"{g.short} ({len(g.methods)})" for g in groups]
    labels = [wrap_label(t, label_width(frame, labels, size, fonts), size, fonts) for t in labels]
    names = {key: f"{c.label} vanligast" for key, c in zip(CATEGORY_KEYS, survey.categories.ordered())}
    names["unclear"] = "Kan inte avgöras (uppgift saknas eller osäker)"
    shown_names = dict(zip(names, fit_legend(list(names.values()), to_pt(frame.w) - 8, size, fonts, wrap)))
    shown_caption = fit_caption(caption or OVERVIEW_CAPTION, frame, size, fonts, wrap)
    area = _plot_area(frame, labels, list(shown_names.values()), size, fonts, caption=shown_caption)
    axis_max = float(max(len(g.methods) for g in groups))
    step = 5.0 if axis_max > 10 else 2.0
    axis_max = step * -(-axis_max // step)
    counts = {key: [] for key in (*CATEGORY_KEYS, "unclear")}
    for g in groups:
        winners = [dominant(m.results, m.columns_uncertain) for m in g.methods]
        for key in CATEGORY_KEYS:
            counts[key].append(float(winners.count(key)))
        counts["unclear"].append(float(winners.count(None)))
    colours = theme.colours.chart
    series = []
    for key in (*CATEGORY_KEYS, "unclear"):
        colour = getattr(colours, key if key != "unclear" else "missing")
        values = tuple(v or None for v in counts[key])
        shown = _labels(values, axis_max, area.width, size, fonts, "count")
        series.append(Series(key, shown_names[key], colour, values, shown, readable_on(colour),
                             pattern=key == "unclear"))
    spoken = "; ".join(
        f"{label.replace(chr(10), ' ')}: " + ", ".join(f"{names[k].lower()} {int(counts[k][i])}" for k in counts)
        for i, label in enumerate(labels)
    )
    return spec_in(
        frame, theme, size,
        plot=area.fractions(),
        legend_columns=area.legend_columns,
        categories=tuple(labels),
        series=tuple(series),
        percent=False,
        axis_max=axis_max,
        axis_step=step,
        description=f"Stapeldiagram, {(caption or OVERVIEW_CAPTION).lower()}: {spoken}.",
        caption=shown_caption,
        value_format="count",
    )
