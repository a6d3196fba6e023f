"""What every slide planner shares: the context, fitted titles, and text continued over slides."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from slidegen.colour import propose_palette
from slidegen.errors import Location
from slidegen.models.bundle import Bundle
from slidegen.models.theme import Theme
from slidegen.plan.areas import Area
from slidegen.plan.chart_look import SEGMENT_ORDER, chart_look
from slidegen.plan.layout import TEXT_INSETS, Frames
from slidegen.plan.model import COVER_LAYOUTS, Insets, Para, Run, SlidePlan, TableStyle, TextBox
from slidegen.plan.text import Fonts, TooLong, fit_single, heights, inner_width, paginate
from slidegen.units import Rect, to_pt


@dataclass
class Context:
    """What every slide planner needs: the content bundle, the theme, frames and fonts."""

    bundle: Bundle
    theme: Theme
    frames: Frames
    title_fonts: Fonts
    body_fonts: Fonts
    notices: list[str] = field(default_factory=list)

    def loc(self, *path: Any) -> Location:
        """A location in the deck file."""
        return self.bundle.deck.doc.location(path)

    @property
    def on_template(self) -> bool:
        """Whether the deck is built on an organisation's template."""
        return bool(self.frames.areas)

    def chart_theme(self, layout: str, frame: Rect) -> Theme:
        """The theme as charts in this frame see it: with a template, the colours that pass on what lies behind them."""
        areas = self.frames.areas.get(layout) or self.frames.areas.get("content")
        if areas is None:
            return self.theme
        look = chart_look(self.theme, areas.layout.behind(frame).colours)
        c = self.theme.colours
        series = propose_palette(c.chart.palette, look.background) if c.chart.palette else None
        chart = c.chart.model_copy(update={**dict(zip(SEGMENT_ORDER, look.palette)),
                                           "background": look.background if look.panel else None,
                                           "palette": series or c.chart.palette})
        colours = c.model_copy(update={"background": look.background, "text": look.text, "muted": look.grid,
                                       "chart": chart})
        return self.theme.model_copy(update={"colours": colours})


def inner(frame: Rect, insets: Insets = TEXT_INSETS) -> tuple[float, float]:
    """Width and height in points inside a text frame's insets."""
    return (
        inner_width(frame.w, insets),
        to_pt(frame.h - insets.top - insets.bottom),
    )


def starting_size(area: Area, largest: float, smallest: float) -> tuple[float, float]:
    """The sizes to fit between: the template's own size where it gives one (never below the theme's minimum)."""
    if area.size is not None:
        largest = max(area.size, smallest)
    return largest, min(smallest, largest)


def title_box(ctx: Context, text: str, source: Location, *, layout: str = "content") -> TextBox:
    """The title of a slide on a layout, at the largest size between the theme's title size (or the template's) and
    its minimum that fits; larger and centred on the title and closing slides."""
    cover = layout in COVER_LAYOUTS
    area = ctx.frames.area(layout, "title")
    sizes = ctx.theme.sizes
    largest, smallest = starting_size(area, sizes.title * (1.25 if cover else 1.0), sizes.title_min)
    p = Para((Run(text),), space_before=0, source=source, align=area.align or ("ctr" if cover else "l"))
    fonts = ctx.title_fonts.capitals() if area.caps else ctx.title_fonts
    frame, size = _fit_title(ctx, p, area, fonts, largest, smallest)
    return TextBox(
        frame, (p,), size, ctx.theme.fonts.title, ctx.theme.colours.title, "title", area.insets,
        anchor=area.anchor, name="Title", placeholder=area.placeholder,
    )


def _fit_title(ctx: Context, p: Para, area: Area, fonts: Fonts, largest: float, smallest: float) -> tuple[Rect, float]:
    """The frame and size of a title: in its area, else grown into the room the area has, else smaller still.

    A template's title placeholder may be drawn for one line; a long title first takes the room
    below it, then shrinks below the theme's title minimum, never below its body text's minimum.
    TooLong when even that does not fit.
    """
    frames = [area.frame] + ([area.room] if area.room is not None and area.room != area.frame else [])
    last = min(smallest, ctx.theme.sizes.body_min)
    failure: TooLong | None = None
    for low in dict.fromkeys((smallest, last)):
        for frame in frames:
            try:
                return frame, fit_single(p, *inner(frame, area.insets), fonts, largest, low)
            except TooLong as exc:
                failure = exc
    assert failure is not None
    raise failure


