"""Excel workbooks (.xlsx) read as documents: each sheet's rows of cell values, every cell located as `Sheet!D7`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from slidegen.errors import ContentError, Location, Problem, display_path
from slidegen.load.document import Document, NodeInfo
from slidegen.load.pictures import picture_kind

MAX_BYTES = 5 * 2**20
"""A workbook larger than this is refused: a sheet of answers or figures is a few kilobytes."""

MAX_CELLS = 200_000
"""At most this many cells in all the sheets together (the used area of each, empty cells included)."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an old binary Office file (.xls, or an encrypted .xlsx)."""

_PLAIN_SHEET = re.compile(r"^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$")
"""Sheet names Excel writes in a reference without quotes."""


def column_name(index: int) -> str:
    """0 → `A`, 25 → `Z`, 26 → `AA`: a column as Excel names it."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def sheet_ref(sheet: str) -> str:
    """A sheet's name as Excel writes it in a reference: `Svar`, or `'Svar 2016'` in quotes."""
    if _PLAIN_SHEET.match(sheet) and not re.match(r"^[A-Za-z]{1,3}\d+$", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def cell_ref(sheet: str, row: int, column: int) -> str:
    """The cell at a row and column (from 0) as `Svar!D7`."""
    return f"{sheet_ref(sheet)}!{column_name(column)}{row + 1}"


def read_document(path: Path, root: Path | None = None) -> Document:
    """Read every worksheet of an .xlsx file: data `{sheet: rows}`, each row a list of values (None when empty).

    Values are what Excel shows as computed (a formula's last result): text, whole numbers as int, other
    numbers as float, true/false, dates. Every row of a sheet has the same length.
    """
    path = Path(path)
    shown = display_path(path, root)

    def fail(message: str) -> ContentError:
        return ContentError([Problem(Location(shown), message)])

    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail("file not found") from None
    except IsADirectoryError:
        raise fail("this is a folder, not an Excel file") from None
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror}; check that the file is not open elsewhere") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"the workbook is larger than {MAX_BYTES // 2**20} MiB; a sheet of answers is a few kilobytes "
                   "— is this the right file?")
    if not raw.startswith(b"PK\x03\x04"):
        raise fail(_not_xlsx(raw))
    sheets = _sheets(raw, fail)
    return _document(path, shown, sheets)


def _not_xlsx(raw: bytes) -> str:
    """Why bytes that are not a zip package are no .xlsx workbook, in words."""
    if not raw:
        return "the file is empty; save the workbook from Excel as .xlsx"
    if raw.startswith(_OLE):
        return ("this file is not an .xlsx workbook (it is an old .xls workbook, or one protected by a password); "
                "open it in Excel and save it as .xlsx (Excel Workbook) without a password")
    kind = picture_kind(raw[:16])
    if kind is None:
        head = raw[:4096]
        kind = "a text file (a CSV file?)" if b"\x00" not in head and _text(head) else None
    what = f"it is {kind if kind not in ('PNG', 'JPEG') else f'a {kind} picture'}" if kind else "its content is not a workbook"
    return f"this file is not an .xlsx workbook ({what}); save the sheet from Excel as .xlsx (Excel Workbook)"


def _text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a character cut at the end of the sample
    return True


def _sheets(raw: bytes, fail: Any) -> dict[str, list[list[Any]]]:
    """The worksheets' values, in workbook order (chart sheets left out)."""
    import io

    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    sheets: dict[str, list[list[Any]]] = {}
    cells = 0
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(raw)) as book:
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                if sheet.start is None:  # nothing in it
                    sheets[meta.name] = []
                    continue
                cells += sheet.total_height * sheet.total_width
                if cells > MAX_CELLS:
                    raise fail(f"the workbook has more than {MAX_CELLS:,} cells in use".replace(",", "\u00a0")
                               + "; keep the answers in a small workbook of their own")
                sheets[meta.name] = sheet.to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise fail(f"this file is not an .xlsx workbook that can be read ({_reason(exc)}); "
                   "save it again from Excel as .xlsx (Excel Workbook)") from None
    return sheets


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:1].lower() + text[1:]


def _value(value: Any) -> Any:
    """A cell's value as slidegen uses it: None for an empty cell, int for a whole number."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def _document(path: Path, shown: str, sheets: dict[str, list[list[Any]]]) -> Document:
    data: dict[str, list[list[Any]]] = {}
    index = {(): NodeInfo(0, 0)}
    for name, rows in sheets.items():
        width = max((len(r) for r in rows), default=0)
        table = [[_value(v) for v in row] + [None] * (width - len(row)) for row in rows]
        while table and all(v is None for v in table[-1]):
            table.pop()
        data[name] = table
        ref = sheet_ref(name)
        columns = [column_name(c) for c in range(width)]
        index[(name,)] = NodeInfo(0, 0, cell=ref)
        for r, row in enumerate(table):
            index[(name, r)] = NodeInfo(0, 0, cell=f"{ref}!A{r + 1}")
            for c in range(len(row)):
                index[(name, r, c)] = NodeInfo(0, 0, cell=f"{ref}!{columns[c]}{r + 1}")
    return Document(path, shown, data, index)
