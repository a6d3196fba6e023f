"""Pictures on slides: the largest frame of the picture's own shape that fits its place, or the crop that
fills it, and whether the picture is sharp there."""

from __future__ import annotations

import math

from slidegen.plan.model import Crop, PictureBox
from slidegen.units import EMU_PER_INCH, Rect, to_cm

SHARP_DPI = 200
"""Pixels per inch of its frame at which a picture is sharp on a projector and in print (and embedded at most)."""

BLURRY_DPI = 100
"""Below this many pixels per inch of its frame a picture looks blurry: the build and validate say so."""


def fit_picture(frame: Rect, size: tuple[int, int]) -> Rect:
    """The largest rectangle of the picture's shape inside the frame, centred at its top."""
    width, height = size
    scale = min(frame.w / width, frame.h / height)
    w, h = round(width * scale), round(height * scale)
    return Rect(frame.x + (frame.w - w) // 2, frame.y, w, h)


def blurry_note(box: PictureBox) -> str | None:
    """A one-line note when a picture has too few pixels for its frame (under BLURRY_DPI), naming the file
    and the pixels it needs to be sharp; None when it is sharp enough or its size is not known."""
    if box.pixels is None:
        return None
    left, top, right, bottom = box.crop.left, box.crop.top, box.crop.right, box.crop.bottom
    shown_w, shown_h = box.pixels[0] * (1 - left - right), box.pixels[1] * (1 - top - bottom)
    inches_w, inches_h = box.frame.w / EMU_PER_INCH, box.frame.h / EMU_PER_INCH
    dpi = min(shown_w / inches_w, shown_h / inches_h)
    if dpi >= BLURRY_DPI:
        return None
    need = (math.ceil(inches_w * SHARP_DPI / (1 - left - right)), math.ceil(inches_h * SHARP_DPI / (1 - top - bottom)))
    where = f"{box.source}: {box.source.path + ': ' if box.source.path else ''}" if box.source else ""
    return (f"{where}`{box.path.name}` is {box.pixels[0]} × {box.pixels[1]} pixels, {math.floor(dpi)} dpi on its "
            f"{to_cm(box.frame.w):.1f} × {to_cm(box.frame.h):.1f} cm frame, and will look blurry; "
            f"a picture of {need[0]} × {need[1]} pixels would be sharp")


def cover_crop(frame: Rect, size: tuple[int, int]) -> Crop:
    """What to cut from a picture so that it fills the frame without being stretched: the same at both edges."""
    width, height = size
    picture, place = width / height, frame.w / frame.h
    if picture > place:  # wider than its place: cut at the left and right
        cut = (1 - place / picture) / 2
        return Crop(left=cut, right=cut)
    cut = (1 - picture / place) / 2
    return Crop(top=cut, bottom=cut)
