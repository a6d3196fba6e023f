"""Shared fixtures: a temporary copy of the project, and the shipped decks built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from slidegen.content import Project

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def copy_project(dest: Path) -> Project:
    """A copy of the shipped content/ and themes/ under dest, as a project of its own."""
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    return Project.at(dest)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the shipped project, safe to edit."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped decks, built once into a temporary output folder: {deck name: .pptx path}."""
    from slidegen.build import build

    out = tmp_path_factory.mktemp("output")
    built = build(Project.at(ROOT), out_dir=out)
    return {b.name: b.path for b in built}
