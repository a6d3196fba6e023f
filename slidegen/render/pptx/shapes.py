"""Small shape helpers python-pptx lacks: alt text (cNvPr/@descr), decorative marks and removing unused placeholders."""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape


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
