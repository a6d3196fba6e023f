"""Checking content files without building: decks in full, other files against the type they are."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Callable

from slidegen.build import picture_cache, plan
from slidegen.check.crossrefs import check_survey
from slidegen.check.library import Library, shows_examples
from slidegen.errors import ContentError, Location, Problem, gather
from slidegen.load.readers import read_document
from slidegen.models.bundle import Bundle
from slidegen.models.catalog import ContentType, content_type
from slidegen.models.deck import Deck
from slidegen.models.example import Example
from slidegen.plan.model import DeckPlan
from slidegen.models.survey import Survey
from slidegen.project import Project

SKIP_DIRS = {"schema"}


def type_for(project: Project, path: Path, keys: set[str]) -> ContentType | None:
    """The type a content file should follow, from where it lies and which keys it has."""
    try:
        rel: PurePosixPath | None = PurePosixPath(path.resolve().relative_to(project.root).as_posix())
    except ValueError:
        rel = None
    return content_type(rel, keys)


def _files(project: Project, paths: list[Path]) -> list[Path]:
    """The YAML files to check, each once, in the order given (folders: every file below, sorted)."""
    if not paths:
        paths = [project.content]
    out: dict[Path, Path] = {}
    for p in paths:
        if p.is_dir():
            found = [
                f for f in sorted(p.rglob("*.yaml"))
                if not (set(f.relative_to(p).parts[:-1]) & SKIP_DIRS) and not f.name.startswith("_")
            ]
        else:
            found = [p]
        for f in found:
            out.setdefault(f.resolve(), f)
    return list(out.values())


def _quiet(_: str) -> None:
    pass


def validate_paths(project: Project, paths: list[Path], report: Callable[[str], None] = _quiet) -> int:
    """Check files (all of content/ when none are given); every problem is raised together.

    A deck is checked with everything it refers to, including whether every text fits its slide and
    whether every picture can be decoded (the pictures are made for their frames then, and kept in the
    picture cache for the build). A good example is also checked against the decks that show examples
    (its methods must be in their survey, at most two per county). Notes (a picture too small for its
    frame, a font measured with another's metrics) go to `report`. Returns how many files were checked.
    """
    library = Library(project)
    problems: list[Problem] = []
    decks: list[Path] = []
    examples = False
    files = _files(project, paths)
    for path in files:
        try:
            doc = read_document(path, project.root)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        kind = type_for(project, path, set(doc.data))
        if kind is None:
            problems.append(Problem(Location(project.show(path)), "cannot tell what kind of content this is; "
                                    "compare it with the files in content/"))
            continue
        if kind.model is Deck:
            decks.append(path)
            continue
        if kind.name == "theme" and path.name == "theme.yaml":  # with its contrast, logo and template
            try:
                library.theme(path)
            except ContentError as exc:
                problems.extend(exc.problems)
            continue
        try:
            loaded = library.load(path, kind.model, doc)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(loaded.model, Survey):
            problems.extend(check_survey(loaded))
            library.complete(project.show(path), Survey, loaded, problems)  # its answer sheet, if it has one
        elif isinstance(loaded.model, Example):
            examples = True
    notes: list[str] = []
    if examples:
        found, notes = _examples_in_context(project, library, decks)
        problems.extend(found)
    bundles: list[Bundle] = []
    for deck in decks:
        try:
            bundles.append(library.bundle(deck))
        except ContentError as exc:
            problems.extend(exc.problems)
    plans = [p for b in bundles if (p := gather(problems, _plan, b)) is not None]
    problems.extend(picture_cache(project).check(plans))
    if problems:
        raise ContentError(problems)
    for notice in dict.fromkeys([*notes, *(n for p in plans for n in p.notices)]):
        report(f"note: {notice}")
    return len(files)


def _plan(bundle: Bundle) -> DeckPlan:
    (deck_plan,) = plan([bundle])
    return deck_plan


def _examples_in_context(project: Project, library: Library, checked: list[Path]) -> tuple[list[Problem], list[str]]:
    """What the decks that show examples find wrong in content/examples/ (pictures, methods, at most two per
    county), for decks not checked in full anyway: the problems, and the notes (pictures too small)."""
    problems: list[Problem] = []
    done = {p.resolve() for p in checked}
    showing = [d for d in project.decks() if d.resolve() not in done and _shows_examples(library, d)]
    if not showing:
        library.examples(problems)
        return problems, []
    folder = project.show(project.content / "examples") + "/"
    found: list[Problem] = []
    notes: list[str] = []
    for deck in showing:
        try:
            deck_plan = _plan(library.bundle(deck))
        except ContentError as exc:
            found.extend(exc.problems)
            continue
        found.extend(picture_cache(project).check([deck_plan]))  # the examples' pictures decoded, as a build would
        notes.extend(n for n in deck_plan.notices if n.startswith(folder))
    return [p for p in found if p.location.file.startswith(folder)], notes


def _shows_examples(library: Library, deck: Path) -> bool:
    try:
        return shows_examples(library.load(deck, Deck).model)
    except ContentError:
        return False
