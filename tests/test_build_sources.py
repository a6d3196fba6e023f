"""Tables and bar charts from a sheet of an .xlsx workbook (`source:` and `sheet:`): built, reopened, every cell and
value checked; a missing sheet and a non-number cell located (file:Sheet!Cell), nothing written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from deckread import read_deck
from pptx import Presentation

from slidegen.build import build
from slidegen.errors import ContentError
from slidegen.project import Project

DECK = """\
meeting:
  title: Budget och exempel
  organisation: Länsstyrelserna
slides:
  - kind: table
    title: Budget för nätverket (tkr)
    source: data/underlag.xlsx
    sheet: Budget
  - kind: bar_chart
    title: Goda exempel per län
    source: data/underlag.xlsx
    sheet: Exempel
    renderer: native
"""

BUDGET = [["Post", "2016", "2017"], ["Personal", 1200, 1350.5], ["Tryck och webb", 45, None], ["Resor", "12,5", 30]]
EXAMPLES = [["Län", "2016", "2017"], ["Stockholm", 1, 2], ["Uppsala", None, 2], ["Skåne", 3, 1]]


def workbook(path: Path, budget=BUDGET, examples=EXAMPLES) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Budget"
    for row in budget:
        book.active.append(row)
    sheet = book.create_sheet("Exempel")
    for row in examples:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def setup(project: Project, deck: str = DECK, **sheets) -> Path:
    workbook(project.content / "data" / "underlag.xlsx", **sheets)
    path = project.content / "decks" / "underlag.yaml"
    path.write_text(deck, encoding="utf-8")
    return path


def test_a_table_and_a_native_bar_chart_from_two_sheets(project: Project):
    deck = setup(project)
    (built,) = build(project, [deck])
    slides = read_deck(built.path)
    (table,) = slides[0].tables
    assert table == [
        ["Post", "2016", "2017"],
        ["Personal", "1\u00a0200", "1\u00a0350,5"],
        ["Tryck och webb", "45", "–"],  # an empty cell is missing, never 0
        ["Resor", "12,5", "30"],  # text that reads as a number is one, as in a CSV file
    ]
    (chart,) = [s.chart for s in Presentation(str(built.path)).slides[1].shapes if s.has_chart]
    plot = chart.plots[0]
    assert list(plot.categories) == ["Stockholm", "Uppsala", "Skåne"]
    assert [(s.name, list(s.values)) for s in plot.series] == [("2016", [1, None, 3]), ("2017", [2, 2, 1])]


def test_the_first_sheet_when_none_is_named(project: Project):
    deck = setup(project, DECK.replace("    sheet: Budget\n", ""))
    (built,) = build(project, [deck])
    assert read_deck(built.path)[0].tables[0][1][0] == "Personal"


def problems(project: Project, deck: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        build(project, [deck])
    assert not list(project.output.glob("*.pptx"))
    return [str(p) for p in err.value.sorted()]


def test_a_sheet_that_does_not_exist_is_located_at_the_slide(project: Project):
    deck = setup(project, DECK.replace("sheet: Exempel", "sheet: Exmpel"))
    line = DECK.splitlines().index("    sheet: Exempel") + 1
    assert problems(project, deck) == [
        f"content/decks/underlag.yaml:{line}:12: slides[1].sheet: there is no sheet `Exmpel` in "
        "content/data/underlag.xlsx — did you mean `Exempel`?"
    ]


def test_a_cell_that_is_not_a_number_is_located_at_its_cell(project: Project):
    deck = setup(project, examples=[*EXAMPLES[:2], ["Uppsala", "två", 2], EXAMPLES[3]])
    assert problems(project, deck) == [
        'content/data/underlag.xlsx:Exempel!B3: "två" is not a number (column 2016); write a number like 50, 1 350 '
        "or 12,5, or leave the cell empty where the value is missing (it is then shown as –, never as 0)"
    ]


def test_a_sheet_goes_only_with_a_workbook(project: Project):
    (project.content / "data").mkdir()
    (project.content / "data" / "budget.csv").write_text("Post;2016\nPersonal;1200\n", encoding="utf-8")
    deck = setup(project, DECK.replace("source: data/underlag.xlsx\n    sheet: Budget", "source: data/budget.csv\n"
                                       "    sheet: Budget"))
    (message,) = problems(project, deck)
    assert message.endswith("slides[0]: `sheet:` names a sheet of an .xlsx workbook; remove it, or give an .xlsx file "
                            "as `source:`")
