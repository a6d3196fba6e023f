"""The planner of each slide kind: one function per kind, chosen by the slide's `kind`."""

from __future__ import annotations

from typing import Any, Callable

from slidegen.plan.context import Context
from slidegen.plan.kinds.answers import plan_comparison, plan_county_matrix
from slidegen.plan.kinds.charts import plan_bar_chart
from slidegen.plan.kinds.examples import plan_examples, plan_examples_overview
from slidegen.plan.kinds.general import plan_closing, plan_columns, plan_picture, plan_quote, plan_table
from slidegen.plan.kinds.survey import plan_chart, plan_method_table
from slidegen.plan.kinds.text import (
    plan_agenda,
    plan_agenda_points,
    plan_assignment,
    plan_bullets,
    plan_section,
    plan_status_list,
    plan_title,
)
from slidegen.plan.model import SlidePlan

PLANNERS: dict[str, Callable[[Context, Any, int], list[SlidePlan]]] = {
    "title": plan_title,
    "agenda": plan_agenda,
    "agenda_points": plan_agenda_points,
    "bullets": plan_bullets,
    "assignment": plan_assignment,
    "status_list": plan_status_list,
    "method_table": plan_method_table,
    "chart": plan_chart,
    "examples_overview": plan_examples_overview,
    "examples": plan_examples,
    "section": plan_section,
    "picture": plan_picture,
    "table": plan_table,
    "bar_chart": plan_bar_chart,
    "columns": plan_columns,
    "quote": plan_quote,
    "closing": plan_closing,
    "county_matrix": plan_county_matrix,
    "comparison": plan_comparison,
}
"""The planner of each slide kind."""
