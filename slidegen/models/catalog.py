"""Every content file type in one table: its model, the name of its JSON Schema and where its files lie."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import BaseModel

from slidegen.models.assignment import Assignment
from slidegen.models.bullets import BulletList
from slidegen.models.deck import Deck
from slidegen.models.example import Example
from slidegen.models.guidance import Guidance
from slidegen.models.survey import Survey
from slidegen.models.theme import Theme


@dataclass(frozen=True)
class ContentType:
    """A kind of content file: what it must follow and where such files are kept."""

    name: str
    """Short name; the schema is `content/schema/<name>.schema.json`."""
    model: type[BaseModel]
    place: str | None = None
    """Where its files lie, relative to the project (`content/decks/*.yaml`); None: told by its keys."""

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    def lies_at(self, rel: PurePosixPath) -> bool:
        """Whether a path relative to the project is where files of this type lie."""
        return self.place is not None and len(rel.parts) == len(PurePosixPath(self.place).parts) and rel.match(self.place)


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("deck", Deck, "content/decks/*.yaml"),
    ContentType("survey", Survey),
    ContentType("assignment", Assignment),
    ContentType("guidance", Guidance),
    ContentType("bullets", BulletList),
    ContentType("example", Example, "content/examples/*.yaml"),
    ContentType("theme", Theme, "themes/*/theme.yaml"),
)
"""Add a content type here (model, schema name, folder): validation, schemas and their tests follow."""


def content_type(rel: PurePosixPath | None, keys: set[str]) -> ContentType | None:
    """The type of a content file: by where it lies (path relative to the project), else by its keys."""
    if rel is not None:
        for kind in CONTENT_TYPES:
            if kind.lies_at(rel):
                return kind
    best, score = None, 0
    for kind in CONTENT_TYPES:
        fields = kind.model.model_fields
        required = {n for n, f in fields.items() if f.is_required()}
        hits = len(keys & set(fields)) + len(keys & required)
        if hits > score:
            best, score = kind, hits
    return best


def type_of(model: type[BaseModel]) -> ContentType:
    """The content type whose files follow this model."""
    return next(kind for kind in CONTENT_TYPES if kind.model is model)
