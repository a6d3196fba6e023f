"""The planner keeps its own promise: by its measure, every text box and table fits its frame, in every theme."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from slidegen.check.library import Library
from slidegen.errors import ContentError
from slidegen.plan.deck import plan_deck
from slidegen.plan.model import TableBox, TextBox
from slidegen.plan.text import Fonts, heights
from slidegen.project import Project
from slidegen.units import to_pt

THEMES = sorted(p.parent.name for p in (ROOT / "themes").glob("*/theme.yaml"))


def planned(project: Project, theme: str):
    library = Library(project)
    for deck in project.decks():
        bundle = library.bundle(deck, theme)
        yield bundle, plan_deck(bundle)


def overfull(bundle, deck_plan) -> list[str]:
    theme = bundle.theme.model
    fonts = {family: Fonts.of(family, theme.fonts.measure_unknown_as)[0] for family in {theme.fonts.title, theme.fonts.body}}
    found = []
    for number, slide in enumerate(deck_plan.slides, start=1):
        for box in (slide.title, *slide.boxes):
            if isinstance(box, TextBox):
                width = to_pt(box.frame.w - box.insets.left - box.insets.right)
                room = to_pt(box.frame.h - box.insets.top - box.insets.bottom)
                paras = list(box.paras)
                if box.role == "title":  # a title has no space before its one paragraph
                    from dataclasses import replace

                    paras = [replace(p, space_before=0) for p in paras]
                need = sum(heights(paras, box.size, width, fonts[box.family]))
                if need > room + 0.01:
                    found.append(f"{deck_plan.name} slide {number} {box.name}: {need:.1f} > {room:.1f} pt")
            elif isinstance(box, TableBox):
                if box.frame.bottom > slide.title.frame.y + (deck_plan.height - slide.title.frame.y):
                    found.append(f"{deck_plan.name} slide {number} table below the slide")
                if sum(box.heights) != box.frame.h:
                    found.append(f"{deck_plan.name} slide {number} table frame does not enclose its rows")
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_shipped_decks_fit_by_the_planners_measure(theme):
    project = Project.at(ROOT)
    for bundle, deck_plan in planned(project, theme):
        assert overfull(bundle, deck_plan) == []


def stress(tmp_path: Path) -> Project:
    shutil.copytree(ROOT / "tests" / "data" / "stress" / "content", tmp_path / "content")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    return Project.at(tmp_path)


def test_stress_content_fits_by_the_planners_measure(tmp_path: Path):
    for bundle, deck_plan in planned(stress(tmp_path), "default"):
        assert len(deck_plan.slides) > 20
        assert overfull(bundle, deck_plan) == []


def test_stress_content_in_large_type_fails_with_located_advice(tmp_path: Path):
    """In kontrast (30 pt titles, 18 pt tables at the least) the longest texts cannot fit: said, not overflowed."""
    with pytest.raises(ContentError) as err:
        list(planned(stress(tmp_path), "kontrast"))
    assert err.value.problems
    for problem in err.value.problems:
        assert problem.location.line > 0 and "shorten it by about" in problem.message
