"""Survey slide kinds: the method table, the method chart, the county matrix, and the check of their method selection."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from slidegen.errors import Problem
from slidegen.format import ranges
from slidegen.models.base import ContentRef, Text
from slidegen.models.survey import Survey
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


def needs_answers(bundle: Bundle, at: Loc, survey_ref: str | None, what: str) -> list[Problem]:
    """A slide that shows each board's answer needs a survey whose shares come from an answer sheet."""
    if bundle.answers(survey_ref) is not None:
        return []
    survey = bundle.survey(survey_ref)
    where = (*at, "survey") if survey_ref else at
    return [bundle.deck.doc.problem(where, f"{what} needs each board's answers, and {survey.doc.display} gives only "
                                    "shares; use a survey with `answers:` (a sheet with one row per county)")]


class CountyMatrixSlide(SlideBase):
    """A table of every county board's answer per method: a letter (G / P / E) on the answer's colour, empty for no answer."""

    kind: Literal["county_matrix"] = Field(description="The slide kind: `county_matrix`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title_only"})
    example: ClassVar[str] = """\
# Varje länsstyrelses svar per metod: G, P eller E i svarets färg, tomt där länet inte svarat.
# Kräver en enkät med svaren i ett kalkylblad (answers: i enkätfilen).
- kind: county_matrix
  survey: survey-2016.yaml
  methods: 1-20
"""
    title: Text | None = Field(None, description="The title; `<group> per län` (or `Svar per län`) when left out.")
    survey: ContentRef | None = Field(None, description="The survey (one with `answers:`); the deck's survey when left out.")
    methods: MethodSelection

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [survey_reference(deck, at, self.survey)]

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        return check_methods(bundle, at, self.survey, self.methods) + needs_answers(
            bundle, at, self.survey, "a county matrix")


CategoryKey = Literal["done", "ongoing", "not_relevant"]


class ComparisonSlide(SlideBase):
    """One answer's share per method in two or more surveys side by side (this year against last): a bar per survey."""

    kind: Literal["comparison"] = Field(description="The slide kind: `comparison`.")
    layouts: ClassVar[frozenset[str]] = frozenset({"title_only"})
    example: ClassVar[str] = """\
# I år mot förra året: andelen genomfört per metod, en stapel per enkät (saknas visas som –, aldrig 0).
- kind: comparison
  surveys: [survey-2015.yaml, survey-2016.yaml]
  methods: 1-20
  category: done
"""
    title: Text | None = Field(None, description="The title; `Andel <answer> per metod: 2015 och 2016` when left out.")
    surveys: list[ContentRef] = Field(min_length=2, max_length=6, description="The surveys, oldest first, e.g. "
                                      "`[survey-2015.yaml, survey-2016.yaml]`; each is a bar (and a legend entry).")
    methods: MethodSelection
    category: CategoryKey = Field("done", description="Which answer's share to compare: `done` (Genomfört), "
                                  "`ongoing` (På gång) or `not_relevant` (Ej aktuellt).")
    renderer: ChartRenderer | None = Field(None, description="`image` or `native`; the deck's choice when left out.")

    def references(self, deck: Deck, at: Loc) -> list[Reference]:
        return [Reference((*at, "surveys", k), ref, Survey) for k, ref in enumerate(self.surveys)]

    def check(self, bundle: Bundle, at: Loc) -> list[Problem]:
        """Every method in at least one survey, none twice; each survey once, with its own name in the legend."""
        doc = bundle.deck.doc
        loaded = [bundle.survey(ref) for ref in self.surveys]
        known = {n for s in loaded for n in s.model.numbers()}
        problems = []
        missing = [n for n in self.methods if n not in known]
        if missing:
            problems.append(doc.problem((*at, "methods"), f"method{'s' if len(missing) > 1 else ''} {ranges(missing)} "
                                        f"{'are' if len(missing) > 1 else 'is'} in none of the surveys"))
        dupes = sorted({n for n in self.methods if list(self.methods).count(n) > 1})
        if dupes:
            problems.append(doc.problem((*at, "methods"), f"method {ranges(dupes)} is selected twice"))
        names: dict[str, int] = {}
        for k, (ref, survey) in enumerate(zip(self.surveys, loaded)):
            name = survey.model.legend_name(ref)
            if ref in self.surveys[:k]:
                problems.append(doc.problem((*at, "surveys", k), f"{ref} is listed twice; compare different surveys"))
            elif name in names:
                problems.append(doc.problem((*at, "surveys", k), f"{ref} and {self.surveys[names[name]]} are both called "
                                            f"`{name}` in the legend; give one of them a `short:` name"))
            names.setdefault(name, k)
        return problems
