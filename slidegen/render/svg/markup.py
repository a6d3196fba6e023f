"""Writing SVG 1.1 by hand: escaped text and attributes, elements as strings (fast enough to redraw on every save)."""

from __future__ import annotations

import base64
import re

from slidegen.units import Rect, to_pt

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
DOCTYPE = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all (a text may carry a control character pasted from elsewhere)."""

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def esc(text: str) -> str:
    """Text or an attribute value, escaped for XML (characters XML cannot hold left out)."""
    if not _SPECIAL.search(text):
        return text
    return _NOT_XML.sub("", text).translate(_ESCAPES)


def num(value: float) -> str:
    """A coordinate or length in points: at most two decimals, no trailing zeros."""
    out = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if out == "-0" else out


def attrs(**values: object) -> str:
    """Attributes in the order given, names with `_` written as `-` (None values left out)."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        text = num(value) if isinstance(value, float) else str(value)
        parts.append(f' {key.rstrip("_").replace("_", "-")}="{esc(text)}"')
    return "".join(parts)


MIME = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif", b"<?xm": "image/svg+xml",
        b"<svg": "image/svg+xml"}
"""The media type of a picture by how its bytes start."""


def data_uri(data: bytes) -> str:
    """A picture's bytes as a data: URI, its media type read from its first bytes."""
    mime = next((m for head, m in MIME.items() if data.startswith(head)), "application/octet-stream")
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        mime = "image/webp"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def frame_attrs(frame: Rect) -> dict[str, float]:
    """A frame's x, y, width and height in points, as attributes of a rect or image."""
    return {"x": to_pt(frame.x), "y": to_pt(frame.y), "width": to_pt(frame.w), "height": to_pt(frame.h)}
