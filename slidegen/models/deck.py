"""A deck: the meeting's metadata, its agenda and the sequence of slides (a union of slide kinds)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, field_validator, model_validator

from slidegen.models.base import ContentRef, Model, Text

_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def _methods(value: Any) -> Any:
    """`1-20`, `1-5, 8`, `7` or a list of numbers → a list of numbers."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return [value]
    if isinstance(value, str):
        numbers: list[int] = []
        for piece in value.split(","):
            match = _RANGE.match(piece)
            if not match:
                raise ValueError(f"`{value}` is not a method selection; write a range like 1-20, or a list like [1, 3, 5]")
            first, last = int(match[1]), int(match[2] or match[1])
            if last < first:
                raise ValueError(f"the range {first}-{last} runs backwards; write {last}-{first}")
            numbers.extend(range(first, last + 1))
        return numbers
    return value


MethodSelection = Annotated[
    list[Annotated[int, Field(ge=1, strict=True)]],
    BeforeValidator(
        _methods,
        json_schema_input_type=Union[
            Annotated[str, Field(pattern=r"^\s*\d+\s*([-–]\s*\d+\s*)?(,\s*\d+\s*([-–]\s*\d+\s*)?)*$")],
            Annotated[int, Field(ge=1)],
            Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)],
        ],
    ),
    Field(min_length=1, description="Methods by number: a range like `1-20`, `1-5, 8`, or a list like `[1, 3, 5]`."),
]

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
        line = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
        return f"{line}, {self.presenter_group}" if self.presenter_group else line


ChartRenderer = Literal["image", "native"]
"""How charts are drawn: `image` (a PNG made with matplotlib) or `native` (an editable PowerPoint chart)."""


class SlideBase(Model):
    """What every slide can have."""

    notes: Text | None = Field(None, description="Speaker notes for the slide.")


class TitleSlide(SlideBase):
    """The opening slide: title, meeting line and presenters."""

    kind: Literal["title"] = Field(description="The slide kind: `title`.")
    title: Text | None = Field(None, description="The title; the meeting's title when left out.")
    subtitle: Text | None = Field(None, description="The meeting line under the title.")
    show_presenters: bool = Field(True, description="Show the presenters under the subtitle.")


class AgendaSlide(SlideBase):
    """The agenda, numbered, with the meeting's time in the title."""

    kind: Literal["agenda"] = Field(description="The slide kind: `agenda`.")
    title: Text = Field("Dagordning", description="The title; the meeting's time is added in parentheses.")


class AgendaPointsSlide(SlideBase):
    """Agenda points taken up on their own slide, e.g. discussion and other business."""

    kind: Literal["agenda_points"] = Field(description="The slide kind: `agenda_points`.")
    items: list[Annotated[int, Field(ge=1, strict=True)]] = Field(min_length=1, description="Agenda item numbers.")
    title: Text | None = Field(None, description="The title; the first item's text when left out.")


class BulletItem(Model):
    """A bullet with sub-bullets."""

    text: Text = Field(description="The bullet's text.")
    items: list["Bullet"] = Field(default_factory=list, description="Sub-bullets.")


Bullet = Union[Text, BulletItem]


class OverviewChart(Model):
    """A summary chart of a survey: per method group, how many methods each answer clearly dominates."""

    survey: ContentRef | None = Field(None, description="The survey; the deck's survey when left out.")
    title: Text | None = Field(None, description="A caption above the chart; a default one when left out.")
    renderer: ChartRenderer | None = Field(None, description="`image` or `native`; the deck's choice when left out.")


class BulletsSlide(SlideBase):
    """A title and bullets, with sub-bullets below any of them; optionally an overview chart beside them.

    The bullets are written here (`items`) or taken from a shared list file (`source`).
    """

    kind: Literal["bullets"] = Field(description="The slide kind: `bullets`.")
    title: Text | None = Field(None, description="The title; the list file's title when left out.")
    items: list[Bullet] | None = Field(None, min_length=1, description="The bullets: text, or `text` with `items` below it.")
    source: ContentRef | None = Field(None, description="A bullet-list file, e.g. `conclusions-2015.yaml`.")
    chart: OverviewChart | None = Field(None, description="An overview chart of the survey, right of the bullets.")

    @model_validator(mode="after")
    def _one_source(self) -> "BulletsSlide":
        if (self.items is None) == (self.source is None):
            raise ValueError("give the bullets either here (`items:`) or from a file (`source:`), not both or neither")
        if self.title is None and self.source is None:
            raise ValueError("`title` is missing; add a line `title: …`")
        return self


