"""Writing planned paragraphs into a text frame: explicit sizes, indents, bullets, colours and language."""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Emu, Pt

from slidegen.plan.geometry import pt
from slidegen.plan.model import Insets
from slidegen.plan.text import Para

FIELD_IDS = {"slidenum": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"}
"""The id of each kind of field: PowerPoint's own templates give every slide-number field this one."""

ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}


def fill_frame(
    tf: TextFrame,
    paras: tuple[Para, ...],
    size: float,
    family: str,
    colour: str,
    lang: str,
    insets: Insets | None = None,
    anchor: str = "t",
) -> None:
    """Replace a text frame's content with the planned paragraphs; nothing is left to autofit."""
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    if insets is not None:
        tf.margin_left, tf.margin_top = Emu(insets.left), Emu(insets.top)
        tf.margin_right, tf.margin_bottom = Emu(insets.right), Emu(insets.bottom)
    tf.vertical_anchor = ANCHOR[anchor]
    txBody = tf._txBody
    for p in txBody.findall(qn("a:p"))[1:]:
        txBody.remove(p)
    first = tf.paragraphs[0]
    for r in list(first._p):
        if r.tag != qn("a:pPr"):
            first._p.remove(r)
    for i, para in enumerate(paras):
        target = first if i == 0 else tf.add_paragraph()
        write_paragraph(target, para, size, family, colour, lang)


def write_paragraph(target: _Paragraph, para: Para, size: float, family: str, colour: str, lang: str) -> None:
    """One planned paragraph: its properties, bullet and runs."""
    s = size * para.scale
    target.alignment = ALIGN[para.align]
    pPr = target._p.get_or_add_pPr()
    for child in list(pPr):
        pPr.remove(child)
    left, hang = para.indent(size)
    pPr.set("marL", str(pt(left)))
    pPr.set("indent", str(-pt(hang)))
    pPr.set("lvl", str(min(para.level, 8)))
    target.line_spacing = 1.0
    target.space_before = Pt(round(para.space_before * s, 1))
    target.space_after = Pt(0)
    _bullet(pPr, para, colour)
    for k, run in enumerate(para.runs):
        pieces = run.text.split("\n")
        for j, piece in enumerate(pieces):
            if j:
                target.add_line_break()
            if not piece:
                continue
            r = target.add_run()
            r.text = piece
            font = r.font
            font.size = Pt(s)
            font.bold = run.bold
            font.italic = run.italic
            font.name = family
            font.color.rgb = RGBColor.from_string((run.colour or colour)[1:])
            r._r.get_or_add_rPr().set("lang", lang)
            if run.field:
                _as_field(r._r, run.field)
    end = target._p.get_or_add_endParaRPr()
    end.set("lang", lang)
    end.set("sz", str(round(s * 100)))


def _as_field(r: etree._Element, kind: str) -> None:
    """Turn a formatted run into a field (`a:fld`) with the same look, which the office suite keeps up to date."""
    fld = etree.Element(qn("a:fld"), id=FIELD_IDS[kind], type=kind)
    fld.extend([r.find(qn("a:rPr")), r.find(qn("a:t"))])
    r.addprevious(fld)
    r.getparent().remove(r)


def _bullet(pPr: etree._Element, para: Para, colour: str) -> None:
    """Append the bullet elements in schema order: buClr, buFont, then buNone/buAutoNum/buChar."""
    marker = para.marker
    if marker is None:
        etree.SubElement(pPr, qn("a:buNone"))
        return
    clr = etree.SubElement(pPr, qn("a:buClr"))
    etree.SubElement(clr, qn("a:srgbClr"), val=(marker.colour or colour)[1:].upper())
    if marker.numbering:
        etree.SubElement(pPr, qn("a:buFont"), typeface="+mj-lt")
        attrs = {"type": marker.numbering}
        if marker.start != 1:
            attrs["startAt"] = str(marker.start)
        etree.SubElement(pPr, qn("a:buAutoNum"), **attrs)
    else:
        etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(pPr, qn("a:buChar"), char=marker.char or "•")
