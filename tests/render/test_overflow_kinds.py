"""The render check for the general slide kinds: their test deck and its stress version, in every theme, drawn by
LibreOffice with every word inside its shape and the slide."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import needs_soffice
from kinds import DECK, STRESS_ROWS, THEMES, kinds_project, make_stress
from overflow import overflow
from pptx import Presentation

from slidegen.build import build
from slidegen.output.libreoffice import Deck, to_pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, chart_cache) -> dict[tuple[str, str], tuple[Path, bytes]]:
    """(version, theme) → (deck, its PDF): the test deck and its stress version in every theme, one LibreOffice run."""
    project = kinds_project(tmp_path_factory.mktemp("kinds-render") / "p", chart_cache)
    decks: dict[tuple[str, str], Path] = {}
    for version in ("normal", "stress"):
        if version == "stress":
            make_stress(project)
        for theme in THEMES:
            (built,) = build(project, theme=theme, out_dir=project.root / f"out-{version}-{theme}")
            decks[(version, theme)] = built.path.rename(built.path.with_name(f"{DECK}-{version}-{theme}.pptx"))
    pdfs = to_pdf([Deck(p, len(Presentation(str(p)).slides)) for p in decks.values()])
    return {key: (path, pdfs[path]) for key, path in decks.items()}


@needs_soffice
def test_every_word_of_every_kind_stays_inside_its_shape_and_the_slide(rendered):
    assert len(rendered) == 2 * len(THEMES)
    for (version, theme), (pptx, pdf) in rendered.items():
        assert overflow(pptx, pdf) == [], (version, theme)


@needs_soffice
def test_the_stress_version_was_continued_not_squeezed(rendered):
    for theme in THEMES:
        pptx, _ = rendered[("stress", theme)]
        titles = [s.shapes.title.text_frame.text for s in Presentation(str(pptx)).slides]
        tables = [t for t in titles if t.startswith("Budget för nätverket (tkr) Budget")]
        assert len(tables) > 2 and tables[-1].endswith(f"({len(tables)}/{len(tables)})"), theme
        rows = sum(len(sh.table.rows) - 1 for s in Presentation(str(pptx)).slides for sh in s.shapes
                   if sh.has_table and s.shapes.title.text_frame.text in tables)
        assert rows == STRESS_ROWS
