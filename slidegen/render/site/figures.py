"""The survey's charts on the web: the planner's chart descriptions, in frames sized for a page column."""

from __future__ import annotations

from dataclasses import dataclass

from slidegen.models.survey import Group, Survey
from slidegen.models.theme import Theme
from slidegen.plan.charts import method_charts, overview_chart
from slidegen.plan.model import ChartSpec
from slidegen.plan.text import Fonts
from slidegen.units import EMU_PER_INCH, Rect, cm

WIDTH = cm(17)
"""Charts are drawn 17 cm wide (about 640 CSS pixels): the page column's width; smaller screens scale them down."""

ROW = cm(1.0)
"""Height given to each bar when sizing a group's chart."""

CSS_DPI = 96
"""CSS pixels per inch: a chart's width and height attributes."""


@dataclass(frozen=True)
class Figure:
    """A chart on a page: where its SVG file is, its alt text, and its size in CSS pixels."""

    src: str
    alt: str
    width: int
    height: int


def css_pixels(emu: int) -> int:
    """A length in EMU as CSS pixels."""
    return round(emu / EMU_PER_INCH * CSS_DPI)


def _fonts(theme: Theme) -> Fonts:
    return Fonts.of(theme.fonts.body, theme.fonts.measure_unknown_as)[0]


def group_chart(survey: Survey, group: Group, theme: Theme) -> ChartSpec:
    """One chart with a bar per method of the group, in survey order: the frame grows until every bar fits it."""
    fonts = _fonts(theme)
    numbers = [m.number for m in group.methods]
    height = cm(3.5) + ROW * len(numbers)
    while True:
        specs = method_charts(survey, numbers, "survey", Rect(0, 0, WIDTH, height), theme, fonts)
        if len(specs) == 1:
            return specs[0]
        height = round(height * 1.15)


def survey_overview(survey: Survey, theme: Theme) -> ChartSpec:
    """Per method group: in how many methods each answer is clearly the most common (the decks' overview chart)."""
    fonts = _fonts(theme)
    height = cm(4.5) + cm(1.4) * len(survey.groups)
    return overview_chart(survey, Rect(0, 0, WIDTH, height), theme, fonts, None)


def overview_rows(spec: ChartSpec) -> list[tuple[str, list[int]]]:
    """The overview chart's numbers as table rows: (group label, count per series); a count of none is 0 methods."""
    return [
        (label.replace("\n", " "), [int(s.values[i] or 0) for s in spec.series])
        for i, label in enumerate(spec.categories)
    ]
