"""Tables: header row flagged, explicit fills, widths and heights from the plan, alt text set."""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu

from slidegen.plan.model import TableBox
from slidegen.render.pptx.shapes import set_description
from slidegen.render.pptx.text import fill_frame


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
    ins = box.insets
    margins = {"marL": str(ins.left), "marR": str(ins.right), "marT": str(ins.top), "marB": str(ins.bottom)}
    for r, (tr, cells, height) in enumerate(zip(table._tbl.tr_lst, box.rows, box.heights)):
        tr.h = Emu(height)
        header = r == 0
        fill = st.header_fill if header else (st.row_fill if r % 2 else st.row_alt_fill)
        text = st.header_text if header else st.text
        for tc, cell_plan in zip(tr.tc_lst, cells):
            _cell_look(tc.get_or_add_tcPr(), cell_plan.fill or fill, margins, "ctr" if header else "t")
            fill_frame(TextFrame(tc.get_or_add_txBody(), shape), cell_plan.paras, box.size, st.family, text, lang)
    # the frame encloses the rows and columns, as python-pptx's row and column setters keep it
    shape.width, shape.height = Emu(sum(box.columns)), Emu(sum(box.heights))


def _cell_look(tcPr: etree._Element, fill: str, margins: dict[str, str], anchor: str) -> None:
    """A cell's fill, inner margins and vertical anchor, written straight into its (new, empty) `a:tcPr`."""
    etree.SubElement(etree.SubElement(tcPr, qn("a:solidFill")), qn("a:srgbClr"), val=fill[1:].upper())
    for key, value in margins.items():
        tcPr.set(key, value)
    tcPr.set("anchor", anchor)
