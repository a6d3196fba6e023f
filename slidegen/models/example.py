"""A good example from a county board: its county, what it does, the survey methods it shows."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from slidegen.errors import suggest
from slidegen.models.base import Model, Text
from slidegen.models.county import county_names, find_county

EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")

MAX_PER_COUNTY = 2
"""The seed's rule: every county tells about 1, at most 2, examples."""


def _email(value: str) -> str:
    if not EMAIL.match(value):
        raise ValueError(f"`{value}` is not an e-mail address; write it like namn.efternamn@lansstyrelsen.se")
    return value


Email = Annotated[str, AfterValidator(_email)]
"""An e-mail address, checked for its form."""


class Contact(Model):
    """Who to ask about the example."""

    name: Text = Field(description="The contact person's name.")
    email: Email | None = Field(None, description="The contact's e-mail address.")


class Example(Model):
    """One good example of working with assignment 51, from one county board."""

    county: str = Field(description="The county, e.g. `Skåne`, `Skåne län` or `M`.")
    title: Text = Field(max_length=120, description="A short title for the slide.")
    description: list[Text] = Field(min_length=1, max_length=6, description="What the example is, in 1–6 bullets.")
    methods: list[Annotated[int, Field(ge=1, strict=True)]] = Field(
        min_length=1, description="The survey's method numbers the example illustrates, e.g. `[23]` or `[5, 8]`."
    )
    contact: Contact | None = Field(None, description="Who to ask about the example.")
    picture: str | None = Field(None, description="A picture inside content/: PNG, JPEG, HEIC or WebP, a phone photo as it is (it is turned upright, made small and stripped of its metadata), e.g. `bilder/klimatrad.jpg`.")
    picture_alt: Text | None = Field(None, description="What the picture shows, for readers who cannot see it.")
    status: Literal["utkast", "klar"] = Field("utkast", description="`utkast` (draft) or `klar` (ready to show).")

    @field_validator("county")
    @classmethod
    def _county(cls, value: str) -> str:
        county = find_county(value)
        if county is None:
            raise ValueError(f"`{value}` is not one of Sweden's 21 counties{suggest(value, county_names())}")
        return county.name

    @field_validator("methods")
    @classmethod
    def _unique(cls, value: list[int]) -> list[int]:
        dupes = sorted({n for n in value if value.count(n) > 1})
        if dupes:
            raise ValueError(f"method {', '.join(map(str, dupes))} is listed twice")
        return value

    @model_validator(mode="after")
    def _alt_text(self) -> "Example":
        if self.picture and not (self.picture_alt and self.picture_alt.strip()):
            raise ValueError("a picture needs `picture_alt`: one sentence on what it shows, for readers who cannot see it")
        return self

    @property
    def draft(self) -> bool:
        return self.status == "utkast"
