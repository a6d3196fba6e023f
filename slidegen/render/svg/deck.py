"""Rendering a deck plan as SVG: one picture per slide, every box by the renderer of its type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from slidegen.models.template import LayoutInfo
from slidegen.models.theme import Theme
from slidegen.plan.lines import set_table, set_text
from slidegen.plan.model import ChartBox, ChartSpec, DeckPlan, PictureBox, SlidePlan, TableBox, TextBox
from slidegen.plan.text import Fonts
from slidegen.render.svg.backdrop import info_of, layout_backdrop, placeholder_fills
from slidegen.render.svg.markup import DOCTYPE, SVG_NS, XLINK_NS, attrs, data_uri, esc, frame_attrs, num
from slidegen.render.svg.text import text_element
from slidegen.units import Rect, to_pt

ChartPicture = Callable[[ChartSpec], bytes]
"""Gives a chart's picture (PNG or SVG, from the chart cache): what a chart is drawn as."""

PictureBytes = Callable[[PictureBox], bytes]
"""Gives the bytes of a picture box: the picture pipeline's picture, from the cache the build keeps."""

PX_PER_PT = 4 / 3
"""The SVG's own size in CSS pixels per point: a slide shows at its real size (96 pixels an inch)."""


@dataclass
class SlideContext:
    """What drawing a slide's boxes needs: the theme (fonts to set lines with) and where pictures come from."""

    theme: Theme
    chart_picture: ChartPicture
    picture: PictureBytes

    def fonts(self, family: str) -> Fonts:
        """The metrics a family's text was measured with."""
        return Fonts.of(family, self.theme.fonts.measure_unknown_as)[0]


def render_text(ctx: SlideContext, box: TextBox) -> str:
    """A text box: its lines where the planner set them."""
    lines = set_text(box, ctx.fonts(box.family))
    return text_element(lines, box.family, box.colour, ctx.theme.fonts.title)


def render_table(ctx: SlideContext, box: TableBox) -> str:
    """A table: every cell's fill, the lines between cells in the background colour, then the cells' text."""
    st = box.style
    cells = set_table(box, ctx.fonts(st.family))
    out = [f"<g><desc>{esc(box.description)}</desc>"]
    line = ctx.theme.colours.background
    for cell in cells:
        fill = st.header_fill if cell.header else (st.row_fill if cell.row % 2 else st.row_alt_fill)
        f = cell.frame
        out.append(f'<rect x="{num(to_pt(f.x))}" y="{num(to_pt(f.y))}" width="{num(to_pt(f.w))}" '
                   f'height="{num(to_pt(f.h))}" fill="{fill}" stroke="{line}" stroke-width="1"/>')
    for cell in cells:
        out.append(text_element(cell.lines, st.family, st.header_text if cell.header else st.text, ctx.theme.fonts.title))
    out.append("</g>")
    return "".join(out)


def _image(frame: Rect, uri: str, description: str | None) -> str:
    alt = f"<desc>{esc(description)}</desc>" if description else ""
    return f"<image{attrs(**frame_attrs(frame), preserveAspectRatio='none')} xlink:href=\"{uri}\">{alt}</image>"


_CHART_URIS: dict[ChartSpec, str] = {}
"""Chart pictures as data: URIs by their description: a rebuild after a save mostly shows the same charts."""


def _chart_uri(picture: ChartPicture, chart: ChartSpec) -> str:
    """A chart's picture as a data: URI (the description decides the picture, whichever cache gives it)."""
    uri = _CHART_URIS.get(chart)
    if uri is None:
        if len(_CHART_URIS) >= 64:
            _CHART_URIS.clear()
        uri = _CHART_URIS[chart] = data_uri(picture(chart))
    return uri


def render_chart(ctx: SlideContext, box: ChartBox) -> str:
    """A chart: its cached picture (an editable chart in the .pptx is shown as the same picture)."""
    return _image(box.frame, _chart_uri(ctx.chart_picture, box.chart), box.chart.description)


def render_picture(ctx: SlideContext, box: PictureBox) -> str:
    """A picture as the picture pipeline made it for its frame (upright, cut to its crop, scaled, without
    metadata), with its alt text (none for a decorative one)."""
    return _image(box.frame, data_uri(ctx.picture(box)), box.description)


RENDERERS: dict[type, Callable[[SlideContext, Any], str]] = {
    TextBox: render_text,
    TableBox: render_table,
    ChartBox: render_chart,
    PictureBox: render_picture,
}
"""The renderer of each kind of box in a slide plan."""


def slide_title(slide: SlidePlan) -> str:
    """A slide's title as one line of plain text."""
    return " ".join(p.text.replace("\n", " ") for p in slide.title.paras).strip()


Backdrop = tuple[str, LayoutInfo | None]
"""What lies under a slide's content (SVG), and on a template its layout (for the fills of the placeholders a slide uses)."""


def plain_backdrop(plan: DeckPlan, theme: Theme) -> Backdrop:
    """The theme's background colour over the whole slide."""
    return f"<rect{attrs(x=0.0, y=0.0, width=to_pt(plan.width), height=to_pt(plan.height), fill=theme.colours.background)}/>", None


def backdrops(plan: DeckPlan, theme: Theme) -> dict[str, Backdrop]:
    """What lies under each layout's slides: the theme's background colour, and on a template its layout's
    background and decoration; empty without a template (every slide has the plain backdrop)."""
    plain, _ = plain_backdrop(plan, theme)
    if plan.base.template is None:
        return {}
    info = info_of(plan.base.template)
    out: dict[str, Backdrop] = {}
    for role, name in plan.base.layouts.items():
        layout = info.layout(name)
        out[role] = (plain + (layout_backdrop(layout) if layout is not None else ""), layout)
    return out


def render_slide(ctx: SlideContext, plan: DeckPlan, slide: SlidePlan, backdrop: Backdrop) -> bytes:
    """One slide as an SVG document: its title, what lies under it (the theme's background, or the template's
    layout), the title box, then the boxes in order."""
    w, h = to_pt(plan.width), to_pt(plan.height)
    head = (f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" version="1.1"'
            f'{attrs(width=w * PX_PER_PT, height=h * PX_PER_PT, viewBox=f"0 0 {num(w)} {num(h)}")}'
            f' xml:lang="{esc(plan.properties.language)}">')
    under, layout = backdrop
    body = [f"<title>{esc(slide_title(slide))}</title>", under]
    if layout is not None:
        refs = {b.placeholder for b in (slide.title, *slide.boxes) if getattr(b, "placeholder", None)}
        body.append(placeholder_fills(layout, refs))
    body.append(render_text(ctx, slide.title))
    body.extend(RENDERERS[type(box)](ctx, box) for box in slide.boxes)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{DOCTYPE}\n{head}{"".join(body)}</svg>\n'.encode("utf-8")


def render_deck(plan: DeckPlan, theme: Theme, chart_picture: ChartPicture, picture: PictureBytes) -> dict[str, bytes]:
    """Every slide as an SVG file, by name: slide-01.svg, slide-02.svg …"""
    ctx = SlideContext(theme, chart_picture, picture)
    under, plain = backdrops(plan, theme), plain_backdrop(plan, theme)
    return {f"slide-{n:02d}.svg": render_slide(ctx, plan, slide, under.get(slide.layout, plain))
            for n, slide in enumerate(plan.slides, start=1)}
