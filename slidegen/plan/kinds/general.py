"""Planning the slide kinds of any meeting: picture, table, columns, quote and closing."""

from __future__ import annotations

import re
from dataclasses import replace

from slidegen.errors import Location
from slidegen.format import MISSING, NBSP, decimal
from slidegen.models.data import DataCell
from slidegen.models.slides import ClosingSlide, ColumnsSlide, PictureSlide, QuoteSlide, TableSlide
from slidegen.models.slides.table import TableData, table_data
from slidegen.plan.columns import ColumnText, fit_columns, heading_para
from slidegen.plan.context import Context, inner, numbered_titles, table_style, text_slides, title_box
from slidegen.plan.kinds.text import bullet_paras
from slidegen.plan.layout import CELL_INSETS, TEXT_INSETS
from slidegen.plan.model import Box, Cell, Para, PictureBox, Run, SlidePlan, TextBox
from slidegen.plan.pictures import cover_crop, fit_picture
from slidegen.plan.table import TableSpec, measured_widths, plan_tables
from slidegen.plan.text import TooLong, paginate, para_height
from slidegen.units import Rect, cm, pt, to_pt

PICTURE_SHARE = 0.6
"""The picture's share of the body's width when bullets stand beside it."""

SIDE_GAP = cm(0.8)
"""Between a picture and the bullets beside it, and between columns."""

CAPTION_GAP = cm(0.15)
"""Between a picture and its caption."""

CAPTION_SHARE = 0.35
"""A caption may take at most this share of the picture's place."""


