"""Slide kinds for any meeting: picture, columns, quote and closing (the table: models/slides/table.py)."""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from slidegen.models.base import Model, Text, file_ref
from slidegen.models.bullets import Bullet
from slidegen.models.example import Email
from slidegen.models.slides.base import Loc, SlideBase

PictureRef = file_ref("([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Hh][Ee][Ii][CcFf]|[Ww][Ee][Bb][Pp])", "PNG, JPEG, HEIC or WebP",
                      "bilder/karta.png")
"""A picture inside content/, written relative to content/; `check_picture` checks that it is one."""


class PictureSlide(SlideBase):
    """A picture with a title, optionally a caption under it and bullets beside it."""

    kind: Literal["picture"] = Field(description="The slide kind: `picture`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"picture", "content"})
    title: Text = Field(description="The slide title.")
    picture: PictureRef
    alt: Text | None = Field(None, description="What the picture shows, for readers who cannot see it (one or two "
                             "sentences); needed unless the picture is `decorative`.")
    decorative: bool = Field(False, description="Mark the picture as decorative (screen readers skip it) instead of "
                             "giving alt text.")
    caption: Text | None = Field(None, description="A line under the picture, e.g. its source: `Källa: RUS 2017`.")
    items: list[Bullet] | None = Field(None, min_length=1, description="Bullets beside the picture (short ones).")
    fit: Literal["contain", "cover"] = Field("contain", description="`contain`: the whole picture, never cropped; "
                                             "`cover`: fills its place, cropped evenly at the edges that stick out.")
    example: ClassVar[str] = """\
# En bild med rubrik. Bildtext (caption) och punkter bredvid bilden (items) är valfria.
# alt beskriver bilden för den som inte kan se den (krävs, om inte decorative: true).
# fit: contain visar hela bilden; cover fyller ytan och beskär kanterna lika mycket.
- kind: picture
  title: Så sprids de goda exemplen
  picture: bilder/exempelbild.png
  alt: Flödesschema i fyra steg, från länens exempel till en gemensam webbsida
  caption: "Källa: RUS 2017"
  items: [Kort punkt, En till]
  fit: contain
"""

    @model_validator(mode="after")
    def _alt_or_decorative(self) -> "PictureSlide":
        if self.alt is None and not self.decorative:
            raise ValueError("the picture needs alt text: add `alt:` with a sentence on what it shows "
                             "(or `decorative: true` if it only decorates)")
        if self.alt is not None and self.decorative:
            raise ValueError("a decorative picture has no alt text; remove `alt:` or `decorative: true`")
        return self

    def pictures(self, at: Loc) -> list[tuple[Loc, str]]:
        return [((*at, "picture"), self.picture)]


class Column(Model):
    """One column of a columns slide: a heading and its bullets."""

    heading: Text | None = Field(None, description="The column's heading, e.g. `Styrkor`.")
    items: list[Bullet] = Field(min_length=1, description="The column's bullets: text, or `text` with `items` below it.")


class ColumnsSlide(SlideBase):
    """Two or three columns of bullets side by side, each with a heading."""

    kind: Literal["columns"] = Field(description="The slide kind: `columns`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"two_content"})
    title: Text = Field(description="The slide title.")
    columns: list[Column] = Field(min_length=2, max_length=3, description="The columns, left to right: 2 or 3, each "
                                  "`{heading: …, items: […]}`.")
    example: ClassVar[str] = """\
# Två eller tre spalter bredvid varandra, var och en med rubrik och punkter.
- kind: columns
  title: Styrkor och utmaningar
  columns:
    - {heading: Styrkor, items: [Engagerade samordnare, Tydligt uppdrag]}
    - {heading: Utmaningar, items: [Svårt att mäta effekter]}
"""


class QuoteSlide(SlideBase):
    """A quote in large type, with who said it."""

    kind: Literal["quote"] = Field(description="The slide kind: `quote`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"quote"})
    text: Text = Field(description="The quote, without quotation marks (they are added).")
    by: Text | None = Field(None, description="Who said it, e.g. `Namn Namnsson, Länsstyrelsen i Exempellän`.")
    title: Text | None = Field(None, description="The slide title; the quote's first words when left out.")
    example: ClassVar[str] = """\
# Ett citat i stor stil; citattecknen sätts ut automatiskt. Utan title blir citatets
# första ord bildens rubrik.
- kind: quote
  text: Det viktigaste är att vi delar med oss av det som fungerar.
  by: Namn Namnsson, Länsstyrelsen i Exempellän
"""


PHONE = re.compile(r"^\+?[0-9][0-9 ()\u2013-]{4,}[0-9]$")


class Contact(Model):
    """Someone to contact after the meeting."""

    name: Text = Field(description="The person's name.")
    role: Text | None = Field(None, description="Their role or organisation, e.g. `Miljömålssamordnare`.")
    email: Email | None = Field(None, description="Their e-mail address.")
    phone: str | None = Field(None, description="Their phone number, in quotes, e.g. `\"010-123 45 67\"`.")

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not PHONE.match(value):
            raise ValueError(f"`{value}` is not a phone number; write digits, spaces and dashes, like \"010-123 45 67\"")
        return value


class ClosingSlide(SlideBase):
    """The closing slide: thanks, and whom to contact."""

    kind: Literal["closing"] = Field(description="The slide kind: `closing`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"closing"})
    title: Text = Field("Tack!", description="The title.")
    contacts: list[Contact] = Field(default_factory=list, description="Whom to contact: `name`, and optionally "
                                    "`role`, `email` and `phone`.")
    example: ClassVar[str] = """\
# Avslutningsbild: tack, och vem man kan kontakta.
- kind: closing
  title: Tack!
  contacts:
    - {name: Kim Exempelsson, role: Miljömålssamordnare, email: kim@lansstyrelsen.se, phone: "010-123 45 67"}
"""
