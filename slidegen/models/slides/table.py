"""The table slide kind: a header and rows written in the deck or read from a CSV file, typed and checked alike."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, Callable, ClassVar, Literal, Union

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from slidegen.errors import Location, Problem
from slidegen.models.base import Text
from slidegen.models.data import (
    DataCell,
    DataRef,
    DataTable,
    cell_value,
    sheet_goes_with_workbook,
    source_model,
    source_table,
)
from slidegen.models.slides.base import Bundle, Deck, Loc, Reference, SlideBase

MAX_COLUMNS = 12
"""More columns than this cannot be read on a slide at the table's smallest size."""


def _cell(value: Any) -> Any:
    """A table cell as written: a number, text, or nothing; yes/no values, dates and lists are refused."""
    if isinstance(value, (bool, dt.date, dt.datetime)):  # reported as text YAML read as something else
        raise PydanticCustomError("string_type", "a table cell holds a number or text")
    if isinstance(value, (list, dict)):
        raise ValueError("a table cell holds one number or text, not a list or mapping")
    if isinstance(value, float) and not math.isfinite(value):  # .nan, .inf
        raise ValueError(f"`{value}` is not a number to show; leave the cell empty (null) for no value")
    return value


TableCell = Annotated[
    Union[int, float, str, None],
    BeforeValidator(_cell),
    Field(description="A number (`1350`, `12.5`, `12,5`, `-3`, `45 %`), text, or null/empty for no value "
          "(shown as –, never 0)."),
]


def _heading(value: Any) -> Any:
    """A column heading written as a number (`2016`) is the text of that number."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class TableSlide(SlideBase):
    """A table: a header row and rows of text and numbers; continued on more slides when long.

    Numbers are right-aligned and written the Swedish way (`1 350`, `12,5`, `−3`); a missing value is
    shown as `–`. The rows are written here (`columns` and `rows`) or read from a CSV file (`source`).
    """

    kind: Literal["table"] = Field(description="The slide kind: `table`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title_only"})
    title: Text = Field(description="The slide title; shown with (1/2), (2/2) when the table needs several slides.")
    columns: list[Annotated[Text, BeforeValidator(_heading)]] | None = Field(
        None, min_length=1, max_length=MAX_COLUMNS,
        description="The header row: one heading per column, e.g. `[Post, \"2016\", \"2017\"]`.")
    rows: list[list[TableCell]] | None = Field(
        None, min_length=1, description="The rows: one list of cells per row, as many cells as there are columns.")
    source: DataRef | None = Field(
        None, description="Instead of `columns` and `rows`: a CSV file or an .xlsx workbook under content/ whose "
        "first row is the header, e.g. `data/budget.csv`.")
    sheet: Text | None = Field(None, description="With an .xlsx `source:`: the sheet's name, e.g. `Budget`; the "
                               "workbook's first sheet when left out.")
    example: ClassVar[str] = """\
# En tabell med rubrikrad (columns) och rader (rows), eller i stället en CSV-fil (source: data/budget.csv).
# Tal högerställs och skrivs på svenska (1 350, 12,5); null eller tom cell betyder att uppgift
# saknas och visas som –, aldrig 0. Långa tabeller fortsätter på nya bilder med rubrikraden upprepad.
- kind: table
  title: Budget för nätverket (tkr)
  columns: [Post, "2016", "2017", Förändring]
  rows:
    - [Personal, 1200, 1350, 150]
    - [Tryck och webb, 45, null, null]
  notes: Talaranteckning till bilden.
"""

    @model_validator(mode="after")
    def _one_source(self) -> "TableSlide":
        written = self.columns is not None or self.rows is not None
        if written == (self.source is not None):
            raise ValueError("give the table either here (`columns:` and `rows:`) or from a CSV file (`source:`), "
                             "not both or neither")
        if written and (self.columns is None or self.rows is None):
            missing = "columns" if self.columns is None else "rows"
            raise ValueError(f"`{missing}` is missing; a table needs both `columns:` (the header) and `rows:`")
        sheet_goes_with_workbook(self.source, self.sheet)
        return self

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [Reference((*at, "source"), self.source, source_model(self.source))] if self.source is not None else []

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        data = table_data(self, bundle, at)
        return list(data.problems) if isinstance(data, Invalid) else []


@dataclass(frozen=True)
class TableData:
    """A table's cells, from the deck or a CSV file alike, with which columns hold numbers and where each row is."""

    header: tuple[str, ...]
    rows: tuple[tuple[DataCell, ...], ...]
    numeric: tuple[bool, ...]
    """Per column: whether it holds numbers (right-aligned; a year column's numbers are shown as written)."""
    sources: tuple[Location, ...]
    """Where each row is written."""


@dataclass(frozen=True)
class Invalid:
    """The rows could not be read as a table: the problems that say why."""

    problems: tuple[Problem, ...]


