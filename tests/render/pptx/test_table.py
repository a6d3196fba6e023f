"""Tables written on the XML: the same cells, fills, margins and sizes python-pptx's API writes."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu

from slidegen.plan.model import Cell, Insets, Para, Run, TableBox, TableStyle
from slidegen.render.pptx.shapes import set_description
from slidegen.render.pptx.table import render_table
from slidegen.render.pptx.text import fill_frame
from slidegen.units import Rect

BOX = TableBox(
    frame=Rect(100, 200, 9_000_000, 3_000_000),
    columns=(6_000_000, 1_000_000, 1_000_000),
    rows=tuple(
        tuple(Cell((Para((Run(f"rad {r} kolumn {c}", bold=r == 0),), align="ctr" if c else "l"),)) for c in range(3))
        for r in range(4)
    ),
    heights=(500_000, 700_000, 650_000, 640_000),
    size=14,
    style=TableStyle("Calibri", "#1F2933", "#0B3B5B", "#FFFFFF", "#ffffff", "#EDF2F6"),
    insets=Insets(64800, 28800, 64800, 28800),
    description="Tabell med fyra rader",
)


def reference(slide, box: TableBox, lang: str) -> None:
    """The table through python-pptx's API (what slidegen did before writing the cells itself)."""
    f = box.frame
    shape = slide.shapes.add_table(len(box.rows), len(box.columns), Emu(f.x), Emu(f.y), Emu(f.w), Emu(f.h))
    shape.name = box.name
    set_description(shape, box.description)
    table = shape.table
    table.first_row = True
    table.horz_banding = False
    for col, width in zip(table.columns, box.columns):
        col.width = Emu(width)
    st = box.style
    for r, (cells, height) in enumerate(zip(box.rows, box.heights)):
        table.rows[r].height = Emu(height)
        fill = st.header_fill if r == 0 else (st.row_fill if r % 2 else st.row_alt_fill)
        for c, cell_plan in enumerate(cells):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(fill[1:].upper())
            cell.margin_left, cell.margin_right = Emu(box.insets.left), Emu(box.insets.right)
            cell.margin_top, cell.margin_bottom = Emu(box.insets.top), Emu(box.insets.bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE if r == 0 else MSO_ANCHOR.TOP
            fill_frame(cell.text_frame, cell_plan.paras, box.size, st.family, st.header_text if r == 0 else st.text, lang)


def test_table_xml_equals_python_pptx_api():
    prs = Presentation()
    ours = prs.slides.add_slide(prs.slide_layouts[6])
    theirs = prs.slides.add_slide(prs.slide_layouts[6])
    render_table(ours, BOX, "sv-SE")
    reference(theirs, BOX, "sv-SE")
    (a,), (b,) = ours.shapes, theirs.shapes
    assert etree.tostring(a._element, method="c14n") == etree.tostring(b._element, method="c14n")
    assert (a.width, a.height) == (sum(BOX.columns), sum(BOX.heights))
    assert a.table.cell(2, 1).text_frame.text == "rad 2 kolumn 1"
