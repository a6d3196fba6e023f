"""The colours charts are drawn in on a template: the theme's where they pass on what lies behind, else colours that do."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Sequence

from slidegen.colour import BLACK, MINIMUM, WHITE, choose_colour, difference, propose_palette, readable_on
from slidegen.models.theme import Theme

SEGMENT_ORDER = ("done", "ongoing", "not_relevant", "missing")
"""Chart segments in the order they are drawn: each borders the one before it."""



@dataclass(frozen=True)
class ChartLook:
    """How charts are drawn on a background: on it or on a plot area of their own, in which colours."""

    background: str
    palette: tuple[str, ...]
    """In SEGMENT_ORDER."""
    panel: bool
    """Drawn on a plot area of its own colour (not on the slide's background)."""
    text: str
    grid: str
    note: str | None = None
    """What check-theme says about it when the theme's colours could not be used as they are."""



def chart_look(theme: Theme, behind: Sequence[str]) -> ChartLook:
    """The chart colours for a theme on what lies behind its charts (one colour, or several: a picture, a gradient).

    The theme's colours on the slide's own background when they pass there; else colours of the same
    hues that do; else, when no palette can pass there (a mid-dark background), a plot area of its
    own (the theme's `chart.background`, else white) with colours that pass on it.
    """
    c = theme.colours
    configured = [getattr(c.chart, key).upper() for key in SEGMENT_ORDER]
    plain = list(dict.fromkeys(b.upper() for b in behind))
    if c.chart.background is None and len(plain) == 1:
        bg = plain[0]
        proposal = propose_palette(configured, bg)
        alike = _alike(proposal) if proposal is not None and proposal != configured else None
        if proposal is not None and alike is None:
            note = None if proposal == configured else (
                f"the chart colours do not all pass on the background {bg}; charts use {', '.join(proposal)} "
                "instead (set `colours.chart` to choose others)")
            return _look(theme, bg, proposal, False, note)
        if alike is not None:
            reason = (f"the only chart colours that pass on the background {bg} make segments look alike "
                      f"({alike[0]} and {alike[1]})")
        else:
            reason = (f"no palette of chart colours can pass on the background {bg} (each segment needs 3:1 against "
                      "it and against its neighbour)")
    elif c.chart.background is None:
        bg, reason = None, "the background behind charts is not one colour (a picture or gradient)"
    else:
        bg, reason = None, None
    panel = (c.chart.background or (c.background if bg is None else readable_on(bg, WHITE, BLACK))).upper()
    if bg is not None and panel == bg:
        panel = WHITE if bg != WHITE else BLACK
    proposal = propose_palette(configured, panel) or configured
    note = None
    if reason:
        note = f"{reason}; charts are drawn on a plot area of their own, {panel}, in {', '.join(proposal)}"
    return _look(theme, panel, proposal, True, note)



ALIKE = 15.0
"""Colours of a proposed palette closer than this (CIE76 ΔE) look alike in a chart: a plot area of its own is
better then (the theme's own colours are taken as they are)."""


def _alike(palette: Sequence[str]) -> tuple[str, str] | None:
    """Two colours of a palette that look alike, if any."""
    return next(((a, b) for a, b in itertools.combinations(palette, 2) if difference(a, b) < ALIKE), None)


def _look(theme: Theme, background: str, palette: Sequence[str], panel: bool, note: str | None) -> ChartLook:
    c = theme.colours
    text = choose_colour(c.text, [background], MINIMUM["text"]).colour or readable_on(background)
    grid = choose_colour(c.muted, [background], MINIMUM["segment"]).colour or readable_on(background)
    return ChartLook(background, tuple(palette), panel, text, grid, note)
