"""The survey: answer categories, method groups and each method's share of county boards (typed, or from a sheet)."""

from __future__ import annotations

import math
import re
from pathlib import PurePosixPath
from typing import Any

from pydantic import Field, field_validator, model_validator

from slidegen.models.base import Model, Text

CATEGORY_KEYS: tuple[str, ...] = ("done", "ongoing", "not_relevant")
"""The answer categories, in the order they are shown everywhere."""

ROUNDING_SLACK = 1
"""Known shares may add up to 100 plus this much, for rounding."""


class Results(Model):
    """Share of county boards (per cent, 0–100) per answer; a share the survey does not give is left out."""

    done: float | None = Field(None, description="Per cent of boards that answered Genomfört; leave out when unknown.")
    ongoing: float | None = Field(None, description="Per cent that answered På gång; leave out when unknown.")
    not_relevant: float | None = Field(None, description="Per cent that answered Ej aktuellt; leave out when unknown.")

    @field_validator("done", "ongoing", "not_relevant", mode="before")
    @classmethod
    def _percent(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bool):
            raise ValueError(f"`{value}` is not a percentage; write a number from 0 to 100")
        if isinstance(value, str):
            text = value.strip().replace("\u00a0", " ")
            if text.endswith("%"):
                raise ValueError(f"write the number without the % sign: {text.rstrip('% ').strip()}")
            raise ValueError(f"`{value}` is not a percentage; write a number from 0 to 100")
        if not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError("write a number from 0 to 100")
        if value > 100:
            raise ValueError(f"{value:g} is more than 100 %")
        if value < 0:
            raise ValueError(f"{value:g} is less than 0 %")
        return value

    @model_validator(mode="after")
    def _sum(self) -> "Results":
        total = sum(v for v in self.values() if v is not None)
        if total > 100 + ROUNDING_SLACK:
            raise ValueError(
                f"the shares add up to {total:g} %, more than 100 %; check the numbers against the survey"
            )
        return self

    def values(self) -> tuple[float | None, ...]:
        """The shares in category order (done, ongoing, not_relevant); None where unknown."""
        return (self.done, self.ongoing, self.not_relevant)

    def unknown(self) -> float:
        """The share the survey does not give: 100 minus the known shares (never below 0)."""
        if all(v is not None for v in self.values()):
            return 0.0
        return max(0.0, 100.0 - sum(v for v in self.values() if v is not None))


class Method(Model):
    """One working method of the survey, with its results."""

    number: int = Field(ge=1, le=999, strict=True, description="The method's number, unique in the survey.")
    text: Text = Field(description="The full text of the method, as in the survey.")
    short: Text = Field(max_length=60, description="A short label (at most 60 characters) for chart axes.")
    results: Results = Field(default_factory=Results, description="The survey's answers for this method.")
    columns_uncertain: bool = Field(
        False,
        description="True when the source lost this row's empty cells, so which answer each number belongs to is "
        "not certain; the numbers then stand in source order from `done`. Charts never count such a row as "
        "evidence of which answer is most common.",
    )


class Group(Model):
    """A group of methods shown together (e.g. internal work, support to municipalities)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", description="A short name for the group, e.g. `internal`.")
    title: Text = Field(description="The group's heading, used as the table slide's title.")
    short: Text = Field(max_length=40, description="A short name for charts, e.g. `Interna arbetssätt`.")
    methods: list[Method] = Field(min_length=1, description="The methods of the group, in survey order.")


class Category(Model):
    """How one answer category is named."""

    label: Text = Field(description="The category's name, e.g. `Genomfört`; in an answer sheet, the cells' text.")
    explanation: Text | None = Field(None, description="What the answer means, shown in table headers.")
    letter: str | None = Field(None, pattern=r"^\w$", examples=["G"],
                               description="The one letter that stands for the answer in the county matrix; "
                               "the label's first letter when left out.")

    def header(self) -> str:
        """The column header: the label, with its explanation in parentheses when given."""
        return f"{self.label} ({self.explanation})" if self.explanation else self.label

    @property
    def initial(self) -> str:
        """The letter standing for the answer: `G` for Genomfört."""
        return (self.letter or self.label[0]).upper()


class Categories(Model):
    """The three answer categories of the survey."""

    done: Category = Field(description="Genomfört: the method is in place.")
    ongoing: Category = Field(description="På gång: partly in place or planned.")
    not_relevant: Category = Field(description="Ej aktuellt: the method does not apply.")

    def ordered(self) -> tuple[Category, ...]:
        """The categories in the order of CATEGORY_KEYS."""
        return (self.done, self.ongoing, self.not_relevant)

    @model_validator(mode="after")
    def _distinct(self) -> "Categories":
        labels = [c.label.casefold() for c in self.ordered()]
        if len(set(labels)) < len(labels):
            raise ValueError("two categories have the same label; give each answer its own name")
        initials = [c.initial for c in self.ordered()]
        if len(set(initials)) < len(initials):
            raise ValueError(f"two categories start with the same letter ({', '.join(initials)}); give them "
                             "distinct letters with `letter:` (e.g. `letter: G`)")
        return self


class AnswerSheet(Model):
    """Where a survey's answers are: a sheet with one row per county board and one column per method."""

    file: str = Field(
        pattern=r"^[^\\:*?\"<>|]+\.([Xx][Ll][Ss][Xx]|[Cc][Ss][Vv])$",
        examples=["data/enkat-2016.xlsx"],
        description="An .xlsx workbook (or a .csv file) inside content/, written relative to content/, "
        "e.g. `data/enkat-2016.xlsx`.",
    )
    sheet: Text | None = Field(None, description="The sheet's name, e.g. `Svar`; the workbook's first sheet when left "
                               "out (a CSV file has no sheets).")


class Survey(Model):
    """A survey of working methods among the county boards."""

    title: Text = Field(description="The survey's name.")
    short: Text | None = Field(None, max_length=20, description="A short name for chart legends, e.g. `2016`; "
                               "a year in the file name (or the file name) when left out.")
    description: str | None = Field(None, description="What the survey asked, and of whom.")
    categories: Categories = Field(description="The answer categories.")
    missing_label: Text = Field("Uppgift saknas", description="Label for the share the survey does not give.")
    method_label: Text = Field("Arbetssätt / metod", description="Header of the method column in tables.")
    groups: list[Group] = Field(min_length=1, description="The method groups, in survey order.")
    answers: AnswerSheet | None = Field(
        None,
        description="The answers as a sheet (one row per county board, one column per method): every share is then "
        "computed from it, and no method has `results:` of its own.",
    )

    def methods(self) -> list[Method]:
        """All methods in survey order."""
        return [m for g in self.groups for m in g.methods]

    def method(self, number: int) -> Method:
        """The method with that number (KeyError when absent)."""
        for m in self.methods():
            if m.number == number:
                return m
        raise KeyError(number)

    def numbers(self) -> list[int]:
        """All method numbers in survey order."""
        return [m.number for m in self.methods()]

    def legend_name(self, ref: str) -> str:
        """The survey's name in a legend: its `short`, else a year in its file name (`survey-2015.yaml` → 2015), else the file name."""
        if self.short:
            return self.short
        stem = PurePosixPath(ref).stem
        year = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", stem)
        return year.group() if year else stem

    def with_results(self, results: dict[int, Results]) -> "Survey":
        """The survey with these results in place of its methods' own (the shares computed from its answers)."""
        groups = [
            g.model_copy(update={"methods": [m.model_copy(update={"results": results.get(m.number, Results())})
                                             for m in g.methods]})
            for g in self.groups
        ]
        return self.model_copy(update={"groups": groups})
