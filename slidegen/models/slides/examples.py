"""Good-example slide kinds: the overview of which counties have sent examples, and a slide per example."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from slidegen.models.base import Text
from slidegen.models.slides.base import (
    Deck,
    Loc,
    Reference,
    SlideBase,
    survey_reference,
)


class ExamplesOverviewSlide(SlideBase):
    """Which counties have sent good examples and which have not, in the official county order."""

    kind: Literal["examples_overview"] = Field(description="The slide kind: `examples_overview`.")
    shows_examples: ClassVar[bool] = True
    title: Text = Field("Goda exempel från länen", description="The slide's title.")
    example: ClassVar[str] = """\
# Vilka län som har lämnat goda exempel (filerna i content/examples/); använder survey: ovan.
- kind: examples_overview
"""

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [survey_reference(deck, at, None)]


class ExamplesSlide(SlideBase):
    """One slide per good example (content/examples/), grouped by county in the official order."""

    kind: Literal["examples"] = Field(description="The slide kind: `examples`.")
    shows_examples: ClassVar[bool] = True
    example: ClassVar[str] = """\
# En bild per gott exempel som är klart (status: klar), i länens officiella ordning.
- kind: examples
"""

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [survey_reference(deck, at, None)]