DASHES = {"-", "–", "—", "−"}
"""A cell holding only a dash is a missing value, as the table shows it."""

YEAR_HEADING = re.compile(r"^(år|årtal|year)$", re.IGNORECASE)
"""A column headed like this holds years: written without a thousands space (`2017`, not `2 017`)."""


def _yaml_cell(value: int | float | str | None, row: Location, locate: Callable[[], Location]) -> DataCell:
    """A cell written in the deck; located at its own place when it is text (which may be a mistake), else at its row."""
    if isinstance(value, (int, float)):
        return DataCell(float(value), str(value), row)
    text = value or ""
    number, percent = cell_value(text)
    return DataCell(number, text, locate() if isinstance(number, str) else row, percent)


_READ: dict[int, tuple[TableSlide, Bundle, TableData | Invalid]] = {}
"""The last tables read, by slide: its check and its planner read each table once."""


def table_data(slide: TableSlide, bundle: Bundle, at: Loc) -> TableData | Invalid:
    """The slide's cells typed (numbers, text, None for missing), or the problems that keep them from a table."""
    hit = _READ.get(id(slide))
    if hit is not None and hit[0] is slide and hit[1] is bundle:
        return hit[2]
    if len(_READ) >= 16:  # a build reads its tables twice in a row: a few are enough, and old bundles go
        _READ.clear()
    data = _read(slide, bundle, at)
    _READ[id(slide)] = (slide, bundle, data)
    return data


def _read(slide: TableSlide, bundle: Bundle, at: Loc) -> TableData | Invalid:
    if slide.source is not None:
        table = source_table(bundle, slide.source, slide.sheet, bundle.deck.doc.location((*at, "sheet")))
        if not isinstance(table, DataTable):
            return Invalid((table,))
        header_cells, rows = table.header, table.rows
        problems = [Problem(c.location, "this column has no heading; write one in the first row")
                    for c in header_cells if c.value is None]
        if len(header_cells) > MAX_COLUMNS:
            problems.append(Problem(header_cells[MAX_COLUMNS].location, f"the table has {len(header_cells)} columns; "
                                    f"a slide can show at most {MAX_COLUMNS}: leave out the ones it does not need"))
        if not rows:
            problems.append(Problem(table.origin, "there are no rows under the header; write the "
                                    "table's rows below it"))
        header = tuple(c.text for c in header_cells)
        sources = tuple(row[0].location for row in rows)
    else:
        doc = bundle.deck.doc
        assert slide.columns is not None and slide.rows is not None
        header = tuple(slide.columns)
        problems = [
            doc.problem((*at, "rows", r), f"this row has {len(row)} cell{'s' if len(row) != 1 else ''} but the table "
                        f"has {len(header)} columns; write one cell per column (null for no value)")
            for r, row in enumerate(slide.rows) if len(row) != len(header)
        ]
        sources = tuple(doc.location((*at, "rows", r)) for r in range(len(slide.rows)))
        rows = tuple(
            tuple(_yaml_cell(v, sources[r], lambda r=r, c=c: doc.location((*at, "rows", r, c))) for c, v in enumerate(row))
            for r, row in enumerate(slide.rows)
        )
    if problems:
        return Invalid(tuple(problems))
    rows = tuple(tuple(_missing_if_dash(c) for c in row) for row in rows)
    numeric = tuple(_holds_numbers([row[c] for row in rows]) for c in range(len(header)))
    problems = [
        problem
        for c, heading in enumerate(header) if numeric[c]
        for row in rows if (problem := row[c].number_problem(heading)) is not None
    ]
    if problems:
        return Invalid(tuple(problems))
    years = tuple(bool(YEAR_HEADING.match(h.strip())) and all(_whole(row[c]) for row in rows)
                  for c, h in enumerate(header))
    rows = tuple(tuple(_as_written(cell) if year else cell for cell, year in zip(row, years)) for row in rows)
    return TableData(header, rows, numeric, sources)


def _missing_if_dash(cell: DataCell) -> DataCell:
    return DataCell(None, cell.text, cell.location) if isinstance(cell.value, str) and cell.value in DASHES else cell


def _holds_numbers(cells: list[DataCell]) -> bool:
    """A column holds numbers when at least half of its filled cells are numbers (the others are then mistakes)."""
    filled = [c for c in cells if c.value is not None]
    numbers = sum(1 for c in filled if c.is_number)
    return numbers > 0 and numbers * 2 >= len(filled)


def _whole(cell: DataCell) -> bool:
    return cell.value is None or (isinstance(cell.value, float) and cell.value.is_integer())


def _as_written(cell: DataCell) -> DataCell:
    """A year: its number as plain digits (a text that stays right-aligned in its number column)."""
    return cell if cell.value is None else DataCell(str(int(cell.value)), cell.text, cell.location)  # type: ignore[arg-type]
