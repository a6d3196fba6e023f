"""Bullets with sub-bullets, and a shared list of them (e.g. the survey's conclusions) that several decks show."""

from __future__ import annotations

from typing import Union

from pydantic import Field

from slidegen.models.base import Model, Text


class BulletItem(Model):
    """A bullet with sub-bullets."""

    text: Text = Field(description="The bullet's text.")
    items: list["Bullet"] = Field(default_factory=list, description="Sub-bullets.")


Bullet = Union[Text, BulletItem]


class BulletList(Model):
    """A titled list of bullets that several decks show."""

    title: Text = Field(description="The list's title; slides may give their own.")
    items: list[Bullet] = Field(min_length=1, description="The bullets: text, or `text` with `items` below it.")
