"""Survey slide kinds: the method table and the method chart, and the check of their method selection."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from slidegen.errors import Problem
from slidegen.format import ranges
from slidegen.models.base import ContentRef, Text
from slidegen.models.slides.base import (
    Bundle,
    ChartRenderer,
    Deck,
    Loc,
    MethodSelection,
    Reference,
    SlideBase,
    survey_reference,
)


def check_methods(bundle: Bundle, at: Loc, survey_ref: str | None, methods: list[int]) -> list[Problem]:
    """A method selection against the survey: every method in it, none twice."""
    deck = bundle.deck
    survey = bundle.survey(survey_ref)
    known = set(survey.model.numbers())
    problems = []
    missing = [n for n in methods if n not in known]
    if missing:
        problems.append(
            deck.doc.problem(
                (*at, "methods"),
                f"method{'s' if len(missing) > 1 else ''} {ranges(missing)} "
                f"{'are' if len(missing) > 1 else 'is'} not in {survey.doc.display} "
                f"(it has {ranges(sorted(known))})",
            )
        )
    dupes = sorted({n for n in methods if list(methods).count(n) > 1})
    if dupes:
        problems.append(deck.doc.problem((*at, "methods"), f"method {ranges(dupes)} is selected twice"))
    return problems


class MethodTableSlide(SlideBase):
    """A table of methods with the share of boards per answer; continued on more slides when long."""

    kind: Literal["method_table"] = Field(description="The slide kind: `method_table`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title_only"})
    title: Text | None = Field(None, description="The title; the methods' group title when left out.")
    example: ClassVar[str] = """\
# Enkätens metoder med andel län per svar; långa tabeller fortsätter på nya bilder.
- kind: method_table
  survey: survey-2015.yaml
  methods: 1-20
"""
    survey: ContentRef | None = Field(None, description="The survey; the deck's survey when left out.")
    methods: MethodSelection

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [survey_reference(deck, at, self.survey)]

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        return check_methods(bundle, at, self.survey, self.methods)


class ChartSlide(SlideBase):
    """A 100 % stacked bar per method: Genomfört / På gång / Ej aktuellt, and the share the survey lacks."""

    kind: Literal["chart"] = Field(description="The slide kind: `chart`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title_only"})
    title: Text = Field(description="The slide title; shown with (1/2), (2/2) when the bars need several slides.")
    survey: ContentRef | None = Field(None, description="The survey; the deck's survey when left out.")
    methods: MethodSelection
    example: ClassVar[str] = """\
# Enkätsvaren som liggande staplar, en per metod (sort: done sorterar efter andel genomfört).
- kind: chart
  title: Enkätsvaren i diagram
  survey: survey-2015.yaml
  methods: 1-20
"""
    sort: Literal["survey", "done"] = Field("survey", description="`survey` order, or by share `done` (largest first).")
    renderer: ChartRenderer | None = Field(None, description="`image` or `native`; the deck's choice when left out.")

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [survey_reference(deck, at, self.survey)]

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        return check_methods(bundle, at, self.survey, self.methods)
