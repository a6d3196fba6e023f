"""A chart's own cached data, read from its XML (any chart type, 3-D ones too): categories, series names and values."""

from __future__ import annotations

import math
from typing import Any

from pptx.oxml.ns import qn

from slidegen.commands.importer.source import Box, Chart, Series
from slidegen.commands.importer.text import plain

_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def c(tag: str) -> str:
    return f"{{{_C}}}{tag}"


def _points(cache: Any) -> tuple[int, dict[int, str]]:
    """(point count, idx → value text) of a `c:strCache`, `c:numCache`, `c:strLit` or `c:numLit`."""
    if cache is None:
        return 0, {}
    count = cache.find(c("ptCount"))
    values = {}
    for pt in cache.iterchildren(c("pt")):
        v = pt.find(c("v"))
        if v is not None and v.text is not None:
            values[int(pt.get("idx", "0"))] = v.text
    n = int(count.get("val", "0")) if count is not None else 0
    return max(n, max(values, default=-1) + 1), values


def _cache(ref_or_lit: Any) -> Any:
    """The cache under a `c:strRef`/`c:numRef` (or the literal itself)."""
    if ref_or_lit is None:
        return None
    for tag in ("strCache", "numCache"):
        found = ref_or_lit.find(c(tag))
        if found is not None:
            return found
    return ref_or_lit


def _data(holder: Any) -> Any:
    """The data element under `c:cat`, `c:val`, `c:tx`, `c:xVal` …: its reference's cache or its literal."""
    if holder is None:
        return None
    for child in holder:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("strRef", "numRef"):
            return _cache(child)
        if tag in ("strLit", "numLit"):
            return child
        if tag == "multiLvlStrRef":
            return child.find(c("multiLvlStrCache"))
        if tag == "v":
            return child
    return None


def _labels(holder: Any) -> tuple[int, dict[int, str]]:
    """Category labels (multi-level categories joined from the outer level inwards)."""
    data = _data(holder)
    if data is None:
        return 0, {}
    if data.tag == c("multiLvlStrCache"):
        count = data.find(c("ptCount"))
        n = int(count.get("val", "0")) if count is not None else 0
        levels = [_points(lvl)[1] for lvl in data.iterchildren(c("lvl"))]
        out: dict[int, str] = {}
        for idx in range(n):
            inner = levels[0].get(idx, "") if levels else ""
            outer = ""
            for lvl in levels[1:]:  # an outer label applies from its index up to the next one
                starts = [i for i in lvl if i <= idx]
                if starts:
                    outer = lvl[max(starts)] + (" " + outer if outer else "")
            out[idx] = f"{outer} {inner}".strip()
        return n, out
    return _points(data)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if math.isnan(value) or math.isinf(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _name(ser: Any, k: int) -> str:
    tx = ser.find(c("tx"))
    data = _data(tx)
    if data is not None:
        if data.tag == c("v"):
            return (data.text or "").strip()
        _, values = _points(data)
        return " ".join(values[i] for i in sorted(values)).strip()
    return ""


def _title(chart: Any) -> str:
    title = chart.find(c("title"))
    if title is None:
        return ""
    rich = title.find(f"{c('tx')}/{c('rich')}")
    if rich is not None:
        return plain(rich)
    data = _data(title.find(c("tx")))
    if data is not None:
        _, values = _points(data)
        return " ".join(values[i] for i in sorted(values))
    return ""


_VALUE_TAGS = ("val", "yVal")
_CATEGORY_TAGS = ("cat", "xVal")


def read_chart(space: Any, box: Box) -> Chart:
    """The data of a chart part (`c:chartSpace`) as the chart shows it."""
    chart = space.find(c("chart"))
    plot_area = chart.find(c("plotArea")) if chart is not None else None
    plots = [el for el in (plot_area if plot_area is not None else []) if el.tag.endswith("Chart")]
    categories: dict[int, str] = {}
    n_categories = 0
    series: list[Series] = []
    percent = False
    for plot in plots:
        for ser in plot.iterchildren(c("ser")):
            for tag in _CATEGORY_TAGS:
                n, labels = _labels(ser.find(c(tag)))
                if labels and not categories:
                    categories, n_categories = labels, n
            values: dict[int, str] = {}
            count = 0
            for tag in _VALUE_TAGS:
                data = _data(ser.find(c(tag)))
                if data is not None:
                    count, values = _points(data)
                    fmt = data.find(c("formatCode"))
                    percent = percent or (fmt is not None and (fmt.text or "").rstrip().endswith("%"))
                    break
            n_categories = max(n_categories, count)
            numbers = [_number(values[i]) if i in values else None for i in range(count)]
            series.append(Series(_name(ser, len(series)), numbers))
    n = max([n_categories, *(len(s.values) for s in series)], default=0)
    for s in series:
        s.values.extend([None] * (n - len(s.values)))
    kind = plots[0].tag.rsplit("}", 1)[-1] if len(plots) == 1 else ("mixed" if plots else "none")
    first = plots[0] if plots else None
    direction = _val(first, "barDir", "col")
    grouping = _val(first, "grouping", "clustered")
    return Chart(
        kind=kind,
        categories=[categories.get(i, "") for i in range(n)],
        series=series,
        box=box,
        title=_title(chart) if chart is not None else "",
        direction=direction,
        grouping=grouping,
        percent_format=percent,
    )


def _val(plot: Any, tag: str, default: str) -> str:
    if plot is None:
        return default
    el = plot.find(c(tag))
    return el.get("val", default) if el is not None else default
