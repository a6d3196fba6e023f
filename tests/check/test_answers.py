"""An answer sheet read against its survey: each mistake located at its cell (file:Sheet!Cell), all at once, nothing written."""

from __future__ import annotations

import copy
from pathlib import Path

import answers as sample
import pytest
from click.testing import CliRunner
from edits import replace_once

from slidegen.build import build
from slidegen.check.library import Library
from slidegen.cli import main
from slidegen.errors import ContentError
from slidegen.project import Project

DECK = "skype-2016-10-28"
SHEET = "content/data/enkat-2016.xlsx"
SURVEY = "content/survey-2016.yaml"
ANSWERS = "write one of Genomfört, På gång, Ej aktuellt, or leave the cell empty"


def use_2016(project: Project, table: list[list] | None = None, **survey) -> Path:
    """The sample answers (or `table` as the sheet) in the project, and the Skype deck using them."""
    sample.install(project.content, table=table, **survey)
    deck = project.content / "decks" / f"{DECK}.yaml"
    replace_once(deck, "survey: survey-2015.yaml", "survey: survey-2016.yaml")
    return deck


def table() -> list[list]:
    return copy.deepcopy(sample.rows(sample.draw()))


def problems(project: Project, deck: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        build(project, [deck])
    assert not list(project.output.glob("*.pptx")), "nothing is written when the sheet has a mistake"
    return [str(p) for p in err.value.sorted()]


def test_the_sample_loads_with_the_sheet_among_the_decks_files(project: Project):
    deck = use_2016(project)
    bundle = Library(project).bundle(deck)
    assert project.content / "data" / "enkat-2016.xlsx" in bundle.files()
    answers = bundle.answers(None)
    assert answers is not None and answers.sheet == "Svar"
    assert len(answers.counties) == 20 and [c.name for c in answers.missing()] == ["Gotland"]
    assert bundle.notes() == [f"{SHEET}:Svar: Gotlands län has no row; counted as not having answered "
                              "(n is at most 20 of 21)"]


@pytest.mark.parametrize("row, column, value, expected", [
    (6, 3, "Genomfort", f'{SHEET}:Svar!D7: "Genomfort" is not an answer; {ANSWERS}'),
    (4, 0, "Skane", f"{SHEET}:Svar!A5: \"Skane\" is not one of Sweden's 21 counties — did you mean `Skåne`?"),
    (0, 5, "Metod 33", f"{SHEET}:Svar!F1: method 33 is not in {SURVEY} (it has 1–32)"),
], ids=["misspelt answer", "unknown county", "method not in the survey"])
def test_a_mistake_in_one_cell_is_located_at_that_cell(project: Project, row, column, value, expected):
    rows = table()
    rows[row][column] = value
    deck = use_2016(project, rows)
    assert problems(project, deck) == [expected]


def test_a_repeated_county_names_its_first_row(project: Project):
    rows = table()
    first = next(r for r, row in enumerate(rows) if row[0] == "Skåne")
    rows[3][0] = "Länsstyrelsen i Skåne"  # A4, the same county written another way
    deck = use_2016(project, rows)
    assert problems(project, deck) == [f"{SHEET}:Svar!A{first + 1}: Skåne län is here a second time (first in A4); "
                                       "keep one row per county"]


def test_a_repeated_method_and_a_header_that_is_no_number(project: Project):
    rows = table()
    rows[0][6] = 2  # G1: method 2 again (B1 is Metod 1, C1 Metod 2)
    rows[0][7] = "Kommentar"  # H1
    rows[0][8] = None  # I1: a column of answers without a heading
    deck = use_2016(project, rows)
    assert problems(project, deck) == [
        f"{SHEET}:Svar!G1: method 2 is here a second time (first in C1); keep one column per method",
        f'{SHEET}:Svar!H1: "Kommentar" is not a method number; write the method\'s number, like 7 or Metod 7',
        f"{SHEET}:Svar!I1: this column has answers but no method number; write the method's number in row 1 "
        "(like 7 or Metod 7)",
    ]


def test_a_sheet_that_does_not_exist_is_located_in_the_survey(project: Project):
    deck = use_2016(project, sheet="Svaren")
    line = next(i for i, ln in enumerate((project.root / SURVEY).read_text(encoding="utf-8").splitlines(), start=1)
                if "sheet: Svaren" in ln)
    assert problems(project, deck) == [
        f"{SURVEY}:{line}:10: answers.sheet: there is no sheet `Svaren` in {SHEET} — did you mean `Svar`?"
    ]


def test_a_file_that_is_not_xlsx(project: Project):
    deck = use_2016(project)
    (project.root / SHEET).write_text("Län;Metod 1\nSkåne;Genomfört\n", encoding="utf-8")
    assert problems(project, deck) == [
        f"{SHEET}: this file is not an .xlsx workbook (it is a text file (a CSV file?)); "
        "save the sheet from Excel as .xlsx (Excel Workbook)"
    ]


def test_a_missing_workbook_gets_a_suggestion(project: Project):
    deck = use_2016(project, file="data/enkat-2106.xlsx")
    (message,) = problems(project, deck)
    assert message.startswith(f"{SURVEY}:") and message.endswith(
        "answers.file: there is no file content/data/enkat-2106.xlsx — did you mean `data/enkat-2016.xlsx`?")


def test_every_mistake_at_once_through_the_command_line(project: Project):
    rows = table()
    rows[6][3] = "Genomfort"
    rows[4][0] = "Skane"
    rows[0][5] = "Metod 33"
    rows[9][9] = 3
    use_2016(project, rows)
    result = CliRunner().invoke(main, ["--root", str(project.root), "build"], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        f"{SHEET}:Svar!A5: \"Skane\" is not one of Sweden's 21 counties — did you mean `Skåne`?",
        f'{SHEET}:Svar!D7: "Genomfort" is not an answer; {ANSWERS}',
        f"{SHEET}:Svar!F1: method 33 is not in {SURVEY} (it has 1–32)",
        f'{SHEET}:Svar!J10: "3" is not an answer; {ANSWERS}',
        "4 errors in 1 file; nothing was written.",
    ]
    assert not list(project.output.glob("*.pptx"))


def test_case_spaces_and_every_way_of_writing_a_county_or_a_method_are_read(project: Project):
    rows = table()
    rows[0][1:4] = [1, "2", "3. Direktiv om miljömål i VP-arbetet"]
    names = {"Stockholm": "AB", "Uppsala": "Uppsala län", "Södermanland": "Länsstyrelsen i Södermanlands län",
             "Östergötland": "länsstyrelsen östergötland"}
    for row in rows[1:]:
        row[0] = names.get(row[0], row[0])
    rows[1][1] = "  på  GÅNG "
    rows[1][2] = "   "  # spaces only: empty, as it looks
    deck = use_2016(project, rows)
    bundle = Library(project).bundle(deck)
    answers = bundle.answers(None)
    assert answers.method(1).answers["AB"] == "ongoing"
    assert "AB" not in answers.method(2).answers
    assert {"AB", "C", "D", "E"} <= set(answers.counties)


def test_typed_shares_and_uncertain_columns_do_not_go_with_answers(project: Project):
    deck = use_2016(project)
    survey = project.root / SURVEY
    line = replace_once(survey, "        short: Uppdaterad miljöanalys\n",
                        "        short: Uppdaterad miljöanalys\n        results: {done: 14}\n        columns_uncertain: true\n")
    assert problems(project, deck) == [
        f"{SURVEY}:{line + 1}:9: groups[0].methods[0].results: this survey's shares are computed from its answers "
        "(data/enkat-2016.xlsx); remove `results:`",
        f"{SURVEY}:{line + 2}:9: groups[0].methods[0].columns_uncertain: `columns_uncertain` does not apply to shares "
        "computed from answers; remove it",
    ]


def test_a_method_without_a_column_is_a_note_not_an_error(project: Project):
    rows = [row[:-1] for row in table()]  # no Metod 32
    deck = use_2016(project, rows)
    bundle = Library(project).bundle(deck)
    assert f"{SHEET}:Svar: method 32 has no column; its shares are shown as not given" in bundle.notes()
    assert bundle.survey(None).model.method(32).results.values() == (None, None, None)


def test_validate_reads_a_surveys_sheet_too(project: Project):
    rows = table()
    rows[6][3] = "Genomfort"
    use_2016(project, rows)
    result = CliRunner().invoke(main, ["--root", str(project.root), "validate", str(project.root / SURVEY)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert f'{SHEET}:Svar!D7: "Genomfort" is not an answer' in result.output


def add_slides(deck: Path, text: str) -> int:
    """Append slides to a deck file; the line the first of them starts on."""
    before = deck.read_text(encoding="utf-8")
    deck.write_text(before + text, encoding="utf-8")
    return len(before.splitlines()) + 1 + (text.startswith("\n"))


def test_a_county_matrix_needs_a_survey_with_answers(project: Project):
    deck = project.content / "decks" / f"{DECK}.yaml"
    slides = len(__import__("yaml").safe_load(deck.read_text(encoding="utf-8"))["slides"])
    line = add_slides(deck, "  - kind: county_matrix\n    methods: 1-5\n")
    assert problems(project, deck) == [
        f"content/decks/{DECK}.yaml:{line}:5: slides[{slides}]: a county matrix needs each board's answers, and "
        "content/survey-2015.yaml gives only shares; use a survey with `answers:` (a sheet with one row per county)"
    ]


def test_a_comparisons_surveys_and_methods_are_checked(project: Project):
    deck = use_2016(project)
    slides = len(__import__("yaml").safe_load(deck.read_text(encoding="utf-8"))["slides"])
    survey = (project.root / SURVEY).read_text(encoding="utf-8")
    (project.content / "survey-2016b.yaml").write_text(survey, encoding="utf-8")  # also called 2016 (its `short`)
    line = add_slides(deck, "  - kind: comparison\n    surveys: [survey-2015.yaml, survey-2016.yaml, survey-2016b.yaml, "
                      "survey-2015.yaml]\n    methods: 30-34\n")
    at = f"content/decks/{DECK}.yaml"
    assert problems(project, deck) == [
        f"{at}:{line + 1}:51: slides[{slides}].surveys[2]: survey-2016b.yaml and survey-2016.yaml are both called `2016` "
        "in the legend; give one of them a `short:` name",
        f"{at}:{line + 1}:70: slides[{slides}].surveys[3]: survey-2015.yaml is listed twice; compare different surveys",
        f"{at}:{line + 2}:14: slides[{slides}].methods: methods 33–34 are in none of the surveys",
    ]


def test_answers_from_a_csv_file_are_located_by_line_and_column(project: Project):
    deck = use_2016(project, file="data/enkat-2016.csv", sheet=None)
    csv = project.content / "data" / "enkat-2016.csv"
    csv.write_text("Län;Metod 1;Metod 2\nSkåne;Genomfört;\nUppsala;På gång;Ej aktuellt\n", encoding="utf-8")
    answers = Library(project).bundle(deck).answers(None)
    assert answers.method(1).answers == {"C": "ongoing", "M": "done"}
    assert answers.method(2).answers == {"C": "not_relevant"}
    assert answers.summary([1]).startswith("Andelarna är räknade ur content/data/enkat-2016.csv: svar från 2 av 21")
    csv.write_text("Län;Metod 1\nSkåne;Genomfört\nUppsala;På gang\n", encoding="utf-8")
    assert problems(project, deck) == [f'content/data/enkat-2016.csv:3:2: "På gang" is not an answer; {ANSWERS}']
