"""The project folder: content/, themes/ and output/ under one root, and the deck files in it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from slidegen.errors import display_path


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


def deck_paths(project: Project, given: list[Path]) -> list[Path]:
    """The deck files to build: the ones given, or every deck in content/decks/."""
    if given:
        return [Path(os.path.abspath(p)) for p in given]
    return project.decks()
