"""A data file (CSV) named by a slide's `source:`: how the reference is written, the model its rows validate as,
and the table of typed cells that a `table` and a `bar_chart` with `source:` both read.

    table = table_of(bundle.get(slide.source, DataFile))
    table.header[1].value      # "2017"
    table.rows[2][1].value     # 1350.0 (written `1 350`), "femtio", or None for an empty cell
    table.rows[2][1].location  # content/data/kommuner.csv:4:2

A cell is a number when all of it reads as one (`1 350`, `12,5`, `12.5`, `−3`, `45 %`: see
format.parse_number); otherwise it is its text. Whether a text is wrong where a number is needed
is for the slide that uses the column to say (`DataCell.number_problem`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pydantic import RootModel

from slidegen.errors import Location, Problem, Source
from slidegen.format import parse_number
from slidegen.models.base import file_ref

DataRef = file_ref("[Cc][Ss][Vv]", "CSV", "data/kommuner.csv")


class DataFile(RootModel[list[list[str]]]):
    """A CSV file's rows of cell texts, the first row the header; table_of types the cells."""

    model_config = {"frozen": True}


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
