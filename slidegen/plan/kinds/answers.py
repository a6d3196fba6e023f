"""Planning the slide kinds made for answers: the county matrix (a letter and a colour per cell) and the comparison
of surveys (one answer's share per method, a bar per survey)."""

from __future__ import annotations

import math
from dataclasses import replace

from slidegen.colour import readable_on
from slidegen.format import listing, ranges
from slidegen.models.county import COUNTIES
from slidegen.models.slides import ComparisonSlide, CountyMatrixSlide
from slidegen.models.slides.charts import ChartData, Named, Point
from slidegen.models.survey import CATEGORY_KEYS
from slidegen.plan.bars import bar_charts
from slidegen.plan.context import Context, numbered_titles, table_style
from slidegen.plan.kinds.charts import mark_boxes
from slidegen.plan.kinds.survey import with_answers
from slidegen.plan.layout import GAP, TEXT_INSETS
from slidegen.plan.model import Box, Cell, ChartBox, Insets, Para, Run, SlidePlan, TextBox
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
    body = ctx.frames.area("title_only", "body").frame
    legend_h = line_height(ctx, legend, body.w)
    frame = replace(body, h=body.h - legend_h - GAP)
    tables = plan_tables(spec, frame, ctx.body_fonts, table_style(ctx), MATRIX_INSETS, sizes.table, sizes.table_min)
    source = ctx.loc("slides", i)
    titles = numbered_titles(ctx, title, len(tables), source, layout="title_only")
    notes = with_answers(slide.notes, answers, wanted)
    notes = f"{notes}\n" if notes else ""
    notes += f"{key_text[0].upper()}{key_text[1:]}. Länen: {counties}."
    plans = []
    for t, table in zip(titles, tables):
        box = small_text(ctx, Rect(body.x, table.frame.bottom + GAP, body.w, legend_h), legend, "Legend")
        plans.append(SlidePlan("title_only", t, (table, box), source, notes))
    return plans


def small_text(ctx: Context, frame: Rect, p: Para, name: str) -> TextBox:
    """A line of small, muted text (a legend, a footnote) in a frame."""
    return TextBox(frame, (p,), ctx.theme.sizes.small, ctx.theme.fonts.body, ctx.theme.colours.muted, "text",
                   TEXT_INSETS, name=name)


def line_height(ctx: Context, legend: Para, width: int) -> int:
    """The height of a paragraph at the theme's small size in a box `width` wide, insets included, in EMU."""
    inner_w = to_pt(width - TEXT_INSETS.left - TEXT_INSETS.right)
    size = ctx.theme.sizes.small
    lines = count_lines(legend, size, inner_w, ctx.body_fonts)
    return math.ceil(lines * ctx.body_fonts.regular.line(size) * EMU_PER_PT) + TEXT_INSETS.top + TEXT_INSETS.bottom


UNCERTAIN = "*"
"""Marks a method whose typed share may belong to another answer (the source lost its empty cells)."""


def plan_comparison(ctx: Context, slide: ComparisonSlide, i: int) -> list[SlidePlan]:
    surveys = [(ref, ctx.bundle.survey(ref)) for ref in slide.surveys]
    names = [s.model.legend_name(ref) for ref, s in surveys]
    wanted = list(slide.methods)
    found = [{m.number: m for m in s.model.methods()} for _, s in surveys]
    unsure = [name for name, by_number in zip(names, found)
              if any(n in by_number and by_number[n].columns_uncertain
                     and getattr(by_number[n].results, slide.category) is not None for n in wanted)]
    categories = []
    for n in wanted:
        method, survey = next((by_number[n], s) for by_number, (_, s) in zip(found, surveys) if n in by_number)
        uncertain = any(n in by_number and by_number[n].columns_uncertain for by_number in found)
        categories.append(Named(f"{n}. {method.short}{UNCERTAIN if uncertain and unsure else ''}", survey.doc.location(())))
    values = tuple(
        tuple(Point(getattr(by_number[n].results, slide.category) if n in by_number else None, s.doc.location(()))
              for n in wanted)
        for by_number, (_, s) in zip(found, surveys)
    )
    data = ChartData(tuple(categories), tuple(Named(name, s.doc.location(())) for name, (_, s) in zip(names, surveys)),
                     values, "%")
    label = getattr(surveys[0][1].model.categories, slide.category).label
    footnote = Para((Run(f"{UNCERTAIN} {listing(unsure)}: osäkert vilket svar talet hör till (källan har tappat "
                         "tomma celler)"),), space_before=0) if unsure else None
    body = ctx.frames.area("title_only", "body").frame
    note_h = line_height(ctx, footnote, body.w) if footnote else 0
    frame = replace(body, h=body.h - note_h - GAP) if footnote else body
    specs = bar_charts(data, "grouped", "horizontal", frame, ctx.chart_theme("title_only", frame), ctx.body_fonts,
                       labelled=True)
    counted = [(name, ctx.bundle.answers(ref)) for name, (ref, _) in zip(names, surveys)]
    told = " ".join(f"{name}: n = {answers.n_range([n for n in wanted if n in answers.methods])} länsstyrelser per metod."
                    for name, answers in counted if answers is not None)
    extra = (f" {footnote.text}." if footnote else "") + (f" {told}" if told else "")
    source = ctx.loc("slides", i)
    title = slide.title or f"Andel {label.lower()} per metod: {listing(names)}"
    titles = numbered_titles(ctx, title, len(specs), source, layout="title_only")
    renderer = slide.renderer or ctx.bundle.deck.model.charts
    notes = slide.notes
    for name, answers in counted:
        if answers is not None:
            notes = with_answers(notes, answers, [n for n in wanted if n in answers.methods] or wanted)
    out = []
    for t, spec in zip(titles, specs):
        starred = footnote is not None and any(c.endswith(UNCERTAIN) for c in spec.categories)
        spec = replace(spec, description=spec.description + (extra if starred else f" {told}" if told else ""))
        boxes: list[Box] = [ChartBox(frame, spec, renderer)]
        if renderer == "native":  # an editable chart cannot draw a `–` where a bar is missing: text boxes do
            boxes = [ChartBox(frame, replace(spec, marks=()), renderer), *mark_boxes(ctx, spec, frame)]
        if footnote and starred:
            boxes.append(small_text(ctx, Rect(body.x, frame.bottom + GAP, body.w, note_h), footnote, "Footnote"))
        out.append(SlidePlan("title_only", t, tuple(boxes), source, notes))
    return out
