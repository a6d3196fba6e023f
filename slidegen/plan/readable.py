"""Text readable on what lies behind it: every planned text checked against its layout's background and decoration."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from slidegen.colour import LARGE_TEXT_PT, MINIMUM, Choice, choose_colour, ink
from slidegen.errors import Problem, Source
from slidegen.models.template import Placeholder, alternatives_for, unreadable
from slidegen.models.theme import Theme
from slidegen.plan.areas import Area, LayoutAreas
from slidegen.plan.model import Box, Para, SlidePlan, TextBox
from slidegen.plan.text import Fonts, heights
from slidegen.units import Rect, pt, to_pt

COLOUR_KEYS = ("title", "text", "muted", "accent")
"""The theme colours text is written in, by the key a layout's own colours (`template.colours`) use too."""

FOOTER_PARTS = {"Footer": "footer", "Date": "date", "Slide number": "number"}


WHAT = {"Text": "body", "Counties": "county list", "Column": "column", "Chart mark": "chart's missing-value mark",
        "Slide number": "slide number"}
"""What a message calls the text of a box, by the box's name (its number left out); others by their name."""


def what(box: TextBox) -> str:
    """`body`, `caption`, `column` …: the text of a box as a message names it."""
    name = re.sub(r" \d+$", "", box.name)
    return WHAT.get(name, name.lower())


def minimum_for(box: TextBox, size: float) -> float:
    """What a text needs: 3:1 for titles of at least 18 pt, else 4.5:1."""
    return MINIMUM["title"] if box.role == "title" and size >= LARGE_TEXT_PT else MINIMUM["text"]


@dataclass
class Readable:
    """Recolours the planned slides of one deck where the theme's colours would not be readable, and says where none is."""

    theme: Theme
    areas: dict[str, LayoutAreas]
    doc: Source
    fonts: dict[str, Fonts]
    """The metrics text is measured with: `title` and `body`."""
    problems: list[Problem] = field(default_factory=list)
    changes: dict[tuple[str, str, str], Choice] = field(default_factory=dict)
    """(layout, box, wanted colour) → the choice made, once per kind of box on a layout."""

    def key_of(self, colour: str) -> str:
        c = self.theme.colours
        for key in COLOUR_KEYS:
            if getattr(c, key).upper() == colour.upper():
                return key
        return "text"

    def area_of(self, areas: LayoutAreas, box: TextBox) -> Area | None:
        if box.role == "title":
            return areas.title
        if box.name in FOOTER_PARTS:
            return getattr(areas, FOOTER_PARTS[box.name])
        return areas.body

    def choose(self, role: str, areas: LayoutAreas, box: TextBox, wanted: str, size: float,
               area: Area | None, extra: str | None = None) -> Choice:
        """The colour a text of this box takes on what is behind it."""
        placeholder = self._placeholder(areas, box)
        behind = areas.layout.behind(self.text_area(box), placeholder)
        key = self.key_of(wanted)
        alternatives, automatic = alternatives_for(self.theme, role, key, area.colour if area is not None else None)
        if extra is not None and automatic:  # a run of its own colour takes its box's when its own is unreadable
            alternatives.insert(1, (extra, "the box's"))
        choice = choose_colour(wanted, behind.shares, minimum_for(box, size), alternatives, automatic)
        memo = (areas.layout.name, box.name, wanted.upper())
        if memo not in self.changes:
            self.changes[memo] = choice
            if choice.colour is None:
                self.problems.append(self._problem(role, areas, box, key, choice, behind.layers))
        return choice

    def text_area(self, box: TextBox) -> Rect:
        """Where a box's text lies in its frame: as high as the text is, placed by the box's anchor."""
        fonts = self.fonts["title" if box.role == "title" else "body"]
        f, ins = box.frame, box.insets
        width = to_pt(f.w - ins.left - ins.right)
        inner = Rect(f.x, f.y + ins.top, f.w, max(1, f.h - ins.top - ins.bottom))
        h = min(inner.h, pt(sum(heights(box.paras, box.size, width, fonts))))
        y = inner.y if box.anchor == "t" else inner.bottom - h if box.anchor == "b" else inner.y + (inner.h - h) // 2
        top, height = ink(y, h, pt(fonts.regular.line(box.size)))
        return Rect(f.x, top, f.w, height)

    def _placeholder(self, areas: LayoutAreas, box: TextBox) -> Placeholder | None:
        if box.placeholder is None:
            return None
        return next((ph for ph in areas.layout.placeholders if ph.ref == box.placeholder), None)

    def _problem(self, role: str, areas: LayoutAreas, box: TextBox, key: str, choice: Choice,
                 layers: tuple[str, ...]) -> Problem:
        return unreadable(self.doc, self.theme, areas.layout, role, what(box), key, choice, layers)

    def box(self, role: str, areas: LayoutAreas, box: TextBox) -> TextBox:
        area = self.area_of(areas, box)
        base = self.choose(role, areas, box, box.colour, box.size, area)
        colour = base.colour or box.colour
        paras = tuple(self.para(role, areas, box, p, colour, area) for p in box.paras)
        if colour == box.colour and paras == box.paras:
            return box
        return replace(box, colour=colour, paras=paras)

    def para(self, role: str, areas: LayoutAreas, box: TextBox, p: Para, base: str, area: Area | None) -> Para:
        size = box.size * p.scale
        runs = tuple(
            replace(r, colour=self.choose(role, areas, box, r.colour, size, area, base).colour or r.colour)
            if r.colour is not None else r
            for r in p.runs
        )
        marker = p.marker
        if marker is not None and marker.colour is not None:
            chosen = self.choose(role, areas, box, marker.colour, size, area, base).colour
            marker = replace(marker, colour=chosen or marker.colour)
        if runs == p.runs and marker == p.marker:
            return p
        return replace(p, runs=runs, marker=marker)

    def slide(self, plan: SlidePlan) -> SlidePlan:
        areas = self.areas.get(plan.layout) or self.areas.get("content")
        if areas is None:
            return plan
        boxes: list[Box] = [self.box(plan.layout, areas, b) if isinstance(b, TextBox) else b for b in plan.boxes]
        return replace(plan, title=self.box(plan.layout, areas, plan.title), boxes=tuple(boxes))


def readable_slides(slides: list[SlidePlan], theme: Theme, areas: dict[str, LayoutAreas],
                    doc: Source, fonts: dict[str, Fonts]) -> tuple[list[SlidePlan], list[Problem]]:
    """The slides with every text readable on its layout, and a located theme problem wherever none can be."""
    if not areas:
        return slides, []
    readable = Readable(theme, areas, doc, fonts)
    out = [readable.slide(s) for s in slides]
    return out, readable.problems
