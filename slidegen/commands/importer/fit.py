"""The import checked as slidegen will check it: the deck file and its pictures validated and planned in a private copy."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slidegen.errors import ContentError, Problem
from slidegen.project import Project

if TYPE_CHECKING:
    from slidegen.commands.importer.result import Imported


def problems_of(project: Project, result: "Imported", expected: dict[str, Any]) -> list[Problem]:
    """Every problem `slidegen validate` would find in the imported deck (none, when the import is good);
    with a theme made from the template, what `slidegen check-theme` says of it goes to `result.theme_lines`.

    The deck file, its pictures and its theme (the project's, or the one made from the template)
    are written to a temporary project, loaded, validated and planned there; the project itself is
    not touched. The text must read back as `expected`, the entries it was written from (else WriterBug).
    """
    from slidegen.build import plan
    from slidegen.check.library import Library
    from slidegen.commands.importer.yaml_out import WriterBug, first_difference
    from slidegen.load.yaml_file import parse_document
    from slidegen.models.deck import Deck

    with tempfile.TemporaryDirectory(prefix="slidegen-import-check-") as tmp:
        root = Path(tmp)
        for ref, data in result.pictures.items():
            _put(root / "content" / ref, data)
        deck = root / "content" / "decks" / result.deck.name
        _put(deck, result.text.encode("utf-8"))
        if result.theme:
            for file, data in result.theme.items():
                _put(root / "themes" / result.name / file, data)
        elif (project.themes / "default" / "theme.yaml").is_file():
            shutil.copytree(project.themes / "default", root / "themes" / "default")
        checked = Project.at(root)
        if result.theme:
            from slidegen.commands.themes import check_report

            try:
                report = check_report(checked, result.name)
                result.theme_lines.extend(report.lines)
            except ContentError as exc:
                return exc.sorted()
        doc = parse_document(result.text.encode("utf-8"), deck, checked.show(deck))
        if doc.data != expected:
            raise WriterBug(first_difference(doc.data, expected))
        library = Library(checked)
        try:
            library.load(deck, Deck, doc)  # the text already read: the bundle takes it from the library
            plan([library.bundle(deck)])
        except ContentError as exc:
            return exc.sorted()
    return []


def _put(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
