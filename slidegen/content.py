"""Loading a deck with everything it refers to: files read, validated and cross-checked, all errors at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from slidegen.errors import ContentError, Location, Problem, display_path
from slidegen.loader import Document, read_document, suggest, validate
from slidegen.models.assignment import Assignment
from slidegen.models.bullets import BulletList
from slidegen.models.county import COUNTIES
from slidegen.models.deck import (
    AgendaPointsSlide,
    AgendaSlide,
    AssignmentSlide,
    BulletsSlide,
    ChartSlide,
    Deck,
    ExamplesOverviewSlide,
    ExamplesSlide,
    MethodTableSlide,
    StatusListSlide,
)
from slidegen.models.example import MAX_PER_COUNTY, Example
from slidegen.models.guidance import Guidance
from slidegen.models.survey import Survey
from slidegen.models.theme import Theme
from slidegen.plan.pictures import image_size
from slidegen.themes import ThemeFiles, check_theme

M = TypeVar("M", bound=BaseModel)

MAX_PICTURE_BYTES = 5 * 2**20
"""Pictures larger than this are refused: a slide never needs more, and decks travel by e-mail."""


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
        return _yaml_files(self.content / "decks")

    def example_files(self) -> list[Path]:
        """Every good-example file in content/examples/ (the template `_mall.yaml` is skipped)."""
        return _yaml_files(self.content / "examples")

    def theme_names(self) -> list[str]:
        """The themes that have a theme.yaml."""
        return sorted(p.parent.name for p in self.themes.glob("*/theme.yaml"))

    def show(self, path: Path) -> str:
        """A path as the user sees it: relative to the project root."""
        return display_path(path, self.root)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated content file: its document (positions) and its model."""

    doc: Document
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
    """The pictures the examples show: reference → (checked file, pixel size)."""
    folders: set[Path] = field(default_factory=set)
    """Folders the deck reads whole (content/examples/ when it shows examples): a file added there changes it."""

    @property
    def name(self) -> str:
        """The deck's name: its file name without .yaml; the output is <name>.pptx."""
        return self.path.stem

    @property
    def theme_dir(self) -> Path:
        return self.theme.files.folder

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


