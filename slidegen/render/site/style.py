"""The site's stylesheet from the theme: its colours (contrast already checked) and fonts, with local fallbacks only."""

from __future__ import annotations

import re

from slidegen.models.theme import Theme
from slidegen.plan.fonts import METRIC_TWINS
from slidegen.render.site.templates import environment

TWIN_NAMES = {"carlito": "Carlito", "liberation-sans": "Liberation Sans", "dejavu-sans": "DejaVu Sans"}
"""The installed family that has the same letter widths as a theme's font."""

_PLAIN = re.compile(r"[A-Za-z0-9 _-]")


def css_string(text: str) -> str:
    """Text as a CSS string in double quotes: everything but letters, digits, spaces and dashes escaped."""
    return '"' + "".join(c if _PLAIN.match(c) else f"\\{ord(c):x} " for c in text) + '"'


def font_stack(family: str) -> str:
    """The theme's family, its metric twin, then the system's sans-serif: never a font from elsewhere."""
    names = [family]
    twin = METRIC_TWINS.get(family.strip().lower())
    if twin and TWIN_NAMES[twin].lower() != family.strip().lower():
        names.append(TWIN_NAMES[twin])
    return ", ".join([*(css_string(n) for n in names), "sans-serif"])


def stylesheet(theme: Theme) -> str:
    """stil.css: the template under data/site/ filled with the theme's colours and fonts."""
    c = theme.colours
    return environment().get_template("stil.css").render(
        colours=c, chart=c.chart, body_font=font_stack(theme.fonts.body), title_font=font_stack(theme.fonts.title),
    )
