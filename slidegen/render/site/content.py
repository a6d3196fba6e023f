"""What the site shows, gathered from the loaded decks: assignment, survey, good examples, decks and theme."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from slidegen.models.assignment import Assignment
from slidegen.models.bundle import Bundle, Loaded
from slidegen.models.deck import Meeting
from slidegen.models.example import Example
from slidegen.models.survey import Survey
from slidegen.models.theme import Theme
from slidegen.plan.kinds.examples import shown_examples
from slidegen.plan.model import ChartSpec


@dataclass(frozen=True)
class DeckFile:
    """A meeting's deck as the site offers it: its meeting, its .pptx and (when LibreOffice is there) its PDF."""

    name: str
    meeting: Meeting
    pptx: bytes
    pdf: bytes | None = None


@dataclass(frozen=True)
class Picture:
    """A picture ready for the web: its bytes, file suffix (`.jpg`, `.png`) and pixel size."""

    data: bytes
    suffix: str
    width: int
    height: int


PictureSource = Callable[[Path, tuple[int, int]], Picture]
"""The picture pipeline's seam: (checked file, the largest pixel size the page shows it at) → the picture to publish."""

ChartSource = Callable[[ChartSpec], bytes]
"""Draws a chart description as SVG (the chart cache)."""


@dataclass(frozen=True)
class SiteContent:
    """Everything the pages show, validated; examples already filtered (drafts only with --drafts)."""

    theme: Theme
    decks: tuple[DeckFile, ...]
    examples: tuple[Loaded[Example], ...]
    pictures: Mapping[str, tuple[Path, tuple[int, int]]]
    assignment: Assignment | None = None
    survey: Survey | None = None
    drafts: bool = False
    notices: tuple[str, ...] = field(default=())


def site_survey(bundles: list[Bundle]) -> tuple[Loaded[Survey] | None, list[str]]:
    """The survey the site shows: that of the first deck showing examples (their method numbers are its), else the first.

    Returns it and a note for every other survey a deck uses (the site shows one).
    """
    ordered = sorted(bundles, key=lambda b: not b.examples and not any(s.shows_examples for s in b.deck.model.slides))
    surveys: dict[str, Loaded[Survey]] = {}
    for b in ordered:
        for (ref, model), loaded in b.refs.items():
            if model is Survey:
                surveys.setdefault(ref, loaded)
    if not surveys:
        return None, []
    first, *others = surveys
    notes = [f"the site shows the survey {first}; {ref} is left out (the site shows one survey)" for ref in others]
    return surveys[first], notes


def site_assignment(bundles: list[Bundle]) -> Assignment | None:
    """The assignment the decks refer to (the first one named)."""
    for b in bundles:
        for (_, model), loaded in b.refs.items():
            if model is Assignment:
                return loaded.model
    return None


def gather(bundles: list[Bundle], decks: list[DeckFile], examples: list[Loaded[Example]],
           pictures: Mapping[str, tuple[Path, tuple[int, int]]], theme: Theme, drafts: bool) -> SiteContent:
    """The site's content: the decks' shared facts and every example shown (drafts only with `drafts`)."""
    survey, notes = site_survey(bundles)
    shown = tuple(shown_examples(list(examples), drafts))
    used = {ex.model.picture for ex in shown if ex.model.picture}
    return SiteContent(
        theme=theme,
        decks=tuple(decks),
        examples=shown,
        pictures={ref: pictures[ref] for ref in sorted(used)},
        assignment=site_assignment(bundles),
        survey=survey.model if survey else None,
        drafts=drafts,
        notices=tuple(notes),
    )
