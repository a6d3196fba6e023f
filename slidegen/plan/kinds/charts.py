"""Planning bar chart slides: the chart (continued on more slides when it has many categories) and, drawn natively, its marks."""

from __future__ import annotations

from dataclasses import replace

from slidegen.models.slides.charts import BarChartSlide, ChartData, chart_data
from slidegen.plan.bars import bar_charts
from slidegen.plan.context import Context, numbered_titles
from slidegen.plan.model import Box, ChartBox, ChartSpec, Insets, SlidePlan, TextBox, para
from slidegen.units import Rect

NO_INSETS = Insets(0, 0, 0, 0)


def plan_bar_chart(ctx: Context, slide: BarChartSlide, i: int) -> list[SlidePlan]:
    data = chart_data(slide, ctx.bundle, ("slides", i))
    assert isinstance(data, ChartData), "the slide's check reports data that cannot be drawn"
    frame = ctx.frames.area("title_only", "body").frame
    specs = bar_charts(data, slide.layout, slide.direction, frame, ctx.chart_theme("title_only", frame), ctx.body_fonts)
    source = ctx.loc("slides", i)
    renderer = slide.renderer or ctx.bundle.deck.model.charts
    titles = numbered_titles(ctx, slide.title, len(specs), source, layout="title_only")
    out = []
    for title, spec in zip(titles, specs):
        boxes: list[Box] = [ChartBox(frame, spec, renderer)]
        if renderer == "native":  # an editable chart cannot draw a `–` where a bar is missing: text boxes do
            boxes = [ChartBox(frame, replace(spec, marks=()), renderer), *mark_boxes(ctx, spec, frame)]
        out.append(SlidePlan("title_only", title, tuple(boxes), source, slide.notes))
    return out


def mark_boxes(ctx: Context, spec: ChartSpec, frame: Rect) -> list[TextBox]:
    """The chart's marks as text boxes over the chart, where the picture would draw them."""
    return [
        TextBox(
            Rect(frame.x + round(m.x * frame.w), frame.y + round(m.y * frame.h), round(m.w * frame.w), round(m.h * frame.h)),
            (para(m.text, space_before=0, align=m.align),), spec.size, spec.family, spec.text, "text", NO_INSETS,
            anchor="ctr", name="Chart mark",
        )
        for m in spec.marks
    ]
