"""An assignment from the appropriation directions (regleringsbrev), with its parts and follow-up."""

from __future__ import annotations

from pydantic import Field

from slidegen.models.base import Model, Text


class Assignment(Model):
    """The assignment text and what has been done to follow it up."""

    number: int = Field(ge=1, strict=True, description="The assignment's number in the directions, e.g. 51.")
    source: Text = Field(description="Where the assignment comes from, e.g. `RB 2015`.")
    heading: Text = Field(description="The section of the directions, shown as the slide's first line.")
    lead: Text = Field(description="The assignment's opening sentence, up to its lettered parts.")
    parts: list[Text] = Field(min_length=1, description="The parts, lettered a), b), … in this order.")
    tail: Text | None = Field(None, description="The sentence that follows the parts, if any.")
    context: Text | None = Field(None, description="A paragraph placing the assignment in context.")
    follow_up: list[Text] = Field(default_factory=list, description="What has been done so far, one line each.")
