"""Planning each slide kind: one function per kind turns validated content into slide plans."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from slidegen.content import Bundle, Loaded
from slidegen.loader import Document
from slidegen.models.bullets import BulletList
from slidegen.models.county import COUNTIES
from slidegen.models.example import Example
from slidegen.errors import ContentError, Location, Problem
from slidegen.models.assignment import Assignment
from slidegen.models.deck import (
    AgendaPointsSlide,
    AgendaSlide,
    AssignmentSlide,
    Bullet,
    BulletItem,
    BulletsSlide,
    ChartSlide,
    ExamplesOverviewSlide,
    ExamplesSlide,
    MethodTableSlide,
    SectionSlide,
    StatusListSlide,
    TitleSlide,
)
from slidegen.models.guidance import Guidance
from slidegen.models.survey import CATEGORY_KEYS
from slidegen.models.theme import Theme
from slidegen.plan.charts import method_charts, overview_chart
from slidegen.plan.format import percent
from slidegen.plan.chrome import add_chrome
from slidegen.plan.geometry import Rect, cm, pt, to_pt
from slidegen.plan.layout import CELL_INSETS, TEXT_INSETS, Frames, frames_for
from slidegen.plan.model import Base, Cell, ChartBox, DeckPlan, PictureBox, Properties, SlidePlan, TableStyle, TextBox
from slidegen.plan.pictures import fit_picture
from slidegen.plan.table import TableSpec, plan_tables
from slidegen.stamp import build_time
from slidegen.plan.text import (
    BULLET,
    DASH,
    Fonts,
    Marker,
    Para,
    Run,
    TooLong,
    fit_single,
    heights,
    paginate,
    para_height,
    sizes_between,
)


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


def _inner(frame: Rect) -> tuple[float, float]:
    """Width and height in points inside a text frame's insets."""
    return (
        to_pt(frame.w - TEXT_INSETS.left - TEXT_INSETS.right),
        to_pt(frame.h - TEXT_INSETS.top - TEXT_INSETS.bottom),
    )


def title_box(ctx: Context, text: str, source: Location, *, cover: bool = False) -> TextBox:
    """The title, at the largest size between the theme's title size and its minimum that fits."""
    frame = ctx.frames.cover_title if cover else ctx.frames.title
    sizes = ctx.theme.sizes
    largest = sizes.title * (1.25 if cover else 1.0)
    p = Para((Run(text),), space_before=0, source=source, align="ctr" if cover else "l")
    size = fit_single(p, *_inner(frame), ctx.title_fonts, largest, sizes.title_min)
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
    ctx: Context, title: str, paras: list[Para], source: Location, notes: str | None, *, frame: Rect | None = None
) -> list[SlidePlan]:
    """A title and body text, continued on more slides when it does not fit one."""
    frame = frame or ctx.frames.body
    sizes = ctx.theme.sizes
    pages = paginate(paras, *_inner(frame), ctx.body_fonts, sizes.body, sizes.body_min)
    titles = numbered_titles(ctx, title, len(pages.pages), source)
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


def plan_title(ctx: Context, slide: TitleSlide, i: int) -> list[SlidePlan]:
    meeting = ctx.bundle.deck.model.meeting
    source = ctx.loc("slides", i)
    title = title_box(ctx, slide.title or meeting.title, source, cover=True)
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
        boxes = (_single_page_box(ctx, paras, ctx.frames.cover_sub, "subtitle", source),)
    return [SlidePlan("title", title, boxes, source, slide.notes)]


def _single_page_box(ctx: Context, paras: list[Para], frame: Rect, role: Any, source: Location) -> TextBox:
    """Text that must fit one box (title-slide subtitles): shrunk to fit, an error when it cannot."""
    sizes = ctx.theme.sizes
    pages = paginate(paras, *_inner(frame), ctx.body_fonts, sizes.body * 0.9, sizes.body_min)
    if len(pages.pages) > 1:
        w, h = _inner(frame)
        needed = sum(heights(paras, sizes.body_min, w, ctx.body_fonts))
        raise TooLong(" ".join(p.text for p in paras), source, needed, h, sizes.body_min)
    return TextBox(frame, pages.pages[0], pages.size, ctx.theme.fonts.body, ctx.theme.colours.text, role, TEXT_INSETS,
                   name="Subtitle")


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
        return [SlidePlan("title_only", title_box(ctx, title, source), (), source, slide.notes)]
    return text_slides(ctx, title, paras, source, slide.notes)


