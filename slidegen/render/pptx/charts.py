"""Charts on slides: a PNG picture (image) or an editable chart (native), with alt text."""

from __future__ import annotations

import io
from typing import Callable

from pptx.slide import Slide
from pptx.util import Emu

from slidegen.plan.model import ChartBox, ChartSpec
from slidegen.render.pptx.shapes import set_description

ChartPicture = Callable[[ChartSpec], bytes]
"""Gives a chart's PNG picture (drawn, or from the cache the build keeps): what image charts are made of."""


def add_chart(slide: Slide, box: ChartBox, picture: ChartPicture) -> None:
    """Put a planned chart on a slide, as its renderer says (its language is set with the whole deck's)."""
    f = box.frame
    if box.renderer == "native":
        from slidegen.render.pptx.chart_native import add_native_chart

        shape = add_native_chart(slide, box)
    else:
        png = picture(box.chart)
        shape = slide.shapes.add_picture(io.BytesIO(png), Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h))
    shape.name = box.name
    set_description(shape, box.chart.description)
