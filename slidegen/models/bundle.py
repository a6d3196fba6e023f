"""A deck with everything it refers to, loaded and validated: what the checks and the planner take."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from slidegen.errors import Source
from slidegen.models.answers import Answers
from slidegen.models.deck import Deck
from slidegen.models.example import Example
from slidegen.models.survey import Survey
from slidegen.models.template import TemplateInfo
from slidegen.models.theme import Theme

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ThemeFiles:
    """The files a theme folder brings besides theme.yaml, found and checked."""

    folder: Path
    logo: Path | None = None
    logo_pixels: tuple[int, int] | None = None
    template: Path | None = None
    template_info: TemplateInfo | None = None
    """What the template holds (size, layouts, placeholders, backgrounds, decoration), read once when it was checked."""


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated content file: its document (positions) and its model."""

    doc: Source
    model: M


@dataclass(frozen=True)
class LoadedTheme(Loaded[Theme]):
    """A validated theme whose contrast, logo and template have been checked: its files, found."""

    files: ThemeFiles


@dataclass
class Bundle:
    """A deck and everything it refers to, validated and cross-checked."""

    path: Path
    deck: Loaded[Deck]
    theme: LoadedTheme
    refs: dict[tuple[str, type], Loaded[Any]] = field(default_factory=dict)
    examples: list[Loaded[Example]] = field(default_factory=list)
    """The good examples, in official county order (then file name), when the deck shows them."""
    pictures: dict[str, tuple[Path, tuple[int, int]]] = field(default_factory=dict)
    """The pictures the slides and examples show: reference → (checked file, pixel size)."""
    folders: set[Path] = field(default_factory=set)
    """Folders the deck reads whole (content/examples/ when it shows examples): a file added there changes it."""

    @property
    def name(self) -> str:
        """The deck's name: its file name without .yaml; the output is <name>.pptx."""
        return self.path.stem

    def files(self) -> set[Path]:
        """Every file the deck depends on."""
        t = self.theme.files
        return {
            self.deck.doc.path,
            *(p for p in (self.theme.doc.path, t.logo, t.template) if p is not None),
            *(ld.doc.path for ld in self.refs.values()),
            *(ex.doc.path for ex in self.examples),
            *(path for path, _ in self.pictures.values()),
        }

    def get(self, ref: str, model: type[M]) -> Loaded[M]:
        """A referenced file, loaded as a model."""
        return self.refs[(ref, model)]

    def survey(self, ref: str | None) -> Loaded[Survey]:
        """The survey a slide refers to (the deck's own when the slide names none)."""
        return self.get(ref or self.deck.model.survey or "", Survey)

    def answers(self, ref: str | None) -> Answers | None:
        """The answers a survey's shares were computed from (None when the survey gives its shares itself)."""
        loaded = self.refs.get((ref or self.deck.model.survey or "", Answers))
        return loaded.model if loaded is not None else None

    def notes(self) -> list[str]:
        """What the deck's files say that is worth knowing but not wrong (a county with no row in a sheet)."""
        return [note for (_, kind), loaded in self.refs.items() if kind is Answers for note in loaded.model.notes]
