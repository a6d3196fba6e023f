"""Planning the good examples: which counties have sent them, and one slide per example."""

from __future__ import annotations

from dataclasses import replace

from slidegen.models.bundle import Loaded
from slidegen.models.county import COUNTIES
from slidegen.models.example import Example
from slidegen.models.slides import ExamplesOverviewSlide, ExamplesSlide
from slidegen.plan.context import Context, inner, numbered_titles, text_slides
from slidegen.plan.layout import TEXT_INSETS
from slidegen.plan.model import BULLET, Para, PictureBox, Run, SlidePlan, TextBox
from slidegen.plan.pictures import fit_picture
from slidegen.plan.text import TooLong, heights, inner_width, para_height, sizes_between
from slidegen.units import Rect, cm, pt, to_pt


def shown_examples(examples: list[Loaded[Example]], drafts: bool) -> list[Loaded[Example]]:
    """The examples shown: ready ones, and drafts too when asked for (a deck's `drafts: true`, the site's --drafts)."""
    return [ex for ex in examples if drafts or not ex.model.draft]


def tally(examples: list[Loaded[Example]]) -> tuple[dict[str, int], dict[str, int]]:
    """(ready examples, drafts) per county: drafts never count as sent."""
    ready: dict[str, int] = {}
    drafts: dict[str, int] = {}
    for ex in examples:
        target = drafts if ex.model.draft else ready
        target[ex.model.county] = target.get(ex.model.county, 0) + 1
    return ready, drafts


def _shown_examples(ctx: Context) -> list[Loaded[Example]]:
    """The examples the deck shows: ready ones, and drafts when the deck asks for them."""
    return shown_examples(ctx.bundle.examples, ctx.bundle.deck.model.drafts)


def plan_examples_overview(ctx: Context, slide: ExamplesOverviewSlide, i: int) -> list[SlidePlan]:
    colours = ctx.theme.colours
    ready, drafts = tally(_shown_examples(ctx))
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
    body = ctx.frames.area("content", "body").frame
    sizes = ctx.theme.sizes
    width, _ = inner(body)
    columns = 3
    gap = cm(0.6)
    col_w = (body.w - gap * (columns - 1)) // columns
    col_inner = inner_width(col_w, TEXT_INSETS)
    insets_h = to_pt(TEXT_INSETS.top + TEXT_INSETS.bottom)
    source = ctx.loc("slides", i)
    # one slide if the counties fit it at the theme's sizes; large type continues them on more slides
    for pages in range(1, len(entries) + 1):
        per_page = -(-len(entries) // pages)
        per_column = -(-per_page // columns)
        groups = [entries[p : p + per_page][k : k + per_column]
                  for p in range(0, len(entries), per_page) for k in range(0, per_page, per_column)]
        for size in sizes_between(sizes.body, sizes.body_min):
            top = para_height(headline, size, width, ctx.body_fonts) + ctx.body_fonts.regular.line(size) * 0.8
            room = to_pt(body.h) - (top + insets_h) - insets_h  # the column boxes below the headline's box
            tallest = max(sum(heights(group, size, col_inner, ctx.body_fonts)) for group in groups if group)
            if tallest <= room:
                break
        else:
            continue
        break
    else:
        raise TooLong(headline.text, source, tallest, room, sizes.body_min)
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
        frame = ctx.frames.area("content", "body").frame
        picture = ctx.bundle.pictures.get(m.picture) if m.picture else None
        if picture is not None:
            frame, picture_frame = frame.split_h(0.58, cm(0.8))
        slides = text_slides(ctx, title, paras, source, slide.notes, frame=frame,
                             title_source=doc.location(("title",)))
        if picture is not None:
            path, size = picture
            box = PictureBox(fit_picture(picture_frame, size), path, m.picture_alt or "", pixels=size,
                             source=doc.location(("picture",)))
            slides[0] = replace(slides[0], boxes=(*slides[0].boxes, box))
        out.extend(slides)
    return out