def _bullet_paras(ctx: Context, items: list[Bullet], loc: tuple[Any, ...], level: int = 0,
                  doc: Document | None = None) -> list[Para]:
    out: list[Para] = []
    doc = doc or ctx.bundle.deck.doc
    for j, item in enumerate(items):
        source = doc.location((*loc, j))
        marker = replace(BULLET if level == 0 else DASH, colour=ctx.theme.colours.accent)
        if isinstance(item, BulletItem):
            out.append(Para((Run(item.text),), level=level, marker=marker, space_before=0.5 if level == 0 else 0.25,
                            keep_with_next=bool(item.items), source=source))
            out.extend(_bullet_paras(ctx, item.items, (*loc, j, "items"), level + 1, doc))
        else:
            out.append(Para((Run(item),), level=level, marker=marker, space_before=0.5 if level == 0 else 0.25,
                            source=source))
    return out


def plan_bullets(ctx: Context, slide: BulletsSlide, i: int) -> list[SlidePlan]:
    if slide.source is not None:
        shared = ctx.bundle.get(slide.source, BulletList)
        title = slide.title or shared.model.title
        paras = _bullet_paras(ctx, list(shared.model.items), ("items",), doc=shared.doc)
    else:
        title = slide.title or ""
        paras = _bullet_paras(ctx, list(slide.items or []), ("slides", i, "items"))
    source = ctx.loc("slides", i)
    if slide.chart is None:
        return text_slides(ctx, title, paras, source, slide.notes)
    text_frame, chart_frame = ctx.frames.body.split_h(0.52, cm(0.8))
    slides = text_slides(ctx, title, paras, source, slide.notes, frame=text_frame)
    survey = ctx.bundle.survey(slide.chart.survey).model
    spec = overview_chart(survey, chart_frame, ctx.theme, ctx.body_fonts, slide.chart.title)
    chart = ChartBox(chart_frame, spec, slide.chart.renderer or ctx.bundle.deck.model.charts, name="Overview chart")
    first = slides[0]
    slides[0] = replace(first, boxes=(*first.boxes, chart))
    return slides


