"""The slide kinds: each a model that also declares its references, cross-checks and layouts (planners: plan/kinds/)."""

from __future__ import annotations

from slidegen.models.slides.base import SlideBase
from slidegen.models.slides.charts import BarChartSlide
from slidegen.models.slides.examples import ExamplesOverviewSlide, ExamplesSlide
from slidegen.models.slides.general import ClosingSlide, ColumnsSlide, PictureSlide, QuoteSlide
from slidegen.models.slides.survey import ChartSlide, ComparisonSlide, CountyMatrixSlide, MethodTableSlide
from slidegen.models.slides.table import TableSlide
from slidegen.models.slides.text import (
    AgendaPointsSlide,
    AgendaSlide,
    AssignmentSlide,
    BulletsSlide,
    SectionSlide,
    StatusListSlide,
    TitleSlide,
)

SLIDE_KINDS: tuple[type[SlideBase], ...] = (
    TitleSlide,
    AgendaSlide,
    AgendaPointsSlide,
    BulletsSlide,
    AssignmentSlide,
    StatusListSlide,
    MethodTableSlide,
    ChartSlide,
    ExamplesOverviewSlide,
    ExamplesSlide,
    SectionSlide,
    PictureSlide,
    TableSlide,
    BarChartSlide,
    ColumnsSlide,
    QuoteSlide,
    ClosingSlide,
    CountyMatrixSlide,
    ComparisonSlide,
)
"""Every slide kind a deck can have, in the order the schema lists them; the planner of each is plan/kinds.PLANNERS."""
