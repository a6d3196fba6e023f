"""Shared fixtures: a temporary copy of the project, and the shipped decks built once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from slidegen.output.libreoffice import find_soffice
from slidegen.project import Project

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def copy_project(dest: Path, chart_cache: Path | None = None) -> Project:
    """A copy of the shipped content/ and themes/ under dest, as a project of its own.

    With `chart_cache`, the copy shares that folder as its chart cache (keys are content hashes,
    so sharing is safe and spares each test drawing the same charts again).
    """
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    if chart_cache is not None:
        (dest / "output" / ".cache").mkdir(parents=True)
        try:
            (dest / "output" / ".cache" / "charts").symlink_to(chart_cache, target_is_directory=True)
        except OSError:  # Windows without the right to make links: each project draws its own charts
            pass
    return Project.at(dest)


@pytest.fixture(scope="session")
def chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chart cache shared by the projects of all tests."""
    return tmp_path_factory.mktemp("chart-cache")


@pytest.fixture
def project(tmp_path: Path, chart_cache: Path) -> Project:
    """A fresh copy of the shipped project, safe to edit."""
    return copy_project(tmp_path / "project", chart_cache)


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory, chart_cache: Path) -> dict[str, Path]:
    """The shipped decks, built once from a copy of the project (the work tree is never written to)."""
    from slidegen.build import build

    built = build(copy_project(tmp_path_factory.mktemp("shipped"), chart_cache))
    return {b.name: b.path for b in built}


posix_only = pytest.mark.skipif(
    os.name == "nt", reason="needs POSIX signals and symbolic links (Windows has neither as these tests use them)"
)
"""Marks tests of kill -9 and symbolic links."""

needs_soffice = pytest.mark.skipif(
    find_soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)
"""Marks tests that render decks through LibreOffice."""
