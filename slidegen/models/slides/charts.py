"""The bar chart slide kind: categories and series written in the deck or read from a CSV file, and their checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from slidegen.errors import Location, Problem
from slidegen.models.base import Model, Text
from slidegen.models.data import DataRef, DataTable, sheet_goes_with_workbook, source_model, source_table
from slidegen.models.slides.base import Bundle, ChartRenderer, Deck, Loc, Reference, SlideBase

Value = Annotated[float, Field(strict=True, allow_inf_nan=False)]
"""A number written in the deck (`1`, `12.5`); `null` is a missing value."""

BarLayout = Literal["grouped", "stacked", "percent"]
Direction = Literal["vertical", "horizontal"]


class BarSeries(Model):
    """One series of a bar chart: its name (shown in the legend) and one value per category."""

    name: Text = Field(description="The series' name, e.g. `\"2017\"` (in quotes when it looks like a number).")
    values: list[Value | None] = Field(
        min_length=1,
        description="One value per category, in the categories' order; `null` where the value is missing "
        "(shown as –, never as 0).",
    )


class BarChartSlide(SlideBase):
    """A bar chart of any numbers: categories along one axis, one bar (or segment) per series."""

    kind: Literal["bar_chart"] = Field(description="The slide kind: `bar_chart`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title_only"})
    title: Text = Field(description="The slide title; shown with (1/2), (2/2) when the bars need several slides.")
    categories: list[Text] | None = Field(None, min_length=1, description="The categories, e.g. `[Stockholm, Uppsala, Skåne]`.")
    series: list[BarSeries] | None = Field(None, min_length=1, description="The series: `{name: \"2016\", values: [1, 2, null]}`.")
    source: DataRef | None = Field(
        None,
        description="Instead of `categories` and `series`: a CSV file or an .xlsx workbook under content/ whose first "
        "column holds the categories and each further column a series (its first row the series' names), e.g. "
        "`data/kommuner.csv`.",
    )
    sheet: Text | None = Field(None, description="With an .xlsx `source:`: the sheet's name, e.g. `Exempel`; the "
                               "workbook's first sheet when left out.")
    layout: BarLayout = Field("grouped", description="`grouped` bars side by side, `stacked`, or `percent` (100 % stacked).")
    direction: Direction = Field("vertical", description="`vertical` bars, or `horizontal` (for long category names).")
    unit: Text | None = Field(None, max_length=12, description="Shown after the numbers: `st` gives `2 st`, `%` gives `12,5 %`.")
    renderer: ChartRenderer | None = Field(None, description="`image` or `native`; the deck's choice when left out.")
    example: ClassVar[str] = """\
# Stapeldiagram av valfria tal, eller i stället en CSV-fil (source: data/kommuner.csv);
# null betyder att värdet saknas och visas som –, aldrig som 0.
- kind: bar_chart
  title: Goda exempel per län
  categories: [Stockholm, Uppsala, Skåne]
  series:
    - {name: "2016", values: [1, 2, null]}
    - {name: "2017", values: [2, 2, 1]}
