"""The plan of a deck: every slide's boxes, texts, sizes and positions decided before rendering."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Mapping, Union

from slidegen.errors import Location
from slidegen.plan.charts import ChartSpec
from slidegen.plan.text import Para
from slidegen.units import Rect

Layout = Literal["title", "content", "title_only"]
"""Which slide layout a slide is built on: the title slide, title and body, or title only."""


@dataclass(frozen=True)
class Insets:
    """Inner margins of a text box or table cell, in EMU."""

    left: int
    top: int
    right: int
    bottom: int


@dataclass(frozen=True)
class TextBox:
    """A text frame: its paragraphs and the size (points) they were fitted at."""

    frame: Rect
    paras: tuple[Para, ...]
    size: float
    family: str
    colour: str
    role: Literal["title", "subtitle", "body", "text"]
    insets: Insets
    anchor: Literal["t", "ctr", "b"] = "t"
    name: str = "Text"


@dataclass(frozen=True)
class Cell:
    """One table cell."""

    paras: tuple[Para, ...]
    align: Literal["l", "ctr", "r"] = "l"


@dataclass(frozen=True)
class TableStyle:
    """The colours and font of a table."""

    family: str
    text: str
    header_fill: str
    header_text: str
    row_fill: str
    row_alt_fill: str


@dataclass(frozen=True)
class TableBox:
    """A table with a header row: column widths and row heights computed from the wrapped text."""

    frame: Rect
    columns: tuple[int, ...]
    rows: tuple[tuple[Cell, ...], ...]
    heights: tuple[int, ...]
    size: float
    style: TableStyle
    insets: Insets
    description: str
    name: str = "Table"


@dataclass(frozen=True)
class ChartBox:
    """A chart in a frame, drawn as a picture (`image`) or as an editable chart (`native`)."""

    frame: Rect
    chart: ChartSpec
    renderer: Literal["image", "native"]
    name: str = "Chart"


@dataclass(frozen=True)
class PictureBox:
    """A picture file in a frame of its own shape: with alt text, or decorative when `description` is None."""

    frame: Rect
    path: Path
    description: str | None
    name: str = "Picture"


Box = Union[TextBox, TableBox, ChartBox, PictureBox]


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its layout, title, boxes and notes, and where in the content it comes from."""

    layout: Layout
    title: TextBox
    boxes: tuple[Box, ...]
    source: Location
    notes: str | None = None


@dataclass(frozen=True)
class Properties:
    """The document properties of the deck."""

    title: str
    subject: str
    author: str
    company: str
    keywords: str
    language: str
    created: dt.datetime


DEFAULT_LAYOUTS: Mapping[str, str] = {"title": "Title Slide", "content": "Title and Content", "title_only": "Title Only"}
"""The layout each kind of slide plan is built on in slidegen's own master (python-pptx's default names)."""


@dataclass(frozen=True)
class Base:
    """What a deck is built on: an organisation's template file (None: slidegen's own master) and its layout names."""

    template: Path | None = None
    layouts: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_LAYOUTS))


@dataclass(frozen=True)
class DeckPlan:
    """A whole deck, planned: slides in order, the slide size and the document properties."""

    name: str
    width: int
    height: int
    slides: tuple[SlidePlan, ...]
    properties: Properties
    notices: tuple[str, ...] = field(default=())
    base: Base = field(default_factory=Base)
