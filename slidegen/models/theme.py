"""A theme: colours, fonts, sizes and margins of a look, read from themes/<name>/theme.yaml."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from slidegen.models.base import Model, Text

Colour = Annotated[
    str,
    Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="A colour as `#RRGGBB` (in quotes, since # starts a comment)."),
]


class ChartColours(Model):
    """One colour per answer category, and one for the share the survey does not give."""

    done: Colour
    ongoing: Colour
    not_relevant: Colour
    missing: Colour = Field(description="The `uppgift saknas` segment: visibly different from the answers.")


class Colours(Model):
    """The colours of the theme."""

    background: Colour
    text: Colour
    title: Colour
    accent: Colour = Field(description="Status remarks, bullets and highlights.")
    muted: Colour = Field(description="Secondary text: presenters, footers, notes under charts.")
    table_header: Colour = Field(description="Background of table header rows.")
    table_header_text: Colour
    table_row: Colour
    table_row_alt: Colour = Field(description="Background of every other table row.")
    table_text: Colour
    chart: ChartColours


class Fonts(Model):
    """Font families; text is measured with the metrics of a metric-compatible font where one is known."""

    title: Text = "Calibri"
    body: Text = "Calibri"


class Sizes(Model):
    """Font sizes in points; the planner shrinks text down to the minimums before it continues on a new slide."""

    title: float = Field(32, ge=12, le=80)
    title_min: float = Field(22, ge=10, le=80)
    body: float = Field(24, ge=10, le=60)
    body_min: float = Field(14, ge=10, le=60)
    table: float = Field(16, ge=8, le=40)
    table_min: float = Field(12, ge=8, le=40)
    chart: float = Field(13, ge=8, le=30)
    small: float = Field(12, ge=8, le=30, description="Presenters, captions and footers.")


class Margins(Model):
    """Distances from the slide's edges, in centimetres."""

    left: float = Field(1.5, ge=0, le=10)
    right: float = Field(1.5, ge=0, le=10)
    top: float = Field(0.8, ge=0, le=10)
    bottom: float = Field(1.0, ge=0, le=10)


class Theme(Model):
    """A look for decks: colours, fonts, sizes, margins and slide size."""

    name: Text
    description: str | None = None
    slide_size: Literal["16:9", "4:3"] = "16:9"
    colours: Colours
    fonts: Fonts = Field(default_factory=Fonts)
    sizes: Sizes = Field(default_factory=Sizes)
    margins: Margins = Field(default_factory=Margins)
