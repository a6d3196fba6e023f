"""The starting presentation: the template's master and layouts scaled to the theme's slide size."""

from __future__ import annotations

import re

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


def _without(path, tmp_path, drop: tuple[str, ...], rels_edit=lambda b: b):
    """A copy of a template without some parts (and their relationships), as LibreOffice may write it."""
    import zipfile

    src = zipfile.ZipFile(path)
    target = tmp_path / "template.pptx"
    with zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            body = src.read(info.filename)
            if info.filename == "ppt/_rels/presentation.xml.rels":
                for name in drop:
                    body = re.sub(rb'<Relationship [^>]*Target="%s"/>' % re.escape(name.split("/")[-1].encode()), b"",
                                  body)
            if info.filename == "_rels/.rels":
                body = rels_edit(body)
            dst.writestr(info, body)
    return target


def test_a_template_without_presentation_and_view_properties_gets_them(theme, tmp_path):
    import io
    import zipfile

    template = _without(ROOT / "themes" / "mall" / "template.pptx", tmp_path, ("ppt/presProps.xml", "ppt/viewProps.xml"),
                        lambda b: b.replace(b"/package/2006/relationships/metadata/core-properties",
                                            b"/officedocument/2006/relationships/metadata/core-properties"))
    assert "ppt/presProps.xml" not in zipfile.ZipFile(template).namelist()
    prs = presentation(theme, 12192000, 6858000, template)
    buf = io.BytesIO()
    prs.save(buf)
    names = zipfile.ZipFile(buf).namelist()
    assert "ppt/presProps.xml" in names and "ppt/viewProps.xml" in names
    assert names.count("docProps/core.xml") == 1  # the misspelt relationship read, not a second part added
