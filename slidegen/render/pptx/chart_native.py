"""Drawing a chart description as an editable PowerPoint chart: same series, colours, labels and order."""

from __future__ import annotations

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.util import Emu, Pt

from slidegen.plan.model import GAP, ChartBox, ChartSpec

PERCENT_LABEL = 'General"\u00a0%"'
"""Data labels: the value itself (already per cent, decimals kept as in the table) with a no-break space and %."""

PERCENT_AXIS = "0\u00a0%"
"""The axis of a 100 % stacked chart runs 0–1; the % in the format multiplies by 100."""


CHART_TYPES = {
    ("horizontal", "stacked"): XL_CHART_TYPE.BAR_STACKED,
    ("horizontal", "percent"): XL_CHART_TYPE.BAR_STACKED_100,
    ("horizontal", "grouped"): XL_CHART_TYPE.BAR_CLUSTERED,
    ("vertical", "stacked"): XL_CHART_TYPE.COLUMN_STACKED,
    ("vertical", "percent"): XL_CHART_TYPE.COLUMN_STACKED_100,
    ("vertical", "grouped"): XL_CHART_TYPE.COLUMN_CLUSTERED,
}
"""The PowerPoint chart of each direction and layout (a survey chart in percents is 100 % stacked)."""


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour[1:])


def add_native_chart(slide: Slide, box: ChartBox) -> GraphicFrame:
    """Add the chart as a native bar chart; values the survey lacks stay empty, never 0."""
    spec = box.chart
    data = CategoryChartData()
    data.categories = spec.categories
    for s in spec.series:
        data.add_series(s.name, s.values)
    kind = CHART_TYPES[(spec.direction, "percent" if spec.percent else spec.layout)]
    f = box.frame
    frame = slide.shapes.add_chart(kind, Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h), data)
    chart = frame.chart
    chart.font.size = Pt(spec.size)
    chart.font.name = spec.family
    chart.font.color.rgb = _rgb(spec.text)
    chart.has_legend = spec.legend
    if spec.legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    if spec.caption:
        chart.has_title = True
        title = chart.chart_title.text_frame
        title.text = spec.caption
        run = title.paragraphs[0].runs[0]
        run.font.size, run.font.bold, run.font.color.rgb = Pt(spec.size), True, _rgb(spec.text)
    else:
        chart.has_title = False
        chart._chartSpace.chart.get_or_add_autoTitleDeleted().set("val", "1")
    plot = chart.plots[0]
    plot.gap_width = GAP
    plot.overlap = 0 if spec.layout == "grouped" else 100
    for series, s in zip(plot.series, spec.series):
        fill = series.format.fill
        if s.pattern:
            fill.patterned()
            fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fill.fore_color.rgb = _rgb(s.hatch or spec.grid)
            fill.back_color.rgb = _rgb(s.colour)
        else:
            fill.solid()
            fill.fore_color.rgb = _rgb(s.colour)
        line = series.format.line  # the separator: neighbouring segments stay apart even when one is missing
        line.color.rgb = _rgb(spec.background)
        line.width = Pt(spec.separator)
        series.invert_if_negative = False
        labels = series.data_labels
        labels.number_format = spec.label_format or (PERCENT_LABEL if spec.percent else "0")
        labels.number_format_is_linked = False
        labels.show_value = True
        labels.position = XL_LABEL_POSITION.OUTSIDE_END if spec.layout == "grouped" else XL_LABEL_POSITION.CENTER
        labels.font.size = Pt(spec.size)
        labels.font.color.rgb = _rgb(s.label_colour)
        _hide_labels(labels._element, [i for i, text in enumerate(s.labels) if text is None])
        for i in spec.hidden:  # a percent bar whose shares are unknown: its values kept, nothing drawn
            point = series.points[i].format
            point.fill.background()
            point.line.fill.background()
    _axes(chart, spec)
    _plot_layout(chart, spec)
    _valid_axis_ids(chart)
    if spec.panel:
        _panel(chart, spec.background)
    return frame


