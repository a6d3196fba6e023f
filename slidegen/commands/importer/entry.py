"""A slide entry of the deck file being written: its keys in order, the comments above it and beside its keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entry:
    """One slide of the deck file: its keys (kind first) and what the file says about it in comments."""

    data: dict[str, Any]
    source: int
    """The number of the original's slide it comes from."""
    comments: list[str] = field(default_factory=list)
    """Lines written above the entry (without `# `)."""
    key_comments: dict[str, str] = field(default_factory=dict)
    """A comment written after a key's value (`alt: …  # TODO …`)."""

    @property
    def kind(self) -> str:
        return str(self.data["kind"])

    @property
    def title(self) -> str | None:
        value = self.data.get("title")
        return value if isinstance(value, str) else None


PHRASES: dict[str, dict[str, str]] = {
    "sv": {
        "untitled": "Bild {n}",
        "alt": "Bild från bild {n} i den ursprungliga presentationen",
        "organisation": "Okänd",
        "series": "Serie {n}",
        "category": "Kategori",
        "year": "År",
    },
    "en": {
        "untitled": "Slide {n}",
        "alt": "Picture from slide {n} of the original presentation",
        "organisation": "Unknown",
        "series": "Series {n}",
        "category": "Category",
        "year": "Year",
    },
}
"""What the importer must write where the original has nothing (a title, an alt text), in the deck's language."""


def phrase(language: str, key: str, **values: Any) -> str:
    """A phrase in the deck's language (Swedish for `sv-…`, else English)."""
    book = PHRASES["sv" if language.lower().startswith("sv") else "en"]
    return book[key].format(**values)
