"""References between content files: methods, agenda items and examples checked against what exists."""

from __future__ import annotations

from slidegen.errors import Location, Problem
from slidegen.format import ranges
from slidegen.models.bundle import Bundle, Loaded
from slidegen.models.example import Example
from slidegen.models.survey import Survey


def check_examples(bundle: Bundle) -> list[Problem]:
    """Every method an example names must be in the deck's survey."""
    if not bundle.examples:
        return []
    return example_methods(bundle.examples, bundle.survey(None))


def example_methods(examples: list[Loaded[Example]], survey: Loaded[Survey]) -> list[Problem]:
    """A located problem for every method an example names that the survey does not have."""
    known = set(survey.model.numbers())
    problems = []
    for ex in examples:
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
    """References between files: unique method numbers, examples' methods, and each slide's own checks."""
    problems: list[Problem] = []
    for ref in dict.fromkeys(ref for (ref, model) in bundle.refs if model is Survey):
        problems.extend(check_survey(bundle.refs[(ref, Survey)]))
    problems.extend(check_examples(bundle))
    for i, slide in enumerate(bundle.deck.model.slides):
        problems.extend(slide.check(bundle, ("slides", i)))
    return problems
