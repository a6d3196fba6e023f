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
from slidegen.models.template import COVER_ROLES
from slidegen.units import Rect

Layout = str
"""Which slide layout a slide is built on: a field of the theme's `template: layouts:` (models/theme.TemplateLayouts)."""

COVER_LAYOUTS: frozenset[Layout] = COVER_ROLES
"""Layouts of slides that open or close a deck or a section: no footer unless the theme asks for one there."""


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

    def __hash__(self) -> int:
        """The hash of the fields that compare, worked out once (measuring looks paragraphs up by it often)."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.runs, self.level, self.marker, self.scale, self.space_before, self.keep_with_next,
                           self.align))
            object.__setattr__(self, "_hash", cached)
        return cached

    def indent(self, size: float) -> tuple[float, float]:
        """(left margin, hanging indent) in points at a box size: the text starts at the left margin."""
        s = size * self.scale
        hang = HANG_EM[self.marker.kind] * s if self.marker else 0.0
        return self.level * LEVEL_EM * s + hang, hang


@dataclass(frozen=True)
class Line:
    """One line of a paragraph as the planner wraps it: its text in stretches of one run each, and its width in points.

    `width` is the measured advance width of the text on the line (the spaces at a break left out).
    """

    spans: tuple[tuple[str, Run], ...]
    width: float

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.spans)


def para(text: str, **kw: object) -> Para:
    """A paragraph of one plain run."""
    run_kw = {k: kw.pop(k) for k in ("bold", "italic", "colour") if k in kw}
    return Para((Run(text, **run_kw),), **kw)  # type: ignore[arg-type]


# --- charts: fully decided descriptions that every chart renderer draws

SEPARATOR_PT = 1.5
"""Width of the line in the background colour drawn around every segment, so neighbours stay apart (points)."""


GAP = 38
"""The gap between categories' bars, in per cent of one bar's thickness (PowerPoint's gap width)."""

LABEL_PAD = 3.0
"""Points between a grouped bar's end and its value label (or a missing bar's `–`)."""


def bar_thickness(bars: int, gap: int = GAP) -> float:
    """How thick each of a category's `bars` side by side is, in category slots (1 = the distance between categories).

    PowerPoint's geometry for a gap width, rounded to hundredths: both renderers draw with it.
    """
    return round(1 / (bars + gap / 100), 2)


def bar_offset(j: int, bars: int) -> float:
    """Where bar `j` of a category's `bars` side by side stands from the category's centre, in category slots."""
    w = bar_thickness(bars)
    return (j + 0.5) * w - bars * w / 2


@dataclass(frozen=True)
class Series:
    """One series across the chart's bars: values (None = not given) and the labels to print.

    `pattern` hatches the bars (in the chart's grid colour, or in `hatch` when given): the survey's
    missing share, and a bar-chart series whose colour repeats an earlier one's.
    """

    key: str
    name: str
    colour: str
    values: tuple[float | None, ...]
    labels: tuple[str | None, ...]
    label_colour: str
    pattern: bool = False
    hatch: str | None = None


@dataclass(frozen=True)
class Mark:
    """A text drawn in the chart's frame where a value is missing (`–`): a box in fractions of the frame, from its
    top left, the text centred in it or starting at its left edge (`l`, beside a horizontal bar's end)."""

    text: str
    x: float
    y: float
    w: float
    h: float
    align: Literal["l", "ctr"] = "ctr"


@dataclass(frozen=True)
class ChartSpec:
    """A bar chart, fully decided: categories top to bottom (horizontal) or left to right (vertical), series in order.

    `layout`: `stacked` segments (the survey's charts: percents when `percent`, scaled down when they
    add up to more than the axis), `percent` (each bar's values as shares of its sum, 100 % stacked)
    or `grouped` bars side by side. Labels and marks are decided: the renderers only draw them.
    """

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
    direction: Literal["horizontal", "vertical"] = "horizontal"
    layout: Literal["stacked", "grouped", "percent"] = "stacked"
    axis_min: float = 0.0
    legend: bool = True
    marks: tuple[Mark, ...] = ()
    decimals: int | None = None
    """Decimals of the axis' tick labels (None: the survey's: up to one)."""
    axis_suffix: str = ""
    """What follows the numbers of the value axis (` %` for values in per cent)."""
    hidden: tuple[int, ...] = ()
    """Categories whose bar is not drawn: in a percent chart, those with a missing value (their shares are unknown)."""
    label_format: str = ""
    """The number format of the native chart's value labels (`#,##0" st"`); empty: the survey's."""
    axis_format: str = ""
    """The number format of the native chart's value axis; empty: the survey's."""
    panel: bool = False
    """Drawn on a plot area filled with `background` (not on the slide's own background)."""

    def key(self) -> str:
        """A hash of everything that decides how the chart looks."""
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def axis_label(self, value: float) -> str:
        """A tick label: `40 %`, or a number the Swedish way (`1 000`, `2,5`, `−5`), with `axis_suffix`."""
        return percent(value) if self.percent else number(value, self.decimals) + self.axis_suffix

    def ticks(self) -> list[float]:
        """The value axis' ticks, from its minimum to its maximum."""
        out = []
        count = round((self.axis_max - self.axis_min) / self.axis_step)
        for i in range(count + 1):
            out.append(self.axis_min + i * self.axis_step)
        return out

    def thickness(self) -> float:
        """How thick one bar is, in category slots: a stacked bar, or one of a group's bars."""
        return bar_thickness(len(self.series) if self.layout == "grouped" else 1)

    def offset(self, j: int) -> float:
        """Where series `j`'s bar stands from its category's centre, in category slots (0 unless grouped).

        Grouped bars stand in series order: left to right, or top to bottom in a horizontal chart.
        """
        return bar_offset(j, len(self.series)) if self.layout == "grouped" else 0.0


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
    """One table cell; `fill` (`#RRGGBB`) colours it instead of its row's fill."""

    paras: tuple[Para, ...]
    align: Literal["l", "ctr", "r"] = "l"
    fill: str | None = None


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
class Crop:
    """How much of a picture is cut away at each edge, as fractions of its width (left, right) and height (top, bottom)."""

    left: float = 0.0
    top: float = 0.0
    right: float = 0.0
    bottom: float = 0.0


NO_CROP = Crop()


@dataclass(frozen=True)
class PictureBox:
    """A picture file in a frame of its own shape: with alt text, or decorative when `description` is None.

    The frame has the picture's own shape, or the picture is cropped (`crop`) to the frame's shape.
    What is embedded is made from the file by the picture pipeline (render/pictures.py): turned upright,
    cut to `crop` (its pixels, so the slide's XML carries no crop), scaled down to the frame at 200 dpi,
    in sRGB, without metadata.
    """

    frame: Rect
    path: Path
    description: str | None
    name: str = "Picture"
    crop: Crop = NO_CROP
    pixels: tuple[int, int] | None = None
    """The picture's size in pixels, upright (EXIF orientation applied), as checked when it was loaded."""
    source: Location | None = field(default=None, compare=False)
    """Where the picture is named (a picture slide's or an example's `picture:`, a theme's `logo: file:`):
    its problems are reported there."""


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
