"""A deck: the meeting's metadata, its agenda and the sequence of slides (a union of the slide kinds)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Union

from pydantic import Field, field_validator

from slidegen.format import listing
from slidegen.models.base import ContentRef, Model, Text
from slidegen.models.slides import SLIDE_KINDS
from slidegen.models.slides.base import ChartRenderer


class Meeting(Model):
    """Facts about the meeting, used on the title slide and in the document properties."""

    title: Text = Field(description="The deck's title, e.g. `Uppdrag 51 – hur går det?`.")
    date: dt.date | None = Field(None, description="The meeting date, e.g. 2016-10-28; leave out while unknown.")
    start: str | None = Field(None, pattern=r"^\d{1,2}\.\d{2}$", examples=["13.00"],
                              description="Start time as `13.00` (in quotes).")
    end: str | None = Field(None, pattern=r"^\d{1,2}\.\d{2}$", examples=["14.15"],
                            description="End time as `14.15` (in quotes).")
    presenters: list[Text] = Field(default_factory=list, description="The presenters' names.")
    presenter_group: Text | None = Field(None, description="The group the presenters speak for, e.g. `RUS arbetsgrupp`.")
    organisation: Text = Field(description="The organisation behind the deck, used as the document's author.")
    subject: Text | None = Field(None, description="One line on what the meeting is about (document subject).")
    keywords: list[Text] = Field(default_factory=list, description="Keywords for the document properties.")
    language: str = Field("sv-SE", pattern=r"^[a-z]{2,3}-[A-Z]{2}$", examples=["sv-SE"],
                          description="Language of the text, e.g. `sv-SE`.")

    @field_validator("date")
    @classmethod
    def _plausible(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not (1980 <= value.year <= 2099):
            raise ValueError(f"{value.isoformat()} is not a plausible meeting date; write it like 2016-10-28")
        return value

    def time(self) -> str | None:
        """`kl. 13.00–14.15`, or None when the times are not given."""
        if self.start and self.end:
            return f"kl. {self.start}–{self.end}"
        if self.start:
            return f"kl. {self.start}"
        return None

    def presenter_line(self) -> str | None:
        """`A, B och C, group`: the presenters joined the Swedish way, with their group."""
        names = list(self.presenters)
        if not names:
            return self.presenter_group
        line = listing(names)
        return f"{line}, {self.presenter_group}" if self.presenter_group else line


Slide = Annotated[Union[SLIDE_KINDS], Field(discriminator="kind")]  # type: ignore[valid-type]
"""One slide of a deck: the kind named by its `kind` key."""


class Deck(Model):
    """A meeting deck: metadata, agenda and slides."""

    meeting: Meeting = Field(description="Facts about the meeting: title, date, presenters, organisation, language.")
    theme: str = Field("default", pattern=r"^[A-Za-z0-9_-]+$", description="The theme folder under themes/.")
    charts: ChartRenderer = Field("image", description="How charts are drawn: `image` (PNG) or `native` (editable).")
    survey: ContentRef | None = Field(None, description="The survey used by slides that do not name one.")
    agenda: list[Text] = Field(default_factory=list, description="The agenda items, in order.")
    drafts: bool = Field(False, description="Show good examples with `status: utkast` too (marked as drafts).")
    slides: list[Slide] = Field(min_length=1, description="The slides, in order.")
