"""Loading a deck with everything it refers to: files read, validated and cross-checked, all errors at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from slidegen.errors import ContentError, Location, Problem, display_path
from slidegen.loader import Document, read_document, suggest, validate
from slidegen.models.assignment import Assignment
from slidegen.models.deck import (
    AgendaPointsSlide,
    AgendaSlide,
    AssignmentSlide,
    BulletsSlide,
    ChartSlide,
    Deck,
    MethodTableSlide,
    StatusListSlide,
)
from slidegen.models.guidance import Guidance
from slidegen.models.survey import Survey
from slidegen.models.theme import Theme

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Project:
    """The folders of a slidegen project: content/, themes/ and output/ under one root."""

    root: Path

    @classmethod
    def at(cls, root: Path | str) -> "Project":
        return cls(Path(root).resolve())

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def themes(self) -> Path:
        return self.root / "themes"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def decks(self) -> list[Path]:
        """Every deck file in content/decks/, in name order (files starting with _ are skipped)."""
        folder = self.content / "decks"
        return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))

    def theme_names(self) -> list[str]:
        """The themes that have a theme.yaml."""
        return sorted(p.parent.name for p in self.themes.glob("*/theme.yaml"))

    def show(self, path: Path) -> str:
        """A path as the user sees it: relative to the project root."""
        return display_path(path, self.root)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated content file: its document (positions) and its model."""

    doc: Document
    model: M


