"""What every slide repeats: the footer (text, meeting date, slide number as a field) and the theme's logo."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Literal

from slidegen.errors import Location
from slidegen.models.theme import Theme
from slidegen.plan.areas import Area
from slidegen.plan.layout import TEXT_INSETS, Frames
from slidegen.plan.model import COVER_LAYOUTS, Box, Para, PictureBox, Run, SlidePlan, TextBox
from slidegen.plan.text import WIDTH_SAFETY, Fonts, fit_single, inner_width
from slidegen.units import Rect, pt, to_pt


def _footer_box(theme: Theme, fonts: Fonts, area: Area, run: Run, align: Literal["l", "ctr", "r"], name: str,
                source: Location | None, span: tuple[int, int] | None = None) -> TextBox:
    """One line of footer text at the theme's small size (or the template's); TooLong (located at `source`) when it needs two.

    A template's own placeholder, drawn to fit its prompt, grows to one line, and when the text is
    wider than it, as wide as the text needs at the smallest size, within `span` (the room between
    the footer's other parts).
    """
    p = Para((run,), space_before=0, align=area.align or align, source=source)
    frame, insets = area.frame, area.insets
    w = inner_width(frame.w, insets)
    h = to_pt(frame.h - insets.top - insets.bottom)
    largest = area.size or theme.sizes.small
    smallest = min(largest, theme.sizes.small)
    measure = fonts.capitals() if area.caps else fonts
    if area.placeholder is not None:
        h = max(h, fonts.regular.line(smallest))
        wide = measure.pick(run).width(run.text, smallest) * WIDTH_SAFETY + 2
        if wide > w:
            frame = _widened(frame, pt(wide) + insets.left + insets.right, p.align, span)
            w = inner_width(frame.w, insets)
    size = fit_single(p, w, h, measure, largest, smallest)
    return TextBox(frame, (p,), size, theme.fonts.body, theme.colours.muted, "text", insets,
                   anchor=area.anchor if area.placeholder else "b", name=name, placeholder=area.placeholder)


def _widened(frame: Rect, width: int, align: str, span: tuple[int, int] | None) -> Rect:
    """A frame made wider on the side away from its text's alignment, never beyond `span` (left, right)."""
    grow = width - frame.w
    x = frame.x - grow if align == "r" else frame.x - grow // 2 if align == "ctr" else frame.x
    if span is None:
        return Rect(x, frame.y, width, frame.h)
    left, right = max(x, span[0], 0), min(x + width, span[1])
    left, right = min(left, frame.x), max(right, frame.right)  # never narrower than the template drew it
    return Rect(left, frame.y, right - left, frame.h)


def _spans(parts: dict[str, Rect], width: int) -> dict[str, tuple[int, int]]:
    """For each footer part, the room from the part on its left to the part on its right (the slide's edges)."""
    out = {}
    for key, frame in parts.items():
        others = [f for k, f in parts.items() if k != key]
        left = max((f.right for f in others if f.right <= frame.x + frame.w // 2), default=0)
        right = min((f.x for f in others if f.x >= frame.x + frame.w // 2), default=width)
        out[key] = (left, right)
    return out


def _places(frames: Frames, layout: str) -> dict[str, Area | None] | None:
    """Where the footer's parts go on a layout: the template's areas for it, else slidegen's own footer frames."""
    areas = frames.areas.get(layout) or frames.areas.get("content")
    if areas is not None:
        return {"footer": areas.footer, "date": areas.date, "number": areas.number}
    places = frames.footer
    if places is None:
        return None
    return {"footer": Area(places.text, TEXT_INSETS, "b"), "date": Area(places.date, TEXT_INSETS, "b"),
            "number": Area(places.number, TEXT_INSETS, "b")}


def footer_boxes(theme: Theme, frames: Frames, fonts: Fonts, number: int, date: dt.date | None,
                 text_source: Location | None = None, layout: str = "content") -> tuple[TextBox, ...]:
    """The footer of slide `number`: the parts the theme shows, each in its own place (no date while it is unknown)."""
    f, places = theme.footer, _places(frames, layout)
    if places is None:
        return ()
    shown = {"footer": bool(f.text), "date": f.date and date is not None, "number": f.slide_number}
    used = {k: a for k, a in places.items() if a is not None and shown[k]}
    spans = _spans({k: a.frame for k, a in used.items()}, frames.width)
    out = []
    if "footer" in used:
        out.append(_footer_box(theme, fonts, used["footer"], Run(f.text or ""), "l", "Footer", text_source,
                               spans["footer"]))
    if "date" in used and date is not None:
        out.append(_footer_box(theme, fonts, used["date"], Run(date.isoformat()), "ctr", "Date", None, spans["date"]))
    if "number" in used:
        out.append(_footer_box(theme, fonts, used["number"], Run(str(number), field="slidenum"), "r",
                               "Slide number", None, spans["number"]))
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
            extra.extend(footer_boxes(theme, frames, fonts, number, date, text_source, slide.layout))
        if picture is not None:
            extra.append(picture)
        out.append(replace(slide, boxes=(*slide.boxes, *extra)) if extra else slide)
    return out
