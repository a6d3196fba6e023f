"""Planning a whole deck: every slide by its kind, titles checked, footer and logo added, properties."""

from __future__ import annotations

from slidegen.errors import ContentError, Problem
from slidegen.models.bundle import Bundle
from slidegen.models.template import TemplateInfo
from slidegen.plan.areas import TEMPLATE_LINE_EM, scaled
from slidegen.plan.chrome import add_chrome
from slidegen.plan.context import Context
from slidegen.plan.kinds import PLANNERS
from slidegen.plan.layout import frames_for
from slidegen.plan.model import Base, DeckPlan, PictureBox, Properties, SlidePlan
from slidegen.plan.pictures import blurry_note
from slidegen.plan.readable import readable_slides
from slidegen.plan.text import Fonts, TooLong
from slidegen.stamp import build_time


def plan_deck(bundle: Bundle) -> DeckPlan:
    """Plan every slide of a deck; every text that cannot fit is reported at once."""
    files = bundle.theme.files
    info = files.template_info
    theme = scaled(bundle.theme.model, info.height if info is not None else bundle.theme.model.size[1])
    lines = TEMPLATE_LINE_EM if info is not None else 0.0
    title_fonts, notice_t = Fonts.of(theme.fonts.title, theme.fonts.measure_unknown_as, lines)
    body_fonts, notice_b = Fonts.of(theme.fonts.body, theme.fonts.measure_unknown_as, lines)
    layouts = theme.template.layouts.names(template=True) if theme.template is not None else None
    ctx = Context(bundle, theme, frames_for(theme, files.logo_pixels, info, layouts), title_fonts, body_fonts)
    ctx.notices.extend(n for n in dict.fromkeys((notice_t, notice_b)) if n)
    ctx.notices.extend(bundle.notes())
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
                            footer_source, logo_pixels=files.logo_pixels,
                            logo_source=bundle.theme.doc.location(("logo", "file")))
    except TooLong as exc:
        problems.append(Problem(exc.source or footer_source, f"the footer must fit one line: {exc.advice()}"))
    slides, unreadable = readable_slides(slides, theme, dict(ctx.frames.areas), bundle.theme.doc,
                                         {"title": title_fonts, "body": body_fonts})
    problems.extend(unreadable)
    if problems:
        raise ContentError(problems)
    ctx.notices.extend(note for s in slides for box in s.boxes
                       if isinstance(box, PictureBox) and (note := blurry_note(box)) is not None)
    base = Base()
    if theme.template is not None and layouts is not None:
        base = Base(files.template, {role: _real_name(info, name) for role, name in layouts.items()})
    return DeckPlan(
        name=bundle.name,
        width=ctx.frames.width,
        height=ctx.frames.height,
        slides=tuple(slides),
        properties=properties(bundle),
        notices=tuple(dict.fromkeys(ctx.notices)),
        base=base,
    )


def _real_name(info: TemplateInfo | None, name: str) -> str:
    """A layout's name as the template spells it (theme.yaml writes a line break as ⏎)."""
    layout = info.layout(name) if info is not None else None
    return layout.name if layout is not None else name


def _duplicate_titles(slides: list[SlidePlan]) -> list[Problem]:
    """Titles must differ within a deck: screen-reader users move between slides by their titles."""
    first: dict[str, SlidePlan] = {}
    problems = []
    for plan in slides:
        text = plan.title.paras[0].text
        earlier = first.setdefault(text, plan)
        if earlier is not plan and earlier.source != plan.source:
            problems.append(Problem(plan.source, f"the title `{text}` is already the title of the slide at "
                                    f"{earlier.source}; give each slide its own title"))
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
