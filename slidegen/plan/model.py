"""The plan of a deck: every slide's boxes, texts, sizes and positions decided before rendering."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, Mapping, Union

from slidegen.errors import Location
from slidegen.format import number, percent
from slidegen.models.theme import TemplateLayouts
from slidegen.units import Rect

Layout = str
"""Which slide layout a slide is built on: a field of the theme's `template: layouts:` (models/theme.TemplateLayouts)."""


# --- text: paragraphs of runs, with their markers

LEVEL_EM = 1.0
"""Extra left indent per bullet level, in em of the paragraph's size."""

HANG_EM = {"char": 0.9, "arabicPeriod": 1.6, "alphaLcParenR": 1.4}
"""Room for the bullet or number left of the text, in em."""


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look; `colour` is `#RRGGBB` or None for the box's colour.

    A run with a `field` (`slidenum`) is a field the office suite keeps up to date; `text` is its current value.
    """

    text: str
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    field: str | None = None


@dataclass(frozen=True)
class Marker:
    """What stands left of a paragraph: a bullet character or an automatic number."""

    char: str | None = "•"
    numbering: str | None = None
    start: int = 1
    colour: str | None = None

    @property
    def kind(self) -> str:
        return self.numbering or "char"


BULLET = Marker("•")
DASH = Marker("–")


@dataclass(frozen=True)
class Para:
    """A paragraph: runs of text, its level and marker, and its size relative to the box's size."""

    runs: tuple[Run, ...]
    level: int = 0
    marker: Marker | None = None
    scale: float = 1.0
    space_before: float = 0.4
    keep_with_next: bool = False
    align: Literal["l", "ctr", "r"] = "l"
    source: Location | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def indent(self, size: float) -> tuple[float, float]:
        """(left margin, hanging indent) in points at a box size: the text starts at the left margin."""
        s = size * self.scale
        hang = HANG_EM[self.marker.kind] * s if self.marker else 0.0
        return self.level * LEVEL_EM * s + hang, hang


def para(text: str, **kw: object) -> Para:
    """A paragraph of one plain run."""
    run_kw = {k: kw.pop(k) for k in ("bold", "italic", "colour") if k in kw}
    return Para((Run(text, **run_kw),), **kw)  # type: ignore[arg-type]


# --- charts: fully decided descriptions that every chart renderer draws

SEPARATOR_PT = 1.5
"""Width of the line in the background colour drawn around every segment, so neighbours stay apart (points)."""


@dataclass(frozen=True)
class Series:
    """One answer category across the chart's bars: values (None = not given) and the labels to print."""

    key: str
    name: str
    colour: str
    values: tuple[float | None, ...]
    labels: tuple[str | None, ...]
    label_colour: str
    pattern: bool = False


@dataclass(frozen=True)
class ChartSpec:
    """A horizontal stacked bar chart, fully decided: categories top to bottom, series left to right."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool
    axis_max: float
    axis_step: float
    description: str
    width: int
    height: int
    plot: tuple[float, float, float, float]
    family: str
    size: float
    text: str
    background: str
    grid: str
    caption: str | None = None
    value_format: Literal["percent", "count"] = "percent"
    legend_columns: int = 4
    separator: float = SEPARATOR_PT
    panel: bool = False
    """Drawn on a plot area filled with `background` (not on the slide's own background)."""

    def key(self) -> str:
        """A hash of everything that decides how the chart looks."""
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def axis_label(self, value: float) -> str:
        """A tick label: `40 %`, or a count."""
        return percent(value) if self.percent else number(value)


# --- boxes and slides

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
    placeholder: tuple[str, int] | None = None
    """The template placeholder (type, index) the text goes into; None: the renderer's own choice."""


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


DEFAULT_LAYOUTS: Mapping[str, str] = TemplateLayouts().model_dump()
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
