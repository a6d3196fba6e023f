"""References between content files: methods, agenda items and examples checked against what exists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slidegen.errors import Location, Problem
from slidegen.format import ranges
from slidegen.models.deck import (
    AgendaPointsSlide,
    AgendaSlide,
    ChartSlide,
    MethodTableSlide,
)
from slidegen.models.survey import Survey

if TYPE_CHECKING:
    from slidegen.models.bundle import Bundle, Loaded


def check_examples(bundle: Bundle) -> list[Problem]:
    """Every method an example names must be in the deck's survey."""
    if not bundle.examples:
        return []
    survey = bundle.survey(None)
    known = set(survey.model.numbers())
    problems = []
    for ex in bundle.examples:
        for j, number in enumerate(ex.model.methods):
            if number not in known:
                problems.append(ex.doc.problem(("methods", j), f"there is no method {number} in "
                                               f"{survey.doc.display} (it has {ranges(sorted(known))})"))
    return problems


def check_survey(survey: Loaded[Survey]) -> list[Problem]:
    """Method numbers must be unique across the whole survey."""
    problems: list[Problem] = []
    seen: dict[int, Location] = {}
    for gi, group in enumerate(survey.model.groups):
        for mi, method in enumerate(group.methods):
            loc = ("groups", gi, "methods", mi, "number")
            if method.number in seen:
                first = seen[method.number]
                problems.append(
                    survey.doc.problem(loc, f"method number {method.number} is used twice (first at line {first.line}); give each method its own number")
                )
            else:
                seen[method.number] = survey.doc.location(loc)
    return problems


def check_bundle(bundle: Bundle) -> list[Problem]:
    """References between files: methods that exist, agenda items that exist, unique numbers."""
    deck = bundle.deck
    problems: list[Problem] = []
    checked: set[str] = set()
    for (ref, model), loaded in bundle.refs.items():
        if model is Survey and ref not in checked:
            checked.add(ref)
            problems.extend(check_survey(loaded))
    problems.extend(check_examples(bundle))
    agenda = deck.model.agenda
    for i, slide in enumerate(deck.model.slides):
        loc: tuple[Any, ...] = ("slides", i)
        if isinstance(slide, (MethodTableSlide, ChartSlide)):
            survey = bundle.survey(slide.survey)
            known = set(survey.model.numbers())
            missing = [n for n in slide.methods if n not in known]
            if missing:
                problems.append(
                    deck.doc.problem(
                        (*loc, "methods"),
                        f"method{'s' if len(missing) > 1 else ''} {ranges(missing)} "
                        f"{'are' if len(missing) > 1 else 'is'} not in {survey.doc.display} "
                        f"(it has {ranges(sorted(known))})",
                    )
                )
            dupes = sorted({n for n in slide.methods if list(slide.methods).count(n) > 1})
            if dupes:
                problems.append(deck.doc.problem((*loc, "methods"), f"method {ranges(dupes)} is selected twice"))
        elif isinstance(slide, AgendaSlide) and not agenda:
            problems.append(deck.doc.problem(loc, "an agenda slide needs the deck's `agenda:` list; add the items there"))
        elif isinstance(slide, AgendaPointsSlide):
            for j, number in enumerate(slide.items):
                if number > len(agenda):
                    problems.append(
                        deck.doc.problem(
                            (*loc, "items", j),
                            f"there is no agenda item {number}; the agenda has {len(agenda)} item{'s' if len(agenda) != 1 else ''}",
                        )
                    )
    return problems


