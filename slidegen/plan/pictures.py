"""Pictures: their pixel size read from the PNG or JPEG header, and a frame that keeps their shape."""

from __future__ import annotations

import struct

from slidegen.plan.geometry import Rect


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels of a PNG or JPEG, from its header; None for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return width, height
            i += 2 + length
    return None


def fit_picture(frame: Rect, size: tuple[int, int]) -> Rect:
    """The largest rectangle of the picture's shape inside the frame, centred at its top."""
    width, height = size
    scale = min(frame.w / width, frame.h / height)
    w, h = round(width * scale), round(height * scale)
    return Rect(frame.x + (frame.w - w) // 2, frame.y, w, h)
