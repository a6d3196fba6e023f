"""Small shape helpers python-pptx lacks: alt text (cNvPr/@descr), decorative marks and removing unused placeholders."""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape
from pptx.slide import Slide


def set_description(shape: BaseShape, text: str) -> None:
    """Set a shape's alt text (its non-visual `descr`), which python-pptx has no API for."""
    cNvPr = shape._element.find(".//" + qn("p:cNvPr"))
    cNvPr.set("descr", text)


DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def mark_decorative(shape: BaseShape) -> None:
    """Mark a shape as decorative (screen readers skip it) the way PowerPoint does, with no alt text."""
    cNvPr = shape._element.find(".//" + qn("p:cNvPr"))
    cNvPr.attrib.pop("descr", None)
    ext_lst = cNvPr.find(qn("a:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(cNvPr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri=DECORATIVE_EXT)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")


def is_decorative(shape: BaseShape) -> bool:
    """Whether a shape is marked decorative."""
    return shape._element.find(f".//{{{DECORATIVE_NS}}}decorative") is not None


def description(shape: BaseShape) -> str:
    """A shape's alt text ('' when none)."""
    cNvPr = shape._element.find(".//" + qn("p:cNvPr"))
    return cNvPr.get("descr", "") if cNvPr is not None else ""


def remove_shape(shape: BaseShape) -> None:
    """Remove a shape from its slide (safe for placeholders: no relationship involved)."""
    el = shape._element
    el.getparent().remove(el)


def placeholder_ref(shape: BaseShape) -> tuple[str, int]:
    """A placeholder's (type, index) as the XML says (`obj` and 0 when absent)."""
    ph = shape._element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    return (ph.get("type", "obj"), int(ph.get("idx", "0"))) if ph is not None else ("", -1)


def add_placeholder(slide: Slide, ref: tuple[str, int], name: str, first: bool = False) -> BaseShape:
    """A new placeholder on the slide that inherits from the layout's of this (type, index), with an empty text body."""
    from pptx.enum.shapes import PP_PLACEHOLDER
    from pptx.oxml.shapes.autoshape import CT_Shape
    from pptx.oxml.text import CT_TextBody

    tree = slide.shapes._spTree
    ids = [int(el.get("id")) for el in tree.iter(qn("p:cNvPr")) if el.get("id", "").isdigit()]
    sp = CT_Shape.new_placeholder_sp(max(ids, default=1) + 1, name, PP_PLACEHOLDER.from_xml(ref[0]), "horz",
                                     "full", ref[1])
    if sp.find(qn("p:txBody")) is None:
        sp.append(CT_TextBody.new_p_txBody())
    if first:  # the title comes first in reading order
        tree.insert(2, sp)
    else:
        tree.insert_element_before(sp, "p:extLst")
    return slide.shapes._shape_factory(sp)


def title_placeholder(slide: Slide, ref: tuple[str, int]) -> BaseShape:
    """The slide's title placeholder; added (first in reading order) when its layout has none to copy."""
    for shape in slide.placeholders:
        if placeholder_ref(shape) == ref or placeholder_ref(shape)[0] in ("title", "ctrTitle"):
            return shape
    return add_placeholder(slide, ref, "Title", first=True)


def first_in_reading_order(slide: Slide, shape: BaseShape) -> None:
    """Make a shape the slide's first (screen readers read the title first; some layouts list it after the body)."""
    tree = slide.shapes._spTree
    shapes = [el for el in tree if el.tag in (qn("p:sp"), qn("p:pic"), qn("p:graphicFrame"), qn("p:grpSp"),
                                              qn("p:cxnSp"))]
    if shapes and shapes[0] is not shape._element:
        shapes[0].addprevious(shape._element)
