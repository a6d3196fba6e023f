"""A theme: colours, fonts, sizes, margins, footer, logo and template of a look, read from themes/<name>/theme.yaml."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from slidegen.models.base import Model, Text
from slidegen.units import SIZE_FORMS, SLIDE_SIZES, slide_size

COLOUR_FORM = "a colour as `#RRGGBB` (in quotes, since # starts a comment)"

Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$", description=f"A{COLOUR_FORM[1:]}.")]


def colour(what: str) -> Any:
    """A colour field described by what it colours and how it is written (the form is what errors quote)."""
    return Field(description=f"{what}: {COLOUR_FORM}.")


FolderFile = r"^[^/\\:*?\"<>|]+\.{ext}$"
"""A file name inside the theme folder (no folders, no drive letters), ending in one of the extensions."""


class ChartColours(Model):
    """One colour per survey answer and one for the share the survey does not give (in the order drawn);
    and the palette of bar charts' series."""

    done: Colour = colour("`Genomfört` segments")
    ongoing: Colour = colour("`På gång` segments, drawn next to `done`")
    not_relevant: Colour = colour("`Ej aktuellt` segments, drawn next to `ongoing`")
    missing: Colour = colour("The hatched `uppgift saknas` segment, visibly different from the answers")
    palette: list[Colour] | None = Field(
        None, min_length=2,
        description="The series of bar charts, in order (`[\"#0F4470\", \"#C9840B\", …]`); each colour is drawn next to "
        "the one before it, and the last next to the first when a chart has more series than the palette has colours "
        "(they then repeat, hatched). Left out: `done` and `ongoing`.",
    )
    background: Colour | None = Field(
        None, description="The plot area's own background, when charts should not lie on the slide's (by default "
        "they do, unless no palette can pass there: then check-theme proposes one on a plot area of its own): "
        f"{COLOUR_FORM}.")

    def series(self) -> tuple[str, ...]:
        """The colours of bar-chart series, in order: the palette, else `done` and `ongoing`."""
        return tuple(self.palette) if self.palette else (self.done, self.ongoing)


class Colours(Model):
    """The colours of the theme; contrast between them is checked when the theme is loaded."""

    background: Colour = colour("Slide background (with a template: the template's master background)")
    text: Colour = colour("Body text")
    title: Colour = colour("Slide titles")
    accent: Colour = colour("Status remarks, bullets and highlights")
    muted: Colour = colour("Secondary text (presenters, footers, notes under charts) and chart grid lines")
    table_header: Colour = colour("Background of table header rows")
    table_header_text: Colour = colour("Text in table header rows")
    table_row: Colour = colour("Background of table rows")
    table_row_alt: Colour = colour("Background of every other table row")
    table_text: Colour = colour("Text in table rows")
    chart: ChartColours = Field(description="Chart segments, one colour per answer.")


MeasureFont = Literal["Calibri", "Arial", "DejaVu Sans"]


class Fonts(Model):
    """Font families; text is measured with the metrics of a metric-compatible font where one is known."""

    title: Text = Field("Calibri", description="Font family of titles.")
    body: Text = Field("Calibri", description="Font family of body text, tables and charts.")
    measure_unknown_as: MeasureFont = Field(
        "DejaVu Sans",
        description="Whose metrics to measure a family with when slidegen ships none for it (Calibri and Arial "
        "have their own): DejaVu Sans is wide, so text rarely overflows.",
    )


class Sizes(Model):
    """Font sizes in points; the planner shrinks text down to the minimums before it continues on a new slide.

    On a template its placeholders' own sizes are where fitting starts. The sizes are for a slide
    19.05 cm high; on a taller or lower slide they (and the margins) grow or shrink with it.
    """

    title: float = Field(32, ge=12, le=80, description="Titles, at most (on a template: where it gives no size of its own).")
    title_min: float = Field(22, ge=10, le=80, description="Titles, at least (long titles shrink to this; one that "
                             "still does not fit its template's title area shrinks on, never below `body_min`).")
    body: float = Field(24, ge=10, le=60, description="Body text, at most (on a template: where it gives no size of "
                        "its own).")
    body_min: float = Field(14, ge=10, le=60, description="Body text, at least; what does not fit continues on a new slide.")
    table: float = Field(16, ge=8, le=40, description="Table text, at most.")
    table_min: float = Field(12, ge=8, le=40, description="Table text, at least; longer tables continue on a new slide.")
    chart: float = Field(13, ge=8, le=30, description="Chart labels and legends, at most.")
    chart_min: float = Field(12, ge=8, le=30, description="Chart labels and legends, at least (never below 12); "
                             "charts with many bars continue on a new slide.")
    small: float = Field(12, ge=8, le=30, description="Presenters, captions and footers.")


