"""Content files read by type (YAML, Excel workbooks): the reader of each file suffix, and the one entry point that picks it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from slidegen.errors import ContentError, Location, Problem, display_path
from slidegen.load import csv_file, xlsx_file, yaml_file
from slidegen.load.document import Document

Reader = Callable[[Path, "Path | None"], Document]
"""Reads one file (shown relative to the project root) into a Document, or raises ContentError."""

READERS: dict[str, Reader] = {
    ".yaml": yaml_file.read_document,
    ".yml": yaml_file.read_document,
    ".csv": csv_file.read_document,
    ".xlsx": xlsx_file.read_document,
}
"""The reader of each kind of content file, by its suffix (lower case)."""


def read_document(path: Path, root: Path | None = None) -> Document:
    """Read a content file with the reader of its type; a located error for a type slidegen does not read."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise ContentError([Problem(Location(display_path(path, root)),
                                    f"slidegen does not read {path.suffix or 'files without a suffix'} files; "
                                    f"it reads {kinds}")])
    return reader(path, root)
