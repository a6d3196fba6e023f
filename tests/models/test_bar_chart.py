"""The bar_chart kind's checks: its data written in the deck or read from CSV, every problem located, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from slidegen.check.library import Library
from slidegen.cli import main
from slidegen.errors import ContentError
from slidegen.project import Project

HEAD = """\
meeting:
  title: Uppföljning 2017
  organisation: Länsstyrelsen i Exempellän
slides:
"""


def project_with(tmp_path: Path, slides: str, files: dict[str, bytes | str] | None = None) -> Project:
    """A project of the shipped themes and one deck of the given slides (and data files under content/)."""
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    decks = tmp_path / "content" / "decks"
    decks.mkdir(parents=True)
    (decks / "d.yaml").write_text(HEAD + slides, encoding="utf-8")
    for name, data in (files or {}).items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Project.at(tmp_path)


def problems(project: Project) -> list[str]:
    with pytest.raises(ContentError) as err:
        Library(project).bundle(project.content / "decks" / "d.yaml")
    return [str(p) for p in err.value.sorted()]


CHART = """\
  - kind: bar_chart
    title: Goda exempel
"""


def test_data_written_both_ways_or_neither_is_refused(tmp_path):
    slides = CHART + "    source: data/x.csv\n    categories: [A]\n    series: [{name: a, values: [1]}]\n" + CHART
    found = problems(project_with(tmp_path, slides, {"data/x.csv": "Län;a\nA;1\n"}))
    assert found == [
        "content/decks/d.yaml:5:5: slides[0]: give the data either here (`categories:` and `series:`) or from a CSV "
        "file (`source:`), not both or neither",
        "content/decks/d.yaml:10:5: slides[1]: give the data either here (`categories:` and `series:`) or from a CSV "
        "file (`source:`), not both or neither",
    ]


def test_one_value_per_category_each_name_once_and_no_negatives_in_a_stack(tmp_path):
    slides = CHART + """\
    layout: stacked
    categories: [Stockholm, Uppsala, Stockholm]
    series:
      - {name: "2016", values: [1, 2]}
      - {name: "2017", values: [1, -2, 3]}
      - {name: "2016", values: [1, 2, 3]}
