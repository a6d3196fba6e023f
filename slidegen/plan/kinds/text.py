"""Planning the slide kinds made of text: title, agenda, agenda points, bullets, assignment, status list, section."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from slidegen.errors import Source
from slidegen.models.assignment import Assignment
from slidegen.models.bullets import Bullet, BulletItem, BulletList
from slidegen.models.guidance import Guidance
from slidegen.models.slides import (
    AgendaPointsSlide,
    AgendaSlide,
    AssignmentSlide,
    BulletsSlide,
    SectionSlide,
    StatusListSlide,
    TitleSlide,
)
from slidegen.plan.charts import overview_chart
from slidegen.plan.context import Context, single_page_box, text_slides, title_box
from slidegen.plan.model import BULLET, DASH, ChartBox, Marker, Para, Run, SlidePlan, TextBox
from slidegen.units import cm


def plan_title(ctx: Context, slide: TitleSlide, i: int) -> list[SlidePlan]:
    meeting = ctx.bundle.deck.model.meeting
    source = ctx.loc("slides", i)
    title = title_box(ctx, slide.title or meeting.title, source, layout="title")
    paras = []
    if slide.subtitle:
        paras.append(Para((Run(slide.subtitle),), space_before=0, align="ctr", source=ctx.loc("slides", i, "subtitle")))
    line = meeting.presenter_line()
    if slide.show_presenters and line:
        paras.append(
            Para((Run(line, colour=ctx.theme.colours.muted),), scale=0.8, space_before=0.8, align="ctr",
                 source=ctx.loc("meeting", "presenters"))
        )
    boxes: tuple[TextBox, ...] = ()
    if paras:
        boxes = (single_page_box(ctx, paras, ctx.frames.area("title", "body"), "subtitle", source),)
    return [SlidePlan("title", title, boxes, source, slide.notes)]


def plan_agenda(ctx: Context, slide: AgendaSlide, i: int) -> list[SlidePlan]:
    meeting = ctx.bundle.deck.model.meeting
    time = meeting.time()
    title = f"{slide.title} ({time})" if time else slide.title
    number = Marker(None, "arabicPeriod", 1, ctx.theme.colours.accent)
    paras = [
        Para((Run(item),), marker=number, space_before=0.5, source=ctx.loc("agenda", j))
        for j, item in enumerate(ctx.bundle.deck.model.agenda)
    ]
    return text_slides(ctx, title, paras, ctx.loc("slides", i), slide.notes)


def plan_agenda_points(ctx: Context, slide: AgendaPointsSlide, i: int) -> list[SlidePlan]:
    agenda = ctx.bundle.deck.model.agenda
    items = [(n, agenda[n - 1]) for n in slide.items]
    source = ctx.loc("slides", i)
    if slide.title:
        title, rest = slide.title, items
    else:
        (first_n, first_text), rest = items[0], items[1:]
        title = f"{first_text} ({first_n})"
    paras = [
        Para((Run(f"{text} ({n})"),), space_before=0.8, source=ctx.loc("agenda", n - 1)) for n, text in rest
    ]
    if not paras:
        return [SlidePlan("title_only", title_box(ctx, title, source, layout="title_only"), (), source, slide.notes)]
    return text_slides(ctx, title, paras, source, slide.notes)


def bullet_paras(ctx: Context, items: list[Bullet], loc: tuple[Any, ...], level: int = 0,
                 doc: Source | None = None) -> list[Para]:
    """Bullets (• and – below them) in the accent colour, each located at its place in the file."""
    out: list[Para] = []
    doc = doc or ctx.bundle.deck.doc
    for j, item in enumerate(items):
        source = doc.location((*loc, j))
        marker = replace(BULLET if level == 0 else DASH, colour=ctx.theme.colours.accent)
        if isinstance(item, BulletItem):
            out.append(Para((Run(item.text),), level=level, marker=marker, space_before=0.5 if level == 0 else 0.25,
                            keep_with_next=bool(item.items), source=source))
            out.extend(bullet_paras(ctx, item.items, (*loc, j, "items"), level + 1, doc))
        else:
            out.append(Para((Run(item),), level=level, marker=marker, space_before=0.5 if level == 0 else 0.25,
                            source=source))
    return out


def plan_bullets(ctx: Context, slide: BulletsSlide, i: int) -> list[SlidePlan]:
    if slide.source is not None:
        shared = ctx.bundle.get(slide.source, BulletList)
        title = slide.title or shared.model.title
        paras = bullet_paras(ctx, list(shared.model.items), ("items",), doc=shared.doc)
    else:
        title = slide.title or ""
        paras = bullet_paras(ctx, list(slide.items or []), ("slides", i, "items"))
    source = ctx.loc("slides", i)
    if slide.chart is None:
        return text_slides(ctx, title, paras, source, slide.notes)
    text_frame, chart_frame = ctx.frames.area("content", "body").frame.split_h(0.52, cm(0.8))
    slides = text_slides(ctx, title, paras, source, slide.notes, frame=text_frame, unbroken=True)
    survey = ctx.bundle.survey(slide.chart.survey).model
    spec = overview_chart(survey, chart_frame, ctx.chart_theme("content", chart_frame), ctx.body_fonts,
                          slide.chart.title, wrap=ctx.on_template)
    chart = ChartBox(chart_frame, spec, slide.chart.renderer or ctx.bundle.deck.model.charts, name="Overview chart")
    first = slides[0]
    slides[0] = replace(first, boxes=(*first.boxes, chart))
    return slides


def plan_assignment(ctx: Context, slide: AssignmentSlide, i: int) -> list[SlidePlan]:
    loaded = ctx.bundle.get(slide.source, Assignment)
    a, doc = loaded.model, loaded.doc
    colours = ctx.theme.colours
    paras = [
        Para((Run(a.heading, bold=True, colour=colours.accent),), space_before=0, keep_with_next=True,
             source=doc.location(("heading",))),
        Para((Run(f"{a.number}. {a.lead}"),), space_before=0.5, keep_with_next=True, source=doc.location(("lead",))),
    ]
    letters = Marker(None, "alphaLcParenR", 1, colours.accent)
    paras += [
        Para((Run(part),), level=1, marker=letters, space_before=0.2, source=doc.location(("parts", j)))
        for j, part in enumerate(a.parts)
    ]
    if a.tail:
        paras.append(Para((Run(a.tail),), space_before=0.2, source=doc.location(("tail",))))
    if a.context:
        paras.append(Para((Run(a.context),), space_before=0.5, source=doc.location(("context",))))
    marker = replace(BULLET, colour=colours.accent)
    paras += [
        Para((Run(line),), marker=marker, space_before=0.4, source=doc.location(("follow_up", j)))
        for j, line in enumerate(a.follow_up)
    ]
    return text_slides(ctx, slide.title, paras, ctx.loc("slides", i), slide.notes)


def plan_status_list(ctx: Context, slide: StatusListSlide, i: int) -> list[SlidePlan]:
    loaded = ctx.bundle.get(slide.source, Guidance)
    g, doc = loaded.model, loaded.doc
    accent = ctx.theme.colours.accent
    marker = replace(BULLET, colour=accent)
    paras = []
    for j, effort in enumerate(g.efforts):
        runs = [Run(effort.name)]
        if effort.status:
            runs.append(Run(f" ({effort.status})", bold=True, colour=accent))
        if effort.note:
            runs.append(Run(f", {effort.note}"))
        paras.append(Para(tuple(runs), marker=marker, space_before=0.3, source=doc.location(("efforts", j))))
    if g.closing:
        paras.append(Para((Run(g.closing, bold=True),), space_before=0.7, source=doc.location(("closing",))))
    return text_slides(ctx, slide.title or g.title, paras, ctx.loc("slides", i), slide.notes)


def plan_section(ctx: Context, slide: SectionSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    title = title_box(ctx, slide.title, source, layout="title")
    boxes: tuple[TextBox, ...] = ()
    if slide.subtitle:
        p = Para((Run(slide.subtitle),), space_before=0, align="ctr", source=ctx.loc("slides", i, "subtitle"))
        boxes = (single_page_box(ctx, [p], ctx.frames.area("title", "body"), "subtitle", source),)
    return [SlidePlan("title", title, boxes, source, slide.notes)]
