"""Planning the slide kinds that show the survey: method tables and charts."""

from __future__ import annotations

from slidegen.format import percent, ranges
from slidegen.models.answers import BOARDS, Answers
from slidegen.models.slides import ChartSlide, MethodTableSlide
from slidegen.models.survey import CATEGORY_KEYS
from slidegen.plan.charts import method_charts
from slidegen.plan.context import Context, numbered_titles, table_style
from slidegen.plan.layout import CELL_INSETS
from slidegen.plan.model import Cell, ChartBox, Para, Run, SlidePlan
from slidegen.plan.table import TableSpec, plan_tables


def with_answers(notes: str | None, answers: Answers | None, numbers: list[int]) -> str | None:
    """A slide's notes, followed (for shares computed from a sheet) by where they come from and each method's n."""
    if answers is None:
        return notes
    return f"{notes}\n{answers.summary(numbers)}" if notes else answers.summary(numbers)


def plan_method_table(ctx: Context, slide: MethodTableSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(slide.survey)
    s, doc = survey.model, survey.doc
    wanted = list(slide.methods)
    answers = ctx.bundle.answers(slide.survey)
    counted = answers is not None and answers.partial(wanted)
    groups = [g for g in s.groups if any(m.number in wanted for m in g.methods)]
    title = slide.title or (groups[0].title if len(groups) == 1 else s.title)
    where = {m.number: (gi, mi) for gi, g in enumerate(s.groups) for mi, m in enumerate(g.methods)}
    header = (
        Cell((Para((Run(s.method_label, bold=True),), space_before=0),)),
        *(_header_cell(c.label, c.explanation) for c in s.categories.ordered()),
        *((_header_cell("n", "antal svar"),) if counted else ()),
    )
    rows = []
    sources = []
    for n in wanted:
        m = s.method(n)
        cells = [Cell((Para((Run(f"{m.number}. {m.text}"),), space_before=0),))]
        for key in CATEGORY_KEYS:
            cells.append(_centred(percent(getattr(m.results, key))))
        if counted:
            cells.append(_centred(str(answers.method(n).n)))
        rows.append(tuple(cells))
        gi, mi = where[n]
        sources.append(doc.location(("groups", gi, "methods", mi)))
    labels = ", ".join(c.label for c in s.categories.ordered())
    description = f"Tabell: metod {ranges(wanted)} med andel länsstyrelser per svar ({labels}); – betyder uppgift saknas."
    if answers is not None:
        description += (f" Andelarna är räknade ur svaren, av dem som svarat: n = {answers.n_range(wanted)} "
                        f"av {BOARDS} länsstyrelser per metod.")
    spec = TableSpec(
        header=header,
        rows=tuple(rows),
        narrow=(False, True, True, True, *((True,) if counted else ())),
        sources=tuple(sources),
        description=description,
    )
    sizes = ctx.theme.sizes
    frame = ctx.frames.area("title_only", "body").frame
    tables = plan_tables(spec, frame, ctx.body_fonts, table_style(ctx), CELL_INSETS, sizes.table, sizes.table_min)
    source = ctx.loc("slides", i)
    titles = numbered_titles(ctx, title, len(tables), source, layout="title_only")
    notes = with_answers(slide.notes, answers, wanted)
    return [SlidePlan("title_only", t, (tb,), source, notes) for t, tb in zip(titles, tables)]


def _centred(text: str) -> Cell:
    return Cell((Para((Run(text),), space_before=0, align="ctr"),), "ctr")


def _header_cell(label: str, explanation: str | None) -> Cell:
    paras = [Para((Run(label, bold=True),), space_before=0, align="ctr")]
    if explanation:
        paras.append(Para((Run(f"({explanation})"),), space_before=0.1, align="ctr"))
    return Cell(tuple(paras), "ctr")


def plan_chart(ctx: Context, slide: ChartSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(slide.survey).model
    answers = ctx.bundle.answers(slide.survey)
    frame = ctx.frames.area("title_only", "body").frame
    specs = method_charts(survey, list(slide.methods), slide.sort, frame, ctx.chart_theme("title_only", frame),
                          ctx.body_fonts, answers, wrap=ctx.on_template)
    source = ctx.loc("slides", i)
    renderer = slide.renderer or ctx.bundle.deck.model.charts
    titles = numbered_titles(ctx, slide.title, len(specs), source, layout="title_only")
    notes = with_answers(slide.notes, answers, list(slide.methods))
    return [
        SlidePlan("title_only", t, (ChartBox(frame, spec, renderer),), source, notes)
        for t, spec in zip(titles, specs)
    ]