def _panel(chart, colour: str) -> None:
    """Fill the whole chart area with its own background (charts drawn on a plot area of their own)."""
    space = chart._chartSpace
    sp_pr = space.find(qn("c:spPr"))
    if sp_pr is None:
        sp_pr = etree.Element(qn("c:spPr"))
        anchor = next((space.find(qn(t)) for t in ("c:txPr", "c:externalData", "c:printSettings", "c:userShapes",
                                                    "c:extLst") if space.find(qn(t)) is not None), None)
        if anchor is not None:
            anchor.addprevious(sp_pr)
        else:
            space.append(sp_pr)
    for child in list(sp_pr):
        sp_pr.remove(child)
    fill = etree.SubElement(sp_pr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=colour[1:].upper())


def _hide_labels(dLbls: etree._Element, indexes: list[int]) -> None:
    """Delete the labels of segments too narrow (or empty) to hold them: `c:dLbl` entries come first."""
    for position, idx in enumerate(indexes):
        dLbl = etree.Element(qn("c:dLbl"))
        etree.SubElement(dLbl, qn("c:idx"), val=str(idx))
        etree.SubElement(dLbl, qn("c:delete"), val="1")
        dLbls.insert(position, dLbl)


def _axes(chart, spec: ChartSpec) -> None:
    cat = chart.category_axis
    horizontal = spec.direction == "horizontal"
    if horizontal:
        cat.reverse_order = True  # first category on top, as in the table
    if spec.axis_min < 0:  # the category names stay at the edge, not at the zero line
        cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    cat.has_major_gridlines = False
    cat.major_tick_mark = XL_TICK_MARK.NONE
    cat.format.line.color.rgb = _rgb(spec.grid)
    cat.tick_labels.font.size = Pt(spec.size)
    val = chart.value_axis
    val.has_major_gridlines = True
    val.major_gridlines.format.line.color.rgb = _rgb(spec.grid)
    val.major_gridlines.format.line.width = Pt(0.5)
    val.format.line.fill.background()
    val.tick_labels.font.size = Pt(spec.size)
    if spec.percent:
        val.minimum_scale, val.maximum_scale, val.major_unit = 0.0, 1.0, spec.axis_step / 100
        val.tick_labels.number_format = PERCENT_AXIS
    else:
        val.minimum_scale, val.maximum_scale, val.major_unit = spec.axis_min, spec.axis_max, spec.axis_step
        val.tick_labels.number_format = spec.axis_format or "0"
    val.tick_labels.number_format_is_linked = False
    if horizontal:
        # with the categories reversed, the value axis must cross at the last category to stay at the bottom
        crosses = val._element.find(qn("c:crosses"))
        crosses.set("val", "max")


def _plot_layout(chart, spec: ChartSpec) -> None:
    """Place the inner plot area where the plan put it (the same place as in the picture)."""
    plot_area = chart._chartSpace.chart.plotArea
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = etree.Element(qn("c:layout"))
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    etree.SubElement(manual, qn("c:layoutTarget"), val="inner")
    etree.SubElement(manual, qn("c:xMode"), val="edge")
    etree.SubElement(manual, qn("c:yMode"), val="edge")
    left, top, width, height = spec.plot
    for tag, value in (("x", left), ("y", top), ("w", width), ("h", height)):
        etree.SubElement(manual, qn(f"c:{tag}"), val=f"{value:.4f}")


def _valid_axis_ids(chart) -> None:
    """python-pptx writes negative axis ids, which the schema forbids: renumber them 1, 2, …"""
    space = chart._chartSpace
    ids: dict[str, str] = {}
    for el in space.iter(qn("c:axId"), qn("c:crossAx")):
        old = el.get("val")
        if old not in ids:
            ids[old] = str(len(ids) + 1)
        el.set("val", ids[old])
