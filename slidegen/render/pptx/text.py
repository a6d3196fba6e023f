"""Writing planned paragraphs into a text frame: explicit sizes, indents, bullets, colours and language."""

from __future__ import annotations

import re

from lxml import etree
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from slidegen.plan.model import Insets, Para
from slidegen.units import pt

FIELD_IDS = {"slidenum": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"}
"""The id of each kind of field: PowerPoint's own templates give every slide-number field this one."""

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
    """Replace a text frame's content with the planned paragraphs; nothing is left to autofit.

    The body properties are written on the XML, like the paragraphs: the same attributes, in the
    order python-pptx's word_wrap, auto_size, margin and vertical_anchor setters write them.
    """
    txBody = tf._txBody
    bodyPr = txBody.find(_BODY_PR)
    bodyPr.set("wrap", "square")
    for fit in bodyPr.findall("*"):
        if fit.tag in _AUTOFITS:
            bodyPr.remove(fit)
    bodyPr.insert(0 if bodyPr.find(_PRST_TX_WARP) is None else 1, bodyPr.makeelement(_NO_AUTOFIT, {}))
    if insets is not None:
        for key, value in (("lIns", insets.left), ("tIns", insets.top), ("rIns", insets.right), ("bIns", insets.bottom)):
            bodyPr.set(key, str(value))
    bodyPr.set("anchor", anchor)
    paragraphs = txBody.findall(_P)
    for p in paragraphs[1:]:
        txBody.remove(p)
    first = paragraphs[0]
    for child in first.findall("*"):
        if child.tag != _PPR:
            first.remove(child)
    for i, para in enumerate(paras):
        target = _Paragraph(first if i == 0 else etree.SubElement(txBody, _P), tf)
        write_paragraph(target, para, size, family, colour, lang)


def write_paragraph(target: _Paragraph, para: Para, size: float, family: str, colour: str, lang: str) -> None:
    """One planned paragraph: its properties, bullet and runs.

    The elements are written with lxml rather than python-pptx's property setters, which look up
    each child's place in the schema on every call: the same XML in a fraction of the time (a
    table's cells are most of a deck's paragraphs, and the watcher rebuilds a deck on every save).
    """
    p = target._p
    s = size * para.scale
    pPr = p.get_or_add_pPr()
    pPr.set("algn", ALIGN_XML[para.align])
    for child in list(pPr):
        pPr.remove(child)
    left, hang = para.indent(size)
    pPr.set("marL", str(pt(left)))
    pPr.set("indent", str(-pt(hang)))
    pPr.set("lvl", str(min(para.level, 8)))
    _spacing(pPr, "a:lnSpc", "a:spcPct", "100000")
    _spacing(pPr, "a:spcBef", "a:spcPts", str(Pt(round(para.space_before * s, 1)).centipoints))
    _spacing(pPr, "a:spcAft", "a:spcPts", "0")
    _bullet(pPr, para, colour)
    sz = str(Pt(s).centipoints)
    for run in para.runs:
        look = {"sz": sz, "b": "1" if run.bold else "0", "i": "1" if run.italic else "0", "lang": lang}
        rgb = (run.colour or colour)[1:].upper()
        for j, piece in enumerate(run.text.split("\n")):
            if j:
                etree.SubElement(p, _BR)
            if not piece:
                continue
            r = etree.SubElement(p, _R)
            rPr = etree.SubElement(r, _RPR, look)
            etree.SubElement(etree.SubElement(rPr, _SOLID_FILL), _SRGB, val=rgb)
            etree.SubElement(rPr, _LATIN, typeface=family)
            etree.SubElement(r, _T).text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", piece)
            if run.field:
                _as_field(r, run.field)
    etree.SubElement(p, _END, {"lang": lang, "sz": sz})


ALIGN_XML = {"l": "l", "ctr": "ctr", "r": "r"}
"""A paragraph's `algn` attribute for each planned alignment."""

_BR, _R, _RPR, _T, _END = qn("a:br"), qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")
_P, _PPR, _BODY_PR, _PRST_TX_WARP = qn("a:p"), qn("a:pPr"), qn("a:bodyPr"), qn("a:prstTxWarp")
_NO_AUTOFIT = qn("a:noAutofit")
_AUTOFITS = {_NO_AUTOFIT, qn("a:normAutofit"), qn("a:spAutoFit")}
_SOLID_FILL, _SRGB, _LATIN = qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")
"""Control characters XML cannot hold; written as `_xHHHH_` escapes, as python-pptx does."""


def _spacing(pPr: etree._Element, tag: str, unit: str, value: str) -> None:
    """Append a spacing element (line spacing, space before or after) with its one value."""
    etree.SubElement(etree.SubElement(pPr, qn(tag)), qn(unit), val=value)


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