"""

    @model_validator(mode="after")
    def _one_source(self) -> "BarChartSlide":
        written = self.categories is not None or self.series is not None
        if written == (self.source is not None):
            raise ValueError("give the data either here (`categories:` and `series:`) or from a CSV file (`source:`), "
                             "not both or neither")
        if written and (self.categories is None or self.series is None):
            missing = "categories" if self.categories is None else "series"
            raise ValueError(f"`{missing}` is missing; a bar chart needs both `categories:` and `series:`")
        sheet_goes_with_workbook(self.source, self.sheet)
        return self

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [Reference((*at, "source"), self.source, source_model(self.source))] if self.source is not None else []

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        data = chart_data(self, bundle, at)
        return list(data.problems) if isinstance(data, Invalid) else data.problems_for(self.layout)


@dataclass(frozen=True)
class Named:
    """A text of the chart (a category or a series' name) and where it is written."""

    text: str
    location: Location


@dataclass(frozen=True)
class Point:
    """One value (None: missing) and where it is written."""

    value: float | None
    location: Location


@dataclass(frozen=True)
class ChartData:
    """A bar chart's data, from the deck or a CSV file alike: categories, and per series its name and values."""

    categories: tuple[Named, ...]
    names: tuple[Named, ...]
    values: tuple[tuple[Point, ...], ...]
    """Per series, one point per category."""
    unit: str | None

    def problems_for(self, layout: BarLayout) -> list[Problem]:
        """What the data cannot be drawn as: names twice, and negative values in a stacked or percent chart."""
        problems = _twice(self.categories, "category") + _twice(self.names, "series name")
        if layout != "grouped":
            problems += [
                Problem(p.location, f"{_shown(p.value)} is negative; a {layout} chart cannot show negative values "
                        "(segments add up to a whole): use `layout: grouped`")
                for series in self.values for p in series if p.value is not None and p.value < 0
            ]
        return problems


@dataclass(frozen=True)
class Invalid:
    """The data could not be read as a chart's: the problems that say why."""

    problems: tuple[Problem, ...]


def _shown(value: float) -> str:
    from slidegen.format import number

    return number(value, None if value == round(value, 1) else 2)


def _twice(names: tuple[Named, ...], what: str) -> list[Problem]:
    seen: dict[str, Named] = {}
    out = []
    for n in names:
        first = seen.setdefault(n.text, n)
        if first is not n:
            out.append(Problem(n.location, f"the {what} `{n.text}` is already at {first.location}; give each its own"))
    return out


def chart_data(slide: BarChartSlide, bundle: Bundle, at: Loc) -> ChartData | Invalid:
    """The slide's categories, series names and values with where each is written, or the problems reading them."""
    if slide.source is not None:
        return _from_table(slide, bundle, at)
    doc = bundle.deck.doc
    assert slide.categories is not None and slide.series is not None
    categories = tuple(Named(c, doc.location((*at, "categories", i))) for i, c in enumerate(slide.categories))
    problems = [
        doc.problem((*at, "series", j, "values"),
                    f"the series `{s.name}` has {len(s.values)} value{'s' if len(s.values) != 1 else ''} but there "
                    f"{'are' if len(categories) != 1 else 'is'} {len(categories)} categor{'ies' if len(categories) != 1 else 'y'}; "
                    "write one value per category, `null` where it is missing")
        for j, s in enumerate(slide.series) if len(s.values) != len(categories)
    ]
    if problems:
        return Invalid(tuple(problems))
    names = tuple(Named(s.name, doc.location((*at, "series", j, "name"))) for j, s in enumerate(slide.series))
    values = tuple(
        tuple(Point(v, doc.location((*at, "series", j, "values", i))) for i, v in enumerate(s.values))
        for j, s in enumerate(slide.series)
    )
    return ChartData(categories, names, values, slide.unit)


def _from_table(slide: BarChartSlide, bundle: Bundle, at: Loc) -> ChartData | Invalid:
    """First column the categories, each further column a series; every value a number or empty."""
    assert slide.source is not None
    table = source_table(bundle, slide.source, slide.sheet, bundle.deck.doc.location((*at, "sheet")))
    if not isinstance(table, DataTable):
        return Invalid((table,))
    file_start = table.origin
    if len(table.header) < 2:
        return Invalid((Problem(file_start, "a bar chart needs at least two columns: the categories first, then one "
                                "column per series (its name in the first row)"),))
    if not table.rows:
        return Invalid((Problem(file_start, "there are no rows under the header; write one row per category"),))
    problems: list[Problem] = []
    for cell in table.header[1:]:
        if cell.value is None:
            problems.append(Problem(cell.location, "this column has no heading; write the series' name (e.g. 2017) in the first row"))
    for cell in table.column(0):
        if cell.value is None:
            problems.append(Problem(cell.location, "this row has no category; write it in the first column"))
    for j, head in enumerate(table.header[1:], start=1):
        for cell in table.column(j):
            problem = cell.number_problem(head.text)
            if problem is not None:
                problems.append(problem)
    if problems:
        return Invalid(tuple(problems))
    categories = tuple(Named(str(c.value), c.location) for c in table.column(0))
    names = tuple(Named(h.text, h.location) for h in table.header[1:])
    values = tuple(
        tuple(Point(c.value if isinstance(c.value, float) else None, c.location) for c in table.column(j))
        for j in range(1, len(table.header))
    )
    percent = any(c.percent for j in range(1, len(table.header)) for c in table.column(j))
    return ChartData(categories, names, values, slide.unit or ("%" if percent else None))
