"""The render check: every word LibreOffice draws lies inside the shape that holds it and inside the slide."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from pptx import Presentation
from pptx.util import Emu

TOLERANCE = 1.5
"""Points a glyph box may stick out (renderers draw accents and italics a little outside)."""

_WORD = re.compile(r"[\w%–-]+", re.UNICODE)
_MARKER = re.compile(r"^(\d+\.|[a-z]\))$")
"""Automatic numbers (`2.`, `b)`) the renderer draws: not text of a shape, though a slide number may read `2`."""


@dataclass
class Box:
    """A shape's frame in points and the words it holds."""

    name: str
    x0: float
    y0: float
    x1: float
    y1: float
    words: set[str]
    any_word: bool = False
    text: str = ""
    """The shape's text as written: where a word of signs only (`*`) is looked up."""

    def holds(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        t = TOLERANCE
        return x0 >= self.x0 - t and y0 >= self.y0 - t and x1 <= self.x1 + t and y1 <= self.y1 + t


def _pt(emu: int) -> float:
    return Emu(emu).pt


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def shape_boxes(slide) -> list[Box]:
    """Every shape that shows text, with the words it holds; table cells get boxes of their own."""
    boxes = []
    for shape in slide.shapes:
        x0, y0 = _pt(shape.left), _pt(shape.top)
        x1, y1 = x0 + _pt(shape.width), y0 + _pt(shape.height)
        if shape.has_text_frame:
            boxes.append(Box(shape.name, x0, y0, x1, y1, _words(shape.text_frame.text), text=shape.text_frame.text))
        elif getattr(shape, "has_table", False) and shape.has_table:
            table = shape.table
            y = y0
            for row in table.rows:
                x = x0
                for col, cell in zip(table.columns, row.cells):
                    w, h = _pt(col.width), _pt(row.height)
                    boxes.append(Box(f"{shape.name} cell", x, y, x + w, y + h, _words(cell.text), text=cell.text))
                    x += w
                y += _pt(row.height)
        elif getattr(shape, "has_chart", False) and shape.has_chart:
            boxes.append(Box(shape.name, x0, y0, x1, y1, set(), any_word=True))
    return boxes


def template_text(slide) -> list[str]:
    """The text the slide's layout (and its master, unless the layout hides it) draws itself, outside placeholders."""
    layout = slide.slide_layout
    shapes = list(layout.shapes)
    if layout._element.get("showMasterSp", "1") not in ("0", "false"):
        shapes += list(layout.slide_master.shapes)
    return [s.text_frame.text.lower() for s in shapes if not s.is_placeholder and s.has_text_frame
            and s.text_frame.text.strip()]


def overflow(pptx: Path, pdf: bytes) -> list[str]:
    """One line per word drawn outside its shape or the slide; empty when everything fits."""
    prs = Presentation(str(pptx))
    slide_w, slide_h = _pt(prs.slide_width), _pt(prs.slide_height)
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    problems = []
    try:
        assert doc.page_count == len(prs.slides), (doc.page_count, len(prs.slides))
        for number, (slide, page) in enumerate(zip(prs.slides, doc), start=1):
            boxes = shape_boxes(slide)
            template_words = template_text(slide)
            for b in boxes:  # a renderer may clip what lies beyond the page, so check the frames too
                if b.x0 < 0 or b.y0 < 0 or b.x1 > slide_w + 0.5 or b.y1 > slide_h + 0.5:
                    problems.append(f"slide {number}: {b.name} is off the slide")
            for x0, y0, x1, y1, word, *_ in page.get_text("words"):
                if x0 < -TOLERANCE or y0 < -TOLERANCE or x1 > slide_w + TOLERANCE or y1 > slide_h + TOLERANCE:
                    problems.append(f"slide {number}: {word!r} is off the slide")
                    continue
                keys = _words(word)
                if any(word.lower() in text for text in template_words) and not any(
                        b.holds(x0, y0, x1, y1) for b in boxes):
                    continue  # text the template's layout or master draws itself (it may run past its own box)
                candidates = [b for b in boxes if b.any_word or (keys and keys <= b.words) or (not keys and word in b.text)]
                if not candidates:
                    continue  # numbering and bullets drawn by the renderer: not text of any shape
                if _MARKER.match(word) and any(b.holds(x0, y0, x1, y1) for b in boxes):
                    continue  # an automatic number inside its list, whatever shape shows the same digits
                if not any(b.holds(x0, y0, x1, y1) for b in candidates):
                    where = ", ".join(b.name for b in candidates[:3])
                    problems.append(f"slide {number}: {word!r} at y={y1:.0f} lies outside {where}")
    finally:
        doc.close()
    return problems


@dataclass(frozen=True)
class Word:
    """A word LibreOffice drew: its text, left and right edge and baseline, in points from the page's top left."""

    text: str
    x0: float
    x1: float
    baseline: float


def page_words(pdf: bytes) -> list[list[Word]]:
    """Every word drawn on each page of a PDF: the characters of each line, split at spaces, with their baseline."""
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    pages = []
    try:
        for page in doc:
            words: list[Word] = []
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    current: list[dict] = []
                    for ch in [c for span in line["spans"] for c in span["chars"]] + [None]:
                        if ch is None or ch["c"].isspace():
                            if current:
                                words.append(Word("".join(c["c"] for c in current), current[0]["bbox"][0],
                                                  current[-1]["bbox"][2], current[0]["origin"][1]))
                            current = []
                        else:
                            current.append(ch)
            pages.append(words)
    finally:
        doc.close()
    return pages
