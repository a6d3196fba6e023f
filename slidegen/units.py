"""Lengths in EMU (the unit of OOXML) and rectangles on a slide; no python-pptx needed."""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_INCH = 914400
EMU_PER_PT = 12700
EMU_PER_CM = 360000

SLIDE_SIZES: dict[str, tuple[int, int]] = {
    "16:9": (12192000, 6858000),
    "4:3": (9144000, 6858000),
}
"""Slide width and height in EMU per aspect ratio (13.333 × 7.5 in and 10 × 7.5 in)."""


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

    def split_h(self, left_share: float, gap: int) -> tuple["Rect", "Rect"]:
        """Two rectangles side by side: the left one takes `left_share` of the width minus the gap."""
        left_w = round((self.w - gap) * left_share)
        return (
            Rect(self.x, self.y, left_w, self.h),
            Rect(self.x + left_w + gap, self.y, self.w - left_w - gap, self.h),
        )

