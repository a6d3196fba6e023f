"""A content file read: its plain data and the position of every value (a line and column, or a sheet's cell)."""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slidegen.errors import Location, Problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class NodeInfo:
    """Where a value starts: a YAML value's line and column (and its key's), or a spreadsheet's cell."""

    line: int
    column: int
    key_line: int = 0
    key_column: int = 0
    raw: str | None = None
    plain: bool = False
    cell: str = ""
    """A spreadsheet cell as `Sheet!D7` (or a whole sheet, `Sheet`); then line and column are 0."""


@dataclass(frozen=True)
class Suspect:
    """A value that reads as YAML but is probably a mistake; its message replaces the model's if the model refuses it."""

    key: str
    """The key YAML read (`Syfte` of `- Syfte: Sprida goda exempel`)."""
    message: str


@dataclass
class Document:
    """A parsed content file: the plain data and the position of every value in it."""

    path: Path
    display: str
    data: Any
    index: dict[Loc, NodeInfo] = field(default_factory=dict)
    suspects: dict[Loc, Suspect] = field(default_factory=dict)
    """List items written as text with `: ` in it, which YAML reads as a mapping of one key."""

    def resolve(self, loc: typing.Sequence[str | int]) -> Loc:
        """The longest prefix of a pydantic location that names real keys and indexes in the data."""
        found: list[str | int] = []
        node = self.data
        for part in loc:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                node = node[part]
                found.append(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                found.append(part)
        return tuple(found)

    def info(self, loc: Loc) -> NodeInfo | None:
        """The position of the value at an exact location, if it exists."""
        return self.index.get(tuple(loc))

    def location(self, loc: typing.Sequence[str | int] = (), *, key: bool = False) -> Location:
        """The file position of a location in the data (the key's position when `key`)."""
        real = self.resolve(loc)
        info = self.index.get(real) or NodeInfo(1, 1)
        if info.cell:
            return Location(self.display, cell=info.cell)
        if info.key_line and (key or info.raw is None):
            # the key of a mapping entry, and of any list or mapping (its value starts a line lower)
            line, column = info.key_line, info.key_column
        else:
            line, column = info.line, info.column
        return Location(self.display, line, column, dotted(real))

    def problem(self, loc: typing.Sequence[str | int], message: str, *, key: bool = False) -> Problem:
        """A problem located at a place in this document."""
        return Problem(self.location(loc, key=key), message)

    def beside(self, name: str) -> str:
        """A file in the same folder as this one, as the user sees it: `themes/mall/template.pptx`."""
        return f"{self.display.rsplit('/', 1)[0]}/{name}" if "/" in self.display else name


def dotted(loc: typing.Sequence[str | int]) -> str:
    """`('slides', 3, 'title')` → `slides[3].title`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
