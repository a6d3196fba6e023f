"""Checking content files without building: decks in full, other files against the type they are."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from slidegen.build import plan
from slidegen.check.crossrefs import check_survey
from slidegen.check.library import Library, shows_examples
from slidegen.errors import ContentError, Location, Problem
from slidegen.load.readers import read_document
from slidegen.models.bundle import Bundle
from slidegen.models.catalog import ContentType, content_type
from slidegen.models.deck import Deck
from slidegen.models.example import Example
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


def validate_paths(project: Project, paths: list[Path]) -> int:
    """Check files (all of content/ when none are given); every problem is raised together.

    A deck is checked with everything it refers to, including whether every text fits its slide.
    A good example is also checked against the decks that show examples (its methods must be in
    their survey, at most two per county). Returns how many files were checked.
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
    problems.extend(_examples_in_context(project, library, decks) if examples else [])
    bundles: list[Bundle] = []
    for deck in decks:
        try:
            bundles.append(library.bundle(deck))
        except ContentError as exc:
            problems.extend(exc.problems)
    try:
        plan(bundles)
    except ContentError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return len(files)


def _examples_in_context(project: Project, library: Library, checked: list[Path]) -> list[Problem]:
    """What the decks that show examples find wrong in content/examples/ (pictures, methods, at most two per
    county), for decks not checked in full anyway."""
    problems: list[Problem] = []
    done = {p.resolve() for p in checked}
    showing = [d for d in project.decks() if d.resolve() not in done and _shows_examples(library, d)]
    if not showing:
        library.examples(problems)
        return problems
    folder = project.show(project.content / "examples") + "/"
    for deck in showing:
        try:
            library.bundle(deck)
        except ContentError as exc:
            problems.extend(p for p in exc.problems if p.location.file.startswith(folder))
    return problems


def _shows_examples(library: Library, deck: Path) -> bool:
    try:
        return shows_examples(library.load(deck, Deck).model)
    except ContentError:
        return False
