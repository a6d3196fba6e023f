"""Rendering a deck plan: one slide per plan, each box by the renderer of its type, then properties."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Callable

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.slide import Slide
from pptx.util import Emu

from slidegen.models.theme import Theme
from slidegen.plan.model import (
    ChartBox,
    DeckPlan,
    PictureBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from slidegen.render.pptx.base import presentation
from slidegen.render.pptx.charts import ChartPicture, add_chart
from slidegen.render.pptx.package import add_slide, count_parts, save
from slidegen.render.pptx.properties import set_properties
from slidegen.render.pptx.shapes import (
    add_placeholder,
    first_in_reading_order,
    mark_decorative,
    placeholder_ref,
    remove_shape,
    set_description,
    title_placeholder,
)
from slidegen.render.pptx.table import render_table
from slidegen.render.pptx.text import fill_frame

PictureBytes = Callable[[PictureBox], bytes]
"""Gives the bytes embedded for a picture box (made by the picture pipeline, or from the cache the build keeps)."""

BODY_TYPES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}


@dataclass
class SlideContext:
    """A slide being filled: its placeholders not yet used, and the deck's language."""

    slide: Slide
    lang: str
    free: list[Any]
    chart_picture: ChartPicture
    picture: PictureBytes

    def take(self, types: set[PP_PLACEHOLDER]) -> Any | None:
        """The first unused placeholder of one of the types, now marked used."""
        for ph in self.free:
            if ph.placeholder_format.type in types:
                self.free.remove(ph)
                return ph
        return None

    def placeholder(self, ref: tuple[str, int], name: str) -> Any:
        """The slide's placeholder that inherits from the layout's (type, index), added when the slide has none.

        python-pptx copies no date, footer or slide-number placeholders onto a slide; they are added here.
        """
        for ph in self.free:
            if placeholder_ref(ph) == ref:
                self.free.remove(ph)
                return ph
        return add_placeholder(self.slide, ref, name)


def render_text(ctx: SlideContext, box: TextBox) -> None:
    """A text box: into the placeholder the plan names, else the layout's body or subtitle placeholder, else a new box."""
    if box.placeholder is not None:
        ph = ctx.placeholder(box.placeholder, box.name)
    else:
        ph = ctx.take(BODY_TYPES) if box.role in ("body", "subtitle") else None
    f = box.frame
    if ph is None:
        shape = ctx.slide.shapes.add_textbox(Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h))
    else:
        shape = ph
        shape.left, shape.top, shape.width, shape.height = Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h)
    shape.name = box.name
    fill_frame(shape.text_frame, box.paras, box.size, box.family, box.colour, ctx.lang, box.insets, box.anchor)


def render_table_box(ctx: SlideContext, box: TableBox) -> None:
    render_table(ctx.slide, box, ctx.lang)


def render_chart_box(ctx: SlideContext, box: ChartBox) -> None:
    add_chart(ctx.slide, box, ctx.chart_picture)


def render_picture(ctx: SlideContext, box: PictureBox) -> None:
    """A picture (a picture slide's, an example's, the theme's logo) as the picture pipeline made it for its
    frame: upright, cut to its planned crop (in its pixels: the XML has no crop), scaled, without metadata;
    with its alt text or marked decorative."""
    f = box.frame
    data = io.BytesIO(ctx.picture(box))
    shape = ctx.slide.shapes.add_picture(data, Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h))
    shape.name = box.name
    if box.description is None:
        mark_decorative(shape)
    else:
        set_description(shape, box.description)


RENDERERS: dict[type, Callable[[SlideContext, Any], None]] = {
    TextBox: render_text,
    TableBox: render_table_box,
    ChartBox: render_chart_box,
    PictureBox: render_picture,
}
"""The renderer of each kind of box in a slide plan."""


def render_slide(prs: Presentation, layouts: dict[str, Any], plan: SlidePlan, lang: str,
                 chart_picture: ChartPicture, picture: PictureBytes) -> Slide:
    """Add one planned slide: title first (reading order), then the boxes; unused placeholders removed."""
    slide = add_slide(prs, layouts[plan.layout])
    title = slide.shapes.title
    if plan.title.placeholder is not None or title is None:  # a layout without one gets a title placeholder
        title = title_placeholder(slide, plan.title.placeholder or ("title", 0))
    first_in_reading_order(slide, title)
    ctx = SlideContext(slide, lang, [ph for ph in slide.placeholders if ph.element is not title.element],
                       chart_picture, picture)
    t = plan.title
    f = t.frame
    title.left, title.top, title.width, title.height = Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h)
    fill_frame(title.text_frame, t.paras, t.size, t.family, t.colour, lang, t.insets, t.anchor)
    for box in plan.boxes:
        RENDERERS[type(box)](ctx, box)
    for ph in ctx.free:
        remove_shape(ph)
    if plan.notes:
        slide.notes_slide.notes_text_frame.text = plan.notes
    return slide


def render_deck(plan: DeckPlan, theme: Theme, chart_picture: ChartPicture, picture: PictureBytes) -> bytes:
    """The deck as .pptx bytes (not yet normalised for reproducibility); image charts from `chart_picture`,
    pictures from `picture`."""
    prs = presentation(theme, plan.width, plan.height, plan.base.template)
    count_parts(prs)
    by_name: dict[str, Any] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            by_name.setdefault(layout.name, layout)
    layouts = {role: by_name[name] for role, name in plan.base.layouts.items()}
    for slide_plan in plan.slides:
        render_slide(prs, layouts, slide_plan, plan.properties.language, chart_picture, picture)
    set_properties(prs, plan)
    return save(prs)