class AssignmentSlide(SlideBase):
    """The assignment text with its lettered parts and follow-up."""

    kind: Literal["assignment"] = Field(description="The slide kind: `assignment`.")
    title: Text = Field(description="The slide title, e.g. `Uppdrag 51 RB 2015 (1)`.")
    source: ContentRef = Field(description="The assignment file, e.g. `assignment-51.yaml`.")


class StatusListSlide(SlideBase):
    """A list of efforts with their status remarks."""

    kind: Literal["status_list"] = Field(description="The slide kind: `status_list`.")
    title: Text | None = Field(None, description="The title; the list's own title when left out.")
    source: ContentRef = Field(description="The guidance file, e.g. `guidance-rus.yaml`.")


class MethodTableSlide(SlideBase):
    """A table of methods with the share of boards per answer; continued on more slides when long."""

    kind: Literal["method_table"] = Field(description="The slide kind: `method_table`.")
    title: Text | None = Field(None, description="The title; the methods' group title when left out.")
    survey: ContentRef | None = Field(None, description="The survey; the deck's survey when left out.")
    methods: MethodSelection


class ChartSlide(SlideBase):
    """A 100 % stacked bar per method: Genomfört / På gång / Ej aktuellt, and the share the survey lacks."""

    kind: Literal["chart"] = Field(description="The slide kind: `chart`.")
    title: Text = Field(description="The slide title; shown with (1/2), (2/2) when the bars need several slides.")
    survey: ContentRef | None = Field(None, description="The survey; the deck's survey when left out.")
    methods: MethodSelection
    sort: Literal["survey", "done"] = Field("survey", description="`survey` order, or by share `done` (largest first).")
    renderer: ChartRenderer | None = Field(None, description="`image` or `native`; the deck's choice when left out.")


class ExamplesOverviewSlide(SlideBase):
    """Which counties have sent good examples and which have not, in the official county order."""

    kind: Literal["examples_overview"] = Field(description="The slide kind: `examples_overview`.")
    title: Text = Field("Goda exempel från länen", description="The slide's title.")


class ExamplesSlide(SlideBase):
    """One slide per good example (content/examples/), grouped by county in the official order."""

    kind: Literal["examples"] = Field(description="The slide kind: `examples`.")


class SectionSlide(SlideBase):
    """A section divider."""

    kind: Literal["section"] = Field(description="The slide kind: `section`.")
    title: Text = Field(description="The section title.")
    subtitle: Text | None = Field(None, description="A line under the section title.")


Slide = Annotated[
    Union[
        TitleSlide,
        AgendaSlide,
        AgendaPointsSlide,
        BulletsSlide,
        AssignmentSlide,
        StatusListSlide,
        MethodTableSlide,
        ChartSlide,
        ExamplesOverviewSlide,
        ExamplesSlide,
        SectionSlide,
    ],
    Field(discriminator="kind"),
]


class Deck(Model):
    """A meeting deck: metadata, agenda and slides."""

    meeting: Meeting = Field(description="Facts about the meeting: title, date, presenters, organisation, language.")
    theme: str = Field("default", pattern=r"^[A-Za-z0-9_-]+$", description="The theme folder under themes/.")
    charts: ChartRenderer = Field("image", description="How charts are drawn: `image` (PNG) or `native` (editable).")
    survey: ContentRef | None = Field(None, description="The survey used by slides that do not name one.")
    agenda: list[Text] = Field(default_factory=list, description="The agenda items, in order.")
    drafts: bool = Field(False, description="Show good examples with `status: utkast` too (marked as drafts).")
    slides: list[Slide] = Field(min_length=1, description="The slides, in order.")
