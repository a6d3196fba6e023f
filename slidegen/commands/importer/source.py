"""What the importer reads from a presentation: slides as text blocks, tables, charts, pictures and notes, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from slidegen.units import Rect


Box = Rect
"""Where something lies on the slide, in EMU (from its top-left corner)."""

NOWHERE = Rect(0, 0, 0, 0)
"""The place of what has none of its own."""


def beside(a: Rect, b: Rect) -> bool:
    """Whether two places stand side by side: their widths do not overlap, their heights do."""
    apart = a.right <= b.x or b.right <= a.x
    level = a.y < b.bottom and b.y < a.bottom
    return apart and level


@dataclass(frozen=True)
class Para:
    """One paragraph: its text (line breaks inside it as `\\n`) and its level (0 = top)."""

    text: str
    level: int = 0


@dataclass
class TextBlock:
    """The text of one shape: its role (`title`, `subtitle`, `body`; `text` for a shape that is no placeholder,
    `smartart` for a SmartArt graphic's text)."""

    role: str
    paras: list[Para]
    box: Box
    name: str = ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)

    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.paras)


@dataclass
class Table:
    """A table's cells as text (merged cells' hidden parts as ''), and whether its first row is a header."""

    rows: list[list[str]]
    box: Box
    header: bool = True
    alt: str = ""


@dataclass
class Series:
    """One series of a chart: its name and its values (None where the chart has no value)."""

    name: str
    values: list[float | None]


@dataclass
class Chart:
    """A chart's cached data: its type, categories and series, as the file stores them."""

    kind: str
    """The plot's element name: `barChart`, `bar3DChart`, `lineChart`, `pieChart` …; `mixed` for several."""
    categories: list[str]
    series: list[Series]
    box: Box
    title: str = ""
    direction: str = "col"
    """`col` (vertical bars) or `bar` (horizontal)."""
    grouping: str = "clustered"
    """`clustered`, `stacked`, `percentStacked` or `standard`."""
    percent_format: bool = False
    """The values are fractions shown as per cent (number format `0%`)."""
    alt: str = ""


@dataclass
class Picture:
    """A picture's bytes as stored, what it is, and where it stands; `source` says what it came from."""

    blob: bytes
    content_type: str
    box: Box
    alt: str = ""
    name: str = ""
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """Fractions cut off left, top, right and bottom (a:srcRect)."""
    source: str = "picture"
    """`picture`, or what else showed it: `ole` (an embedded object's preview)."""
    decorative: bool = False
    """Marked decorative in the original (screen readers skip it)."""

    @property
    def key(self) -> tuple[int, int]:
        """Tells equal pictures apart cheaply: size and a hash of the bytes."""
        return len(self.blob), hash(self.blob)


@dataclass
class SourceSlide:
    """One slide of the original, read in reading order (top to bottom, left to right)."""

    number: int
    layout: str
    """The layout's type (`title`, `obj`, `secHead`, `twoObj` …; `cust` when it has none)."""
    title: TextBlock | None = None
    blocks: list[TextBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    order: list[TextBlock | Table | Chart | Picture] = field(default_factory=list)
    """Everything but the title and SmartArt, in reading order."""
    notes: str = ""
    left_out: list[str] = field(default_factory=list)
    """What could not be carried, in words (`SmartArt`, `animations` …), in the order found."""
    hidden: bool = False

    @property
    def has_content(self) -> bool:
        return bool(self.title or self.blocks or self.tables or self.charts or self.pictures)


@dataclass
class SourceDeck:
    """A presentation as read: its document properties, slide size, language and slides."""

    slides: list[SourceSlide]
    title: str = ""
    author: str = ""
    company: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    width: int = 0
    height: int = 0
    footers: list[str] = field(default_factory=list)
    """Footer texts of the slides (footer placeholders), once each: the theme's footer shows them."""
