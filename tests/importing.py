"""Helpers of the import tests: a small project to import into, and importing a made presentation."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from pptxfiles import save

from slidegen.commands.importer import Imported, import_deck
from slidegen.output.libreoffice import find_soffice
from slidegen.project import Project

ROOT = Path(__file__).resolve().parent.parent


def empty_project(root: Path) -> Project:
    """A project with the shipped themes and no content yet."""
    shutil.copytree(ROOT / "themes", root / "themes")
    (root / "content" / "decks").mkdir(parents=True)
    return Project.at(root)


def imported(project: Project, prs: Any, tmp_path: Path, name: str = "in") -> tuple[Imported, list[dict[str, Any]]]:
    """The import of a made presentation (nothing written), checked to validate, and its slides as the deck file says."""
    path = save(prs, tmp_path / f"{name}.pptx")
    result = import_deck(project, path, soffice=find_soffice)
    assert result.problems == [], [str(p) for p in result.problems]
    return result, yaml.safe_load(result.text)["slides"]
