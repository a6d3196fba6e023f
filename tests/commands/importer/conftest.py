"""Fixtures of the import tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from importing import empty_project as make_project

from slidegen.project import Project


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    """A project with the shipped themes and no content yet."""
    return make_project(tmp_path / "project")
