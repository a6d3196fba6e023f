"""Reading built decks back for tests: titles, texts and tables per slide, via python-pptx."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn


@dataclass
class SlideText:
    """What a slide says: its title, its other texts (paragraph by paragraph) and its tables."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    """The alt text of every chart and picture on the slide (the logo aside)."""
    footer: dict[str, str] = field(default_factory=dict)
    """The footer's parts by shape name (`Footer`, `Date`, `Slide number`)."""
    logo: str | None = None
    """The logo's alt text ('' when decorative), None when the slide has no logo."""

    @property
    def is_chart_slide(self) -> bool:
        """A slide that shows only charts (no text besides the title, no table)."""
        return bool(self.charts) and not self.paragraphs and not self.tables

    def all_text(self) -> str:
        parts = [self.title, *self.paragraphs]
        for table in self.tables:
            parts.extend(cell for row in table for cell in row)
        return "\n".join(parts)


FOOTER_NAMES = {"Footer", "Date", "Slide number"}
"""The names slidegen gives the footer's text boxes."""


def read_deck(path: Path) -> list[SlideText]:
    """Every slide's text, in order."""
    out = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title
        st = SlideText(title.text_frame.text if title is not None else "")
        for shape in slide.shapes:
            if title is not None and shape.element is title.element:
                continue
            if shape.name in FOOTER_NAMES:
                st.footer[shape.name] = shape.text_frame.text
                continue
            if shape.name == "Logo":
                st.logo = shape._element.find(".//" + qn("p:cNvPr")).get("descr", "")
                continue
            if shape.has_text_frame:
                st.paragraphs.extend(shown_paragraphs(shape.text_frame))
            if getattr(shape, "has_table", False) and shape.has_table:
                st.tables.append([[cell.text for cell in row.cells] for row in shape.table.rows])
            if getattr(shape, "has_chart", False) and shape.has_chart or shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                st.charts.append(shape._element.find(".//" + qn("p:cNvPr")).get("descr", ""))
        out.append(st)
    return out


def _label(scheme: str, n: int) -> str:
    if scheme == "arabicPeriod":
        return f"{n}."
    if scheme == "alphaLcParenR":
        return f"{chr(ord('a') + n - 1)})"
    raise AssertionError(f"numbering {scheme} not expected in slidegen decks")


def shown_paragraphs(tf) -> list[str]:
    """The paragraphs as a viewer shows them: automatic numbers (1., a)) written out."""
    out = []
    counters: dict[tuple[int, str], int] = {}
    for p in tf.paragraphs:
        pPr = p._p.pPr
        auto = pPr.find(qn("a:buAutoNum")) if pPr is not None else None
        text = p.text
        if auto is not None:
            key = (p.level, auto.get("type"))
            start = int(auto.get("startAt", "1"))
            counters[key] = counters.get(key, start - 1) + 1
            text = f"{_label(key[1], counters[key])} {text}"
        else:
            counters.clear()
        if text:
            out.append(text)
    return out


def title_placeholder_types() -> set[PP_PLACEHOLDER]:
    return {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
