"""Lengths in EMU (the unit of OOXML) and rectangles on a slide; no python-pptx needed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

EMU_PER_INCH = 914400
EMU_PER_PT = 12700
EMU_PER_CM = 360000

SLIDE_SIZES: dict[str, tuple[int, int]] = {
    "16:9": (12192000, 6858000),
    "4:3": (9144000, 6858000),
    "16:10": (9144000, 5715000),
    "A4": (9906000, 6858000),
}
"""Slide width and height in EMU by name, as PowerPoint's Slide Size dialog has them: widescreen 16:9
and 4:3 (7.5 in high), on-screen 16:10 (10 × 6.25 in) and A4 paper (27.52 × 19.05 cm)."""

DESIGN_HEIGHT = 6858000
"""The slide height (7.5 in, 19.05 cm) a theme's sizes and margins are written for: taller or lower slides scale them."""

SIZE_FORMS = "`16:9`, `16:10`, `4:3`, `A4` or a size in centimetres such as `25.4 × 14.29 cm`"

_CM_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[×xX*]\s*(\d+(?:[.,]\d+)?)\s*cm\s*$")


def slide_size(text: str) -> tuple[int, int]:
    """A slide size as written in theme.yaml (a name or `W × H cm`) in EMU; ValueError naming the forms."""
    named = SLIDE_SIZES.get(text.strip()) or SLIDE_SIZES.get(text.strip().upper())
    if named:
        return named
    found = _CM_SIZE.match(text)
    if found:
        w, h = (float(v.replace(",", ".")) for v in found.groups())
        if 5 <= w <= 150 and 5 <= h <= 150:
            return cm(w), cm(h)
    raise ValueError(f"`{text}` is not a slide size; write {SIZE_FORMS}")


def ratio_differs(a: tuple[int, int], b: tuple[int, int], tolerance: float = 0.005) -> bool:
    """Whether two sizes have different aspect ratios (beyond rounding: LibreOffice writes sizes a few EMU off)."""
    return abs(a[0] / a[1] - b[0] / b[1]) > tolerance * (b[0] / b[1])


def pt(points: float) -> int:
    """Points → EMU."""
    return round(points * EMU_PER_PT)


def cm(centimetres: float) -> int:
    """Centimetres → EMU."""
    return round(centimetres * EMU_PER_CM)


def to_pt(emu: float) -> float:
    """EMU → points."""
    return emu / EMU_PER_PT


def to_cm(emu: float) -> float:
    """EMU → centimetres."""
    return emu / EMU_PER_CM


def pt_to_cm(points: float) -> float:
    """Points → centimetres."""
    return points * EMU_PER_PT / EMU_PER_CM


@dataclass(frozen=True)
class Rect:
    """A rectangle on the slide, in EMU, from its top-left corner."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def intersection(self, other: "Rect") -> "Rect | None":
        """The part both rectangles cover, or None when they do not overlap (touching edges do not)."""
        x0, y0 = max(self.x, other.x), max(self.y, other.y)
        x1, y1 = min(self.right, other.right), min(self.bottom, other.bottom)
        if x1 <= x0 or y1 <= y0:
            return None
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def split_h(self, left_share: float, gap: int) -> tuple["Rect", "Rect"]:
        """Two rectangles side by side: the left one takes `left_share` of the width minus the gap."""
        left_w = round((self.w - gap) * left_share)
        return (
            Rect(self.x, self.y, left_w, self.h),
            Rect(self.x + left_w + gap, self.y, self.w - left_w - gap, self.h),
        )



def largest_free(area: Rect, obstacles: Sequence[Rect]) -> Rect | None:
    """The largest rectangle inside `area` that overlaps none of the obstacles."""
    blocking = [o for o in obstacles if o.intersection(area) is not None]
    if not blocking:
        return area
    xs = sorted({area.x, area.right, *(min(max(o.x, area.x), area.right) for o in blocking),
                 *(min(max(o.right, area.x), area.right) for o in blocking)})
    best: tuple[int, Rect] | None = None
    for i, x0 in enumerate(xs):
        for x1 in xs[i + 1:]:
            spans = sorted((o.y, o.bottom) for o in blocking if o.x < x1 and o.right > x0)
            y = area.y
            for top, bottom in [*spans, (area.bottom, area.bottom)]:
                if top > y:
                    h = min(top, area.bottom) - y
                    if h > 0 and (best is None or (x1 - x0) * h > best[0]):
                        best = ((x1 - x0) * h, Rect(x0, y, x1 - x0, h))
                y = max(y, bottom)
                if y >= area.bottom:
                    break
    return best[1] if best else None
