"""What every slide repeats: the footer (text, meeting date, slide number as a field) and the theme's logo."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Literal

from slidegen.errors import Location
from slidegen.models.theme import Theme
from slidegen.plan.layout import TEXT_INSETS, Frames
from slidegen.plan.model import COVER_LAYOUTS, Box, Para, PictureBox, Run, SlidePlan, TextBox
from slidegen.plan.text import Fonts, fit_single, inner_width
from slidegen.units import Rect, to_pt


def _footer_box(theme: Theme, fonts: Fonts, frame: Rect, run: Run, align: Literal["l", "ctr", "r"], name: str,
                source: Location | None) -> TextBox:
    """One line of footer text at the theme's small size; TooLong (located at `source`) when it needs two."""
    p = Para((run,), space_before=0, align=align, source=source)
    w = inner_width(frame.w, TEXT_INSETS)
    h = to_pt(frame.h - TEXT_INSETS.top - TEXT_INSETS.bottom)
    size = fit_single(p, w, h, fonts, theme.sizes.small, theme.sizes.small)
    return TextBox(frame, (p,), size, theme.fonts.body, theme.colours.muted, "text", TEXT_INSETS, anchor="b", name=name)


def footer_boxes(theme: Theme, frames: Frames, fonts: Fonts, number: int, date: dt.date | None,
                 text_source: Location | None = None) -> tuple[TextBox, ...]:
    """The footer of slide `number`: the parts the theme shows, each in its own place (no date while it is unknown)."""
    f, places = theme.footer, frames.footer
    if places is None:
        return ()
    out = []
    if f.text:
        out.append(_footer_box(theme, fonts, places.text, Run(f.text), "l", "Footer", text_source))
    if f.date and date is not None:
        out.append(_footer_box(theme, fonts, places.date, Run(date.isoformat()), "ctr", "Date", None))
    if f.slide_number:
        out.append(_footer_box(theme, fonts, places.number, Run(str(number), field="slidenum"), "r", "Slide number", None))
    return tuple(out)


def add_chrome(slides: list[SlidePlan], theme: Theme, frames: Frames, fonts: Fonts, date: dt.date | None,
               logo: Path | None, text_source: Location | None = None, *,
               logo_pixels: tuple[int, int] | None = None, logo_source: Location | None = None) -> list[SlidePlan]:
    """The slides with their footer (not on title slides unless the theme asks) and logo after the content."""
    picture = None
    if logo is not None and frames.logo is not None and theme.logo is not None:
        picture = PictureBox(frames.logo, logo, theme.logo.description, name="Logo", pixels=logo_pixels,
                             source=logo_source)
    out = []
    for number, slide in enumerate(slides, start=1):
        extra: list[Box] = []
        if slide.layout not in COVER_LAYOUTS or theme.footer.title_slides:
            extra.extend(footer_boxes(theme, frames, fonts, number, date, text_source))
        if picture is not None:
            extra.append(picture)
        out.append(replace(slide, boxes=(*slide.boxes, *extra)) if extra else slide)
    return out
