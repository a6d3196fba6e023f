"""Pictures on slides: the largest frame of the picture's own shape that fits its place."""

from __future__ import annotations

from slidegen.units import Rect


def fit_picture(frame: Rect, size: tuple[int, int]) -> Rect:
    """The largest rectangle of the picture's shape inside the frame, centred at its top."""
    width, height = size
    scale = min(frame.w / width, frame.h / height)
    w, h = round(width * scale), round(height * scale)
    return Rect(frame.x + (frame.w - w) // 2, frame.y, w, h)
