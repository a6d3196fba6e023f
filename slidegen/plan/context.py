"""What every slide planner shares: the context, fitted titles, and text continued over slides."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from slidegen.errors import Location
from slidegen.models.bundle import Bundle
from slidegen.models.theme import Theme
from slidegen.plan.layout import TEXT_INSETS, Frames
from slidegen.plan.model import Para, Run, SlidePlan, TableStyle, TextBox
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


def inner(frame: Rect) -> tuple[float, float]:
    """Width and height in points inside a text frame's insets."""
    return (
        inner_width(frame.w, TEXT_INSETS),
        to_pt(frame.h - TEXT_INSETS.top - TEXT_INSETS.bottom),
    )


def title_box(ctx: Context, text: str, source: Location, *, cover: bool = False) -> TextBox:
    """The title, at the largest size between the theme's title size and its minimum that fits."""
    frame = ctx.frames.cover_title if cover else ctx.frames.title
    sizes = ctx.theme.sizes
    largest = sizes.title * (1.25 if cover else 1.0)
    p = Para((Run(text),), space_before=0, source=source, align="ctr" if cover else "l")
    size = fit_single(p, *inner(frame), ctx.title_fonts, largest, sizes.title_min)
    return TextBox(
        frame, (p,), size, ctx.theme.fonts.title, ctx.theme.colours.title, "title", TEXT_INSETS,
        anchor="b", name="Title",
    )


def numbered_titles(ctx: Context, text: str, count: int, source: Location) -> list[TextBox]:
    """Titles for a slide continued over `count` slides: `Title (1/3)`, `Title (2/3)` …"""
    if count == 1:
        return [title_box(ctx, text, source)]
    return [title_box(ctx, f"{text} ({i}/{count})", source) for i in range(1, count + 1)]


def text_slides(
    ctx: Context, title: str, paras: list[Para], source: Location, notes: str | None, *, frame: Rect | None = None,
    title_source: Location | None = None, unbroken: bool = False,
) -> list[SlidePlan]:
    """A title and body text, continued on more slides when it does not fit one.

    `source` is where the slide comes from; `title_source` where its title is written, when elsewhere;
    `unbroken`: at a size where no word has to be broken inside, where there is one (for narrow frames).
    """
    frame = frame or ctx.frames.body
    sizes = ctx.theme.sizes
    pages = paginate(paras, *inner(frame), ctx.body_fonts, sizes.body, sizes.body_min, unbroken=unbroken)
    titles = numbered_titles(ctx, title, len(pages.pages), title_source or source)
    out = []
    for title_tb, page in zip(titles, _renumber(pages.pages)):
        body = TextBox(frame, page, pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, "body", TEXT_INSETS, name="Text")
        out.append(SlidePlan("content", title_tb, (body,), source, notes))
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


def single_page_box(ctx: Context, paras: list[Para], frame: Rect, role: Any, source: Location) -> TextBox:
    """Text that must fit one box (title-slide subtitles): shrunk to fit, an error when it cannot."""
    sizes = ctx.theme.sizes
    pages = paginate(paras, *inner(frame), ctx.body_fonts, sizes.body * 0.9, sizes.body_min)
    if len(pages.pages) > 1:
        w, h = inner(frame)
        needed = sum(heights(paras, sizes.body_min, w, ctx.body_fonts))
        raise TooLong(" ".join(p.text for p in paras), source, needed, h, sizes.body_min)
    return TextBox(frame, pages.pages[0], pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, role, TEXT_INSETS,
                   name="Subtitle")


def table_style(ctx: Context) -> TableStyle:
    """The theme's table colours and body font."""
    colours = ctx.theme.colours
    return TableStyle(ctx.theme.fonts.body, colours.table_text, colours.table_header, colours.table_header_text,
                      colours.table_row, colours.table_row_alt)
