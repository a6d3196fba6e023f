"""Excel workbooks read as documents: values as Excel shows them, every cell located as Sheet!D7, non-workbooks refused."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from slidegen.errors import ContentError
from slidegen.load.readers import read_document
from slidegen.load.xlsx_file import cell_ref, column_name, sheet_ref


def workbook(path: Path, sheets: dict[str, dict[str, object]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, cells in sheets.items():
        ws = book.create_sheet(name)
        for ref, value in cells.items():
            ws[ref] = value
    book.save(path)
    return path


def error(path: Path, root: Path | None = None) -> str:
    with pytest.raises(ContentError) as err:
        read_document(path, root)
    (problem,) = err.value.problems
    return str(problem)


def test_values_are_what_excel_shows_and_rows_start_at_a1(tmp_path: Path):
    path = workbook(tmp_path / "svar.xlsx", {
        "Svar": {"B2": "Metod 1", "C2": 7, "D2": 2.5, "B3": dt.datetime(2016, 10, 28), "C3": True, "D4": "  "},
        "Tom": {},
    })
    doc = read_document(path, tmp_path)
    assert list(doc.data) == ["Svar", "Tom"]
    assert doc.data["Svar"] == [
        [None, None, None, None],
        [None, "Metod 1", 7, 2.5],
        [None, dt.date(2016, 10, 28), True, None],
        [None, None, None, "  "],
    ]
    assert isinstance(doc.data["Svar"][1][2], int)  # Excel stores 7 as 7.0; it reads as the whole number it is
    assert doc.data["Tom"] == []


def test_every_cell_is_located_as_sheet_and_cell(tmp_path: Path):
    path = workbook(tmp_path / "svar.xlsx", {"Svar": {"D7": "x"}, "Svar 2016": {"AB12": "y"}})
    doc = read_document(path, tmp_path)
    assert str(doc.location(("Svar", 6, 3))) == "svar.xlsx:Svar!D7"
    assert str(doc.location(("Svar 2016", 11, 27))) == "svar.xlsx:'Svar 2016'!AB12"
    assert str(doc.location(("Svar",))) == "svar.xlsx:Svar"
    assert str(doc.location(())) == "svar.xlsx"
    problem = doc.problem(("Svar", 6, 3), "a message")
    assert str(problem) == "svar.xlsx:Svar!D7: a message"  # no dotted path after the cell


@pytest.mark.parametrize("index, name", [(0, "A"), (3, "D"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")])
def test_column_names_as_excel_writes_them(index: int, name: str):
    assert column_name(index) == name


def test_sheet_names_are_quoted_where_excel_quotes_them():
    assert sheet_ref("Svar") == "Svar"
    assert sheet_ref("Län") == "Län"
    assert sheet_ref("Svar 2016") == "'Svar 2016'"
    assert sheet_ref("D7") == "'D7'"  # reads like a cell
    assert sheet_ref("Kim's") == "'Kim''s'"
    assert cell_ref("Svar", 0, 0) == "Svar!A1"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "the file is empty; save the workbook from Excel as .xlsx"),
        ("Län;Metod 1\nSkåne;Genomfört\n".encode(), "this file is not an .xlsx workbook (it is a text file (a CSV file?)); "
         "save the sheet from Excel as .xlsx (Excel Workbook)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "this file is not an .xlsx workbook (it is a PNG picture); "
         "save the sheet from Excel as .xlsx (Excel Workbook)"),
        (b"%PDF-1.7\n" + bytes(40), "this file is not an .xlsx workbook (it is a PDF document); "
         "save the sheet from Excel as .xlsx (Excel Workbook)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "this file is not an .xlsx workbook (it is an old .xls workbook, "
         "or one protected by a password); open it in Excel and save it as .xlsx (Excel Workbook) without a password"),
    ],
)
def test_a_file_that_is_not_a_workbook_says_what_it_is(tmp_path: Path, content: bytes, expected: str):
    path = tmp_path / "data" / "enkat.xlsx"
    path.parent.mkdir()
    path.write_bytes(content)
    assert error(path, tmp_path) == f"data/enkat.xlsx: {expected}"


def test_a_zip_that_is_no_workbook(tmp_path: Path):
    path = tmp_path / "enkat.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "hej")
    message = error(path, tmp_path)
    assert message.startswith("enkat.xlsx: this file is not an .xlsx workbook that can be read (")
    assert message.endswith("); save it again from Excel as .xlsx (Excel Workbook)")


def test_a_missing_file(tmp_path: Path):
    assert error(tmp_path / "saknas.xlsx", tmp_path) == "saknas.xlsx: file not found"


def test_an_empty_trailing_area_is_dropped_and_rows_are_padded(tmp_path: Path):
    path = workbook(tmp_path / "svar.xlsx", {"Svar": {"A1": "Län", "C1": 3, "A2": "Skåne"}})
    assert read_document(path).data["Svar"] == [["Län", None, 3], ["Skåne", None, None]]
