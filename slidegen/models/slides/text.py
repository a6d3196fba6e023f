"""Text slide kinds: title, agenda, agenda points, bullets, assignment, status list and section."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from slidegen.errors import Problem
from slidegen.models.assignment import Assignment
from slidegen.models.base import ContentRef, Model, Text
from slidegen.models.bullets import Bullet, BulletList
from slidegen.models.guidance import Guidance
from slidegen.models.slides.base import (
    Bundle,
    ChartRenderer,
    Deck,
    Loc,
    Reference,
    SlideBase,
    survey_reference,
)


class TitleSlide(SlideBase):
    """The opening slide: title, meeting line and presenters."""

    kind: Literal["title"] = Field(description="The slide kind: `title`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title"})
    title: Text | None = Field(None, description="The title; the meeting's title when left out.")
    subtitle: Text | None = Field(None, description="The meeting line under the title.")
    show_presenters: bool = Field(True, description="Show the presenters under the subtitle.")
    example: ClassVar[str] = """\
# Titelbild: bildseriens rubrik (meeting: title), en rad under den och föredragshållarna.
- kind: title
  subtitle: Möte för länsstyrelsernas miljömålssamordnare
"""


class AgendaSlide(SlideBase):
    """The agenda, numbered, with the meeting's time in the title."""

    kind: Literal["agenda"] = Field(description="The slide kind: `agenda`.")
    title: Text = Field("Dagordning", description="The title; the meeting's time is added in parentheses.")
    example: ClassVar[str] = """\
# Dagordningen: punkterna i agenda: ovan, numrerade, med mötets tid i rubriken.
- kind: agenda
"""

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        if bundle.deck.model.agenda:
            return []
        return [bundle.deck.doc.problem(at, "an agenda slide needs the deck's `agenda:` list; add the items there")]


class AgendaPointsSlide(SlideBase):
    """Agenda points taken up on their own slide, e.g. discussion and other business."""

    kind: Literal["agenda_points"] = Field(description="The slide kind: `agenda_points`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"content", "title_only"})
    items: list[Annotated[int, Field(ge=1, strict=True)]] = Field(min_length=1, description="Agenda item numbers.")
    title: Text | None = Field(None, description="The title; the first item's text when left out.")
    example: ClassVar[str] = """\
# Punkter ur dagordningen på en egen bild, med sina nummer i agenda: (t.ex. övriga frågor).
- kind: agenda_points
  items: [3]
"""

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        agenda = bundle.deck.model.agenda
        return [
            bundle.deck.doc.problem(
                (*at, "items", j),
                f"there is no agenda item {number}; the agenda has {len(agenda)} item{'s' if len(agenda) != 1 else ''}",
            )
            for j, number in enumerate(self.items)
            if number > len(agenda)
        ]


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
    example: ClassVar[str] = """\
# Rubrik och punkter; en punkt kan ha underpunkter (text: och items:).
- kind: bullets
  title: Läget i länen
  items:
    - Första punkten
    - text: Andra punkten
      items: [En underpunkt]
"""

    @model_validator(mode="after")
    def _one_source(self) -> "BulletsSlide":
        if (self.items is None) == (self.source is None):
            raise ValueError("give the bullets either here (`items:`) or from a file (`source:`), not both or neither")
        if self.title is None and self.source is None:
            raise ValueError("`title` is missing; add a line `title: …`")
        return self

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        out = [Reference((*at, "source"), self.source, BulletList)] if self.source is not None else []
        if self.chart is not None:
            out.append(survey_reference(deck, (*at, "chart"), self.chart.survey))
        return out


class AssignmentSlide(SlideBase):
    """The assignment text with its lettered parts and follow-up."""

    kind: Literal["assignment"] = Field(description="The slide kind: `assignment`.")
    title: Text = Field(description="The slide title, e.g. `Uppdrag 51 RB 2015 (1)`.")
    source: ContentRef = Field(description="The assignment file, e.g. `assignment-51.yaml`.")
    example: ClassVar[str] = """\
# Uppdragstexten ur en uppdragsfil, med sina delar och sin uppföljning.
- kind: assignment
  title: Uppdrag 51 RB 2015
  source: assignment-51.yaml
"""

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [Reference((*at, "source"), self.source, Assignment)]


class StatusListSlide(SlideBase):
    """A list of efforts with their status remarks."""

    kind: Literal["status_list"] = Field(description="The slide kind: `status_list`.")
    title: Text | None = Field(None, description="The title; the list's own title when left out.")
    source: ContentRef = Field(description="The guidance file, e.g. `guidance-rus.yaml`.")
    example: ClassVar[str] = """\
# Insatser med sina lägesanteckningar, ur en fil med vägledningsinsatser.
- kind: status_list
  source: guidance-rus.yaml
"""

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [Reference((*at, "source"), self.source, Guidance)]


class SectionSlide(SlideBase):
    """A section divider."""

    kind: Literal["section"] = Field(description="The slide kind: `section`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title"})
    title: Text = Field(description="The section title.")
    subtitle: Text | None = Field(None, description="A line under the section title.")
    example: ClassVar[str] = """\
# En avdelare mellan mötets delar.
- kind: section
  title: Del 2
  subtitle: Diskussion
"""
