"""The accessibility rules of PowerPoint's checker that can be checked without PowerPoint, on a built deck."""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from slidegen.render.pptx.shapes import is_decorative

FILE_NAME = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$", re.IGNORECASE)


def _alt_text(shape) -> str:
    cNvPr = shape._element.find(".//" + qn("p:cNvPr"))
    return (cNvPr.get("descr") or "").strip() if cNvPr is not None else ""


def audit(deck: str | Path | IO[bytes]) -> list[str]:
    """What a screen-reader user would miss: one line per finding, empty when the deck passes.

    Rules: every slide has a title placeholder with text, first in reading order; titles are unique;
    every picture (unless marked decorative), chart and table has alt text that is not a file name;
    every table has its header row flagged.
    """
    findings: list[str] = []
    seen: dict[str, int] = {}
    for number, slide in enumerate(Presentation(deck).slides, start=1):
        where = f"slide {number}"
        shapes = list(slide.shapes)
        title = slide.shapes.title
        text = title.text_frame.text.strip() if title is not None else ""
        if not text:
            findings.append(f"{where}: no title")
        else:
            if shapes[0].element is not title.element:
                findings.append(f"{where}: the title is not first in reading order")
            if text in seen:
                findings.append(f"{where}: the title {text!r} is also the title of slide {seen[text]}")
            seen.setdefault(text, number)
        for shape in shapes:
            kind = (
                "picture" if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
                else "chart" if getattr(shape, "has_chart", False) and shape.has_chart
                else "table" if getattr(shape, "has_table", False) and shape.has_table
                else None
            )
            if kind is None or (kind == "picture" and is_decorative(shape)):
                continue  # a picture marked decorative (a logo) is skipped by screen readers: it needs no alt text
            alt = _alt_text(shape)
            if not alt:
                findings.append(f"{where}: {kind} {shape.name!r} has no alt text")
            elif FILE_NAME.search(alt):
                findings.append(f"{where}: {kind} {shape.name!r} has a file name as alt text ({alt})")
            if kind == "table" and shape.table._tbl.tblPr.get("firstRow") != "1":
                findings.append(f"{where}: table {shape.name!r} has no header row flagged")
    return findings
