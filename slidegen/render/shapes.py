"""Small shape helpers python-pptx lacks: alt text (cNvPr/@descr) and removing unused placeholders."""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape


def set_description(shape: BaseShape, text: str) -> None:
    """Set a shape's alt text (its non-visual `descr`), which python-pptx has no API for."""
    cNvPr = shape._element.find(".//" + qn("p:cNvPr"))
    cNvPr.set("descr", text)


def description(shape: BaseShape) -> str:
    """A shape's alt text ('' when none)."""
    cNvPr = shape._element.find(".//" + qn("p:cNvPr"))
    return cNvPr.get("descr", "") if cNvPr is not None else ""


def remove_shape(shape: BaseShape) -> None:
    """Remove a shape from its slide (safe for placeholders: no relationship involved)."""
    el = shape._element
    el.getparent().remove(el)
