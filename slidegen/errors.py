"""Errors that carry their source: file, line, column, dotted path and a plain message."""

from __future__ import annotations

import difflib
import os
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Location:
    """Where in a content file something was written: line and column (from 1), or a spreadsheet's `Sheet!D7`."""

    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    cell: str = ""
    """A spreadsheet cell as `Sheet!D7` (then line and column are 0)."""

    def __str__(self) -> str:
        where = native(self.file)
        if self.cell:
            where += f":{self.cell}"
        elif self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, and what to do about it."""

    location: Location
    message: str

    def __str__(self) -> str:
        prefix = f"{self.location}: "
        if self.location.path:
            prefix += f"{self.location.path}: "
        return (prefix + self.message).translate(_VISIBLE)


_VISIBLE = {
    **{c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, 0x85]},
    0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029",
}
"""Control characters and line breaks written as escapes, so each problem prints as one line."""


class SlidegenError(Exception):
    """Base of every error slidegen reports to the user without a traceback."""


@dataclass
class ContentError(SlidegenError):
    """One or more problems in content or theme files; nothing was written."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.summary())

    def summary(self) -> str:
        """`N errors in M files; nothing was written.` (a problem found twice counts once)."""
        problems = set(self.problems)
        files = len({p.location.file for p in problems})
        n = len(problems)
        return (
            f"{n} error{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}; "
            "nothing was written."
        )

    def sorted(self) -> list[Problem]:
        """The problems ordered by file, line and column, without repeats."""
        return sorted(set(self.problems))

    def __str__(self) -> str:
        return "\n".join([*(str(p) for p in self.sorted()), self.summary()])


def gather(problems: list[Problem], step: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """`step(*args, **kwargs)`; when it raises ContentError, None, with its problems added to `problems`.

    The way to report every problem at once: each step adds what it found and the caller goes on.
    """
    try:
        return step(*args, **kwargs)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None


class ToolError(SlidegenError):
    """An external tool (LibreOffice, the file system) failed; the message says how to fix it."""


def native(shown: str) -> str:
    """A path shown with the separators of the user's system: `content\\decks\\x.yaml` on Windows."""
    return shown.replace("/", os.sep) if os.sep != "/" else shown


def display_path(path: Path, root: Path | None) -> str:
    """The path as the user should see it: relative to the project root when inside it."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class Source(Protocol):
    """A content file read with positions (a YAML document, a CSV or spreadsheet table): what locates a problem."""

    path: Path
    display: str

    def location(self, loc: typing.Sequence[str | int] = (), *, key: bool = False) -> Location: ...

    def problem(self, loc: typing.Sequence[str | int], message: str, *, key: bool = False) -> Problem: ...


def closest(word: str, known: typing.Iterable[str]) -> str | None:
    """The known name that a misspelt word most likely meant, if one is close enough."""
    names = sorted(set(known))
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if not close:
        lower = {n.lower(): n for n in names}
        close = [lower[c] for c in difflib.get_close_matches(word.lower(), list(lower), n=1, cutoff=0.6)]
    return close[0] if close else None


def suggest_from(word: str, known: typing.Iterable[str], listing: str) -> str:
    """` — did you mean `x`?` from the known names, else a listing of them."""
    names = sorted(set(known))
    close = closest(word, names)
    if close:
        return f" — did you mean `{close}`?"
    if names and len(names) <= 25:
        return listing + ", ".join(names)
    return ""


def suggest(word: str, known: typing.Iterable[str]) -> str:
    """A did-you-mean hint for a name that is not among the known ones ('' when nothing is close)."""
    return suggest_from(word, known, "; the known names are: ")
