"""Tables: header row flagged, explicit fills, widths and heights from the plan, alt text set."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide
from pptx.util import Emu

from slidegen.plan.model import TableBox
from slidegen.render.shapes import set_description
from slidegen.render.text import fill_frame


def render_table(slide: Slide, box: TableBox, lang: str) -> None:
    """Add a planned table to a slide."""
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
        header = r == 0
        fill = st.header_fill if header else (st.row_fill if r % 2 else st.row_alt_fill)
        text = st.header_text if header else st.text
        for c, cell_plan in enumerate(cells):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(fill[1:])
            cell.margin_left, cell.margin_right = Emu(box.insets.left), Emu(box.insets.right)
            cell.margin_top, cell.margin_bottom = Emu(box.insets.top), Emu(box.insets.bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE if header else MSO_ANCHOR.TOP
            fill_frame(cell.text_frame, cell_plan.paras, box.size, st.family, text, lang)
