"""Colour arithmetic: relative luminance and contrast ratio as WCAG 2 defines them."""

from __future__ import annotations


def luminance(hex_colour: str) -> float:
    """The relative luminance of `#RRGGBB` (0 black … 1 white)."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str, dark: str = "#000000", light: str = "#FFFFFF") -> str:
    """Whichever of a dark and a light text colour contrasts more with the background."""
    return dark if contrast(dark, background) >= contrast(light, background) else light
