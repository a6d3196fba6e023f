"""Checking content files without building: decks in full, other files against the type they are."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from slidegen.build import plan
from slidegen.checks import check_survey
from slidegen.content import Bundle, Library, Loaded, Project
from slidegen.errors import ContentError, Location, Problem
from slidegen.loader import read_document
from slidegen.messages import validate
from slidegen.models.catalog import ContentType, content_type
from slidegen.models.deck import Deck
from slidegen.models.example import Example
from slidegen.models.survey import Survey
from slidegen.references import check_picture

SKIP_DIRS = {"schema"}


def type_for(project: Project, path: Path, keys: set[str]) -> ContentType | None:
    """The type a content file should follow, from where it lies and which keys it has."""
    try:
        rel: PurePosixPath | None = PurePosixPath(path.resolve().relative_to(project.root).as_posix())
    except ValueError:
        rel = None
    return content_type(rel, keys)


def _files(project: Project, paths: list[Path]) -> list[Path]:
    if not paths:
        paths = [project.content]
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                f for f in sorted(p.rglob("*.yaml"))
                if not (set(f.relative_to(p).parts[:-1]) & SKIP_DIRS) and not f.name.startswith("_")
            )
        else:
            out.append(p)
    return out


def validate_paths(project: Project, paths: list[Path]) -> int:
    """Check files (all of content/ when none are given); every problem is raised together.

    Returns how many files were checked.
    """
    library = Library(project)
    problems: list[Problem] = []
    decks: list[Path] = []
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
            model = validate(doc, kind.model)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(model, Survey):
            problems.extend(check_survey(Loaded(doc, model)))
        elif isinstance(model, Example) and model.picture:
            picture = check_picture(project.content, model.picture, doc, ("picture",))
            if isinstance(picture, Problem):
                problems.append(picture)
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
