"""Reading a CSV file as Excel writes it (`;` or `,` separated, UTF-8 with or without BOM) with the place of every cell.

The document's data is a list of rows, each a list of the cells' texts (stripped); the first row
is the header. A cell's place is its line in the file and its column number (1 for the first
cell of a row), so `content/data/kommuner.csv:3:2` is line 3, second column, as in a
spreadsheet. Rows with no text at all are skipped; a row shorter than the header is filled with
empty cells; a row with more (non-empty) cells than the header, an unfinished quoted cell and
bytes that are not UTF-8 are located errors, all reported at once.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from pathlib import Path

from slidegen.errors import ContentError, Location, Problem, display_path
from slidegen.load.document import Document, NodeInfo

BOM = "\ufeff"
MAX_BYTES = 10 * 2**20
"""A data file larger than this is refused: a slide never shows that much."""

SAVE_AS = 'save it as "CSV UTF-8" (in Excel: Arkiv → Spara som → CSV UTF-8 (kommaavgränsad))'


@dataclass(frozen=True)
class Field:
    """One cell as written: its text (quotes removed), its line and its column number."""

    text: str
    line: int
    column: int


class TableDocument(Document):
    """A CSV file read: locations are file:line:column, without a dotted path (rows and columns are not keys)."""

    def location(self, loc: typing.Sequence[str | int] = (), *, key: bool = False) -> Location:
        real = self.resolve(loc)
        info = self.index.get(real) or NodeInfo(1, 0)
        return Location(self.display, info.line, info.column)


def read_document(path: Path, root: Path | None = None) -> TableDocument:
    """Read a CSV file into its rows of cell texts, with the place of every cell; ContentError with every problem."""
    path = Path(path)
    display = display_path(path, root)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ContentError([Problem(Location(display), f"the file is larger than {MAX_BYTES // 2**20} MiB; "
                                        "a slide shows far less: keep only the rows it needs")])
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(Location(display), f"cannot be read ({exc.strerror}); check that it is not open elsewhere")]) from None
    text = _decode(data, display)
    problems: list[Problem] = []
    fields = _fields(text, delimiter(text), display, problems)
    return _document(path, display, fields, problems)


def _decode(data: bytes, display: str) -> str:
    """The file's text: UTF-8, a leading BOM dropped; a located error at the first byte that is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError([Problem(Location(display, 1, 1), f"the file is UTF-16 text, not UTF-8; {SAVE_AS}")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        start = before.rfind(b"\n") + 1
        prefix = data[start : exc.start].decode("utf-8", errors="replace")
        column = _column_of(prefix, delimiter(data.decode("utf-8", errors="replace")))
        try:
            guess = data.decode("cp1252")
            hint = " (it looks like Windows-1252, which Excel writes for plain \"CSV\")" if re.search("[åäöÅÄÖé]", guess) else ""
        except UnicodeDecodeError:
            hint = ""
        raise ContentError([Problem(
            Location(display, line, column),
            f"the file is not UTF-8 text{hint}: the byte 0x{data[exc.start]:02X} here cannot be read; {SAVE_AS}",
        )]) from None
    return text[1:] if text.startswith(BOM) else text


def _column_of(prefix: str, sep: str) -> int:
    """The column number a position on a line falls in: separators before it (outside quotes), plus one."""
    count, quoted = 0, False
    for ch in prefix:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            count += 1
    return count + 1


def delimiter(text: str) -> str:
    """`;` when the first line has one outside quotes (Excel with Swedish settings), else `,`."""
    quoted = False
    first_comma = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            break
        elif ch == ";":
            return ";"
        elif ch == ",":
            first_comma = True
    return "," if first_comma else ";"


def _fields(text: str, sep: str, display: str, problems: list[Problem]) -> list[list[Field]]:
    """The rows of cells, each with its line and column number; quoted cells may hold separators, quotes ("") and line breaks.

    A quoted cell that is never closed is a problem, and the file ends before it (all the rest would be inside it).
    """
    plain = re.compile(f"[^{re.escape(sep)}\r\n]*")
    rows: list[list[Field]] = []
    row: list[Field] = []
    i, line, n = 0, 1, len(text)
    while i < n or row:
        start_line, column = line, len(row) + 1
        if i < n and text[i] == '"':
            quoted = _quoted(text, i + 1, line)
            if quoted is None:
                problems.append(Problem(Location(display, start_line, column), 'this cell starts with a quote (") '
                                        "that is never closed; add the closing quote, or remove the opening one"))
                break
            parts, i, line = quoted
            rest = plain.match(text, i)
            parts.append(rest.group())  # text after the closing quote is kept as written
            i = rest.end()
            value = "".join(parts)
        else:
            match = plain.match(text, i)
            value, i = match.group(), match.end()
        row.append(Field(value, start_line, column))
        if i < n and text[i] == sep:
            i += 1
            if i >= n:
                row.append(Field("", line, len(row) + 1))
            else:
                continue
        rows.append(row)
        row = []
        if i < n:
            i += 2 if text.startswith("\r\n", i) else 1
            line += 1
    return rows


def _quoted(text: str, i: int, line: int) -> tuple[list[str], int, int] | None:
    """A quoted cell's text from just after its opening quote: (pieces, the index after the closing quote, the
    line there); None when the quote is never closed."""
    parts: list[str] = []
    n = len(text)
    while True:
        end = text.find('"', i)
        if end < 0:
            return None
        piece = text[i:end]
        line += piece.count("\n") + piece.count("\r") - piece.count("\r\n")
        parts.append(piece.replace("\r\n", "\n").replace("\r", "\n"))
        if end + 1 < n and text[end + 1] == '"':
            parts.append('"')
            i = end + 2
            continue
        return parts, end + 1, line


def _document(path: Path, display: str, fields: list[list[Field]], problems: list[Problem]) -> TableDocument:
    """The rows as a document: blank rows skipped, short rows filled, a problem for each row longer than the header."""
    rows = [row for row in fields if any(f.text.strip() for f in row)]
    if not rows:
        problems.append(Problem(Location(display), "the file has no rows; write a header row and the data below it"))
        raise ContentError(problems)
    width = len(_trimmed(rows[0]))
    data: list[list[str]] = []
    index: dict[tuple[str | int, ...], NodeInfo] = {(): NodeInfo(1, 0)}
    for r, row in enumerate(rows):
        cells = _trimmed(row)
        if len(cells) > width:
            extra = cells[width]
            problems.append(Problem(
                Location(display, extra.line, extra.column),
                f"this row has {len(cells)} cells but the header (line {rows[0][0].line}) has {width}; "
                "remove the extra cells, put a cell holding the separator in quotes, or add a heading for the column",
            ))
            continue
        index[(r,)] = NodeInfo(row[0].line, 0)
        texts = []
        for c in range(width):
            f = cells[c] if c < len(cells) else Field("", row[-1].line, c + 1)
            texts.append(f.text.strip())
            index[(r, c)] = NodeInfo(f.line, f.column, raw=f.text.strip())
        data.append(texts)
    if problems:
        raise ContentError(problems)
    return TableDocument(path, display, data, index)


def _trimmed(row: list[Field]) -> list[Field]:
    """The row without the empty cells at its end (Excel writes them for formatted but empty columns)."""
    end = len(row)
    while end > 1 and not row[end - 1].text.strip():
        end -= 1
    return row[:end]