class Margins(Model):
    """Distances from the slide's edges, in centimetres."""

    left: float = Field(1.5, ge=0, le=10, description="Left margin (cm).")
    right: float = Field(1.5, ge=0, le=10, description="Right margin (cm).")
    top: float = Field(0.8, ge=0, le=10, description="Top margin (cm).")
    bottom: float = Field(1.0, ge=0, le=10, description="Bottom margin (cm).")


class Footer(Model):
    """The line at the foot of the slides; each part is optional, and the body gives up the room it takes."""

    text: Text | None = Field(None, description="Text at the left, e.g. the organisation: `Länsstyrelsen i Exempellän`.")
    date: bool = Field(False, description="Show the meeting date (2016-10-28) in the middle.")
    slide_number: bool = Field(False, description="Show the slide number at the right, as a field PowerPoint keeps up to date.")
    title_slides: bool = Field(False, description="Show the footer on title and section slides too.")

    @property
    def shown(self) -> bool:
        """Whether the footer has anything to show."""
        return bool(self.text or self.date or self.slide_number)


Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]


class Logo(Model):
    """A logo on every slide: a PNG file in the theme folder, in a corner, with alt text or marked decorative."""

    file: str = Field(pattern=FolderFile.format(ext="[Pp][Nn][Gg]"), description="A PNG file in the theme folder, e.g. `logo.png`.")
    corner: Corner = Field("top-right", description="Which corner of the slide, inside the margins.")
    height: float = Field(1.2, ge=0.3, le=5, description="Height on the slide in centimetres (the width follows the picture).")
    alt: Text | None = Field(None, description="Who the logo stands for; the alt text becomes `Logotyp: <alt>`.")
    decorative: bool = Field(False, description="Mark the logo as decorative (screen readers skip it) instead of giving alt text.")

    @model_validator(mode="after")
    def _alt_or_decorative(self) -> "Logo":
        if self.alt is None and not self.decorative:
            raise ValueError("the logo needs alt text (`alt: Länsstyrelsen i …`) or `decorative: true`")
        if self.alt is not None and self.decorative:
            raise ValueError("a decorative logo has no alt text; remove `alt:` or `decorative: true`")
        return self

    @property
    def description(self) -> str | None:
        """The logo's alt text, or None when it is decorative."""
        return None if self.alt is None else f"Logotyp: {self.alt}"


class LayoutColours(Model):
    """Colours for the text on one of the template's layouts, where the theme's would not be readable there."""

    title: Colour | None = Field(None, description=f"Titles on this layout: {COLOUR_FORM}.")
    text: Colour | None = Field(None, description=f"Body text on this layout: {COLOUR_FORM}.")
    muted: Colour | None = Field(None, description=f"Secondary text and footers on this layout: {COLOUR_FORM}.")
    accent: Colour | None = Field(None, description=f"Bullets and highlights on this layout: {COLOUR_FORM}.")


