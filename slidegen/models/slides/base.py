"""What every slide kind has and declares: notes, the files it refers to, its cross-checks and its layouts."""

from __future__ import annotations

import re
from typing import (
    Annotated,
    Any,
    ClassVar,
    Literal,
    NamedTuple,
    Protocol,
    Sequence,
    Union,
)

from pydantic import BaseModel, BeforeValidator, Field

from slidegen.errors import Problem, Source
from slidegen.models.answers import Answers
from slidegen.models.base import Model, Text
from slidegen.models.survey import Survey

Loc = tuple[Any, ...]
"""A place in the deck file: keys and list indexes, as pydantic writes them."""


class Deck(Protocol):
    """What a slide's references may use of its deck (models/deck.Deck is one)."""

    @property
    def survey(self) -> str | None: ...

    @property
    def agenda(self) -> Sequence[str]: ...


class LoadedSurvey(Protocol):
    """A survey file, validated: where it is and what it says."""

    @property
    def doc(self) -> Source: ...

    @property
    def model(self) -> Survey: ...


class LoadedDeck(Protocol):
    """The deck file, validated: where it is and what it says."""

    @property
    def doc(self) -> Source: ...

    @property
    def model(self) -> Deck: ...


class LoadedFile(Protocol):
    """A content file a slide refers to, validated: where it is and what it says."""

    @property
    def doc(self) -> Source: ...

    @property
    def model(self) -> Any: ...


class Bundle(Protocol):
    """What a slide's cross-checks may use of the loaded deck (models/bundle.Bundle is one)."""

    @property
    def deck(self) -> LoadedDeck: ...

    def survey(self, ref: str | None) -> LoadedSurvey: ...

    def get(self, ref: str, model: type[BaseModel]) -> LoadedFile: ...

    def answers(self, ref: str | None) -> Answers | None: ...


_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def _methods(value: Any) -> Any:
    """`1-20`, `1-5, 8`, `7` or a list of numbers → a list of numbers."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return [value]
    if isinstance(value, str):
        numbers: list[int] = []
        for piece in value.split(","):
            match = _RANGE.match(piece)
            if not match:
                raise ValueError(f"`{value}` is not a method selection; write a range like 1-20, or a list like [1, 3, 5]")
            first, last = int(match[1]), int(match[2] or match[1])
            if last < first:
                raise ValueError(f"the range {first}-{last} runs backwards; write {last}-{first}")
            numbers.extend(range(first, last + 1))
        return numbers
    return value


MethodSelection = Annotated[
    list[Annotated[int, Field(ge=1, strict=True)]],
    BeforeValidator(
        _methods,
        json_schema_input_type=Union[
            Annotated[str, Field(pattern=r"^\s*\d+\s*([-–]\s*\d+\s*)?(,\s*\d+\s*([-–]\s*\d+\s*)?)*$")],
            Annotated[int, Field(ge=1)],
            Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)],
        ],
    ),
    Field(min_length=1, description="Methods by number: a range like `1-20`, `1-5, 8`, or a list like `[1, 3, 5]`."),
]


ChartRenderer = Literal["image", "native"]
"""How charts are drawn: `image` (a PNG made with matplotlib) or `native` (an editable PowerPoint chart)."""


class Reference(NamedTuple):
    """A content file a slide refers to: where it is named, the name, and the model it must validate as."""

    at: Loc
    """Where in the deck file the reference is written (or where it is missing)."""
    ref: str | None
    """The file, relative to content/; None when the slide needs one and neither it nor the deck names it."""
    model: type[BaseModel]


def survey_reference(deck: Deck, at: Loc, own: str | None) -> Reference:
    """The survey a slide uses: its own (`own`, written at `at`), else the deck's."""
    where = (*at, "survey") if own else ("survey",) if deck.survey else at
    return Reference(where, own or deck.survey, Survey)


class SlideBase(Model):
    """What every slide can have."""

    notes: Text | None = Field(None, description="Speaker notes for the slide.")

    layouts: ClassVar[frozenset[str]] = frozenset({"content"})
    """The template layouts (keys of the theme's `template: layouts:`) the slide's planner puts it on."""
    shows_examples: ClassVar[bool] = False
    """Whether the slide shows the good examples of content/examples/ (the deck then reads them all)."""
    example: ClassVar[str] = ""
    """The slide as a coordinator would write it, with Swedish comments above it: what `slidegen new deck` writes."""

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        """The content files the slide refers to (written at `at` in the deck file)."""
        return []

    def pictures(self, at: Loc) -> list[tuple[Loc, str]]:
        """The pictures the slide shows: where each is named in the deck file, and the file (relative to content/)."""
        return []

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        """What the slide's own model cannot check alone: its references against the files they name."""
        return []
