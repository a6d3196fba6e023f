"""What an import made, in memory until it is written: the deck file's text, the pictures, the theme, what to say."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from slidegen.errors import Problem


@dataclass
class Imported:
    """What an import made: the files (written or not), the lines to print, and the problems left."""

    name: str
    deck: Path
    text: str
    pictures: dict[str, bytes]
    slides_in: int
    slides_out: int
    lines: list[str] = field(default_factory=list)
    """One line per original slide that was not carried whole, or changed: `slide 5: left out: …`."""
    todo: int = 0
    """How many comments in the file say `TODO:` (what a person must write: alt texts, titles)."""
    problems: list[Problem] = field(default_factory=list)
    """What slidegen's own check still finds wrong with the result (none, normally)."""
    theme: dict[str, bytes] = field(default_factory=dict)
    """Files of themes/<name>/ when --theme-from-template was given."""
    theme_lines: list[str] = field(default_factory=list)
    origins: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Each picture file → the original picture it was made from (its size and the hash of its bytes)."""