def plan_chart(ctx: Context, slide: ChartSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(slide.survey).model
    frame = ctx.frames.body
    specs = method_charts(survey, list(slide.methods), slide.sort, frame, ctx.theme, ctx.body_fonts)
    source = ctx.loc("slides", i)
    renderer = slide.renderer or ctx.bundle.deck.model.charts
    titles = numbered_titles(ctx, slide.title, len(specs), source)
    return [
        SlidePlan("title_only", t, (ChartBox(frame, spec, renderer),), source, slide.notes)
        for t, spec in zip(titles, specs)
    ]


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


def plan_method_table(ctx: Context, slide: MethodTableSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(slide.survey)
    s, doc = survey.model, survey.doc
    wanted = list(slide.methods)
    groups = [g for g in s.groups if any(m.number in wanted for m in g.methods)]
    title = slide.title or (groups[0].title if len(groups) == 1 else s.title)
    where = {m.number: (gi, mi) for gi, g in enumerate(s.groups) for mi, m in enumerate(g.methods)}
    header = (
        Cell((Para((Run(s.method_label, bold=True),), space_before=0),)),
        *(_header_cell(c.label, c.explanation) for c in s.categories.ordered()),
    )
    rows = []
    sources = []
    for n in wanted:
        m = s.method(n)
        cells = [Cell((Para((Run(f"{m.number}. {m.text}"),), space_before=0),))]
        for key in CATEGORY_KEYS:
            cells.append(Cell((Para((Run(percent(getattr(m.results, key))),), space_before=0, align="ctr"),), "ctr"))
        rows.append(tuple(cells))
        gi, mi = where[n]
        sources.append(doc.location(("groups", gi, "methods", mi)))
    labels = ", ".join(c.label for c in s.categories.ordered())
    spec = TableSpec(
        header=header,
        rows=tuple(rows),
        narrow=(False, True, True, True),
        sources=tuple(sources),
        description=f"Tabell: metod {_span(wanted)} med andel länsstyrelser per svar ({labels}); – betyder uppgift saknas.",
    )
    colours = ctx.theme.colours
    style = TableStyle(ctx.theme.fonts.body, colours.table_text, colours.table_header, colours.table_header_text,
                       colours.table_row, colours.table_row_alt)
    sizes = ctx.theme.sizes
    tables = plan_tables(spec, ctx.frames.body, ctx.body_fonts, style, CELL_INSETS, sizes.table, sizes.table_min)
    source = ctx.loc("slides", i)
    titles = numbered_titles(ctx, title, len(tables), source)
    return [SlidePlan("title_only", t, (tb,), source, slide.notes) for t, tb in zip(titles, tables)]


def _header_cell(label: str, explanation: str | None) -> Cell:
    paras = [Para((Run(label, bold=True),), space_before=0, align="ctr")]
    if explanation:
        paras.append(Para((Run(f"({explanation})"),), space_before=0.1, align="ctr"))
    return Cell(tuple(paras), "ctr")


def _span(numbers: list[int]) -> str:
    """[1..20] → `1–20`; otherwise the numbers listed."""
    if numbers == list(range(numbers[0], numbers[0] + len(numbers))) and len(numbers) > 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def plan_section(ctx: Context, slide: SectionSlide, i: int) -> list[SlidePlan]:
    source = ctx.loc("slides", i)
    title = title_box(ctx, slide.title, source, cover=True)
    boxes: tuple[TextBox, ...] = ()
    if slide.subtitle:
        p = Para((Run(slide.subtitle),), space_before=0, align="ctr", source=ctx.loc("slides", i, "subtitle"))
        boxes = (_single_page_box(ctx, [p], ctx.frames.cover_sub, "subtitle", source),)
    return [SlidePlan("title", title, boxes, source, slide.notes)]


def _shown_examples(ctx: Context) -> list[Loaded[Example]]:
    """The examples the deck shows: ready ones, and drafts when the deck asks for them."""
    drafts = ctx.bundle.deck.model.drafts
    return [ex for ex in ctx.bundle.examples if drafts or not ex.model.draft]


def plan_examples_overview(ctx: Context, slide: ExamplesOverviewSlide, i: int) -> list[SlidePlan]:
    colours = ctx.theme.colours
    ready: dict[str, int] = {}
    drafts: dict[str, int] = {}
    for ex in _shown_examples(ctx):
        target = drafts if ex.model.draft else ready
        target[ex.model.county] = target.get(ex.model.county, 0) + 1
    headline = Para((Run(f"{len(ready)} av {len(COUNTIES)} län har lämnat exempel", bold=True),),
                    scale=1.25, space_before=0, source=ctx.loc("slides", i))
    entries = []
    for county in COUNTIES:
        runs = [Run(f"{county.code}  ", bold=True, colour=colours.muted), Run(f"{county.name} – ")]
        if county.name in ready:
            runs.append(Run(f"{ready[county.name]} exempel", bold=True, colour=colours.accent))
        elif county.name in drafts:
            runs.append(Run("utkast", colour=colours.muted))
        else:
            runs.append(Run("inget ännu", colour=colours.muted))
        entries.append(Para(tuple(runs), space_before=0.3))
    body = ctx.frames.body
    sizes = ctx.theme.sizes
    w, h = _inner(body)
    columns = 3
    gap = cm(0.6)
    col_w = (body.w - gap * (columns - 1)) // columns
    col_inner = to_pt(col_w - TEXT_INSETS.left - TEXT_INSETS.right)
    source = ctx.loc("slides", i)
    # one slide if the counties fit it at the theme's sizes; large type continues them on more slides
    for pages in range(1, len(entries) + 1):
        per_page = -(-len(entries) // pages)
        per_column = -(-per_page // columns)
        for size in sizes_between(sizes.body, sizes.body_min):
            top = para_height(headline, size, w, ctx.body_fonts) + ctx.body_fonts.regular.line(size) * 0.8
            tallest = max(
                sum(heights(entries[k : k + per_column], size, col_inner, ctx.body_fonts))
                for k in range(0, len(entries), per_column)
            )
            if top + tallest <= h:
                break
        else:
            continue
        break
    else:
        raise TooLong(headline.text, source, top + tallest, h, sizes.body_min)
    head_h = pt(top) + TEXT_INSETS.top + TEXT_INSETS.bottom
    titles = numbered_titles(ctx, slide.title, pages, source)
    out = []
    for page, title in zip(range(0, len(entries), per_page), titles):
        boxes: list[TextBox] = [
            TextBox(Rect(body.x, body.y, body.w, head_h), (headline,), size, ctx.theme.fonts.body, colours.text,
                    "body", TEXT_INSETS, name="Summary")
        ]
        chunk = entries[page : page + per_page]
        for c, k in enumerate(range(0, len(chunk), per_column)):
            frame = Rect(body.x + c * (col_w + gap), body.y + head_h, col_w, body.h - head_h)
            boxes.append(TextBox(frame, tuple(chunk[k : k + per_column]), size, ctx.theme.fonts.body, colours.text,
                                 "text", TEXT_INSETS, name=f"Counties {c + 1}"))
        out.append(SlidePlan("content", title, tuple(boxes), source, slide.notes))
    return out


def plan_examples(ctx: Context, slide: ExamplesSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(None).model
    accent, muted = ctx.theme.colours.accent, ctx.theme.colours.muted
    out: list[SlidePlan] = []
    for ex in _shown_examples(ctx):
        m, doc = ex.model, ex.doc
        title = f"{m.county}: {m.title}" + (" (utkast)" if m.draft else "")
        marker = replace(BULLET, colour=accent)
        paras = [Para((Run(text),), marker=marker, space_before=0.5, source=doc.location(("description", j)))
                 for j, text in enumerate(m.description)]
        paras.append(Para((Run("Metoder i enkäten", bold=True),), space_before=0.9, keep_with_next=True))
        paras += [
            Para((Run(f"Metod {n}: {survey.method(n).short}", bold=True, colour=accent),), scale=0.85,
                 space_before=0.25, source=doc.location(("methods", j)))
            for j, n in enumerate(m.methods)
        ]
        if m.contact:
            who = m.contact.name + (f", {m.contact.email}" if m.contact.email else "")
            paras.append(Para((Run(f"Kontakt: {who}", colour=muted),), scale=0.85, space_before=0.9,
                              source=doc.location(("contact",))))
        source = doc.location(())
        frame = ctx.frames.body
        picture = ctx.bundle.pictures.get(m.picture) if m.picture else None
        if picture is not None:
            frame, picture_frame = frame.split_h(0.58, cm(0.8))
        slides = text_slides(ctx, title, paras, source, slide.notes, frame=frame)
        if picture is not None:
            path, size = picture
            box = PictureBox(fit_picture(picture_frame, size), path, m.picture_alt or "")
            slides[0] = replace(slides[0], boxes=(*slides[0].boxes, box))
        out.extend(slides)
    return out


PLANNERS: dict[str, Callable[[Context, Any, int], list[SlidePlan]]] = {
    "title": plan_title,
    "agenda": plan_agenda,
    "agenda_points": plan_agenda_points,
    "bullets": plan_bullets,
    "assignment": plan_assignment,
    "status_list": plan_status_list,
    "method_table": plan_method_table,
    "chart": plan_chart,
    "examples_overview": plan_examples_overview,
    "examples": plan_examples,
    "section": plan_section,
}
"""The planner of each slide kind."""


def plan_deck(bundle: Bundle) -> DeckPlan:
    """Plan every slide of a deck; every text that cannot fit is reported at once."""
    theme = bundle.theme.model
    files = bundle.theme.files
    title_fonts, notice_t = Fonts.of(theme.fonts.title, theme.fonts.measure_unknown_as)
    body_fonts, notice_b = Fonts.of(theme.fonts.body, theme.fonts.measure_unknown_as)
    ctx = Context(bundle, theme, frames_for(theme, files.logo_pixels), title_fonts, body_fonts)
    ctx.notices.extend(n for n in dict.fromkeys((notice_t, notice_b)) if n)
    slides: list[SlidePlan] = []
    problems: list[Problem] = []
    for i, slide in enumerate(bundle.deck.model.slides):
        try:
            slides.extend(PLANNERS[slide.kind](ctx, slide, i))
        except TooLong as exc:
            problems.append(Problem(exc.source or ctx.loc("slides", i), exc.advice()))
    problems.extend(_duplicate_titles(slides))
    try:
        footer_source = bundle.theme.doc.location(("footer", "text"))
        slides = add_chrome(slides, theme, ctx.frames, body_fonts, bundle.deck.model.meeting.date, files.logo,
                            footer_source)
    except TooLong as exc:
        problems.append(Problem(exc.source or footer_source, f"the footer must fit one line: {exc.advice()}"))
    if problems:
        raise ContentError(problems)
    base = Base()
    if theme.template is not None:
        base = Base(files.template, theme.template.layouts.model_dump())
    return DeckPlan(
        name=bundle.name,
        width=ctx.frames.width,
        height=ctx.frames.height,
        slides=tuple(slides),
        properties=properties(bundle),
        notices=tuple(ctx.notices),
        base=base,
    )


def _duplicate_titles(slides: list[SlidePlan]) -> list[Problem]:
    """Titles must differ within a deck: screen-reader users move between slides by their titles."""
    first: dict[str, SlidePlan] = {}
    problems = []
    for plan in slides:
        text = plan.title.paras[0].text
        earlier = first.setdefault(text, plan)
        if earlier is not plan and earlier.source != plan.source:
            problems.append(Problem(plan.source, f"the title `{text}` is already used by the slide at line "
                                    f"{earlier.source.line}; give each slide its own title"))
    return problems


def properties(bundle: Bundle) -> Properties:
    """Document properties from the deck's meeting."""
    m = bundle.deck.model.meeting
    return Properties(
        title=m.title,
        subject=m.subject or m.title,
        author="; ".join(m.presenters) or m.organisation,
        company=m.organisation,
        keywords="; ".join(m.keywords),
        language=m.language,
        created=build_time(m.date),
    )
