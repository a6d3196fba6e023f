"""A data file (CSV, or a sheet of an .xlsx workbook) named by a slide's `source:`: how the reference is written,
the model its rows validate as, and the table of typed cells that a `table` and a `bar_chart` with `source:` both read.

    table = table_of(bundle.get(slide.source, DataFile))            # a CSV file
    table = sheet_table(bundle.get(slide.source, Workbook), "Svar")  # a sheet of a workbook (see source_table)
    table.header[1].value      # "2017"
    table.rows[2][1].value     # 1350.0 (written `1 350`), "femtio", or None for an empty cell
    table.rows[2][1].location  # content/data/kommuner.csv:4:2

A cell is a number when all of it reads as one (`1 350`, `12,5`, `12.5`, `−3`, `45 %`: see
format.parse_number); otherwise it is its text. Whether a text is wrong where a number is needed
is for the slide that uses the column to say (`DataCell.number_problem`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel, RootModel

from slidegen.errors import Location, Problem, Source
from slidegen.format import parse_number
from slidegen.models.base import file_ref

DataRef = file_ref("([Cc][Ss][Vv]|[Xx][Ll][Ss][Xx])", "CSV or Excel (.xlsx)", "data/kommuner.csv")


def is_workbook(ref: str) -> bool:
    """Whether a data reference names an .xlsx workbook (else a CSV file)."""
    return ref.lower().endswith(".xlsx")


class DataFile(RootModel[list[list[str]]]):
    """A CSV file's rows of cell texts, the first row the header; table_of types the cells."""

    model_config = {"frozen": True}


class Workbook(RootModel[dict[str, list[list[Any]]]]):
    """An .xlsx workbook's sheets by name, each its rows of cell values; sheet_table types one sheet's cells."""

    model_config = {"frozen": True}


def sheet_goes_with_workbook(source: str | None, sheet: str | None) -> None:
    """`sheet:` names a sheet of an .xlsx `source:`; anywhere else it is a mistake (ValueError)."""
    if sheet is not None and not (source and is_workbook(source)):
        raise ValueError("`sheet:` names a sheet of an .xlsx workbook; remove it, or give an .xlsx file as `source:`")


def source_model(ref: str) -> type[BaseModel]:
    """The model a data reference's file validates as: a Workbook for .xlsx, else a DataFile (CSV)."""
    return Workbook if is_workbook(ref) else DataFile


class LoadedData(Protocol):
    """A data file, read and validated: where it is (with the place of each cell) and its rows."""

    @property
    def doc(self) -> Source: ...

    @property
    def model(self) -> DataFile: ...


Value = str | float | None
"""A cell's value: its text, the number it holds, or None when it is empty."""


@dataclass(frozen=True)
class DataCell:
    """One cell: its value, its text as written, where it is, and whether its number was written with `%`."""

    value: Value
    text: str
    location: Location
    percent: bool = False

    @property
    def is_number(self) -> bool:
        """Whether the cell holds a number."""
        return isinstance(self.value, float)

    def number_problem(self, heading: str = "") -> Problem | None:
        """The problem when the cell holds text where a number (or nothing, for a missing value) is needed."""
        if not isinstance(self.value, str):
            return None
        column = f" (column {heading})" if heading else ""
        return Problem(self.location, f'"{self.value}" is not a number{column}; write a number like 50, 1 350 or 12,5, '
                       "or leave the cell empty where the value is missing (it is then shown as –, never as 0)")


@dataclass(frozen=True)
class DataTable:
    """A data file as a table: the header row's cells and the rows below it, every row as long as the header."""

    source: str
    """The file as the user sees it: `content/data/kommuner.csv`."""
    header: tuple[DataCell, ...]
    rows: tuple[tuple[DataCell, ...], ...]
    start: Location | None = None
    """Where the table begins (a sheet's `Svar!A1`); the file's first line when None."""

    @property
    def origin(self) -> Location:
        """Where a problem of the whole table is located: the sheet, or the start of the file."""
        return self.start or Location(self.source, 1, 1)

    def column(self, index: int) -> tuple[DataCell, ...]:
        """The cells of one column below the header."""
        return tuple(row[index] for row in self.rows)


def cell_value(text: str) -> tuple[Value, bool]:
    """A cell's value and whether it was a per cent: `` → None, `1 350` → 1350.0, `45 %` → (45.0, True), `Skåne` → text."""
    text = text.strip()
    if not text:
        return None, False
    percent = text.endswith("%")
    body = text[:-1] if percent else text
    try:
        return parse_number(body), percent
    except ValueError:
        return text, False


def table_of(loaded: LoadedData) -> DataTable:
    """The typed cells of a data file, read and validated (rows of texts, the first row the header)."""
    doc = loaded.doc
    rows = []
    for r, texts in enumerate(loaded.model.root):
        cells = []
        for c, text in enumerate(texts):
            value, percent = cell_value(text) if r else (text or None, False)
            cells.append(DataCell(value, text, doc.location((r, c)), percent))
        rows.append(tuple(cells))
    return DataTable(doc.display, rows[0], tuple(rows[1:]))


class LoadedWorkbook(Protocol):
    """A workbook, read and validated: where it is (with the place of each cell) and its sheets."""

    @property
    def doc(self) -> Source: ...

    @property
    def model(self) -> Workbook: ...


class Files(Protocol):
    """What reading a slide's source needs of the bundle: the files it refers to (models/bundle.Bundle is one)."""

    def get(self, ref: str, model: type[BaseModel]) -> Any: ...


def source_table(bundle: Files, source: str, sheet: str | None, sheet_at: Location) -> DataTable | Problem:
    """The table of a slide's `source:`: the CSV file, or the sheet of the workbook (its first when `sheet` is None);
    the problem, located at `sheet_at` (where `sheet:` is written), when the workbook has no such sheet."""
    if not is_workbook(source):
        return table_of(bundle.get(source, DataFile))
    loaded = bundle.get(source, Workbook)
    names = list(loaded.model.root)
    name = sheet if sheet is not None else (names[0] if names else None)
    if name not in names:
        from slidegen.errors import suggest_from

        hint = suggest_from(str(name), names, "; its sheets are: ")
        return Problem(sheet_at, f"there is no sheet `{name}` in {loaded.doc.display}{hint}")
    return sheet_table(loaded, name)


def _sheet_cell(value: Any, location: Location) -> DataCell:
    """A workbook cell as a data cell: numbers as they are, text read as the cells of a CSV file are."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return DataCell(float(value), str(value), location)
    if value is None:
        return DataCell(None, "", location)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    number, percent = cell_value(text) if isinstance(value, str) else (text, False)
    return DataCell(number, text, location, percent)


def sheet_table(loaded: LoadedWorkbook, sheet: str) -> DataTable:
    """The typed cells of one sheet: its first row the header, empty rows and empty columns at the right left out."""
    doc = loaded.doc
    rows = loaded.model.root[sheet]
    used = [r for r, row in enumerate(rows) if any(v is not None and str(v).strip() for v in row)]
    width = max((c + 1 for r in used for c, v in enumerate(rows[r]) if v is not None and str(v).strip()), default=0)
    start = doc.location((sheet,))
    if not used:
        return DataTable(doc.display, (), (), start)
    table = [tuple(_sheet_cell(rows[r][c] if c < len(rows[r]) else None, doc.location((sheet, r, c)))
                   for c in range(width)) for r in used]
    header = tuple(DataCell(c.text.strip() or None, c.text, c.location) for c in table[0])
    return DataTable(doc.display, header, tuple(table[1:]), start)