class Library:
    """Reads and validates content files, remembering each until it changes on disk."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._cache: dict[tuple[Path, type], tuple[tuple[int, int], Loaded[Any]]] = {}
        self.pictures: dict[str, tuple[Path, tuple[int, int]]] = {}
        """Checked pictures: reference → (file, pixel size)."""
        self._themes: dict[Path, tuple[tuple[tuple[str, int, int], ...], LoadedTheme]] = {}

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

    def theme(self, path: Path) -> LoadedTheme:
        """Read, validate and check a theme.yaml and the files it names (ContentError with every problem)."""
        path = Path(path)
        stamp = _folder_stamp(path.parent)
        hit = self._themes.get(path.resolve())
        if hit and hit[0] == stamp:
            return hit[1]
        loaded = self.load(path, Theme)
        files, problems = check_theme(loaded.doc, loaded.model)
        if problems:
            raise ContentError(problems)
        theme = LoadedTheme(loaded.doc, loaded.model, files)
        self._themes[path.resolve()] = (stamp, theme)
        return theme

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
        examples = self.examples(problems) if _shows_examples(deck.model) else []
        if problems:
            raise ContentError(problems)
        assert loaded_theme is not None
        pictures = {m.picture: self.pictures[m.picture] for m in (ex.model for ex in examples) if m.picture}
        folders = {self.project.content / "examples"} if _shows_examples(deck.model) else set()
        bundle = Bundle(Path(path), deck, loaded_theme, refs, examples, pictures, folders)
        problems.extend(check_bundle(bundle))
        if problems:
            raise ContentError(problems)
        return bundle

    def examples(self, problems: list[Problem]) -> list[Loaded[Example]]:
        """Every good example, validated, in official county order; at most two per county."""
        loaded: list[Loaded[Example]] = []
        for path in self.project.example_files():
            try:
                loaded.append(self.load(path, Example))
            except ContentError as exc:
                problems.extend(exc.problems)
        order = {c.name: i for i, c in enumerate(COUNTIES)}
        loaded.sort(key=lambda ex: (order[ex.model.county], ex.doc.path.name))
        by_county: dict[str, list[Loaded[Example]]] = {}
        for ex in loaded:
            by_county.setdefault(ex.model.county, []).append(ex)
        for county, group in by_county.items():
            if len(group) > MAX_PER_COUNTY:
                files = ", ".join(ex.doc.display for ex in group)
                for ex in group[MAX_PER_COUNTY:]:
                    problems.append(ex.doc.problem(("county",), f"{county} has {len(group)} examples ({files}); "
                                                   f"at most {MAX_PER_COUNTY} per county — remove one or merge two"))
        for ex in loaded:
            if ex.model.picture:
                self._picture(ex.model.picture, ex.doc, ("picture",), problems)
        return loaded

    def _picture(self, ref: str, doc: Document, loc: tuple[Any, ...], problems: list[Problem]) -> None:
        """Check a picture reference (see check_picture) and remember its pixel size."""
        found = check_picture(self.project.content, ref, doc, loc)
        if isinstance(found, Problem):
            problems.append(found)
            return
        with found.open("rb") as fh:
            dims = image_size(fh.read(64 * 1024))
        if dims is None:
            problems.append(doc.problem(loc, f"`{ref}` starts like a PNG or JPEG picture but its size cannot be read; "
                                        "open it and save it again as PNG or JPEG"))
            return
        self.pictures[ref] = (found.resolve(), dims)

    def _theme(self, deck: Loaded[Deck], override: str | None, problems: list[Problem]) -> LoadedTheme | None:
        name = override or deck.model.theme
        path = self.project.themes / name / "theme.yaml"
        if name not in self.project.theme_names():  # never a file system call with a name from the content
            hint = suggest(name, self.project.theme_names())
            where = deck.doc.location(("theme",)) if not override else Location("--theme")
            problems.append(Problem(where, f"there is no theme `{name}` (no file themes/{name}/theme.yaml){hint}"))
            return None
        try:
            return self.theme(path)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    def _resolve(self, ref: str, doc: Document, loc: tuple[Any, ...], problems: list[Problem]) -> Path | None:
        """The content file a reference names, if it is a safe path inside content/ that exists."""
        found = resolve_reference(self.project.content, ref, doc, loc)
        if isinstance(found, Problem):
            problems.append(found)
            return None
        return found


def resolve_reference(
    content: Path,
    ref: str,
    doc: Document,
    loc: tuple[Any, ...],
    patterns: tuple[str, ...] = ("*.yaml",),
    example: str = "survey-2015.yaml",
) -> Path | Problem:
    """The file a reference names when it is a safe path inside content/ that exists, else the problem.

    Absolute paths, `..` and links leading outside content/ are refused; a missing file gets a
    did-you-mean from the files in content/ matching `patterns`.
    """
    content = content.resolve()
    rel = Path(ref)
    if rel.is_absolute() or ref.startswith(("/", "\\")) or (len(ref) > 1 and ref[1] == ":"):
        return doc.problem(loc, f"`{ref}` is an absolute path; write it relative to content/, e.g. `{example}`")
    if ".." in rel.parts or ".." in PureWindowsPath(ref).parts:
        return doc.problem(loc, f"`{ref}` leaves the content/ folder ('..'); files must be inside content/")
    target = content / rel
    try:
        real = target.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop (RuntimeError before Python 3.13), a NUL
        return doc.problem(loc, f"`{ref}` is a link that leads nowhere (a loop); link to a real file or copy it into content/")
    if not real.is_relative_to(content):
        return doc.problem(loc, f"`{ref}` is a link that leads outside content/; copy the file into content/")
    try:
        exists = target.is_file()
    except OSError:  # e.g. a name longer than the file system allows
        exists = False
    if not exists:
        known = sorted({p.relative_to(content).as_posix() for pattern in patterns for p in content.rglob(pattern)})
        return doc.problem(loc, f"there is no file content/{ref}{suggest(ref, known)}")
    return target


PICTURE_PATTERNS = ("*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG")

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"GIF8", 0, "a GIF picture"),
    (b"WEBP", 8, "a WebP picture"),
    (b"ftyp", 4, "a HEIC or AVIF picture (as phones save them)"),
    (b"BM", 0, "a BMP picture"),
    (b"II*\x00", 0, "a TIFF picture"),
    (b"MM\x00*", 0, "a TIFF picture"),
    (b"%PDF", 0, "a PDF document"),
    (b"<svg", 0, "an SVG drawing"),
    (b"<?xml", 0, "an XML file (an SVG drawing?)"),
    (b"PK\x03\x04", 0, "a zip package (an Office document?)"),
)
"""Magic numbers: what a file's first bytes say it is."""


