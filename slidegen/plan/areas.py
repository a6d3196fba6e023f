"""Where text goes on a template's layouts: its own placeholders, or boxes of slidegen's own in the room it leaves free."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal, Mapping

from slidegen.models.template import BODY, NEEDS, PICTURE, SUBTITLE, TITLE, LayoutInfo, Placeholder, TemplateInfo
from slidegen.models.theme import Theme
from slidegen.plan.fonts import metrics_for
from slidegen.plan.model import COVER_LAYOUTS, Insets
from slidegen.units import DESIGN_HEIGHT, EMU_PER_PT, Rect, cm, largest_free

FOOTERS = {"footer": "ftr", "date": "dt", "number": "sldNum"}
"""The footer's parts and the placeholder type that holds each."""

GAP = cm(0.4)
OWN_INSETS = Insets(cm(0.25), cm(0.13), cm(0.25), cm(0.13))
"""Inner margins of slidegen's own text boxes (as plan/layout.TEXT_INSETS)."""

SLIDE_NUMBER_WIDTH = cm(2.5)
DATE_WIDTH = cm(4.0)

TEMPLATE_LINE_EM = 1.2
"""On a template, lines are measured at least 1.2 em high: LibreOffice draws single-spaced lines of every font
that high, and a template's own fonts are seldom the ones measured. (Themes without a template keep the fonts'
own line heights, so their decks stay as they were.)"""

Anchor = Literal["t", "ctr", "b"]
Align = Literal["l", "ctr", "r"]


@dataclass(frozen=True)
class Area:
    """Where one kind of text goes on a layout and how it is set there: a placeholder of the template's, or a box of slidegen's own."""

    frame: Rect
    insets: Insets
    anchor: Anchor
    align: Align | None = None
    """The template's alignment; None: the planner's own."""
    size: float | None = None
    """The template's font size in points: where fitting starts."""
    caps: bool = False
    colour: str | None = None
    """The template's own colour for this text."""
    placeholder: tuple[str, int] | None = None
    """The template placeholder it fills, (type, index); None: a box of slidegen's own."""
    source: Placeholder | None = None
    room: Rect | None = None
    """Where the text may grow when it does not fit the frame (a template's placeholder drawn for one line)."""


@dataclass(frozen=True)
class LayoutAreas:
    """The areas of one mapped layout: title, body (or subtitle), and the footer's parts that the theme shows."""

    layout: LayoutInfo
    title: Area
    body: Area
    footer: Area | None = None
    date: Area | None = None
    number: Area | None = None


def scale_of(height: int) -> float:
    """How much a theme's sizes and margins grow on a slide of this height (1 at 19.05 cm, the size they are written for)."""
    return 1.0 if abs(height - DESIGN_HEIGHT) < DESIGN_HEIGHT * 0.01 else height / DESIGN_HEIGHT


def scaled(theme: Theme, height: int) -> Theme:
    """The theme with its sizes, margins and logo height for a slide of this height (itself at 19.05 cm)."""
    k = scale_of(height)
    if k == 1.0:
        return theme
    sizes = theme.sizes.model_copy(update={key: round(value * k, 1) for key, value in theme.sizes.model_dump().items()})
    margins = theme.margins.model_copy(update={key: value * k for key, value in theme.margins.model_dump().items()})
    update: dict[str, object] = {"sizes": sizes, "margins": margins}
    if theme.logo is not None:
        update["logo"] = theme.logo.model_copy(update={"height": theme.logo.height * k})
    return theme.model_copy(update=update)


def _insets(ph: Placeholder) -> Insets:
    return Insets(*ph.style.insets)


def _line(theme: Theme, family: str, size: float) -> float:
    """One line's height in points at a size, in the family's metrics."""
    metrics, _ = metrics_for(family, unknown_as=theme.fonts.measure_unknown_as, min_line_em=TEMPLATE_LINE_EM)
    return metrics.line(size)


