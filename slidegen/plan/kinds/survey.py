"""Planning the slide kinds that show the survey: method tables and charts."""

from __future__ import annotations

from slidegen.format import percent, ranges
from slidegen.models.slides import ChartSlide, MethodTableSlide
from slidegen.models.survey import CATEGORY_KEYS
from slidegen.plan.charts import method_charts
from slidegen.plan.context import Context, numbered_titles
from slidegen.plan.layout import CELL_INSETS
from slidegen.plan.model import Cell, ChartBox, Para, Run, SlidePlan, TableStyle
from slidegen.plan.table import TableSpec, plan_tables


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
        description=f"Tabell: metod {ranges(wanted)} med andel länsstyrelser per svar ({labels}); – betyder uppgift saknas.",
    )
    colours = ctx.theme.colours
    style = TableStyle(ctx.theme.fonts.body, colours.table_text, colours.table_header, colours.table_header_text,
                       colours.table_row, colours.table_row_alt)
    sizes = ctx.theme.sizes
    frame = ctx.frames.area("title_only", "body").frame
    tables = plan_tables(spec, frame, ctx.body_fonts, style, CELL_INSETS, sizes.table, sizes.table_min)
    source = ctx.loc("slides", i)
    titles = numbered_titles(ctx, title, len(tables), source, layout="title_only")
    return [SlidePlan("title_only", t, (tb,), source, slide.notes) for t, tb in zip(titles, tables)]


def _header_cell(label: str, explanation: str | None) -> Cell:
    paras = [Para((Run(label, bold=True),), space_before=0, align="ctr")]
    if explanation:
        paras.append(Para((Run(f"({explanation})"),), space_before=0.1, align="ctr"))
    return Cell(tuple(paras), "ctr")


def plan_chart(ctx: Context, slide: ChartSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(slide.survey).model
    frame = ctx.frames.area("title_only", "body").frame
    specs = method_charts(survey, list(slide.methods), slide.sort, frame, ctx.chart_theme("title_only", frame),
                          ctx.body_fonts, wrap=ctx.on_template)
    source = ctx.loc("slides", i)
    renderer = slide.renderer or ctx.bundle.deck.model.charts
    titles = numbered_titles(ctx, slide.title, len(specs), source, layout="title_only")
    return [
        SlidePlan("title_only", t, (ChartBox(frame, spec, renderer),), source, slide.notes)
        for t, spec in zip(titles, specs)
    ]
