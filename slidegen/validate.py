"""Checking content files without building: decks in full, other files against the model they match."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from slidegen.build import plan
from slidegen.content import Library, Loaded, Project, check_survey
from slidegen.errors import ContentError, Location, Problem
from slidegen.loader import read_document, validate
from slidegen.models.assignment import Assignment
from slidegen.models.bullets import BulletList
from slidegen.models.deck import Deck
from slidegen.models.example import Example
from slidegen.models.guidance import Guidance
from slidegen.models.survey import Survey
from slidegen.models.theme import Theme

MODELS: tuple[type[BaseModel], ...] = (Deck, Survey, Assignment, Guidance, BulletList, Example, Theme)
"""Every content file type; a file outside decks/ is checked against the one its keys match best."""

SKIP_DIRS = {"schema"}


def model_for(project: Project, path: Path, keys: set[str]) -> type[BaseModel] | None:
    """The model a content file should follow, from where it lies and which keys it has."""
    path = path.resolve()
    if path.parent == (project.content / "decks").resolve():
        return Deck
    if path.parent == (project.content / "examples").resolve():
        return Example
    if path.name == "theme.yaml":
        return Theme
    best, score = None, 0
    for model in MODELS:
        fields = set(model.model_fields)
        required = {n for n, f in model.model_fields.items() if f.is_required()}
        hits = len(keys & fields) + len(keys & required)
        if hits > score:
            best, score = model, hits
    return best


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
        model = model_for(project, path, set(doc.data))
        if model is None:
            problems.append(Problem(Location(project.show(path)), "cannot tell what kind of content this is; "
                                    "compare it with the files in content/"))
            continue
        if model is Deck:
            decks.append(path)
            continue
        try:
            model_obj = validate(doc, model)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(model_obj, Survey):
            problems.extend(check_survey(Loaded(doc, model_obj)))
    if decks:
        try:
            plan(library.bundles(decks))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return len(files)