class Planner:
    """Works out the areas of every mapped layout of one template for one theme."""

    def __init__(self, theme: Theme, info: TemplateInfo, logo: Rect | None = None) -> None:
        self.theme = theme
        self.info = info
        self.logo = logo
        m = theme.margins
        self.slide = Rect(0, 0, info.width, info.height)
        self.inside = Rect(cm(m.left), cm(m.top), info.width - cm(m.left) - cm(m.right),
                           info.height - cm(m.top) - cm(m.bottom))
        k = scale_of(info.height)
        self.gap = round(GAP * k)
        self.number_w, self.date_w = round(SLIDE_NUMBER_WIDTH * k), round(DATE_WIDTH * k)

    def obstacles(self, layout: LayoutInfo) -> list[Rect]:
        out = [layer.rect for layer in layout.obstacles()]
        return out + ([self.logo] if self.logo is not None else [])

    def area_of(self, ph: Placeholder, layout: LayoutInfo, anchor: Anchor) -> Area:
        """A placeholder's area: its frame less any decoration that lies over part of it."""
        assert ph.rect is not None
        on_slide = ph.rect.intersection(self.slide) or ph.rect  # a template's box may stick out of the slide
        frame = largest_free(on_slide, self.obstacles(layout)) or on_slide
        return Area(frame, _insets(ph), ph.style.anchor or anchor, ph.style.align, ph.style.size, ph.style.caps,  # type: ignore[arg-type]
                    ph.style.colour, ph.ref, ph)

    def extent(self, frame: Rect, layout: LayoutInfo, top: int, bottom: int) -> Rect:
        """How far a frame could reach up (to `top`) and down (to `bottom`) in its column without meeting decoration."""
        up, down = min(top, frame.y), max(bottom, frame.bottom)
        for o in self.obstacles(layout):
            if o.x < frame.right and o.right > frame.x:
                if o.bottom <= frame.y:
                    up = max(up, o.bottom)
                elif o.y >= frame.bottom:
                    down = min(down, o.y)
        return Rect(frame.x, up, frame.w, down - up)

    def grown(self, area: Area, layout: LayoutInfo, lines: int, size: float, family: str, below: int) -> Area:
        """An area too low for `lines` lines at `size` grows (as far as it needs) into the free room around it.

        A frame anchored at its bottom grows upwards first, one anchored at the top downwards; either
        way the area keeps all that room as where its text may go when it does not fit the frame.
        A placeholder with a fill of its own (a title band) stays as it is: text beyond it would be
        on another background.
        """
        if area.source is not None and area.source.fill is not None:
            return area
        frame = area.frame
        room = self.extent(frame, layout, self.inside.y, below)
        if area.anchor == "t":  # text set from the top only grows downwards
            room = Rect(room.x, frame.y, room.w, room.bottom - frame.y)
        needed = math.ceil(lines * _line(self.theme, family, size) * EMU_PER_PT) + area.insets.top + area.insets.bottom
        if frame.h < needed:
            grow = min(needed, room.h) - frame.h
            up = min(grow if area.anchor == "b" else grow // 2 if area.anchor == "ctr" else 0, frame.y - room.y)
            down = min(grow - up, room.bottom - frame.bottom)
            up = min(grow - down, frame.y - room.y)
            frame = Rect(frame.x, frame.y - up, frame.w, frame.h + up + down)
        return replace(area, frame=frame, room=room)

    def own(self, region: Rect, layout: LayoutInfo, anchor: Anchor, fill_band: bool = False) -> Area:
        """A box of slidegen's own: the largest part of the region that the layout's decoration leaves free.

        Text never straddles the edge of a band (a backdrop) it mostly lies on: the box keeps to the
        band, and with `fill_band` takes the band's whole height (below the slide's top margin, half
        of it inside a band that starts at the slide's edge).
        """
        frame = largest_free(region, self.obstacles(layout)) or region
        for layer in (lay for lay in layout.layers if lay.backdrop):
            part = layer.rect.intersection(frame)
            if part is None or part.w * part.h < frame.w * frame.h / 2 or layer.rect.h >= self.slide.h // 2:
                continue
            frame = part
            if fill_band:
                top = max(layer.rect.y, min(self.inside.y, self.inside.y // 2 + layer.rect.y))
                bottom = min(layer.rect.bottom, region.bottom + self.gap)
                frame = Rect(frame.x, min(frame.y, top), frame.w, max(frame.bottom, bottom) - min(frame.y, top))
        return Area(frame, OWN_INSETS, anchor)

    def footer_area(self, ph: Placeholder, layout: LayoutInfo) -> Area | None:
        """A footer placeholder's area, less decoration over part of it; None when too little of it is free."""
        assert ph.rect is not None
        frame = largest_free(ph.rect.intersection(self.slide) or ph.rect, self.obstacles(layout))
        if frame is None or frame.w < ph.rect.w * 0.4:
            return None
        return Area(frame, _insets(ph), ph.style.anchor or "ctr", ph.style.align, ph.style.size,  # type: ignore[arg-type]
                    ph.style.caps, ph.style.colour, ph.ref, ph)

    def footers(self, layout: LayoutInfo, above: int) -> tuple[dict[str, Area | None], int]:
        """The footer's parts the theme shows: in the layout's footer placeholders, else in a band of slidegen's own.

        Also the top of the footer band (what the body must stay above).
        """
        f = self.theme.footer
        shown = {"footer": bool(f.text), "date": f.date, "number": f.slide_number}
        out: dict[str, Area | None] = {}
        top = self.inside.bottom
        missing = []
        for part, kind in FOOTERS.items():
            if not shown[part]:
                out[part] = None
                continue
            ph = next((p for p in layout.placeholders if p.type == kind and p.rect is not None), None)
            area = self.footer_area(ph, layout) if ph is not None else None
            if area is None:
                missing.append(part)
                continue
            out[part] = area
            if area.frame.y > above:
                top = min(top, area.frame.y)
        out.update(side_by_side({k: v for k, v in out.items() if v is not None}))
        if missing:
            band_h = math.ceil(_line(self.theme, self.theme.fonts.body, self.theme.sizes.small) * EMU_PER_PT) + \
                OWN_INSETS.top + OWN_INSETS.bottom
            used = [a.frame for a in out.values() if a is not None]
            y0 = max(above, self.inside.bottom - 4 * band_h)
            region = Rect(self.inside.x, y0, self.inside.w, self.inside.bottom - y0)
            room = largest_free(region, [*self.obstacles(layout), *used]) or region
            band = Rect(room.x, room.bottom - band_h, room.w, band_h)
            top = min(top, band.y)
            out.update(self.own_footer(band, missing))
        return out, top

    def own_footer(self, band: Rect, parts: list[str]) -> dict[str, Area]:
        """The footer's parts that have no placeholder, side by side in one band: text, date, number."""
        out = {}
        x0, x1 = band.x, band.right
        if "number" in parts:
            out["number"] = Area(Rect(x1 - self.number_w, band.y, self.number_w, band.h), OWN_INSETS, "b", "r")
            x1 -= self.number_w + self.gap
        if "date" in parts:
            out["date"] = Area(Rect(x1 - self.date_w, band.y, self.date_w, band.h), OWN_INSETS, "b", "r")
            x1 -= self.date_w + self.gap
        if "footer" in parts:
            out["footer"] = Area(Rect(x0, band.y, max(x1 - x0, cm(1)), band.h), OWN_INSETS, "b", "l")
        return out

    def layout_areas(self, role: str, layout: LayoutInfo, content_body: Rect | None) -> LayoutAreas:
        """The areas of one mapped layout (`role`: the kind of slide it is mapped for)."""
        theme, sizes, gap = self.theme, self.theme.sizes, self.gap
        cover = role in COVER_LAYOUTS  # the title and the closing slide: no footer unless the theme shows one there
        needs = NEEDS.get(role, (TITLE, BODY))
        body_ph = layout.find(SUBTITLE if cover else BODY) if any(n in needs for n in (BODY, SUBTITLE)) else None
        title_ph = layout.find(TITLE)
        if body_ph is not None and title_ph is not None and title_ph.rect and body_ph.rect \
                and body_ph.rect.y < title_ph.rect.y and not cover:
            body_ph = None  # a body placeholder above the title is no body for it
        if cover and not theme.footer.title_slides:
            footers: dict[str, Area | None] = {}
            bottom = self.inside.bottom
            foot_top = self.slide.bottom
        else:
            footers, foot_top = self.footers(layout, body_ph.rect.y if body_ph and body_ph.rect else self.inside.y)
            bottom = min(self.inside.bottom, foot_top - gap)
        body: Area | None = self.area_of(body_ph, layout, "t") if body_ph is not None else None
        if title_ph is not None:
            title = self.area_of(title_ph, layout, "b")
            has_body = body is not None and body.frame.y > title.frame.y
            below = body.frame.y - gap if body is not None and has_body else bottom
            title = self.grown(title, layout, 3, min(title.size or sizes.title_min, sizes.title_min), theme.fonts.title,
                               below)
            if not has_body:  # the body is planned under the title's frame: the title may not grow into it
                title = replace(title, room=title.frame)
        else:
            unused = layout.find(SUBTITLE if cover else BODY)  # a layout's body placeholder slidegen leaves empty
            top_of_body = body.frame.y if body is not None else unused.rect.y if unused is not None and unused.rect \
                else self.inside.y + (bottom - self.inside.y) // 3
            region = Rect(self.inside.x, self.inside.y, self.inside.w, max(cm(1), top_of_body - gap - self.inside.y))
            title = self.own(region, layout, "b", fill_band=True)
        if body is None:  # a box of slidegen's own, in the taller of the room below and above the title
            x0, x1 = (content_body.x, content_body.right) if content_body is not None else (title.frame.x,
                                                                                             title.frame.right)
            y0 = title.frame.bottom + gap
            below_h, above_h = bottom - y0, title.frame.y - gap - self.inside.y
            region = Rect(x0, y0, x1 - x0, max(cm(1), below_h)) if below_h >= above_h else \
                Rect(x0, self.inside.y, x1 - x0, above_h)
            body = self.own(region, layout, "t")
        elif body.frame.bottom > bottom:  # the template's own body keeps its size, only meeting the footer
            limit = min(foot_top, self.slide.bottom)
            if body.frame.bottom > limit:
                body = replace(body, frame=Rect(body.frame.x, body.frame.y, body.frame.w,
                                                max(cm(1), limit - body.frame.y)))
        elif cover:
            body = self.grown(body, layout, 1, sizes.body_min, theme.fonts.body, bottom)
        else:  # a body drawn for a line or two is where the text starts: it takes the free room below
            grown = self.grown(body, layout, 4, sizes.body_min, theme.fonts.body, bottom)
            if grown.frame != body.frame and grown.room is not None:
                grown = replace(grown, frame=grown.room)
            body = grown
        picture = layout.find(PICTURE) if role == "picture" else None
        if picture is not None:  # the layout's own place for a picture: it and its caption go there
            body = replace(self.area_of(picture, layout, "t"), insets=OWN_INSETS, placeholder=None, source=None,
                           align=None, size=None, colour=None)
        title, body = self.apart(title, body)
        return LayoutAreas(layout, title, body, footers.get("footer"), footers.get("date"), footers.get("number"))

    def apart(self, title: Area, body: Area) -> tuple[Area, Area]:
        """The title and the body with frames and room that never reach into each other (some titles sit below)."""
        title_above = title.frame.y <= body.frame.y
        upper, lower = (title, body) if title_above else (body, title)
        edge = lower.frame.y  # the template's own placeholders may overlap a little: they only meet
        if upper.frame.bottom > edge > upper.frame.y:
            upper = replace(upper, frame=Rect(upper.frame.x, upper.frame.y, upper.frame.w, edge - upper.frame.y))
        limit = lower.frame.y - self.gap  # room to grow into keeps a gap
        if upper.room is not None and upper.room.bottom > limit and upper.room.y < limit:
            upper = replace(upper, room=Rect(upper.room.x, upper.room.y, upper.room.w, limit - upper.room.y))
        floor = min(lower.frame.y, upper.frame.bottom + self.gap)  # room above its frame stays clear of the upper
        if lower.room is not None and lower.room.y < floor < lower.room.bottom:
            lower = replace(lower, room=Rect(lower.room.x, floor, lower.room.w, lower.room.bottom - floor))
        return (upper, lower) if title_above else (lower, upper)


def side_by_side(parts: dict[str, Area]) -> dict[str, Area]:
    """Footer areas that overlap (a template's wide footer placeholder over its date) made to meet instead."""
    ordered = sorted(parts.items(), key=lambda kv: kv[1].frame.x)
    out = dict(ordered)
    for (left_key, _), (right_key, _) in zip(ordered, ordered[1:]):
        left, right = out[left_key], out[right_key]
        if left.frame.intersection(right.frame) is None:
            continue
        cut = right.frame.x - left.frame.x
        if cut >= left.frame.w * 0.4:
            out[left_key] = replace(left, frame=Rect(left.frame.x, left.frame.y, cut, left.frame.h))
        else:
            start = left.frame.right
            out[right_key] = replace(right, frame=Rect(start, right.frame.y, right.frame.right - start, right.frame.h))
    return out


def template_areas(theme: Theme, info: TemplateInfo, layouts: Mapping[str, str],
                   logo: Rect | None = None) -> dict[str, LayoutAreas]:
    """The areas of every mapped layout, by kind of slide (`title`, `content`, `title_only` …)."""
    planner = Planner(theme, info, logo)
    out: dict[str, LayoutAreas] = {}
    order = sorted(layouts, key=lambda role: role != "content")  # the content body first: others align to it
    content_body: Rect | None = None
    for role in order:
        layout = info.layout(layouts[role])
        if layout is None:
            continue
        out[role] = planner.layout_areas(role, layout, content_body)
        if role == "content":
            content_body = out[role].body.frame
    return out