def picture_kind(head: bytes) -> str | None:
    """What the first bytes of a file say it is: `PNG`, `JPEG`, another kind in words, or None."""
    for magic, offset, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    return None


def check_picture(content: Path, ref: str, doc: Document, loc: tuple[Any, ...]) -> Path | Problem:
    """The picture a reference names, when it is inside content/, really a PNG or JPEG, and small enough."""
    found = resolve_reference(content, ref, doc, loc, PICTURE_PATTERNS, example="bilder/karta.png")
    if isinstance(found, Problem):
        return found
    try:
        size = found.stat().st_size
        with found.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return doc.problem(loc, f"`{ref}` cannot be read ({exc.strerror}); check that the file is not open elsewhere")
    if size > MAX_PICTURE_BYTES:
        return doc.problem(
            loc,
            f"`{ref}` is {size / 2**20:.1f} MiB, more than the {MAX_PICTURE_BYTES // 2**20} MiB a picture may be; "
            "save it smaller (a slide needs at most about 2000 pixels across)",
        )
    kind = picture_kind(head)
    if kind in ("PNG", "JPEG"):
        return found
    what = "it is empty" if not head else f"it is {kind}" if kind else "its content is not a picture"
    return doc.problem(loc, f"`{ref}` is not a PNG or JPEG picture ({what}); save it as PNG or JPEG")


def _folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, change times and sizes of a folder's files: a theme is checked again when any of them changes."""
    out = []
    for p in sorted(folder.iterdir()) if folder.is_dir() else []:
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((p.name, st.st_mtime_ns, st.st_size))
    return tuple(out)


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
        elif isinstance(slide, BulletsSlide):
            if slide.source is not None:
                out.append(((*loc, "source"), slide.source, BulletList))
            if slide.chart is not None:
                ref = slide.chart.survey or deck.survey
                out.append(((*loc, "chart", "survey") if slide.chart.survey else ("survey",) if deck.survey else loc, ref, Survey))
        elif isinstance(slide, (ExamplesOverviewSlide, ExamplesSlide)):
            out.append((("survey",) if deck.survey else loc, deck.survey, Survey))
    return out


def _shows_examples(deck: Deck) -> bool:
    return any(isinstance(s, (ExamplesOverviewSlide, ExamplesSlide)) for s in deck.slides)


def check_examples(bundle: Bundle) -> list[Problem]:
    """Every method an example names must be in the deck's survey."""
    if not bundle.examples:
        return []
    survey = bundle.survey(None)
    known = set(survey.model.numbers())
    problems = []
    for ex in bundle.examples:
        for j, number in enumerate(ex.model.methods):
            if number not in known:
                problems.append(ex.doc.problem(("methods", j), f"there is no method {number} in "
                                               f"{survey.doc.display} (it has {_ranges(sorted(known))})"))
    return problems


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
    problems.extend(check_examples(bundle))
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
