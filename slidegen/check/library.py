"""Loading a deck with everything it refers to: files read, validated and cross-checked, all errors at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel

from slidegen.check.answers import answered_survey
from slidegen.check.crossrefs import check_bundle
from slidegen.check.references import check_picture, resolve_reference
from slidegen.check.theme import check_theme
from slidegen.errors import ContentError, Location, Problem, gather, suggest
from slidegen.load.document import Document
from slidegen.load.messages import validate
from slidegen.load.readers import read_document
from slidegen.models.answers import Answers
from slidegen.models.bundle import Bundle, Loaded, LoadedTheme
from slidegen.models.county import order
from slidegen.models.deck import Deck
from slidegen.models.example import MAX_PER_COUNTY, Example
from slidegen.models.survey import Survey
from slidegen.models.theme import Theme
from slidegen.project import Project

M = TypeVar("M", bound=BaseModel)


class Library:
    """Reads and validates content files, remembering each until it changes on disk."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._cache: dict[tuple[Path, type], tuple[tuple[int, int], Loaded[Any]]] = {}
        self.pictures: dict[str, tuple[Path, tuple[int, int]]] = {}
        """Checked pictures: reference → (file, pixel size)."""
        self._themes: dict[Path, tuple[tuple[tuple[str, int, int], ...], LoadedTheme]] = {}
        self._documents: dict[Path, tuple[tuple[int, int], Document]] = {}

    def load(self, path: Path, model: type[M], doc: Document | None = None) -> Loaded[M]:
        """Read (unless `doc` is the file already read) and validate one file; ContentError with every problem."""
        path = Path(path)
        stamp = _stamp(path)
        key = (path.resolve(), model)
        hit = self._cache.get(key)
        if hit and hit[0] == stamp:
            return hit[1]
        doc = doc or read_document(path, self.project.root)
        loaded = Loaded(doc, validate(doc, model))
        self._cache[key] = (stamp, loaded)
        return loaded

    def document(self, path: Path) -> Document:
        """Read one file that no model validates alone (a sheet of answers); remembered until it changes on disk."""
        path = Path(path)
        stamp = _stamp(path)
        hit = self._documents.get(path.resolve())
        if hit and hit[0] == stamp:
            return hit[1]
        doc = read_document(path, self.project.root)
        self._documents[path.resolve()] = (stamp, doc)
        return doc

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
        refs = self._references(deck, problems)
        examples = self.examples(problems) if shows_examples(deck.model) else []
        shown = [(loc, ref) for i, slide in enumerate(deck.model.slides) for loc, ref in slide.pictures(("slides", i))]
        for loc, ref in shown:
            self._picture(ref, deck.doc, loc, problems)
        if problems:
            raise ContentError(problems)
        assert loaded_theme is not None
        pictures = {m.picture: self.pictures[m.picture] for m in (ex.model for ex in examples) if m.picture}
        pictures.update((ref, self.pictures[ref]) for _, ref in shown)
        folders = {self.project.content / "examples"} if shows_examples(deck.model) else set()
        bundle = Bundle(Path(path), deck, loaded_theme, refs, examples, pictures, folders)
        problems.extend(check_bundle(bundle))
        if problems:
            raise ContentError(problems)
        return bundle

    def _references(self, deck: Loaded[Deck], problems: list[Problem]) -> dict[tuple[str, type], Loaded[Any]]:
        """Every file the deck's slides refer to (each declares its own), loaded; a located problem for each that is not."""
        refs: dict[tuple[str, type], Loaded[Any]] = {}
        for i, slide in enumerate(deck.model.slides):
            for loc, ref, model in slide.references(deck.model, ("slides", i)):
                if ref is None:
                    problems.append(deck.doc.problem(
                        loc[:2], "this slide needs a survey: add `survey: survey-2015.yaml` to it or to the deck"))
                elif (ref, model) not in refs:
                    target = self._resolve(ref, deck.doc, loc, problems)
                    loaded = gather(problems, self.load, target, model) if target is not None else None
                    if loaded is not None:
                        refs.update(self.complete(ref, model, loaded, problems))
        return refs

    def complete(self, ref: str, model: type, loaded: Loaded[Any], problems: list[Problem]) -> dict[tuple[str, type], Loaded[Any]]:
        """A loaded file with the files it refers to itself (a survey's answer sheet), by (reference, model)."""
        completer = COMPLETERS.get(model)
        return completer(self, ref, loaded, problems) if completer else {(ref, model): loaded}

    def _answers(self, ref: str, survey: Loaded[Survey], problems: list[Problem]) -> dict[tuple[str, type], Loaded[Any]]:
        """A survey and, when its shares come from a sheet, the sheet read and counted, the shares put in place.

        The survey's answers are kept under (its reference, Answers), so the sheet is one of the deck's files.
        """
        sheet = survey.model.answers
        if sheet is None:
            return {(ref, Survey): survey}
        target = self._resolve(sheet.file, survey.doc, ("answers", "file"), problems, ("*.xlsx", "*.csv"),
                               "data/enkat-2016.xlsx")
        doc = gather(problems, self.document, target) if target is not None else None
        done = gather(problems, answered_survey, survey, doc) if doc is not None else None
        if done is None:
            return {}
        return {(ref, Survey): done[0], (ref, Answers): done[1]}

    def examples(self, problems: list[Problem]) -> list[Loaded[Example]]:
        """Every good example, validated, in official county order; at most two per county."""
        loaded: list[Loaded[Example]] = []
        for path in self.project.example_files():
            try:
                loaded.append(self.load(path, Example))
            except ContentError as exc:
                problems.extend(exc.problems)
        loaded.sort(key=lambda ex: (order(ex.model.county), ex.doc.path.name))
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
        path, dims = found
        self.pictures[ref] = (path.resolve(), dims)

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

    def _resolve(self, ref: str, doc: Document, loc: tuple[Any, ...], problems: list[Problem],
                 patterns: tuple[str, ...] | None = None, example: str = "survey-2015.yaml") -> Path | None:
        """The content file a reference names, if it is a safe path inside content/ that exists.

        A missing file gets a did-you-mean from the files of `patterns`, by default those of its own type
        (`*.yaml`, `*.csv`, `*.xlsx`)."""
        if patterns is None:
            suffix = Path(ref).suffix.lower()
            patterns = (f"*{suffix}",) if suffix in (".csv", ".xlsx") else ("*.yaml",)
        found = resolve_reference(self.project.content, ref, doc, loc, patterns, example)
        if isinstance(found, Problem):
            problems.append(found)
            return None
        return found


COMPLETERS: dict[type, Callable[[Library, str, Any, list[Problem]], dict[tuple[str, type], Loaded[Any]]]] = {
    Survey: Library._answers,
}
"""Files that refer to files of their own (a survey to its answer sheet): how each is completed, by its model."""


def _stamp(path: Path) -> tuple[int, int]:
    """A file's change time and size: it is read again when either changes."""
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


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


def shows_examples(deck: Deck) -> bool:
    """Whether a slide of the deck shows the good examples (then the deck reads content/examples/ whole)."""
    return any(s.shows_examples for s in deck.slides)
