"""The CSV reader and its typed table: Excel's Swedish and English files, every cell located, bad files located."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.errors import ContentError
from slidegen.load.csv_file import delimiter
from slidegen.load.readers import read_document
from slidegen.models.bundle import Loaded
from slidegen.models.data import DataFile, DataTable, cell_value, table_of


def read_table(path: Path, root: Path) -> DataTable:
    """A CSV file as the slides see it: read by its reader, validated, its cells typed."""
    doc = read_document(path, root)
    return table_of(Loaded(doc, DataFile.model_validate(doc.data)))


def write(tmp_path: Path, data: bytes | str, name: str = "kommuner.csv") -> Path:
    folder = tmp_path / "content" / "data"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def errors(path: Path, root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        read_table(path, root)
    return [str(p) for p in err.value.sorted()]


SWEDISH = "Län;2016;2017\r\nStockholms län;1 350;12,5\r\nUppsala län;;−3\r\n"
"""As Excel with Swedish settings writes it: `;` between cells, decimal comma, CRLF."""


def test_swedish_excel_file_with_bom_gives_numbers_and_missing_values(tmp_path):
    path = write(tmp_path, "\ufeff" + SWEDISH)
    table = read_table(path, tmp_path)
    assert [c.value for c in table.header] == ["Län", "2016", "2017"]
    assert [[c.value for c in row] for row in table.rows] == [["Stockholms län", 1350.0, 12.5], ["Uppsala län", None, -3.0]]
    assert str(table.rows[1][2].location) == "content/data/kommuner.csv:3:3"
    assert table.source == "content/data/kommuner.csv"


def test_english_excel_file_with_commas_and_decimal_points(tmp_path):
    path = write(tmp_path, 'County,"Antal, st",Andel\nSkåne,"1 200",45.5 %\nHalland,7,\n')
    table = read_table(path, tmp_path)
    assert table.header[1].value == "Antal, st"  # a quoted cell keeps its comma
    skane, halland = table.rows
    assert [c.value for c in skane] == ["Skåne", 1200.0, 45.5]
    assert skane[2].percent and not skane[1].percent
    assert [c.value for c in halland] == ["Halland", 7.0, None]


def test_a_quoted_cell_may_hold_quotes_and_line_breaks_and_later_lines_keep_their_numbers(tmp_path):
    path = write(tmp_path, 'Post;Not\n"Tryck ""och"" webb";"rad ett\nrad två"\nPersonal;x\n')
    table = read_table(path, tmp_path)
    assert table.rows[0][0].value == 'Tryck "och" webb'
    assert table.rows[0][1].value == "rad ett\nrad två"
    assert str(table.rows[1][1].location) == "content/data/kommuner.csv:4:2"  # the line break inside quotes counts


def test_blank_rows_are_skipped_short_rows_filled_and_trailing_empty_cells_ignored(tmp_path):
    path = write(tmp_path, "Län;2016;2017\n\nSkåne;1\n;;\nHalland;2;3;;\n")
    table = read_table(path, tmp_path)
    assert [[c.value for c in row] for row in table.rows] == [["Skåne", 1.0, None], ["Halland", 2.0, 3.0]]
    assert str(table.rows[1][0].location) == "content/data/kommuner.csv:5:1"


@pytest.mark.parametrize(
    "text, value",
    [
        ("1 350", 1350.0), ("1\u00a0350", 1350.0), ("1\u202f350,5", 1350.5), ("12,5", 12.5), ("12.5", 12.5),
        ("−3", -3.0), ("-3", -3.0), ("0", 0.0), (" 7 ", 7.0), ("45 %", 45.0), ("45%", 45.0), ("", None),
        ("femtio", "femtio"), ("1 35", "1 35"), ("12,5,1", "12,5,1"), ("NaN", "NaN"), ("%", "%"),
    ],
)
def test_cell_values(text, value):
    assert cell_value(text)[0] == value


def test_delimiter_is_taken_from_the_first_line_outside_quotes():
    assert delimiter("a;b,c\n1;2") == ";"
    assert delimiter('"a;b",c\n1;2') == ","
    assert delimiter("a,b\n1;2") == ","
    assert delimiter("bara en kolumn\n1,5") == ";"


def too_many(line: int, cells: int) -> str:
    return (f"content/data/kommuner.csv:{line}:3: this row has {cells} cells but the header (line 1) has 2; remove the "
            "extra cells, put a cell holding the separator in quotes, or add a heading for the column")


def test_a_row_with_too_many_cells_is_located_at_its_first_extra_cell(tmp_path):
    path = write(tmp_path, "Post,2016\nTryck, webb,45\nPersonal,1200,3,4\n")
    assert errors(path, tmp_path) == [too_many(2, 3), too_many(3, 4)]


def test_a_file_that_is_not_utf8_is_located_at_its_first_bad_byte(tmp_path):
    path = write(tmp_path, "Län;2016\nStockholm;1\nSkåne;3\n".encode("cp1252"))
    (message,) = errors(path, tmp_path)
    assert message.startswith("content/data/kommuner.csv:1:1: the file is not UTF-8 text (it looks like Windows-1252")
    assert "the byte 0xE4 here cannot be read" in message and 'save it as "CSV UTF-8"' in message
    path = write(tmp_path, "Län;2016\nStockholm;1\n".encode("utf-8") + "Sk;å".encode("latin-1") + b"ne;3\n")
    (message,) = errors(path, tmp_path)
    assert message.startswith("content/data/kommuner.csv:3:2: the file is not UTF-8 text")


def test_utf16_is_named(tmp_path):
    path = write(tmp_path, "Län;2016\n".encode("utf-16"))
    assert errors(path, tmp_path) == ['content/data/kommuner.csv:1:1: the file is UTF-16 text, not UTF-8; save it as '
                                      '"CSV UTF-8" (in Excel: Arkiv → Spara som → CSV UTF-8 (kommaavgränsad))']


def test_an_unclosed_quote_and_a_long_row_are_reported_together(tmp_path):
    path = write(tmp_path, 'Län;2016\nSkåne;3;4\nHalland;"7\n')
    assert errors(path, tmp_path) == [
        too_many(2, 3),
        'content/data/kommuner.csv:3:2: this cell starts with a quote (") that is never closed; add the closing '
        "quote, or remove the opening one",
    ]


def test_an_empty_file_says_what_to_write(tmp_path):
    path = write(tmp_path, "\ufeff\n;;\n")
    assert errors(path, tmp_path) == [
        "content/data/kommuner.csv: the file has no rows; write a header row and the data below it"
    ]


def test_the_reader_table_picks_the_csv_reader_and_locations_have_no_dotted_path(tmp_path):
    path = write(tmp_path, SWEDISH, "Budget.CSV")
    doc = read_document(path, tmp_path)
    assert doc.data == [["Län", "2016", "2017"], ["Stockholms län", "1 350", "12,5"], ["Uppsala län", "", "−3"]]
    where = doc.location((2, 1))
    assert (where.file, where.line, where.column, where.path) == ("content/data/Budget.CSV", 3, 2, "")


def test_a_bad_cell_says_it_is_not_a_number_with_its_column(tmp_path):
    path = write(tmp_path, "Län;2016;2017\nStockholm;1;2\nUppsala;femtio;2\n")
    cell = read_table(path, tmp_path).rows[1][1]
    assert str(cell.number_problem("2016")) == (
        'content/data/kommuner.csv:3:2: "femtio" is not a number (column 2016); write a number like 50, 1 350 or 12,5, '
        "or leave the cell empty where the value is missing (it is then shown as –, never as 0)"
    )
    assert read_table(path, tmp_path).rows[1][2].number_problem("2017") is None