def numbered_titles(ctx: Context, text: str, count: int, source: Location, layout: str = "content") -> list[TextBox]:
    """Titles for a slide continued over `count` slides: `Title (1/3)`, `Title (2/3)` …"""
    if count == 1:
        return [title_box(ctx, text, source, layout=layout)]
    return [title_box(ctx, f"{text} ({i}/{count})", source, layout=layout) for i in range(1, count + 1)]


def text_slides(
    ctx: Context, title: str, paras: list[Para], source: Location, notes: str | None, *, frame: Rect | None = None,
    title_source: Location | None = None, unbroken: bool = False, layout: str = "content",
) -> list[SlidePlan]:
    """A title and body text on a layout, continued on more slides when it does not fit one.

    `frame`: a part of the body (beside a picture or a chart), where the text is a box of slidegen's
    own; `source` is where the slide comes from; `title_source` where its title is written, when
    elsewhere; `unbroken`: at a size where no word has to be broken inside, where there is one (for
    narrow frames).
    """
    area = ctx.frames.area(layout, "body")
    if frame is not None and frame != area.frame:
        area = Area(frame, TEXT_INSETS, "t")
    frame = area.frame
    if area.placeholder is not None and area.align not in (None, "l"):  # the template's alignment of its body
        paras = [replace(p, align=area.align) if p.align == "l" else p for p in paras]
    sizes = ctx.theme.sizes
    fonts = ctx.body_fonts.capitals() if area.caps else ctx.body_fonts
    pages = paginate(paras, *inner(frame, area.insets), fonts, *starting_size(area, sizes.body, sizes.body_min),
                     unbroken=unbroken)
    titles = numbered_titles(ctx, title, len(pages.pages), title_source or source, layout=layout)
    out = []
    for title_tb, page in zip(titles, _renumber(pages.pages)):
        body = TextBox(frame, page, pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, "body", area.insets,
                       anchor=area.anchor, name="Text", placeholder=area.placeholder)
        out.append(SlidePlan(layout, title_tb, (body,), source, notes))
    return out


def _renumber(pages: tuple[tuple[Para, ...], ...]) -> list[tuple[Para, ...]]:
    """Numbered lists continue across pages: each page starts at the number it has reached."""
    counters: dict[tuple[int, str], int] = {}
    out = []
    for page in pages:
        starts: dict[tuple[int, str], int] = {}
        new_page = []
        for p in page:
            if p.marker is None or p.marker.numbering is None:
                new_page.append(p)
                continue
            key = (p.level, p.marker.numbering)
            number = counters.get(key, p.marker.start - 1) + 1
            counters[key] = number
            starts.setdefault(key, number)
            new_page.append(replace(p, marker=replace(p.marker, start=starts[key])))
        out.append(tuple(new_page))
    return out


def single_page_box(ctx: Context, paras: list[Para], area: Area, role: Any, source: Location) -> TextBox:
    """Text that must fit one box (title-slide subtitles): shrunk to fit, an error when it cannot."""
    sizes = ctx.theme.sizes
    if area.align is not None:
        paras = [replace(p, align=area.align) for p in paras]
    largest, smallest = starting_size(area, sizes.body * 0.9, sizes.body_min)
    fonts = ctx.body_fonts.capitals() if area.caps else ctx.body_fonts
    frames = [area.frame] + ([area.room] if area.room is not None and area.room != area.frame else [])
    for frame in frames:  # a placeholder drawn for fewer lines: the text grows into the room below it
        try:
            pages = paginate(paras, *inner(frame, area.insets), fonts, largest, smallest)
        except TooLong:
            continue
        if len(pages.pages) == 1:
            return TextBox(frame, pages.pages[0], pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, role,
                           area.insets, anchor=area.anchor, name="Subtitle", placeholder=area.placeholder)
    w, h = inner(frames[-1], area.insets)
    needed = sum(heights(paras, smallest, w, fonts))
    raise TooLong(" ".join(p.text for p in paras), source, needed, h, smallest)


def table_style(ctx: Context) -> TableStyle:
    """The theme's table colours and body font."""
    colours = ctx.theme.colours
    return TableStyle(ctx.theme.fonts.body, colours.table_text, colours.table_header, colours.table_header_text,
                      colours.table_row, colours.table_row_alt)
