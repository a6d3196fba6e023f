"""Planning the slide kinds that show each board's answers: the county matrix (a letter and a colour per cell)."""

from __future__ import annotations

import math
from dataclasses import replace

from slidegen.colour import readable_on
from slidegen.format import listing, ranges
from slidegen.models.county import COUNTIES
from slidegen.models.slides import CountyMatrixSlide
from slidegen.models.survey import CATEGORY_KEYS
from slidegen.plan.context import Context, numbered_titles
from slidegen.plan.kinds.survey import table_style, with_answers
from slidegen.plan.layout import GAP, TEXT_INSETS
from slidegen.plan.model import Cell, Insets, Para, Run, SlidePlan, TextBox
from slidegen.plan.table import TableSpec, plan_tables
from slidegen.plan.text import count_lines
from slidegen.units import EMU_PER_PT, Rect, cm, to_pt

MATRIX_INSETS = Insets(cm(0.1), cm(0.06), cm(0.1), cm(0.06))
"""Inner margins of the matrix's cells: narrow, so 21 county columns fit beside the methods."""


def _centred(text: str, fill: str | None = None, colour: str | None = None, bold: bool = False) -> Cell:
    return Cell((Para((Run(text, bold=bold, colour=colour),), space_before=0, align="ctr"),), "ctr", fill)


def plan_county_matrix(ctx: Context, slide: CountyMatrixSlide, i: int) -> list[SlidePlan]:
    survey = ctx.bundle.survey(slide.survey).model
    answers = ctx.bundle.answers(slide.survey)
    assert answers is not None  # the slide's check makes sure
    wanted = list(slide.methods)
    groups = [g for g in survey.groups if any(m.number in wanted for m in g.methods)]
    title = slide.title or (f"{groups[0].short} per län" if len(groups) == 1 else "Svar per län")
    colours = ctx.theme.colours.chart
    look = {key: (c.initial, getattr(colours, key)) for key, c in zip(CATEGORY_KEYS, survey.categories.ordered())}
    header = (
        Cell((Para((Run("Metod", bold=True),), space_before=0),)),
        *(_centred(c.code, bold=True) for c in COUNTIES),
    )
    rows = []
    for n in wanted:
        given = answers.method(n).answers
        cells = [Cell((Para((Run(f"{n}. {survey.method(n).short}"),), space_before=0),))]
        for county in COUNTIES:
            key = given.get(county.code)
            if key is None:
                cells.append(_centred(""))
            else:
                letter, fill = look[key]
                cells.append(_centred(letter, fill, readable_on(fill), bold=True))
        rows.append(tuple(cells))
    key_text = ", ".join(f"{c.initial} = {c.label}" for c in survey.categories.ordered()) + ", tom ruta = inget svar"
    counties = ", ".join(f"{c.code} {c.name}" for c in COUNTIES)
    missing = answers.missing()
    lacking = f" ({listing([c.name for c in missing])} har inte svarat)" if missing else ""
    spec = TableSpec(
        header=header,
        rows=tuple(rows),
        narrow=(False, *(True for _ in COUNTIES)),
        sources=tuple(ctx.loc("slides", i, "methods") for _ in wanted),
        description=f"Tabell: varje länsstyrelses svar på metod {ranges(wanted)}{lacking}. {key_text}. "
        f"Kolumnerna är länen: {counties}.",
    )
    sizes = ctx.theme.sizes
    legend = Para((Run(key_text),), space_before=0)
    body = ctx.frames.body
    legend_h = _legend_height(ctx, legend, body.w)
    frame = replace(body, h=body.h - legend_h - GAP)
    tables = plan_tables(spec, frame, ctx.body_fonts, table_style(ctx), MATRIX_INSETS, sizes.table, sizes.table_min)
    source = ctx.loc("slides", i)
    titles = numbered_titles(ctx, title, len(tables), source)
    notes = with_answers(slide.notes, answers, wanted)
    notes = f"{notes}\n" if notes else ""
    notes += f"{key_text[0].upper()}{key_text[1:]}. Länen: {counties}."
    plans = []
    for t, table in zip(titles, tables):
        box = TextBox(Rect(body.x, table.frame.bottom + GAP, body.w, legend_h), (legend,), sizes.small,
                      ctx.theme.fonts.body, ctx.theme.colours.muted, "text", TEXT_INSETS, name="Legend")
        plans.append(SlidePlan("title_only", t, (table, box), source, notes))
    return plans


def _legend_height(ctx: Context, legend: Para, width: int) -> int:
    """The height of the legend under the matrix at the theme's small size, in EMU."""
    inner_w = to_pt(width - TEXT_INSETS.left - TEXT_INSETS.right)
    size = ctx.theme.sizes.small
    lines = count_lines(legend, size, inner_w, ctx.body_fonts)
    return math.ceil(lines * ctx.body_fonts.regular.line(size) * EMU_PER_PT) + TEXT_INSETS.top + TEXT_INSETS.bottom
