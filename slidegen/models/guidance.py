"""A list of guidance and method-development efforts, each with its status remark."""

from __future__ import annotations

from pydantic import Field

from slidegen.models.base import Model, Text


class Effort(Model):
    """One effort: its name, a status remark (`klar`, `dec.` …) and an optional note after it."""

    name: Text = Field(description="What the effort is, e.g. `Vägledning miljömålsprocessen`.")
    status: Text | None = Field(None, description="The status remark shown in parentheses, e.g. `klar 2017`.")
    note: Text | None = Field(None, description="Text after the status, e.g. `ny kurs 2018`.")

    def line(self) -> str:
        """The effort as one line: `name (status), note`."""
        out = self.name
        if self.status:
            out += f" ({self.status})"
        if self.note:
            out += f", {self.note}"
        return out


class Guidance(Model):
    """The efforts of a working group, in the order they are presented."""

    title: Text = Field(description="What the list is, e.g. `RUS metodutvecklingsinsatser`.")
    efforts: list[Effort] = Field(min_length=1, description="The efforts, one per line on the slide.")
    closing: Text | None = Field(None, description="A closing line that applies to all efforts.")
