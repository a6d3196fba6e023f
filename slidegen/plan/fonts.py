"""Font metrics for measuring text: advance widths and line height, vendored for known families."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

METRIC_TWINS: dict[str, str] = {
    "calibri": "carlito",
    "carlito": "carlito",
    "arial": "liberation-sans",
    "helvetica": "liberation-sans",
    "liberation sans": "liberation-sans",
    "arimo": "liberation-sans",
    "arial narrow": "liberation-sans-narrow",
    "liberation sans narrow": "liberation-sans-narrow",
    "dejavu sans": "dejavu-sans",
}
"""Font families whose metrics slidegen ships, mapped to the metric-compatible font measured."""

FALLBACK = "dejavu-sans"
"""Measured when a family is unknown: wider than Calibri and Arial, so the estimate errs on the safe side."""


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths (font units) of one face, its single line height, and its ascent and descent.

    `line_height_units` is what fitting allows a line (the larger of the font's two line metrics, so
    that a line is never higher in any office suite); `ascent_units` and `descent_units` are where
    LibreOffice puts the baseline and the next line (scripts/extract_metrics.py says which metrics).
    """

    name: str
    units_per_em: int
    line_height_units: int
    ascent_units: int
    descent_units: int
    widths: dict[str, int] = field(repr=False, hash=False, compare=False)
    _cache: dict[str, int] = field(default_factory=dict, repr=False, hash=False, compare=False)
    kerned: bool = False
    """Whether widths include the font's pair kerning (`kerning`: two characters → font units)."""
    kerning: dict[str, int] = field(default_factory=dict, repr=False, hash=False, compare=False)
    face: str = field(default="", compare=False)
    """The vendored file the metrics come from (`carlito-bold`)."""


    def units(self, text: str) -> int:
        """The advance width of a text in font units (characters the table lacks count one em), kerned if `kerned`."""
        cached = self._cache.get(text)
        if cached is None:
            get = self.widths.get
            em = self.units_per_em
            cached = sum(get(ch, em) for ch in text)
            if self.kerned:
                pair = self.kerning.get
                cached += sum(pair(text[i : i + 2], 0) for i in range(len(text) - 1))
            if len(self._cache) < 200_000:
                self._cache[text] = cached
        return cached

    def width(self, text: str, size: float) -> float:
        """The advance width of a text at a size, in points."""
        return self.units(text) * size / self.units_per_em

    def line(self, size: float) -> float:
        """The height of one line of single-spaced text at a size, in points."""
        return self.line_height_units * size / self.units_per_em


def _read(name: str) -> dict:
    return json.loads(resources.files("slidegen.data.metrics").joinpath(f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_metrics(name: str, kerned: bool = False) -> FontMetrics:
    """The vendored metrics of a face, e.g. `carlito-bold`; `kerned`: with its pair kerning, as text is drawn.

    Fitting measures without kerning (its safety margin covers it); the lines an office suite
    draws are measured with it, as PowerPoint and LibreOffice kern text of 12 pt and more.
    """
    data = _read(name)
    return FontMetrics(
        name=f"{data['family']} {data['style']}",
        units_per_em=data["units_per_em"],
        line_height_units=data["line_height"],
        ascent_units=data["line_ascent"],
        descent_units=data["line_descent"],
        widths=data["widths"],
        kerned=kerned,
        kerning=_read(f"{name}-kern") if kerned else {},
        face=name,
    )


def metrics_for(family: str, bold: bool = False, unknown_as: str = "DejaVu Sans",
                min_line_em: float = 0.0) -> tuple[FontMetrics, str | None]:
    """The metrics to measure a family with, and a notice when another family's metrics (`unknown_as`) stand in.

    Lines are measured at least `min_line_em` high (at least UNKNOWN_LINE_EM for a stand-in).
    """
    twin = METRIC_TWINS.get(family.strip().lower())
    notice = None
    face = "bold" if bold else "regular"
    if twin is None:
        twin = METRIC_TWINS.get(unknown_as.strip().lower(), FALLBACK)
        why = (
            "which is wider, so lines may wrap a little earlier than needed"
            if twin == FALLBACK
            else "as the theme says (fonts.measure_unknown_as); check that no text overflows"
        )
        notice = f"font {family!r} has no known metrics; text is measured with {unknown_as}, {why}"
        return _roomy(f"{twin}-{face}", max(min_line_em, UNKNOWN_LINE_EM)), notice
    if min_line_em:
        return _roomy(f"{twin}-{face}", min_line_em), notice
    return load_metrics(f"{twin}-{face}"), notice


UNKNOWN_LINE_EM = 1.25
"""Lines of a family without metrics are measured at least this high (in em): fonts differ more in line height
than in width (Verdana 1.22, DengXian 1.3), and a line too many is worse than a little room to spare."""


@lru_cache(maxsize=None)
def _roomy(name: str, line_em: float) -> FontMetrics:
    """A face's metrics with lines at least `line_em` high."""
    base = load_metrics(name)
    line = max(base.line_height_units, round(base.units_per_em * line_em))
    if line == base.line_height_units:
        return base
    return replace(base, line_height_units=line, _cache={})
