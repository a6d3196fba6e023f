"""A shared list of bullets (e.g. the survey's conclusions), used by decks that show the same points."""

from __future__ import annotations

from pydantic import Field

from slidegen.models.base import Model, Text
from slidegen.models.deck import Bullet


class BulletList(Model):
    """A titled list of bullets that several decks show."""

    title: Text = Field(description="The list's title; slides may give their own.")
    items: list[Bullet] = Field(min_length=1, description="The bullets: text, or `text` with `items` below it.")
