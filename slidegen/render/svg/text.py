"""Text in SVG: every planned line a `<tspan>` at its baseline, runs in their look, bullets and numbers as planned."""

from __future__ import annotations

from typing import Sequence

from slidegen.plan.lines import SetLine
from slidegen.render.svg.markup import attrs, esc, num

FALLBACKS: dict[str, tuple[str, ...]] = {
    "calibri": ("Carlito",),
    "carlito": ("Calibri",),
    "arial": ("Liberation Sans", "Arimo", "Helvetica"),
    "helvetica": ("Arial", "Liberation Sans", "Arimo"),
    "liberation sans": ("Arial", "Arimo", "Helvetica"),
    "arimo": ("Arial", "Liberation Sans", "Helvetica"),
    "arial narrow": ("Liberation Sans Narrow",),
    "liberation sans narrow": ("Arial Narrow",),
}
"""Metric-compatible stand-ins for a font, named after it in the CSS font list (the same widths, so the same lines)."""

BULLET_FONT = "Arial"
"""The font bullet characters are drawn in (what the .pptx names for them)."""

ANCHORS = {"l": "start", "ctr": "middle", "r": "end"}
"""SVG's text-anchor for each planned alignment."""


def font_list(family: str) -> str:
    """A CSS font list: the family, its metric-compatible stand-ins, and sans-serif."""
    names = [family, *FALLBACKS.get(family.strip().lower(), ()), "sans-serif"]
    return ", ".join(n if n == "sans-serif" or " " not in n else f"'{n}'" for n in dict.fromkeys(names))


def text_element(lines: Sequence[SetLine], family: str, colour: str, number_family: str) -> str:
    """One `<text>` holding the lines of a text box or table cell; '' when there are none.

    Each line is a `<tspan>` at its x and baseline; its runs nested `<tspan>`s with their weight,
    slant and colour; a paragraph's marker a `<tspan>` of its own left of the first line (bullets
    in Arial, numbers in `number_family`, as the .pptx asks for them).
    """
    if not lines:
        return ""
    parts = [f"<text{attrs(font_family=font_list(family), fill=colour)} xml:space=\"preserve\">"]
    for line in lines:
        size = num(line.size)
        marker = line.para.marker
        if line.marker is not None and marker is not None:
            face = number_family if marker.numbering else BULLET_FONT
            parts.append(f"<tspan{attrs(class_='marker', x=line.marker_x, y=line.baseline, font_size=size, font_family=font_list(face), fill=marker.colour)}>"
                         f"{esc(line.marker)}</tspan>")
        anchor = f' text-anchor="{ANCHORS[line.align]}"' if line.align != "l" else ""
        parts.append(f'<tspan x="{num(line.x)}" y="{num(line.baseline)}" font-size="{size}"{anchor}>')
        for text, run in line.line.spans:
            if run.bold or run.italic or run.colour:
                look = attrs(font_weight="bold" if run.bold else None, font_style="italic" if run.italic else None,
                             fill=run.colour)
                parts.append(f"<tspan{look}>{esc(text)}</tspan>")
            else:
                parts.append(esc(text))
        parts.append("</tspan>")
    parts.append("</text>")
    return "".join(parts)