class TemplateLayouts(Model):
    """Which layout of the template each kind of slidegen slide is built on, by the layout's name.

    The defaults are the names of PowerPoint's own layouts (slidegen's own master has them all). With an
    organisation's template, pictures and columns the theme names no layout for are built on its content
    layout, quotes on its title-only layout and the closing slide on its title layout, slidegen placing the boxes.
    """

    title: Text = Field("Title Slide", description="Title and section slides: needs a title and a subtitle or body placeholder.")
    content: Text = Field("Title and Content", description="Text slides: needs a title and a body placeholder.")
    title_only: Text = Field("Title Only", description="Table and chart slides: needs a title placeholder.")
    picture: Text = Field("Picture with Caption", description="Picture slides (picture, caption, text beside it): needs a "
                          "title placeholder; with a template, its content layout unless named here.")
    two_content: Text = Field("Two Content", description="Slides of two or three columns side by side: needs a title "
                              "placeholder; with a template, its content layout unless named here.")
    quote: Text = Field("Title Only", description="Quote slides: needs a title placeholder; with a template, its "
                        "title-only layout unless named here.")
    closing: Text = Field("Title Slide", description="The closing slide (thanks and contacts): needs a title placeholder; "
                          "with a template, its title layout unless named here.")

    FALLBACKS: ClassVar[dict[str, str]] = {"picture": "content", "two_content": "content", "quote": "title_only",
                                           "closing": "title"}
    """The role whose layout a template theme uses for a role it does not name."""

    def fallback(self, role: str) -> str | None:
        """The role whose layout stands in for `role` in a template that does not name one (None: named, or no fallback)."""
        return None if role in self.model_fields_set else self.FALLBACKS.get(role)

    def names(self, template: bool) -> dict[str, str]:
        """The layout name of every role; in a template, an unnamed role with a fallback takes its fallback's name."""
        out = self.model_dump()
        if template:
            for role in out:
                stand_in = self.fallback(role)
                if stand_in is not None:
                    out[role] = out[stand_in]
        return out


class Template(Model):
    """An organisation's own PowerPoint template: slides are built on its master and layouts."""

    file: str = Field(
        pattern=FolderFile.format(ext="([Pp][Pp][Tt][Xx]|[Pp][Oo][Tt][Xx])"),
        description="A .pptx or .potx file in the theme folder, e.g. `template.pptx`.",
    )
    layouts: TemplateLayouts = Field(default_factory=TemplateLayouts, description="Layout names in the template "
                                     "(a line break in a name is written ⏎, as check-theme prints it).")
    colours: dict[str, LayoutColours] = Field(
        default_factory=dict,
        description="Per kind of slide (`title`, `content`, `title_only` …): colours for its text where the theme's "
        "are not readable on what the template shows there. Where none is given, such text takes the template's "
        "own colour for it, or black or white, whichever is readable; check-theme says which.")

    fix_colours: bool = Field(
        True, description="Where a colour of the theme is not readable on what the template shows behind a text, the "
        "text takes the template's own colour for it, or black or white, whichever is readable (check-theme says "
        "which). `false` makes that a theme error instead, to be settled under `colours:` here.")

    @model_validator(mode="after")
    def _known_kinds(self) -> "Template":
        kinds = list(TemplateLayouts.model_fields)
        for kind in self.colours:
            if kind not in kinds:
                raise ValueError(f"`colours: {kind}:` is not a kind of slide; write one of {', '.join(kinds)}")
        return self


def _slide_size(value: str) -> str:
    slide_size(value)
    return value


SlideSize = Annotated[str, AfterValidator(_slide_size),
                      Field(examples=[*SLIDE_SIZES, "25.4 × 14.29 cm"], description=f"A slide size: {SIZE_FORMS}.")]


class Theme(Model):
    """A look for decks: colours, fonts, sizes, margins, footer, logo, template and slide size."""

    name: Text = Field(description="The theme's name (normally its folder name).")
    description: str | None = Field(None, description="One line for `slidegen list themes`.")
    slide_size: SlideSize | None = Field(
        None, description=f"The slide size of a theme without a template: {SIZE_FORMS} (16:9 when not given). "
        "A theme with a template takes the template's size; a size given here must have its aspect ratio.")
    colours: Colours = Field(description="The theme's colours.")
    fonts: Fonts = Field(default_factory=Fonts, description="Font families.")
    sizes: Sizes = Field(default_factory=Sizes, description="Font sizes in points.")
    margins: Margins = Field(default_factory=Margins, description="Margins in centimetres.")
    footer: Footer = Field(default_factory=Footer, description="Footer text, meeting date and slide number.")
    logo: Logo | None = Field(None, description="A logo on every slide.")
    template: Template | None = Field(None, description="Build on an organisation's own PowerPoint template.")

    @property
    def size(self) -> tuple[int, int]:
        """The slide size the theme asks for (16:9 when it gives none), in EMU; a template's own size wins."""
        return slide_size(self.slide_size or "16:9")