def plan_picture(ctx: Context, slide: PictureSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    path, pixels = ctx.bundle.pictures[slide.picture]
    place, text_frame = ctx.frames.area("picture", "body").frame, None
    if slide.items:
        place, text_frame = place.split_h(PICTURE_SHARE, SIDE_GAP)
    caption = _caption(ctx, slide.caption, place, ctx.loc("slides", i, "caption")) if slide.caption else None
    area = replace(place, h=place.h - (caption.frame.h + CAPTION_GAP if caption else 0))
    at = ctx.loc("slides", i, "picture")
    if slide.fit == "cover":
        picture = PictureBox(area, path, slide.alt, crop=cover_crop(area, pixels), pixels=pixels, source=at)
    else:
        picture = PictureBox(fit_picture(area, pixels), path, slide.alt, pixels=pixels, source=at)
    boxes: list[Box] = [picture]
    if caption is not None:
        boxes.append(replace(caption, frame=replace(caption.frame, y=picture.frame.bottom + CAPTION_GAP)))
    if text_frame is None:
        return [SlidePlan("picture", title_box(ctx, slide.title, source, layout="picture"), tuple(boxes), source, slide.notes)]
    paras = bullet_paras(ctx, list(slide.items or []), ("slides", i, "items"))
    slides = text_slides(ctx, slide.title, paras, source, slide.notes, frame=text_frame, unbroken=True,
                         layout="picture")
    first = slides[0]
    slides[0] = replace(first, boxes=(*boxes, *first.boxes))
    return slides


def _caption(ctx: Context, text: str, place: Rect, source: Location) -> TextBox:
    """The caption under a picture, at the theme's small size, as many lines high as it needs (at most a third
    of the picture's place)."""
    p = Para((Run(text, colour=ctx.theme.colours.muted),), space_before=0, align="ctr", source=source)
    size = ctx.theme.sizes.small
    width, _ = inner(place)
    needed = para_height(p, size, width, ctx.body_fonts)
    room = to_pt(place.h) * CAPTION_SHARE - to_pt(TEXT_INSETS.top + TEXT_INSETS.bottom)
    if needed > room:
        raise TooLong(text, source, needed, room, size)
    h = pt(needed) + TEXT_INSETS.top + TEXT_INSETS.bottom
    return TextBox(Rect(place.x, place.y, place.w, h), (p,), size, ctx.theme.fonts.body, ctx.theme.colours.muted,
                   "text", TEXT_INSETS, name="Caption")


def plan_table(ctx: Context, slide: TableSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    data = table_data(slide, ctx.bundle, ("slides", i))
    assert isinstance(data, TableData), "the slide's check reports rows that cannot be shown"
    aligns = ["r" if numeric else "l" for numeric in data.numeric]
    missing = any(cell.value is None for row in data.rows for cell in row)
    spec = TableSpec(
        header=tuple(_cell(text, align, bold=True) for text, align in zip(data.header, aligns)),
        rows=tuple(tuple(_cell(_shown(cell), align) for cell, align in zip(row, aligns)) for row in data.rows),
        narrow=data.numeric,
        sources=data.sources,
        description=f"Tabell: {slide.title}. {len(data.rows)} rader med kolumnerna {', '.join(data.header)}."
        + (" – betyder att uppgift saknas." if missing else ""),
    )
    sizes, fonts, frame = ctx.theme.sizes, ctx.body_fonts, ctx.frames.area("title_only", "body").frame
    tables = plan_tables(spec, frame, fonts, table_style(ctx), CELL_INSETS, sizes.table, sizes.table_min,
                         widths_at=measured_widths(spec, frame.w, fonts, CELL_INSETS))
    titles = numbered_titles(ctx, slide.title, len(tables), source, layout="title_only")
    return [SlidePlan("title_only", t, (tb,), source, slide.notes) for t, tb in zip(titles, tables)]


def _shown(cell: DataCell) -> str:
    """A cell's text: numbers the Swedish way with the decimals written (`45 %` with a no-break space), no value `–`."""
    if cell.value is None:
        return MISSING
    if isinstance(cell.value, float):
        shown = decimal(int(cell.value) if cell.value.is_integer() else cell.value)
        return f"{shown}{NBSP}%" if cell.percent else shown
    return cell.value


def _cell(text: str, align: str, bold: bool = False) -> Cell:
    return Cell((Para((Run(text, bold=bold),), space_before=0, align=align),), align)  # type: ignore[arg-type]


def plan_columns(ctx: Context, slide: ColumnsSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    body = ctx.frames.area("two_content", "body").frame
    n = len(slide.columns)
    width = (body.w - SIDE_GAP * (n - 1)) // n
    frames = [Rect(body.x + k * (width + SIDE_GAP), body.y, width, body.h) for k in range(n)]
    accent = ctx.theme.colours.accent
    columns = [
        ColumnText(
            heading_para(col.heading, accent, ctx.loc("slides", i, "columns", k, "heading")) if col.heading else None,
            tuple(bullet_paras(ctx, list(col.items), ("slides", i, "columns", k, "items"))),
        )
        for k, col in enumerate(slide.columns)
    ]
    sizes = ctx.theme.sizes
    fitted = fit_columns(columns, *inner(frames[0]), ctx.body_fonts, sizes.body, sizes.body_min, source)
    titles = numbered_titles(ctx, slide.title, len(fitted.pages), source, layout="two_content")
    out = []
    for title, page in zip(titles, fitted.pages):
        boxes = tuple(
            TextBox(frame, paras, fitted.size, ctx.theme.fonts.body, ctx.theme.colours.text, "body", TEXT_INSETS,
                    name=f"Column {k + 1}")
            for k, (frame, paras) in enumerate(zip(frames, page))
            if paras
        )
        out.append(SlidePlan("two_content", title, boxes, source, slide.notes))
    return out


QUOTE_SCALE = 1.25
"""A quote is set this much larger than body text, at most."""

QUOTE_INDENT = 0.08
"""The share of the body's width left free at each side of a quote."""

TITLE_WORDS, TITLE_CHARS = 7, 45
"""A quote without a title is titled by its first words: at most this many words and characters."""

_END = re.compile(r"[\s,.;:!?–-]+$")


def quote_title(text: str) -> str:
    """The first words of a quote, as its slide's title: `Det viktigaste är att vi delar …`."""
    words = text.split()
    taken: list[str] = []
    for word in words:
        if taken and (len(taken) == TITLE_WORDS or len(" ".join([*taken, word])) > TITLE_CHARS):
            break
        taken.append(word)
    shown = _END.sub("", " ".join(taken)) or " ".join(taken)
    return shown if len(taken) == len(words) else f"{shown} …"


def plan_quote(ctx: Context, slide: QuoteSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    body = ctx.frames.area("quote", "body").frame
    side = round(body.w * QUOTE_INDENT)
    frame = Rect(body.x + side, body.y, body.w - 2 * side, body.h)
    pieces = [p.strip() for p in re.split(r"\n\s*\n", slide.text) if p.strip()]
    pieces[0] = f"\u201d{pieces[0]}"  # Swedish quotation marks: the same at both ends
    pieces[-1] = f"{pieces[-1]}\u201d"
    where = ctx.loc("slides", i, "text")
    paras = [Para((Run(t, italic=True),), space_before=0.5 if j else 0, keep_with_next=j == len(pieces) - 1,
                  source=where) for j, t in enumerate(pieces)]
    if slide.by:
        paras.append(Para((Run(f"– {slide.by}", colour=ctx.theme.colours.muted),), scale=0.75, space_before=1.0,
                          align="r", source=ctx.loc("slides", i, "by")))
    sizes = ctx.theme.sizes
    pages = paginate(paras, *inner(frame), ctx.body_fonts, sizes.body * QUOTE_SCALE, sizes.body_min)
    title = slide.title or quote_title(slide.text)
    titles = numbered_titles(ctx, title, len(pages.pages), ctx.loc("slides", i, "title") if slide.title else where,
                             layout="quote")
    return [
        SlidePlan("quote", t, (TextBox(frame, page, pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, "body",
                                       TEXT_INSETS, anchor="ctr", name="Quote"),), source, slide.notes)
        for t, page in zip(titles, pages.pages)
    ]


def plan_closing(ctx: Context, slide: ClosingSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    muted = ctx.theme.colours.muted
    paras = []
    for j, contact in enumerate(slide.contacts):
        where = ctx.loc("slides", i, "contacts", j)
        runs = [Run(contact.name, bold=True)]
        if contact.role:
            runs.append(Run(f", {contact.role}"))
        details = " · ".join(d for d in (contact.email, contact.phone) if d)
        paras.append(Para(tuple(runs), space_before=0.9 if j else 0, align="ctr", keep_with_next=bool(details),
                          source=where))
        if details:
            paras.append(Para((Run(details, colour=muted),), scale=0.85, space_before=0.15, align="ctr",
                              source=where))
    frame = ctx.frames.area("closing", "body").frame
    if not paras:
        return [SlidePlan("closing", title_box(ctx, slide.title, source, layout="closing"), (), source, slide.notes)]
    sizes = ctx.theme.sizes
    pages = paginate(paras, *inner(frame), ctx.body_fonts, sizes.body * 0.9, sizes.body_min)
    count = len(pages.pages)
    out = []
    for n, page in enumerate(pages.pages, start=1):
        text = slide.title if count == 1 else f"{slide.title} ({n}/{count})"
        box = TextBox(frame, page, pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, "subtitle", TEXT_INSETS,
                      name="Contacts")
        out.append(SlidePlan("closing", title_box(ctx, text, source, layout="closing"), (box,), source, slide.notes))
    return out
