"""Paragraphs written as XML directly: exactly what python-pptx's text frame, paragraph and font API writes."""

from __future__ import annotations

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from slidegen.plan.model import Insets, Marker, Para, Run
from slidegen.render.pptx.text import _bullet, fill_frame
from slidegen.units import pt

ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}

PARAS = [
    Para((Run("Rubrik"),)),
    Para((Run("Fet "), Run("kursiv", italic=True), Run(" färg", bold=True, colour="#1a6a8a")), align="ctr"),
    Para((Run("Punkt med\nradbrytning och\n\ntom rad"),), level=1, marker=Marker("•", colour="#E8A33D")),
    Para((Run("Numrerad"),), marker=Marker(None, numbering="arabicPeriod", start=4), scale=0.85, space_before=0.6),
    Para((Run("Bokstav"),), level=2, marker=Marker(None, numbering="alphaLcParenR"), align="r", scale=0.9),
    Para((Run(""),), space_before=0.0),
]


def reference(tf, paras, size, family, colour, lang, insets: Insets, anchor) -> None:
    """The same frame through python-pptx's API (what slidegen did before writing XML itself)."""
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left, tf.margin_top = Emu(insets.left), Emu(insets.top)
    tf.margin_right, tf.margin_bottom = Emu(insets.right), Emu(insets.bottom)
    tf.vertical_anchor = anchor
    for i, para in enumerate(paras):
        target = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        s = size * para.scale
        target.alignment = ALIGN[para.align]
        pPr = target._p.get_or_add_pPr()
        left, hang = para.indent(size)
        pPr.set("marL", str(pt(left)))
        pPr.set("indent", str(-pt(hang)))
        pPr.set("lvl", str(min(para.level, 8)))
        target.line_spacing = 1.0
        target.space_before = Pt(round(para.space_before * s, 1))
        target.space_after = Pt(0)
        _bullet(pPr, para, colour)
        for run in para.runs:
            for j, piece in enumerate(run.text.split("\n")):
                if j:
                    target.add_line_break()
                if not piece:
                    continue
                r = target.add_run()
                r.text = piece
                font = r.font
                font.size, font.bold, font.italic, font.name = Pt(s), run.bold, run.italic, family
                font.color.rgb = RGBColor.from_string((run.colour or colour)[1:].upper())
                r._r.get_or_add_rPr().set("lang", lang)
        end = target._p.get_or_add_endParaRPr()
        end.set("lang", lang)
        end.set("sz", str(Pt(s).centipoints))


@pytest.mark.parametrize("size", [24, 20.4, 13.3])
def test_written_xml_equals_python_pptx_api(size):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    ours = slide.shapes.add_textbox(0, 0, Emu(9e6), Emu(5e6)).text_frame
    theirs = slide.shapes.add_textbox(0, 0, Emu(9e6), Emu(5e6)).text_frame
    fill_frame(ours, tuple(PARAS), size, "Calibri", "#1F2933", "sv-SE", Insets(1, 2, 3, 4), "ctr")
    reference(theirs, PARAS, size, "Calibri", "#1F2933", "sv-SE", Insets(1, 2, 3, 4), MSO_ANCHOR.MIDDLE)
    assert etree.tostring(ours._txBody, method="c14n") == etree.tostring(theirs._txBody, method="c14n")
    assert [p.text for p in ours.paragraphs][:2] == ["Rubrik", "Fet kursiv färg"]


def test_refilling_a_frame_replaces_its_paragraphs():
    prs = Presentation()
    tf = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, 100, 100).text_frame
    fill_frame(tf, tuple(PARAS), 20, "Calibri", "#000000", "sv-SE")
    fill_frame(tf, (Para((Run("Bara detta"),)),), 20, "Calibri", "#000000", "sv-SE")
    assert [p.text for p in tf.paragraphs] == ["Bara detta"]
