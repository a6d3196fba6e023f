"""Bar-chart descriptions: true values, missing values marked and never 0, labels where they fit, pages, alt texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.check.library import Library
from slidegen.errors import Location
from slidegen.models.slides.charts import ChartData, Named, Point
from slidegen.models.theme import Theme
from slidegen.plan.bars import bar_charts, decimals_of, nice_axis
from slidegen.plan.model import bar_offset, bar_thickness
from slidegen.plan.text import Fonts
from slidegen.project import Project
from slidegen.units import Rect, cm, to_pt

ROOT = Path(__file__).resolve().parents[2]
FONTS, _ = Fonts.of("Calibri")
FRAME = Rect(0, 0, cm(30.8), cm(12.8))
HERE = Location("content/decks/x.yaml", 1, 1)
NB = "\u00a0"


@pytest.fixture(scope="module")
def theme() -> Theme:
    project = Project.at(ROOT)
    return Library(project).theme(project.themes / "default" / "theme.yaml").model


def data(categories: list[str], series: dict[str, list[float | None]], unit: str | None = "st") -> ChartData:
    return ChartData(
        tuple(Named(c, HERE) for c in categories),
        tuple(Named(n, HERE) for n in series),
        tuple(tuple(Point(v, HERE) for v in values) for values in series.values()),
        unit,
    )


COUNTIES = data(["Stockholm", "Uppsala", "Skåne"], {"2016": [1, 2, None], "2017": [2, 2, 1]})


def test_grouped_values_are_the_data_and_a_missing_value_stays_none_with_a_mark(theme):
    (spec,) = bar_charts(COUNTIES, "grouped", "vertical", FRAME, theme, FONTS)
    assert spec.categories == ("Stockholm", "Uppsala", "Skåne")
    assert [s.values for s in spec.series] == [(1, 2, None), (2, 2, 1)]
    assert [s.name for s in spec.series] == ["2016", "2017"] and spec.legend
    assert [s.colour for s in spec.series] == list(theme.colours.chart.palette[:2])
    assert spec.series[0].labels == (f"1{NB}st", f"2{NB}st", None)
    assert spec.series[1].labels == (f"2{NB}st", f"2{NB}st", f"1{NB}st")
    (mark,) = spec.marks
    assert mark.text == "–"
    # the mark stands where Skåne's 2016 bar would: the left bar of the third slot, on the zero line
    left, top, width, height = spec.plot
    centre = left + width * (2 + 0.5 + bar_offset(0, 2)) / 3
    assert mark.x + mark.w / 2 == pytest.approx(centre, abs=1e-6)
    assert top + height - 0.2 < mark.y + mark.h <= top + height
    assert spec.axis_min == 0 and spec.axis_max >= 2 and spec.axis_step >= 1
    assert spec.description == (
        "Stapeldiagram: Stockholm: 2016 1\u00a0st, 2017 2\u00a0st; Uppsala: 2016 2\u00a0st, 2017 2\u00a0st; "
        "Skåne: 2016 uppgift saknas, 2017 1\u00a0st."
    )


def test_stacked_bars_put_the_missing_series_after_the_bar(theme):
    (spec,) = bar_charts(COUNTIES, "stacked", "horizontal", FRAME, theme, FONTS)
    (mark,) = spec.marks
    assert mark.text == "2016: –"
    left, top, width, height = spec.plot
    end = left + width * (1 - spec.axis_min) / (spec.axis_max - spec.axis_min)  # Skåne's stack ends at 1
    assert mark.x > end and mark.x + mark.w <= left + width + 1e-9  # beside the bar, inside the plot
    assert top + height * 2 / 3 < mark.y < top + height  # on Skåne's row, the last from the top
    assert spec.axis_max >= 4  # Uppsala's stack reaches 4
    assert [s.label_colour for s in spec.series] == ["#FFFFFF", "#000000"]  # readable on each segment
    assert "staplade" in spec.description and "Skåne: 2016 uppgift saknas, 2017 1\u00a0st" in spec.description


def test_a_percent_chart_draws_no_bar_whose_shares_are_unknown(theme):
    (spec,) = bar_charts(data(["Stockholm", "Uppsala", "Skåne"], {"2016": [1, 2, None], "2017": [2, 2, 1]}, None),
                         "percent", "horizontal", FRAME, theme, FONTS)
    assert spec.percent and spec.layout == "percent" and (spec.axis_min, spec.axis_max) == (0, 100)
    assert spec.hidden == (2,)
    assert [s.values[2] for s in spec.series] == [None, 1]  # the value is kept, only not drawn
    assert all(s.labels[2] is None for s in spec.series)
    assert [m.text for m in spec.marks] == ["2016: –, 2017: 1"]
    assert spec.description == (
        "Liggande stapeldiagram med andelar (100 % staplade): Stockholm: 2016 1 (33,3\u00a0%), 2017 2 (66,7\u00a0%); "
        "Uppsala: 2016 2 (50\u00a0%), 2017 2 (50\u00a0%); Skåne: 2016 uppgift saknas, 2017 1 "
        "(andelarna kan inte räknas ut när ett värde saknas)."
    )


def test_decimals_are_the_same_on_every_label_and_the_native_formats_say_so(theme):
    budget = data(["Personal", "Tryck och webb", "Resor"], {"2016": [1200, 45, -12.5], "2017": [1350, None, 3]}, "tkr")
    (spec,) = bar_charts(budget, "grouped", "vertical", FRAME, theme, FONTS)
    assert spec.series[1].labels[0] == f"1{NB}350,0{NB}tkr"
    assert spec.series[0].labels[2] == f"\u221212,5{NB}tkr"
    assert spec.label_format == f'#,##0.0"{NB}tkr";"\u2212"#,##0.0"{NB}tkr"'
    assert spec.axis_min < 0 < spec.axis_max and spec.axis_min >= -spec.axis_max
    assert spec.axis_format == '#,##0;"\u2212"#,##0'
    assert spec.axis_label(-500) == "\u2212500" and spec.axis_label(1000) == f"1{NB}000"


def test_a_wide_label_may_stand_over_lower_neighbours_but_never_over_a_label(theme):
    tall = data(["A", "B", "C"], {"x": [8, 1350, 5], "y": [22, 3, 4]}, "tkr")
    (spec,) = bar_charts(tall, "grouped", "vertical", Rect(0, 0, cm(14), cm(12)), theme, FONTS)
    slot = to_pt(spec.width) * spec.plot[2] / 3
    assert FONTS.regular.width(f"1{NB}350{NB}tkr", spec.size) > slot * bar_thickness(2)
    assert spec.series[0].labels[1] == f"1{NB}350{NB}tkr"  # wider than its bar, above the low bars beside it
    level = data(["A"], {"x": [1000000], "y": [1000000], "z": [1000000]}, "kronor")
    (spec,) = bar_charts(level, "grouped", "vertical", Rect(0, 0, cm(14), cm(12)), theme, FONTS)
    shown = [s.labels[0] for s in spec.series]
    # equal heights: each label would cover its neighbours' labels, so one is shown, the one with room on both sides
    assert shown == [None, f"1{NB}000{NB}000{NB}kronor", None]


def test_many_categories_continue_on_more_charts_with_one_axis(theme):
    names = [f"Län nummer {i}" for i in range(1, 22)]
    many = data(names, {"2016": [float(i) for i in range(21)], "2017": [float(20 - i) for i in range(21)]})
    specs = bar_charts(many, "grouped", "horizontal", FRAME, theme, FONTS)
    assert len(specs) >= 2
    assert [c for s in specs for c in s.categories] == names
    assert {(s.axis_min, s.axis_max, s.axis_step) for s in specs} == {(specs[0].axis_min, specs[0].axis_max, specs[0].axis_step)}
    assert all(s.size >= 12 for s in specs)
    for spec in specs:
        assert all(f"{c}:" in spec.description for c in spec.categories)
        assert not any(f"{c}:" in spec.description for c in names if c not in spec.categories)


def test_bars_thick_enough_for_their_labels_on_each_page(theme):
    names = [f"Län {i}" for i in range(1, 22)]
    one = data(names, {"Antal": [float(i % 5) for i in range(21)]})
    specs = bar_charts(one, "grouped", "horizontal", FRAME, theme, FONTS)
    for spec in specs:
        slot = to_pt(spec.height) * spec.plot[3] / len(spec.categories)
        if slot * bar_thickness(1) >= spec.size * 1.05:
            assert all(label is not None for label in spec.series[0].labels)
        assert not spec.legend and spec.description.startswith("Liggande stapeldiagram, Antal: Län")


def test_more_series_than_colours_repeat_the_palette_hatched(theme):
    series = {str(2010 + j): [float(j + 1), 2.0] for j in range(8)}
    (spec,) = bar_charts(data(["A", "B"], series), "stacked", "vertical", FRAME, theme, FONTS)
    palette = theme.colours.chart.palette
    assert [s.colour for s in spec.series] == [palette[j % len(palette)] for j in range(8)]
    assert [s.pattern for s in spec.series] == [False] * len(palette) + [True] * (8 - len(palette))
    assert all(s.hatch in ("#000000", "#FFFFFF") for s in spec.series[len(palette):])


def test_a_tiny_frame_gets_one_category_per_chart(theme):
    specs = bar_charts(COUNTIES, "grouped", "vertical", Rect(0, 0, cm(3), cm(5)), theme, FONTS)
    assert [s.categories for s in specs] == [("Stockholm",), ("Uppsala",), ("Skåne",)]


@pytest.mark.parametrize(
    "low, high, ticks, whole, expected",
    [(0, 2, 6, True, (0, 2, 1)), (0, 1350, 6, True, (0, 1500, 500)), (-12.5, 1350, 6, False, (-500, 1500, 500)),
     (0, 0.8, 5, False, (0, 0.8, 0.2)), (0, 0, 5, True, (0, 1, 1))],
)
def test_nice_axis(low, high, ticks, whole, expected):
    axis = nice_axis(low, high, ticks, whole)
    assert (axis.low, axis.high, axis.step) == pytest.approx(expected)


def test_decimals_of():
    assert decimals_of([1, 2, 1350]) == 0
    assert decimals_of([1, 12.5]) == 1
    assert decimals_of([0.125]) == 2
