"""Where things go on a slide: the frames of titles, bodies, footer and logo, computed from the theme."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from slidegen.models.template import TemplateInfo
from slidegen.models.theme import Theme
from slidegen.plan.areas import DATE_WIDTH, GAP, OWN_INSETS, SLIDE_NUMBER_WIDTH, Area, LayoutAreas, template_areas
from slidegen.plan.fonts import metrics_for
from slidegen.plan.model import COVER_LAYOUTS, Insets
from slidegen.units import EMU_PER_PT, Rect, cm

TEXT_INSETS = OWN_INSETS
"""Inner margins of every text box of slidegen's own (the office suites' usual 0.1 × 0.05 inch)."""

CELL_INSETS = Insets(cm(0.18), cm(0.08), cm(0.18), cm(0.08))
"""Inner margins of table cells."""

TITLE_HEIGHT = cm(3.2)
"""The title frame's height at least; themes with large titles get more (see title_height)."""



@dataclass(frozen=True)
class FooterFrames:
    """The three places of the footer: text at the left, date in the middle, slide number at the right."""

    text: Rect
    date: Rect
    number: Rect


@dataclass(frozen=True)
class Frames:
    """The slide size and the frames every slide kind places its boxes in."""

    width: int
    height: int
    title: Rect
    body: Rect
    cover_title: Rect
    cover_sub: Rect
    footer: FooterFrames | None = None
    logo: Rect | None = None
    areas: Mapping[str, LayoutAreas] = field(default_factory=dict)
    """With a template: the areas of each mapped layout, by kind of slide (`title`, `content`, `title_only` …)."""

    def area(self, layout: str, part: str) -> Area:
        """Where the title or body of a slide on a layout goes, and how it is set there (the template's way, if any)."""
        areas = self.areas.get(layout) or self.areas.get("content")
        if areas is not None:
            return getattr(areas, part)
        cover = layout in COVER_LAYOUTS
        if part == "title":
            return Area(self.cover_title if cover else self.title, TEXT_INSETS, "b")
        return Area(self.cover_sub if cover else self.body, TEXT_INSETS, "t")


def logo_frame(theme: Theme, pixels: tuple[int, int], width: int, height: int) -> Rect:
    """The logo in its corner, inside the margins, as high as the theme says and as wide as its picture."""
    assert theme.logo is not None
    m = theme.margins
    h = cm(theme.logo.height)
    w = round(h * pixels[0] / pixels[1])
    vertical, horizontal = theme.logo.corner.split("-")
    x = cm(m.left) if horizontal == "left" else width - cm(m.right) - w
    y = cm(m.top) if vertical == "top" else height - cm(m.bottom) - h
    return Rect(x, y, w, h)


def _lines_height(theme: Theme, family: str, size: float, lines: int) -> int:
    metrics, _ = metrics_for(family, unknown_as=theme.fonts.measure_unknown_as)
    return math.ceil(lines * metrics.line(size) * EMU_PER_PT) + TEXT_INSETS.top + TEXT_INSETS.bottom


def title_height(theme: Theme) -> int:
    """Room for two lines of title at the theme's title size and three at its minimum (long titles shrink and wrap)."""
    family, sizes = theme.fonts.title, theme.sizes
    return max(TITLE_HEIGHT, _lines_height(theme, family, sizes.title, 2), _lines_height(theme, family, sizes.title_min, 3))


def footer_height(theme: Theme) -> int:
    """One line of footer text at the theme's small size, with the text box's insets."""
    return _lines_height(theme, theme.fonts.body, theme.sizes.small, 1)


def frames_for(theme: Theme, logo_pixels: tuple[int, int] | None = None, template: TemplateInfo | None = None,
               layouts: Mapping[str, str] | None = None) -> Frames:
    """The frames of a theme's slide size, margins, footer and logo: nothing overlaps anything else.

    With a template, its size, and the areas of its mapped layouts (`layouts`: kind of slide → name).
    """
    if template is not None and layouts is not None:
        return _template_frames(theme, logo_pixels, template, layouts)
    width, height = theme.size
    m = theme.margins
    left, right, top, bottom = cm(m.left), cm(m.right), cm(m.top), cm(m.bottom)
    inner_w = width - left - right
    logo = logo_frame(theme, logo_pixels, width, height) if theme.logo and logo_pixels else None
    at_top = logo is not None and logo.y < height // 2
    title_h = title_height(theme)
    title = Rect(left, top, inner_w, title_h)
    if logo is not None and at_top:  # the title gives way to the logo beside it
        title = Rect(left if logo.x > left else logo.right + GAP, top, inner_w - logo.w - GAP, title_h)
    foot_h = footer_height(theme) if theme.footer.shown else 0
    band = max(foot_h, logo.h if logo is not None and not at_top else 0)
    content_bottom = height - bottom - (band + GAP if band else 0)
    body_y = top + title_h + GAP
    if logo is not None and at_top:
        body_y = max(body_y, logo.bottom + GAP)
    body = Rect(left, body_y, inner_w, content_bottom - body_y)
    cover_y = round(height * 0.2)
    if logo is not None and at_top:
        cover_y = max(cover_y, logo.bottom + GAP)
    cover_title = Rect(left, cover_y, inner_w, cm(4.4))
    sub_y = cover_title.bottom + GAP
    cover_sub = Rect(left, sub_y, inner_w, content_bottom - sub_y)
    footer = None
    if foot_h:
        x0, x1 = left, width - right
        if logo is not None and not at_top:
            x0, x1 = (logo.right + GAP, x1) if logo.x == left else (x0, logo.x - GAP)
        footer = _footer(theme, x0, x1, height - bottom - foot_h, foot_h)
    return Frames(width, height, title, body, cover_title, cover_sub, footer, logo)


def _footer(theme: Theme, x0: int, x1: int, y: int, h: int) -> FooterFrames:
    number = Rect(x1 - SLIDE_NUMBER_WIDTH, y, SLIDE_NUMBER_WIDTH, h)
    date = Rect((x0 + x1 - DATE_WIDTH) // 2, y, DATE_WIDTH, h)
    text_right = (date.x if theme.footer.date else number.x if theme.footer.slide_number else x1) - GAP
    return FooterFrames(Rect(x0, y, text_right - x0, h), date, number)


def _template_frames(theme: Theme, logo_pixels: tuple[int, int] | None, template: TemplateInfo,
                     layouts: Mapping[str, str]) -> Frames:
    """Frames on a template: every kind of slide in the areas of its layout; the logo in its corner."""
    width, height = template.width, template.height
    logo = logo_frame(theme, logo_pixels, width, height) if theme.logo and logo_pixels else None
    areas = template_areas(theme, template, layouts, logo)
    content = areas.get("content") or next(iter(areas.values()))
    cover = areas.get("title") or content
    return Frames(width, height, content.title.frame, content.body.frame, cover.title.frame, cover.body.frame,
                  None, logo, areas)
