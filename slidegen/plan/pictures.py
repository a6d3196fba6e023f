"""Pictures on slides: the largest frame of the picture's own shape that fits its place, or the crop that fills it."""

from __future__ import annotations

from slidegen.plan.model import Crop
from slidegen.units import Rect


def fit_picture(frame: Rect, size: tuple[int, int]) -> Rect:
    """The largest rectangle of the picture's shape inside the frame, centred at its top."""
    width, height = size
    scale = min(frame.w / width, frame.h / height)
    w, h = round(width * scale), round(height * scale)
    return Rect(frame.x + (frame.w - w) // 2, frame.y, w, h)


def cover_crop(frame: Rect, size: tuple[int, int]) -> Crop:
    """What to cut from a picture so that it fills the frame without being stretched: the same at both edges."""
    width, height = size
    picture, place = width / height, frame.w / frame.h
    if picture > place:  # wider than its place: cut at the left and right
        cut = (1 - place / picture) / 2
        return Crop(left=cut, right=cut)
    cut = (1 - picture / place) / 2
    return Crop(top=cut, bottom=cut)
