"""Colour arithmetic: luminance and contrast as WCAG 2 defines them, and choosing colours that reach its minimums."""

from __future__ import annotations

import colorsys
import itertools
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence


def luminance(hex_colour: str) -> float:
    """The relative luminance of `#RRGGBB` (0 black … 1 white)."""
    value = hex_colour.lstrip("#")
    linear = [_linear(int(value[i : i + 2], 16) / 255) for i in (0, 2, 4)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _linear(channel: float) -> float:
    """An sRGB channel (0–1) as linear light."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """A colour in CIELAB (D65): lightness 0–100 and its two colour axes."""
    value = hex_colour.lstrip("#")
    r, g, b = (_linear(int(value[i : i + 2], 16) / 255) for i in (0, 2, 4))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    fx, fy, fz = (v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116 for v in (x, y, z))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(a: str, b: str) -> float:
    """How different two colours look (CIE76 ΔE): about 2 is just noticeable, below 15 two chart segments look alike."""
    return math.dist(_lab(a), _lab(b))


def readable_on(background: str, dark: str = "#000000", light: str = "#FFFFFF") -> str:
    """Whichever of a dark and a light text colour contrasts more with the background."""
    return dark if contrast(dark, background) >= contrast(light, background) else light


MINIMUM: dict[str, float] = {"text": 4.5, "title": 3.0, "segment": 3.0}
"""WCAG 2.x: 4.5:1 for text, 3:1 for large text (≥ 18 pt) and for graphics such as chart segments."""



LARGE_TEXT_PT = 18.0
"""Text at least this large counts as large text; titles that may shrink below it need the text minimum."""



def ratio(value: float) -> str:
    """A contrast ratio as people write it, rounded down so a failing ratio never shows as the minimum: `2.8:1`."""
    return f"{math.floor(value * 10 + 1e-9) / 10:g}:1"



BLACK, WHITE = "#000000", "#FFFFFF"



INK_TOP, INK_BOTTOM = 0.15, 0.1
"""The share of a line's height above its capitals and below its descenders: no ink there, so not checked."""



def ink(y: int, h: int, line: int) -> tuple[int, int]:
    """The part of a text block (top y, height h; lines `line` high) that glyphs are drawn in."""
    top, bottom = round(line * INK_TOP), round(line * INK_BOTTOM)
    return (y + top, max(1, h - top - bottom)) if h > top + bottom else (y, h)



IGNORED_SHARE = 0.02
"""What may contrast less behind a text: 2 % of its area (the soft edge of a band in a picture)."""



Behind = Sequence["str | tuple[str, float]"]
"""Colours behind a text: plain (each counts alike), or with the share of the area each covers."""



def against(colour: str, behind: Behind) -> tuple[float, str | None]:
    """The lowest contrast of a colour with what is behind it (leaving out IGNORED_SHARE of it), and that colour."""
    pairs = [(b, 1.0) if isinstance(b, str) else b for b in behind]
    total = sum(w for _, w in pairs)
    if not pairs or total <= 0:
        return 21.0, None
    ranked = sorted((contrast(colour, c), c, w) for c, w in pairs)
    seen = 0.0
    for r, c, w in ranked:
        seen += w
        if seen > IGNORED_SHARE * total:
            return r, c
    return ranked[-1][0], ranked[-1][1]



@dataclass(frozen=True)
class Choice:
    """The colour a text takes on what lies behind it: the wanted one if readable, else the first readable alternative."""

    wanted: str
    colour: str | None
    """None when no colour tried is readable."""
    source: str
    """Where the colour comes from: `theme`, or the alternative's name (`the template's`, `black` …)."""
    ratio: float
    """The chosen colour's lowest contrast (the wanted one's when none passes)."""
    worst: str | None
    """What behind the text the wanted colour contrasts least with."""
    wanted_ratio: float
    minimum: float
    needed: float = 0.0
    """What a colour had to reach: the minimum, or APPROXIMATE more on several colours (0: the minimum)."""

    @property
    def changed(self) -> bool:
        return self.colour is not None and self.colour != self.wanted



APPROXIMATE = 1.03
"""What a colour must pass by on a background of several colours: what is read from a template there (a
gradient's stops, a picture's average colour per cell of a grid) is near the pixels an office suite draws,
not exactly them (LibreOffice draws a gradient in steps)."""


def choose_colour(wanted: str, behind: Behind, minimum_ratio: float,
                  alternatives: Sequence[tuple[str | None, str]] = (), black_or_white: bool = True) -> Choice:
    """The wanted colour if it is readable on everything behind, else the first alternative that is, else black or white.

    `alternatives` are (colour, where it comes from); None colours are skipped. On several colours (a
    gradient, a picture) a colour must pass with APPROXIMATE to spare.
    """
    several = len({b if isinstance(b, str) else b[0] for b in behind}) > 1
    need = minimum_ratio * (APPROXIMATE if several else 1.0)
    ratio_wanted, worst = against(wanted.upper(), behind)
    if ratio_wanted >= need or not behind:
        return Choice(wanted, wanted, "theme", ratio_wanted, worst, ratio_wanted, minimum_ratio, need)
    tried = [*alternatives, *([(BLACK, "black"), (WHITE, "white")] if black_or_white else [])]
    best: tuple[float, str, str] | None = None
    for colour, source in tried:
        if colour is None:
            continue
        r, _ = against(colour.upper(), behind)
        if r >= need and source not in ("black", "white"):
            return Choice(wanted, colour.upper(), source, r, worst, ratio_wanted, minimum_ratio, need)
        if source in ("black", "white") and r >= need and (best is None or r > best[0]):
            best = (r, colour, source)
    if best is not None:
        return Choice(wanted, best[1], best[2], best[0], worst, ratio_wanted, minimum_ratio, need)
    return Choice(wanted, None, "", ratio_wanted, worst, ratio_wanted, minimum_ratio, need)


def palette_passes(palette: Sequence[str], background: str) -> bool:
    """Whether chart colours (in SEGMENT_ORDER) pass the chart rules on a background."""
    need = MINIMUM["segment"]
    if any(contrast(c, background) < need for c in palette):
        return False
    return all(contrast(a, b) >= need for a, b in zip(palette, palette[1:]))



def _with_luminance(colour: str, target: float) -> str:
    """The colour with its hue and saturation, made as light or dark as the target luminance."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    lo, hi = 0.0, 1.0
    out = colour
    for _ in range(30):
        mid = (lo + hi) / 2
        rgb = colorsys.hls_to_rgb(h, mid, s)
        out = "#" + "".join(f"{round(c * 255):02X}" for c in rgb)
        if luminance(out) < target:
            lo = mid
        else:
            hi = mid
    rgb = colorsys.hls_to_rgb(h, hi, s)
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)



MARGIN = 3.15
"""The ratio aimed at when colours are proposed: a little above 3:1, so rounding never fails them."""



def _targets(background: str) -> list[tuple[float, float]]:
    """Luminances (first segment, second) that alternate at 3:1 and each keep 3:1 from the background."""
    lb = luminance(background)
    out = []
    darker = (lb + 0.05) / MARGIN - 0.05
    lighter = MARGIN * (lb + 0.05) - 0.05
    if darker >= 0 and (darker + 0.05) / MARGIN - 0.05 >= 0:  # all darker than the background: far, near
        out.append(((darker + 0.05) / MARGIN - 0.05, darker))
    if lighter <= 1 and MARGIN * (lighter + 0.05) - 0.05 <= 1:  # all lighter: far, near
        out.append((MARGIN * (lighter + 0.05) - 0.05, lighter))
    if darker >= 0 and lighter <= 1:  # darker and lighter by turns
        out.append((darker, lighter))
    return out



REORDERED_AT_MOST = 4
"""Palettes up to this long are also tried in every other order (4! = 24 orders; a long bar-chart palette's
orders would take minutes)."""


def propose_palette(palette: Sequence[str], background: str) -> list[str] | None:
    """Chart colours near the given ones (same hues) that pass the chart rules on the background, or None if none can."""
    found = _proposal(tuple(c.upper() for c in palette), background.upper())
    return list(found) if found is not None else None


@lru_cache(maxsize=256)
def _proposal(palette: tuple[str, ...], background: str) -> tuple[str, ...] | None:
    if palette_passes(palette, background):
        return palette
    if len(palette) <= REORDERED_AT_MOST:
        for order in itertools.permutations(palette):  # the same colours drawn in another order
            if palette_passes(order, background):
                return order
    best: tuple[float, list[str]] | None = None
    for first, second in _targets(background):
        proposal = [_with_luminance(c, first if i % 2 == 0 else second) for i, c in enumerate(palette)]
        if not palette_passes(proposal, background):
            continue
        change = sum(abs(luminance(a) - luminance(b)) for a, b in zip(proposal, palette))
        if best is None or change < best[0]:
            best = (change, proposal)
    return tuple(best[1]) if best else None
