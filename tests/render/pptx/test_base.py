"""The starting presentation: the template's master and layouts scaled to the theme's slide size."""

from __future__ import annotations

import pytest
from conftest import ROOT
from pptx import Presentation

from slidegen.load.messages import validate
from slidegen.load.yaml_file import read_document
from slidegen.models.theme import Theme
from slidegen.render.pptx.base import presentation
from slidegen.units import SLIDE_SIZES


@pytest.fixture(scope="module")
def theme() -> Theme:
    return validate(read_document(ROOT / "themes" / "default" / "theme.yaml"), Theme)


@pytest.mark.parametrize("ratio", sorted(SLIDE_SIZES))
def test_every_master_and_layout_shape_is_scaled_onto_the_slide(theme, ratio):
    width, height = SLIDE_SIZES[ratio]
    template = Presentation()
    sx, sy = width / template.slide_width, height / template.slide_height
    prs = presentation(theme, width, height)
    sheets = [prs.slide_master, *prs.slide_master.slide_layouts]
    originals = [template.slide_master, *template.slide_master.slide_layouts]
    for sheet, original in zip(sheets, originals):
        for shape, before in zip(sheet.shapes, original.shapes):
            box = (shape.left, shape.top, shape.width, shape.height)
            assert box == (round(before.left * sx), round(before.top * sy),
                           round(before.width * sx), round(before.height * sy)), (sheet.name, shape.name)
            assert shape.width > 0 and shape.height > 0
            assert shape.left + shape.width <= width and shape.top + shape.height <= height