"""
    assert problems(project_with(tmp_path, slides)) == [
        "content/decks/d.yaml:10:24: slides[0].series[0].values: the series `2016` has 2 values but there are 3 "
        "categories; write one value per category, `null` where it is missing",
    ]
    slides = slides.replace("values: [1, 2]}", "values: [1, 2, null]}")
    assert problems(project_with(tmp_path / "b", slides)) == [
        "content/decks/d.yaml:8:38: slides[0].categories[2]: the category `Stockholm` is already at "
        "content/decks/d.yaml:8:18; give each its own",
        "content/decks/d.yaml:11:36: slides[0].series[1].values[1]: −2 is negative; a stacked chart cannot show "
        "negative values (segments add up to a whole): use `layout: grouped`",
        "content/decks/d.yaml:12:16: slides[0].series[2].name: the series name `2016` is already at "
        "content/decks/d.yaml:10:16; give each its own",
    ]


def test_values_must_be_numbers_or_null(tmp_path):
    slides = CHART + '    categories: [A, B, C]\n    series:\n      - {name: a, values: [true, "3", .nan]}\n'
    found = problems(project_with(tmp_path, slides))
    assert found == [
        "content/decks/d.yaml:9:28: slides[0].series[0].values[0]: expected a number, got `True`",
        "content/decks/d.yaml:9:34: slides[0].series[0].values[1]: `3` is in quotes, so YAML reads it as text; "
        "remove the quotes to make it a number",
        "content/decks/d.yaml:9:39: slides[0].series[0].values[2]: expected a number, got `nan` (not a number one "
        "can draw)",
    ]


def test_a_source_must_be_a_csv_or_xlsx_file_that_exists(tmp_path):
    slides = CHART + "    source: data/x.ods\n" + CHART.replace("exempel", "exempel 2") + "    source: data/kommunr.csv\n"
    assert problems(project_with(tmp_path, slides, {"data/kommuner.csv": "Län;a\nA;1\n"})) == [
        "content/decks/d.yaml:7:13: slides[0].source: `data/x.ods` is not a CSV or Excel (.xlsx) file name; write a "
        "path like `data/kommuner.csv`",
    ]
    slides = slides.replace("data/x.ods", "data/kommuner.csv")
    assert problems(project_with(tmp_path / "b", slides, {"data/kommuner.csv": "Län;a\nA;1\n"})) == [
        "content/decks/d.yaml:10:13: slides[1].source: there is no file content/data/kommunr.csv — did you mean "
        "`data/kommuner.csv`?",
    ]


def test_every_bad_cell_of_a_csv_is_located_at_once(tmp_path):
    csv = "Län;2016;;2017\nStockholm;1;2;femtio\n;3;4;5\nUppsala;12,5 st;;\n"
    found = problems(project_with(tmp_path, CHART + "    source: data/x.csv\n", {"data/x.csv": csv}))
    assert found == [
        "content/data/x.csv:1:3: this column has no heading; write the series' name (e.g. 2017) in the first row",
        'content/data/x.csv:2:4: "femtio" is not a number (column 2017); write a number like 50, 1 350 or 12,5, '
        "or leave the cell empty where the value is missing (it is then shown as –, never as 0)",
        "content/data/x.csv:3:1: this row has no category; write it in the first column",
        'content/data/x.csv:4:2: "12,5 st" is not a number (column 2016); write a number like 50, 1 350 or 12,5, '
        "or leave the cell empty where the value is missing (it is then shown as –, never as 0)",
    ]


def test_a_csv_needs_a_series_column_and_rows(tmp_path):
    slides = CHART + "    source: data/a.csv\n" + CHART.replace("exempel", "exempel 2") + "    source: data/b.csv\n"
    found = problems(project_with(tmp_path, slides, {"data/a.csv": "Län\nA\n", "data/b.csv": "Län;2016\n"}))
    assert found == [
        "content/data/a.csv:1:1: a bar chart needs at least two columns: the categories first, then one column per "
        "series (its name in the first row)",
        "content/data/b.csv:1:1: there are no rows under the header; write one row per category",
    ]


def test_negative_csv_values_in_a_percent_chart_are_located_at_their_cell(tmp_path):
    slides = CHART + "    source: data/x.csv\n    layout: percent\n"
    assert problems(project_with(tmp_path, slides, {"data/x.csv": "Post,2016\nA,3\nB,\u22123.5\n"})) == [
        "content/data/x.csv:3:2: −3,5 is negative; a percent chart cannot show negative values (segments add up to "
        "a whole): use `layout: grouped`",
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        ("Län;2016\nStockholm;femtio\n", 'content/data/x.csv:2:2: "femtio" is not a number (column 2016)'),
        ("Län;2016\nStockholm;1;2\n", "content/data/x.csv:2:3: this row has 3 cells but the header (line 1) has 2"),
        ("Län;2016\nSkåne;1\n".encode("cp1252"), "content/data/x.csv:1:1: the file is not UTF-8 text"),
    ],
)
def test_a_bad_csv_exits_1_and_leaves_the_last_good_deck_untouched(tmp_path, data, message):
    project = project_with(tmp_path, CHART + "    source: data/x.csv\n", {"data/x.csv": "Län;2016\nStockholm;1\n"})
    runner = CliRunner()
    good = runner.invoke(main, ["--root", str(project.root), "build"], catch_exceptions=False)
    assert good.exit_code == 0, good.output
    out = project.output / "d.pptx"
    before = out.read_bytes()
    (project.content / "data" / "x.csv").write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    result = runner.invoke(main, ["--root", str(project.root), "build"], catch_exceptions=False)
    assert result.exit_code == 1
    assert message in result.output and "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == before