@dataclass
class Bundle:
    """A deck and everything it refers to, validated and cross-checked."""

    path: Path
    deck: Loaded[Deck]
    theme: Loaded[Theme]
    refs: dict[tuple[str, type], Loaded[Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The deck's name: its file name without .yaml; the output is <name>.pptx."""
        return self.path.stem

    @property
    def theme_dir(self) -> Path:
        return self.theme.doc.path.parent

    def files(self) -> set[Path]:
        """Every file the deck depends on."""
        return {self.deck.doc.path, self.theme.doc.path, *(ld.doc.path for ld in self.refs.values())}

    def get(self, ref: str, model: type[M]) -> Loaded[M]:
        """A referenced file, loaded as a model."""
        return self.refs[(ref, model)]

    def survey(self, ref: str | None) -> Loaded[Survey]:
        """The survey a slide refers to (the deck's own when the slide names none)."""
        return self.get(ref or self.deck.model.survey or "", Survey)


class Library:
    """Reads and validates content files, remembering each until it changes on disk."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._cache: dict[tuple[Path, type], tuple[tuple[int, int], Loaded[Any]]] = {}

    def load(self, path: Path, model: type[M]) -> Loaded[M]:
        """Read and validate one file (ContentError with every problem in it)."""
        path = Path(path)
        try:
            st = path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (-1, -1)
        key = (path.resolve(), model)
        hit = self._cache.get(key)
        if hit and hit[0] == stamp:
            return hit[1]
        doc = read_document(path, self.project.root)
        loaded = Loaded(doc, validate(doc, model))
        self._cache[key] = (stamp, loaded)
        return loaded

    def bundles(self, paths: list[Path], theme: str | None = None) -> list[Bundle]:
        """Load several decks; every problem in any of them is raised together."""
        problems: list[Problem] = []
        out: list[Bundle] = []
        for path in paths:
            try:
                out.append(self.bundle(path, theme))
            except ContentError as exc:
                problems.extend(exc.problems)
        if problems:
            raise ContentError(problems)
        return out

    def bundle(self, path: Path, theme: str | None = None) -> Bundle:
        """Load a deck, its theme and every file it refers to, and check the references."""
        deck = self.load(path, Deck)
        problems: list[Problem] = []
        loaded_theme = self._theme(deck, theme, problems)
        refs: dict[tuple[str, type], Loaded[Any]] = {}
        for loc, ref, model in _references(deck.model):
            if ref is None:
                problems.append(
                    deck.doc.problem(loc[:2], "this slide needs a survey: add `survey: survey-2015.yaml` to it or to the deck")
                )
                continue
            if (ref, model) in refs:
                continue
            target = self._resolve(ref, deck.doc, loc, problems)
            if target is None:
                continue
            try:
                refs[(ref, model)] = self.load(target, model)
            except ContentError as exc:
                problems.extend(exc.problems)
        if problems:
            raise ContentError(problems)
        assert loaded_theme is not None
        bundle = Bundle(Path(path), deck, loaded_theme, refs)
        problems.extend(check_bundle(bundle))
        if problems:
            raise ContentError(problems)
        return bundle

    def _theme(self, deck: Loaded[Deck], override: str | None, problems: list[Problem]) -> Loaded[Theme] | None:
        name = override or deck.model.theme
        path = self.project.themes / name / "theme.yaml"
        if not path.is_file():
            hint = suggest(name, self.project.theme_names())
            where = deck.doc.location(("theme",)) if not override else Location("--theme")
            problems.append(Problem(where, f"there is no theme `{name}` (no file themes/{name}/theme.yaml){hint}"))
            return None
        try:
            return self.load(path, Theme)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    def _resolve(self, ref: str, doc: Document, loc: tuple[Any, ...], problems: list[Problem]) -> Path | None:
        """The file a reference names, if it is a safe path inside content/ that exists."""
        content = self.project.content.resolve()
        rel = Path(ref)
        if rel.is_absolute() or ref.startswith(("/", "\\")) or (len(ref) > 1 and ref[1] == ":"):
            problems.append(doc.problem(loc, f"`{ref}` is an absolute path; write it relative to content/, e.g. `survey-2015.yaml`"))
            return None
        if ".." in rel.parts:
            problems.append(doc.problem(loc, f"`{ref}` leaves the content/ folder ('..'); files must be inside content/"))
            return None
        target = content / rel
        if not target.resolve().is_relative_to(content):
            problems.append(doc.problem(loc, f"`{ref}` is a link that leads outside content/; copy the file into content/"))
            return None
        if not target.is_file():
            known = [p.relative_to(content).as_posix() for p in content.rglob("*.yaml")]
            problems.append(doc.problem(loc, f"there is no file content/{ref}{suggest(ref, known)}"))
            return None
        return target


def _references(deck: Deck) -> list[tuple[tuple[Any, ...], str | None, type]]:
    """(location, reference, model) of every file the deck's slides refer to."""
    out: list[tuple[tuple[Any, ...], str | None, type]] = []
    for i, slide in enumerate(deck.slides):
        loc: tuple[Any, ...] = ("slides", i)
        if isinstance(slide, AssignmentSlide):
            out.append(((*loc, "source"), slide.source, Assignment))
        elif isinstance(slide, StatusListSlide):
            out.append(((*loc, "source"), slide.source, Guidance))
        elif isinstance(slide, (MethodTableSlide, ChartSlide)):
            out.append(((*loc, "survey") if slide.survey else ("survey",) if deck.survey else loc, slide.survey or deck.survey, Survey))
        elif isinstance(slide, BulletsSlide) and slide.chart is not None:
            ref = slide.chart.survey or deck.survey
            out.append(((*loc, "chart", "survey") if slide.chart.survey else ("survey",) if deck.survey else loc, ref, Survey))
    return out


def check_survey(survey: Loaded[Survey]) -> list[Problem]:
    """Method numbers must be unique across the whole survey."""
    problems: list[Problem] = []
    seen: dict[int, Location] = {}
    for gi, group in enumerate(survey.model.groups):
        for mi, method in enumerate(group.methods):
            loc = ("groups", gi, "methods", mi, "number")
            if method.number in seen:
                first = seen[method.number]
                problems.append(
                    survey.doc.problem(loc, f"method number {method.number} is used twice (first at line {first.line}); give each method its own number")
                )
            else:
                seen[method.number] = survey.doc.location(loc)
    return problems


def check_bundle(bundle: Bundle) -> list[Problem]:
    """References between files: methods that exist, agenda items that exist, unique numbers."""
    deck = bundle.deck
    problems: list[Problem] = []
    checked: set[str] = set()
    for (ref, model), loaded in bundle.refs.items():
        if model is Survey and ref not in checked:
            checked.add(ref)
            problems.extend(check_survey(loaded))
    agenda = deck.model.agenda
    for i, slide in enumerate(deck.model.slides):
        loc: tuple[Any, ...] = ("slides", i)
        if isinstance(slide, (MethodTableSlide, ChartSlide)):
            survey = bundle.survey(slide.survey)
            known = set(survey.model.numbers())
            missing = [n for n in slide.methods if n not in known]
            if missing:
                problems.append(
                    deck.doc.problem(
                        (*loc, "methods"),
                        f"method{'s' if len(missing) > 1 else ''} {_ranges(missing)} "
                        f"{'are' if len(missing) > 1 else 'is'} not in {survey.doc.display} "
                        f"(it has {_ranges(sorted(known))})",
                    )
                )
            dupes = sorted({n for n in slide.methods if list(slide.methods).count(n) > 1})
            if dupes:
                problems.append(deck.doc.problem((*loc, "methods"), f"method {_ranges(dupes)} is selected twice"))
        elif isinstance(slide, AgendaSlide) and not agenda:
            problems.append(deck.doc.problem(loc, "an agenda slide needs the deck's `agenda:` list; add the items there"))
        elif isinstance(slide, AgendaPointsSlide):
            for j, number in enumerate(slide.items):
                if number > len(agenda):
                    problems.append(
                        deck.doc.problem(
                            (*loc, "items", j),
                            f"there is no agenda item {number}; the agenda has {len(agenda)} item{'s' if len(agenda) != 1 else ''}",
                        )
                    )
    return problems


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] → `1–3, 7`."""
    out: list[str] = []
    numbers = sorted(set(numbers))
    start = prev = None
    for n in numbers + [None]:  # type: ignore[list-item]
        if start is None:
            start = prev = n
        elif n is not None and n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = n
    return ", ".join(out)


def deck_paths(project: Project, given: list[Path]) -> list[Path]:
    """The deck files to build: the ones given, or every deck in content/decks/."""
    if given:
        return [Path(os.path.abspath(p)) for p in given]
    return project.decks()
