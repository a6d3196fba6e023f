"""Where things go on a slide: the frames of titles and bodies, computed from the theme."""

from __future__ import annotations

from dataclasses import dataclass

from slidegen.models.theme import Theme
from slidegen.plan.geometry import SLIDE_SIZES, Rect, cm
from slidegen.plan.model import Insets

TEXT_INSETS = Insets(cm(0.25), cm(0.13), cm(0.25), cm(0.13))
"""Inner margins of every text box (the office suites' usual 0.1 × 0.05 inch)."""

CELL_INSETS = Insets(cm(0.18), cm(0.08), cm(0.18), cm(0.08))
"""Inner margins of table cells."""

TITLE_HEIGHT = cm(3.2)
GAP = cm(0.4)


@dataclass(frozen=True)
class Frames:
    """The slide size and the frames every slide kind places its boxes in."""

    width: int
    height: int
    title: Rect
    body: Rect
    cover_title: Rect
    cover_sub: Rect


def frames_for(theme: Theme) -> Frames:
    """The frames of a theme's slide size and margins."""
    width, height = SLIDE_SIZES[theme.slide_size]
    m = theme.margins
    left, right, top, bottom = cm(m.left), cm(m.right), cm(m.top), cm(m.bottom)
    inner_w = width - left - right
    title = Rect(left, top, inner_w, TITLE_HEIGHT)
    body_y = top + TITLE_HEIGHT + GAP
    body = Rect(left, body_y, inner_w, height - body_y - bottom)
    cover_y = round(height * 0.2)
    cover_title = Rect(left, cover_y, inner_w, cm(4.4))
    sub_y = cover_title.bottom + GAP
    cover_sub = Rect(left, sub_y, inner_w, height - sub_y - bottom)
    return Frames(width, height, title, body, cover_title, cover_sub)
